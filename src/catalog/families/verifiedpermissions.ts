// Amazon Verified Permissions policy stores.
import type { CatalogRow } from '../types.js';

export const verifiedpermissionsRows: readonly CatalogRow[] = [
  {
    // "AWS Owned Key: The default encryption type"; KmsEncryptionSettings names a customer managed key.
    cfnTypes: ['AWS::VerifiedPermissions::PolicyStore'],
    service: 'Amazon Verified Permissions',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/verifiedpermissions/latest/userguide/security-data-protection-cmk.html',
    slots: [
      {
        purpose: 'data',
        key: 'EncryptionSettings.KmsEncryptionSettings.Key',
        on: { present: 'EncryptionSettings.KmsEncryptionSettings' },
        onNoKey: { kind: 'unknown', why: 'KmsEncryptionSettings needs Key' },
        off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key' } }],
      },
    ],
  },
];
