// AWS Proton environment and service templates.
import type { CatalogRow } from '../types.js';
import { alwaysEncrypted } from '../slot-kit.js';

export const protonRows: readonly CatalogRow[] = [
  {
    // "Within AWS Proton, all customer data is encrypted by default using an AWS Proton owned key."
    cfnTypes: ['AWS::Proton::EnvironmentTemplate', 'AWS::Proton::ServiceTemplate'],
    service: 'AWS Proton',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/proton/latest/userguide/data-protection.html',
    slots: [alwaysEncrypted('EncryptionKey', { kind: 'aws-owned', what: 'an AWS Proton owned key' })],
  },
];
