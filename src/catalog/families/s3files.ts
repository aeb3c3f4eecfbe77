// Amazon S3 Files file systems.
import type { CatalogRow } from '../types.js';
import { alwaysEncrypted } from '../slot-kit.js';

export const s3filesRows: readonly CatalogRow[] = [
  {
    // "(Default) Server-side encryption with AWS owned KMS keys (SSE-KMS)".
    cfnTypes: ['AWS::S3Files::FileSystem'],
    service: 'Amazon S3 Files',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-files-encryption.html',
    slots: [alwaysEncrypted('KmsKeyId', { kind: 'aws-owned', what: 'an AWS owned KMS key' })],
  },
];
