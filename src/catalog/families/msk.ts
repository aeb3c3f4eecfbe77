// Amazon MSK channels (data delivery from Express brokers to a general purpose S3 bucket or to
// Apache Iceberg tables on S3 Tables). MSK's "Encryption at rest" pages for channels: "Data
// delivered to S3 … is encrypted at rest using the destination bucket's default encryption
// settings: SSE-S3 (Amazon S3 managed keys) — default. SSE-KMS (AWS KMS managed keys) — specify your
// KMS key." and "You can also set a customer-managed KMS key at the Channel level … using the
// encryptionConfiguration.kmsKeyArn field." P: without the channel key the bucket's own default
// applies, SSE-S3 unless the bucket is set to SSE-KMS.
import type { CatalogRow, Outcome } from '../types.js';
import { optionalKey } from '../slot-kit.js';

const BUCKET_DEFAULT: Outcome = {
  kind: 'aws-owned',
  what: 'the destination bucket’s default encryption (SSE-S3 unless the bucket is set to SSE-KMS)',
};

export const mskRows: readonly CatalogRow[] = [
  {
    cfnTypes: ['AWS::MSK::Channel'],
    service: 'Amazon MSK',
    confidence: 'P',
    source:
      'https://docs.aws.amazon.com/msk/latest/developerguide/msk-data-delivery-security-rest.html https://docs.aws.amazon.com/msk/latest/developerguide/msk-data-delivery-iceberg-security-rest.html',
    slots: [optionalKey('EncryptionConfiguration.KmsKeyArn', BUCKET_DEFAULT)],
    terraform: [{ type: 'aws_msk_channel', slots: [optionalKey('encryption_configuration[].kms_key_arn', BUCKET_DEFAULT)] }],
  },
];
