// Lambda event source mappings: the key of their filter criteria.
import type { CatalogRow, KeySlot } from '../types.js';

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

export const lambdaRows: readonly CatalogRow[] = [
  {
    cfnTypes: ['AWS::Lambda::EventSourceMapping'],
    service: 'Lambda',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/lambda/latest/dg/security-encryption-at-rest.html',
    slots: [filterCriteriaSlot('KmsKeyArn')],
    terraform: [{ type: 'aws_lambda_event_source_mapping', slots: [filterCriteriaSlot('kms_key_arn')] }],
  },
];
