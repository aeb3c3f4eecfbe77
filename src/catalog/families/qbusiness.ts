// Amazon Q Business applications.
import type { CatalogRow } from '../types.js';
import { alwaysEncrypted } from '../slot-kit.js';

export const qbusinessRows: readonly CatalogRow[] = [
  {
    cfnTypes: ['AWS::QBusiness::Application'],
    service: 'Amazon Q Business',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/amazonq/latest/qbusiness-ug/key-management.html',
    slots: [alwaysEncrypted('EncryptionConfiguration.KmsKeyId', { kind: 'aws-owned', what: 'an AWS owned key' })],
  },
];
