// Lambda event source mappings (the key of their filter criteria) and capacity providers (the EBS
// volumes of Lambda Managed Instances).
import type { CatalogRow, KeySlot, Outcome } from '../types.js';
import { optionalKey } from '../slot-kit.js';

/**
 * Lambda "always provides at-rest encryption" for event source mapping filter criteria; with no
 * key named, the key it uses is not named (the API says only that Lambda does not then use a
 * customer managed key), so the AWS owned outcome carries "may" (P).
 */
function filterCriteriaSlot(key: string): KeySlot {
  return {
    purpose: 'data',
    key,
    on: { present: key },
    onNoKey: { kind: 'unknown', why: 'no key named' },
    off: [{ outcome: { kind: 'aws-owned', what: "Lambda's own at-rest encryption of the filter criteria", note: 'the key type is not named by AWS' } }],
  };
}

/**
 * Capacity providers, "KmsKeyArn: Specify a AWS KMS key for EBS encryption. Defaults to AWS managed
 * key if not specified." (Lambda Managed Instances, capacity providers). The page names no alias;
 * the AWS managed key of Amazon EBS is aws/ebs (EBS encryption page), hence P. The SAM row of
 * AWS::Serverless::CapacityProvider (sam-rows.ts) states the same.
 */
export const CAPACITY_PROVIDER_DEFAULT: Outcome = {
  kind: 'aws-managed',
  alias: 'alias/aws/ebs',
  note: 'Lambda says only "Defaults to AWS managed key" for the EBS encryption of its instances; aws/ebs is the AWS managed key of Amazon EBS',
};

export const CAPACITY_PROVIDER_SOURCE =
  'https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances-capacity-providers.html https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html';

export const lambdaRows: readonly CatalogRow[] = [
  {
    cfnTypes: ['AWS::Lambda::EventSourceMapping'],
    service: 'Lambda',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/lambda/latest/dg/security-encryption-at-rest.html',
    slots: [filterCriteriaSlot('KmsKeyArn')],
    terraform: [{ type: 'aws_lambda_event_source_mapping', slots: [filterCriteriaSlot('kms_key_arn')] }],
  },
  {
    cfnTypes: ['AWS::Lambda::CapacityProvider'],
    service: 'Lambda Managed Instances',
    alias: 'alias/aws/ebs',
    confidence: 'P',
    source: CAPACITY_PROVIDER_SOURCE,
    slots: [optionalKey('KmsKeyArn', CAPACITY_PROVIDER_DEFAULT)],
    terraform: [{ type: 'aws_lambda_capacity_provider', slots: [optionalKey('kms_key_arn', CAPACITY_PROVIDER_DEFAULT)] }],
  },
];
