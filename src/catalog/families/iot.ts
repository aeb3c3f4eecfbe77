// AWS IoT Core: the account's encryption configuration for data at rest.
import type { CatalogRow } from '../types.js';

export const iotRows: readonly CatalogRow[] = [
  {
    // "By default, all AWS IoT Core data at rest is encrypted using AWS owned keys";
    // `EncryptionType: CUSTOMER_MANAGED_KMS_KEY` selects the key in `KmsKeyArn`.
    cfnTypes: ['AWS::IoT::EncryptionConfiguration'],
    service: 'AWS IoT Core',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/iot/latest/developerguide/encryption-at-rest.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyArn',
        on: { path: 'EncryptionType', equals: ['CUSTOMER_MANAGED_KMS_KEY'] },
        onNoKey: { kind: 'unknown', why: 'EncryptionType CUSTOMER_MANAGED_KMS_KEY needs KmsKeyArn' },
        off: [{ outcome: { kind: 'aws-owned', what: 'AWS owned keys (AWS IoT Core)' } }],
      },
    ],
  },
];
