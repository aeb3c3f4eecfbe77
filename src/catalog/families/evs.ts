// Amazon EVS environment: the Secrets Manager secrets that hold its VCF credentials.
import type { CatalogRow } from '../types.js';

export const evsRows: readonly CatalogRow[] = [
  {
    // "By default, Amazon EVS use the AWS Secrets Manager managed key aws/secretsmanager" (CFN text).
    cfnTypes: ['AWS::EVS::Environment'],
    service: 'Amazon EVS',
    alias: 'alias/aws/secretsmanager',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-evs-environment.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyId',
        on: { always: true },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/secretsmanager' },
        off: [],
      },
    ],
  },
];
