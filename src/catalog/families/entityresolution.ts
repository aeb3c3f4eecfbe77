// AWS Entity Resolution workflows: the key of their output in Amazon S3.
import type { CatalogRow } from '../types.js';

export const entityResolutionRows: readonly CatalogRow[] = ['IdMappingWorkflow', 'MatchingWorkflow'].map(
  (name): CatalogRow => ({
    // "If not provided, system will use an AWS Entity Resolution managed KMS key" (CFN `KMSArn`
    // text): whether that key is AWS owned or an AWS managed key in the account is not said.
    cfnTypes: [`AWS::EntityResolution::${name}`],
    service: 'AWS Entity Resolution',
    confidence: 'P',
    source: `https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-entityresolution-${name.toLowerCase()}.html`,
    slots: [
      {
        purpose: 'data',
        scope: 'OutputSourceConfig[]',
        key: 'KMSArn',
        on: { present: 'KMSArn' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [
          {
            outcome: {
              kind: 'aws-owned',
              what: 'a KMS key managed by AWS Entity Resolution',
              note: 'the documentation does not say whether it is AWS owned or an AWS managed key',
            },
          },
        ],
      },
    ],
  }),
);
