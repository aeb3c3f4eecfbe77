// Catalog rows, one per service resource family. Facts and sources: ../../rules/../docs/catalog.md
// and the reference service catalog (row numbers in comments).
import type { CatalogRow } from './types.js';

const KMS_ALGOS = ['aws:kms', 'aws:kms:dsse'] as const;

export const rows: readonly CatalogRow[] = [
  // 1
  {
    cfnTypes: ['AWS::S3::Bucket'],
    service: 'Amazon S3',
    alias: 'alias/aws/s3',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-encryption.html',
    slots: [
      {
        purpose: 'data',
        scope: 'BucketEncryption.ServerSideEncryptionConfiguration[]',
        key: 'ServerSideEncryptionByDefault.KMSMasterKeyID',
        on: { path: 'ServerSideEncryptionByDefault.SSEAlgorithm', equals: KMS_ALGOS },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/s3' },
        off: [{ outcome: { kind: 'aws-owned', what: 'SSE-S3 (keys managed by Amazon S3, outside KMS)' } }],
      },
      {
        purpose: 'replica',
        scope: 'ReplicationConfiguration.Rules[]',
        key: 'Destination.EncryptionConfiguration.ReplicaKmsKeyID',
        on: { present: 'Destination.EncryptionConfiguration.ReplicaKmsKeyID' },
        onNoKey: { kind: 'unknown', why: 'no replica key' },
        off: [],
      },
    ],
    terraform: [
      {
        type: 'aws_s3_bucket_server_side_encryption_configuration',
        slots: [
          {
            purpose: 'data',
            scope: 'rule[]',
            key: 'apply_server_side_encryption_by_default[].kms_master_key_id',
            on: { path: 'apply_server_side_encryption_by_default[].sse_algorithm', equals: KMS_ALGOS },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/s3' },
            off: [{ outcome: { kind: 'aws-owned', what: 'SSE-S3 (keys managed by Amazon S3, outside KMS)' } }],
          },
        ],
      },
    ],
  },
  // 8
  {
    cfnTypes: ['AWS::RDS::DBInstance'],
    service: 'RDS',
    alias: 'alias/aws/rds',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.Keys.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyId',
        on: { path: 'StorageEncrypted', equals: [true] },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/rds' },
        off: [{ outcome: { kind: 'none', note: 'unless it is an Aurora instance or a replica/restore of an encrypted source, which inherit encryption' } }],
      },
      {
        purpose: 'performance-insights',
        key: 'PerformanceInsightsKMSKeyId',
        on: { path: 'EnablePerformanceInsights', equals: [true] },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/rds' },
        off: [],
      },
      {
        purpose: 'master-secret',
        key: 'MasterUserSecret.KmsKeyId',
        on: { path: 'ManageMasterUserPassword', equals: [true] },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/secretsmanager' },
        off: [],
      },
    ],
    terraform: [
      {
        type: 'aws_db_instance',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_id',
            on: { path: 'storage_encrypted', equals: [true] },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/rds' },
            off: [{ outcome: { kind: 'none' } }],
          },
        ],
      },
    ],
  },
  // 16
  {
    cfnTypes: ['AWS::SQS::Queue'],
    service: 'Amazon SQS',
    alias: 'alias/aws/sqs',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsMasterKeyId',
        on: { present: 'KmsMasterKeyId' },
        onNoKey: { kind: 'unknown', why: 'SSE-KMS needs a key' },
        off: [
          { when: { path: 'SqsManagedSseEnabled', equals: [false] }, outcome: { kind: 'none' } },
          { outcome: { kind: 'aws-owned', what: 'SSE-SQS (keys owned by Amazon SQS)' } },
        ],
      },
    ],
    terraform: [
      {
        type: 'aws_sqs_queue',
        slots: [
          {
            purpose: 'data',
            key: 'kms_master_key_id',
            on: { present: 'kms_master_key_id' },
            onNoKey: { kind: 'unknown', why: 'SSE-KMS needs a key' },
            off: [
              { when: { path: 'sqs_managed_sse_enabled', equals: [false] }, outcome: { kind: 'none' } },
              { outcome: { kind: 'aws-owned', what: 'SSE-SQS (keys owned by Amazon SQS)' } },
            ],
          },
        ],
      },
    ],
  },
];
