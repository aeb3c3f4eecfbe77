// Timestream types beyond rows.ts: scheduled queries and tables.
import type { CatalogRow } from '../types.js';
import { alwaysEncrypted, cfnPage, namedOnly } from '../slot-kit.js';

export const timestreamRows: readonly CatalogRow[] = [
  {
    // "If the Amazon KMS key is not specified, the scheduled query resource will be encrypted with a
    // Timestream owned Amazon KMS key."
    cfnTypes: ['AWS::Timestream::ScheduledQuery'],
    service: 'Timestream',
    confidence: 'V',
    source: cfnPage('AWS::Timestream::ScheduledQuery'),
    slots: [alwaysEncrypted('KmsKeyId', { kind: 'aws-owned', what: 'a Timestream owned KMS key' })],
  },
  {
    // A table names no key of its own: its data is encrypted with its database's key (the encryption
    // page sets keys per database; that tables inherit it is partly verified).
    cfnTypes: ['AWS::Timestream::Table'],
    service: 'Timestream',
    alias: 'alias/aws/timestream',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/timestream/latest/developerguide/EncryptionAtRest.html',
    slots: [
      {
        purpose: 'data',
        on: { always: true },
        keptFromSource: [{ when: { present: 'DatabaseName' }, outcome: { kind: 'inherit', from: 'DatabaseName', what: 'its Timestream database' } }],
        onNoKey: { kind: 'unknown', why: 'no database is named' },
        off: [],
      },
      namedOnly('rejected-records', 'MagneticStoreWriteProperties.MagneticStoreRejectedDataLocation.S3Configuration.KmsKeyId', undefined, 'alias/aws/s3'),
    ],
  },
];
