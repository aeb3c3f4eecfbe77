// Amazon Redshift zero-ETL and S3 event integrations.
import type { CatalogRow } from '../types.js';
import { alwaysEncrypted } from '../slot-kit.js';

export const redshiftRows: readonly CatalogRow[] = [
  {
    // create-integration --kms-key-id: "If you don't specify an encryption key, the default AWS owned key is used."
    cfnTypes: ['AWS::Redshift::Integration'],
    service: 'Amazon Redshift',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/cli/v1/reference/redshift/create-integration.html',
    slots: [alwaysEncrypted('KMSKeyId', { kind: 'aws-owned', what: 'the default AWS owned key' })],
  },
];
