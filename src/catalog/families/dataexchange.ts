// AWS Data Exchange event actions export each new revision to Amazon S3. "You can choose to use
// server-side encryption with Amazon S3-Managed Keys (SSE-S3) or server-side encryption with KMS keys
// stored in AWS Key Management Service (SSE-KMS)" (exporting-revisions); the choice is
// Encryption.Type, `aws:kms` or `AES256`, and KmsKeyArn "is required if you choose aws:kms as an
// encryption type" (API ExportServerSideEncryption). What an export without Encryption gets is not
// stated (P). No Terraform counterpart yet: the stored versions of the provider's
// aws_dataexchange_event_action disagree on the block layout (docs/catalog-notes-group-1.md).
import type { CatalogRow } from '../types.js';

const KEY = 'Action.ExportRevisionToS3.Encryption.KmsKeyArn';
const TYPE = 'Action.ExportRevisionToS3.Encryption.Type';

export const dataexchangeRows: readonly CatalogRow[] = [
  {
    cfnTypes: ['AWS::DataExchange::EventAction'],
    service: 'AWS Data Exchange',
    confidence: 'P',
    source:
      'https://docs.aws.amazon.com/data-exchange/latest/userguide/exporting-revisions.html https://docs.aws.amazon.com/data-exchange/latest/apireference/API_ExportServerSideEncryption.html',
    slots: [
      {
        purpose: 'data',
        key: KEY,
        // The key is handed to Amazon S3 for the exported objects.
        alias: 'alias/aws/s3',
        on: { path: TYPE, equals: ['aws:kms'] },
        onNoKey: { kind: 'unknown', why: 'Encryption.Type aws:kms requires KmsKeyArn' },
        off: [
          { when: { path: TYPE, equals: ['AES256'] }, outcome: { kind: 'aws-owned', what: 'SSE-S3 (keys managed by Amazon S3, outside KMS)' } },
          { outcome: { kind: 'unknown', why: 'no Encryption: Data Exchange states no default for the exported objects' } },
        ],
      },
    ],
  },
];
