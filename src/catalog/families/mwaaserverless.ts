// Amazon MWAA Serverless workflows.
import type { CatalogRow } from '../types.js';

export const mwaaServerlessRows: readonly CatalogRow[] = [
  {
    // `Type` (required in the structure) is CUSTOMER_MANAGED_KEY (the key `KmsKeyId`) or
    // AWS_MANAGED_KEY, "AWS manages the encryption key". Whether that key is AWS owned or an
    // AWS managed key in the account is not said, and no default without the structure is stated.
    cfnTypes: ['AWS::MWAAServerless::Workflow'],
    service: 'Amazon MWAA Serverless',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/mwaa-serverless/latest/APIReference/API_EncryptionConfiguration.html',
    slots: [
      {
        purpose: 'data',
        key: 'EncryptionConfiguration.KmsKeyId',
        on: { path: 'EncryptionConfiguration.Type', equals: ['CUSTOMER_MANAGED_KEY'] },
        onNoKey: { kind: 'unknown', why: 'Type CUSTOMER_MANAGED_KEY needs KmsKeyId' },
        off: [
          {
            when: { path: 'EncryptionConfiguration.Type', equals: ['AWS_MANAGED_KEY'] },
            outcome: {
              kind: 'aws-owned',
              what: 'a key AWS manages (Type AWS_MANAGED_KEY)',
              note: 'the documentation does not say whether it is AWS owned or an AWS managed key in the account',
            },
          },
          { outcome: { kind: 'unknown', why: 'no page states which key a workflow without EncryptionConfiguration uses' } },
        ],
      },
    ],
  },
];
