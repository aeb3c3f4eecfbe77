// Catalog rows, one per service resource family. Facts and sources: ../../rules/../docs/catalog.md
// and the reference service catalog (row numbers in comments). Facts that had to be looked up beyond
// the reference catalog are listed, with their sources, in ../../docs/catalog-notes.md.
import type { CatalogRow, KeySlot, Outcome } from './types.js';
import { samRows } from './sam-rows.js';
import { familyRows } from './families/index.js';
import { namedOnly } from './slot-kit.js';

const KMS_ALGOS = ['aws:kms', 'aws:kms:dsse'] as const;

/** What EBS falls back to when a volume is encrypted and names no key (rows 4–7, 67, 85). */
const EBS_DEFAULT_KEY: Outcome = {
  kind: 'aws-managed',
  alias: 'alias/aws/ebs',
  note: 'or the customer managed key the account set as its default EBS key for the Region',
};

/** Unencrypted block devices of instances, launch templates, recipes (rows 5–7, 67). */
const EBS_DEVICE_OFF: KeySlot['off'] = [
  {
    outcome: {
      kind: 'none',
      note: 'unless the AMI snapshot is encrypted or EBS encryption by default is on for the account and Region, which then apply their key',
    },
  },
];

/** Keys handed to Amazon S3 for objects a service writes there may be S3's AWS managed key. */
const S3_ALIAS = 'alias/aws/s3';


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
      // S3 Metadata tables take a customer managed key only (no AWS managed fallback).
      namedOnly('metadata-journal-table', 'MetadataConfiguration.JournalTableConfiguration.EncryptionConfiguration.KmsKeyArn'),
      namedOnly('metadata-inventory-table', 'MetadataConfiguration.InventoryTableConfiguration.EncryptionConfiguration.KmsKeyArn'),
      namedOnly('metadata-annotation-table', 'MetadataConfiguration.AnnotationTableConfiguration.EncryptionConfiguration.KmsKeyArn'),
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
      {
        // Legacy inline configuration; the split resource above may configure the same bucket instead.
        type: 'aws_s3_bucket',
        slots: [
          {
            purpose: 'data',
            scope: 'server_side_encryption_configuration[].rule[]',
            key: 'apply_server_side_encryption_by_default[].kms_master_key_id',
            on: { path: 'apply_server_side_encryption_by_default[].sse_algorithm', equals: KMS_ALGOS },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/s3' },
            off: [
              {
                outcome: {
                  kind: 'aws-owned',
                  what: 'SSE-S3 (keys managed by Amazon S3, outside KMS)',
                  note: 'unless an aws_s3_bucket_server_side_encryption_configuration resource sets SSE-KMS for this bucket',
                },
              },
            ],
          },
        ],
      },
      {
        // Its only key is the replica key, so that is this resource's primary key.
        type: 'aws_s3_bucket_replication_configuration',
        slots: [
          {
            purpose: 'data',
            scope: 'rule[]',
            key: 'destination[].encryption_configuration[].replica_kms_key_id',
            on: { present: 'destination[].encryption_configuration[].replica_kms_key_id' },
            onNoKey: { kind: 'unknown', why: 'no replica key' },
            off: [
              {
                outcome: {
                  kind: 'aws-owned',
                  what: 'SSE-S3 for the replicas (keys managed by Amazon S3, outside KMS)',
                  note: 'SSE-KMS objects are replicated only when a replica key is named',
                },
              },
            ],
          },
        ],
      },
    ],
  },
  // 2
  {
    cfnTypes: ['AWS::S3Express::DirectoryBucket'],
    service: 'Amazon S3 Express One Zone',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-express-UsingKMSEncryption.html',
    slots: [
      {
        purpose: 'data',
        scope: 'BucketEncryption.ServerSideEncryptionConfiguration[]',
        key: 'ServerSideEncryptionByDefault.KMSMasterKeyID',
        on: { path: 'ServerSideEncryptionByDefault.SSEAlgorithm', equals: ['aws:kms'] },
        onNoKey: { kind: 'unknown', why: 'SSE-KMS on a directory bucket needs a customer managed key; alias/aws/s3 is not supported' },
        off: [{ outcome: { kind: 'aws-owned', what: 'SSE-S3 (keys managed by Amazon S3, outside KMS)' } }],
      },
    ],
    // The split aws_s3_bucket_server_side_encryption_configuration is shared with row 1 (which the
    // lookup finds first); the pairing with directory buckets is inferred in the reference.
    terraform: [
      {
        type: 'aws_s3_directory_bucket',
        slots: [
          {
            purpose: 'data',
            on: { always: true },
            onNoKey: {
              kind: 'aws-owned',
              what: 'SSE-S3 (keys managed by Amazon S3, outside KMS)',
              note: 'unless an aws_s3_bucket_server_side_encryption_configuration resource sets SSE-KMS with a customer managed key; that pairing may differ',
            },
            off: [],
          },
        ],
      },
    ],
  },
  // 3
  {
    cfnTypes: ['AWS::S3Tables::TableBucket'],
    service: 'Amazon S3 Tables',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-s3tables-tablebucket.html',
    slots: [
      {
        purpose: 'data',
        key: 'EncryptionConfiguration.KMSKeyArn',
        on: { path: 'EncryptionConfiguration.SSEAlgorithm', equals: ['aws:kms'] },
        onNoKey: { kind: 'unknown', why: 'SSEAlgorithm aws:kms needs KMSKeyArn' },
        off: [
          {
            outcome: {
              kind: 'aws-owned',
              what: 'SSE-S3 (AES256, keys managed by Amazon S3, outside KMS)',
              note: 'the default may differ: inferred, not stated by AWS',
            },
          },
        ],
      },
    ],
    terraform: [
      {
        // encryption_configuration is an object attribute here, not a nested block.
        type: 'aws_s3tables_table_bucket',
        slots: [
          {
            purpose: 'data',
            key: 'encryption_configuration.kms_key_arn',
            on: { path: 'encryption_configuration.sse_algorithm', equals: ['aws:kms'] },
            onNoKey: { kind: 'unknown', why: 'sse_algorithm aws:kms needs kms_key_arn' },
            off: [
              {
                outcome: {
                  kind: 'aws-owned',
                  what: 'SSE-S3 (AES256, keys managed by Amazon S3, outside KMS)',
                  note: 'the default may differ: inferred, not stated by AWS',
                },
              },
            ],
          },
        ],
      },
    ],
  },
  // 4
  {
    cfnTypes: ['AWS::EC2::Volume'],
    service: 'Amazon EBS',
    alias: 'alias/aws/ebs',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyId',
        on: { path: 'Encrypted', equals: [true] },
        onNoKey: EBS_DEFAULT_KEY,
        off: [
          {
            outcome: {
              kind: 'none',
              note: 'unless EBS encryption by default is on for the account and Region, or the volume comes from an encrypted snapshot or volume, whose encryption it inherits',
            },
          },
        ],
      },
    ],
    terraform: [
      {
        type: 'aws_ebs_volume',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_id',
            on: { path: 'encrypted', equals: [true] },
            onNoKey: EBS_DEFAULT_KEY,
            off: [
              {
                outcome: {
                  kind: 'none',
                  note: 'unless EBS encryption by default is on for the account and Region (aws_ebs_encryption_by_default), or the volume comes from an encrypted snapshot, whose encryption it inherits',
                },
              },
            ],
          },
        ],
      },
    ],
  },
  // 5
  {
    cfnTypes: ['AWS::EC2::Instance'],
    service: 'Amazon EBS',
    alias: 'alias/aws/ebs',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
    slots: [
      {
        purpose: 'data',
        scope: 'BlockDeviceMappings[]',
        key: 'Ebs.KmsKeyId',
        on: { path: 'Ebs.Encrypted', equals: [true] },
        onNoKey: EBS_DEFAULT_KEY,
        off: EBS_DEVICE_OFF,
      },
    ],
    terraform: [
      {
        type: 'aws_instance',
        slots: [
          {
            purpose: 'data',
            scope: 'root_block_device[]',
            key: 'kms_key_id',
            on: { path: 'encrypted', equals: [true] },
            onNoKey: EBS_DEFAULT_KEY,
            off: EBS_DEVICE_OFF,
          },
          {
            purpose: 'ebs-block-device',
            scope: 'ebs_block_device[]',
            key: 'kms_key_id',
            on: { path: 'encrypted', equals: [true] },
            onNoKey: EBS_DEFAULT_KEY,
            off: [],
          },
        ],
      },
    ],
  },
  // 6
  {
    cfnTypes: ['AWS::EC2::LaunchTemplate'],
    service: 'Amazon EBS',
    alias: 'alias/aws/ebs',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
    slots: [
      {
        purpose: 'data',
        scope: 'LaunchTemplateData.BlockDeviceMappings[]',
        key: 'Ebs.KmsKeyId',
        on: { path: 'Ebs.Encrypted', equals: [true] },
        onNoKey: EBS_DEFAULT_KEY,
        off: EBS_DEVICE_OFF,
      },
    ],
    terraform: [
      {
        // ebs[].encrypted is the string "true"/"false" in this resource; the interpreter accepts it.
        type: 'aws_launch_template',
        slots: [
          {
            purpose: 'data',
            scope: 'block_device_mappings[]',
            key: 'ebs[].kms_key_id',
            on: { path: 'ebs[].encrypted', equals: [true] },
            onNoKey: EBS_DEFAULT_KEY,
            off: EBS_DEVICE_OFF,
          },
        ],
      },
    ],
  },
  // 7
  {
    // A launch configuration cannot name a key: encrypted volumes always use the default EBS key.
    cfnTypes: ['AWS::AutoScaling::LaunchConfiguration'],
    service: 'Amazon EBS',
    alias: 'alias/aws/ebs',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-data-protection.html',
    slots: [
      {
        purpose: 'data',
        scope: 'BlockDeviceMappings[]',
        on: { path: 'Ebs.Encrypted', equals: [true] },
        onNoKey: EBS_DEFAULT_KEY,
        off: EBS_DEVICE_OFF,
      },
    ],
    terraform: [
      {
        type: 'aws_launch_configuration',
        slots: [
          {
            purpose: 'data',
            scope: 'root_block_device[]',
            on: { path: 'encrypted', equals: [true] },
            onNoKey: EBS_DEFAULT_KEY,
            off: EBS_DEVICE_OFF,
          },
          {
            purpose: 'ebs-block-device',
            scope: 'ebs_block_device[]',
            on: { path: 'encrypted', equals: [true] },
            onNoKey: EBS_DEFAULT_KEY,
            off: [],
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
        // CloudFormation (AWS::RDS::DBInstance KmsKeyId): restored from a snapshot, the instance keeps the
        // snapshot's key, even when StorageEncrypted is true.
        keptFromSource: [
          { when: { present: 'DBSnapshotIdentifier' }, outcome: { kind: 'unknown', why: 'restored from a snapshot, whose key it keeps and the input does not show' } },
          { when: { present: 'DBClusterSnapshotIdentifier' }, outcome: { kind: 'unknown', why: 'restored from a cluster snapshot, whose key it keeps and the input does not show' } },
        ],
        off: [
          // Aurora instances take the cluster's encryption; replicas and restores keep their source's.
          { when: { present: 'DBClusterIdentifier' }, outcome: { kind: 'inherit', from: 'DBClusterIdentifier', what: 'its DB cluster' } },
          { when: { present: 'SourceDBInstanceIdentifier' }, outcome: { kind: 'inherit', from: 'SourceDBInstanceIdentifier', what: 'its source DB instance' } },
          { when: { present: 'SourceDBClusterIdentifier' }, outcome: { kind: 'inherit', from: 'SourceDBClusterIdentifier', what: 'its source DB cluster' } },
          { when: { present: 'DBSnapshotIdentifier' }, outcome: { kind: 'unknown', why: 'restored from a snapshot, whose key it keeps and the input does not show' } },
          { when: { present: 'DBClusterSnapshotIdentifier' }, outcome: { kind: 'unknown', why: 'restored from a cluster snapshot, whose key it keeps and the input does not show' } },
          { outcome: { kind: 'none' } },
        ],
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
      namedOnly('backup-replica', 'AutomaticBackupReplicationKmsKeyId'),
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
            off: [
              { when: { present: 'replicate_source_db' }, outcome: { kind: 'inherit', from: 'replicate_source_db', what: 'its source DB instance' } },
              { when: { present: 'snapshot_identifier' }, outcome: { kind: 'unknown', why: 'restored from a snapshot, whose key it keeps and the input does not show' } },
              { outcome: { kind: 'none' } },
            ],
          },
          {
            purpose: 'performance-insights',
            key: 'performance_insights_kms_key_id',
            on: { path: 'performance_insights_enabled', equals: [true] },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/rds' },
            off: [],
          },
          {
            purpose: 'master-secret',
            key: 'master_user_secret_kms_key_id',
            on: { path: 'manage_master_user_password', equals: [true] },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/secretsmanager' },
            off: [],
          },
        ],
      },
    ],
  },
  // 9
  {
    cfnTypes: ['AWS::RDS::DBCluster'],
    service: 'RDS',
    alias: 'alias/aws/rds',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.Keys.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyId',
        // Aurora Serverless v1 (EngineMode serverless) clusters are always encrypted.
        on: { any: [{ path: 'StorageEncrypted', equals: [true] }, { path: 'EngineMode', equals: ['serverless'] }] },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/rds' },
        // CloudFormation (AWS::RDS::DBCluster KmsKeyId): with SnapshotIdentifier or SourceDBClusterIdentifier
        // the key is inherited from the snapshot or source cluster, even when StorageEncrypted is true.
        keptFromSource: [
          { when: { present: 'SourceDBClusterIdentifier' }, outcome: { kind: 'inherit', from: 'SourceDBClusterIdentifier', what: 'its source DB cluster' } },
          { when: { present: 'SnapshotIdentifier' }, outcome: { kind: 'unknown', why: 'restored from a snapshot, whose key it keeps and the input does not show' } },
        ],
        off: [
          { when: { present: 'SourceDBClusterIdentifier' }, outcome: { kind: 'inherit', from: 'SourceDBClusterIdentifier', what: 'its source DB cluster' } },
          { when: { present: 'SnapshotIdentifier' }, outcome: { kind: 'unknown', why: 'restored from a snapshot, whose key it keeps and the input does not show' } },
          { outcome: { kind: 'none' } },
        ],
      },
      {
        purpose: 'performance-insights',
        key: 'PerformanceInsightsKmsKeyId',
        on: { path: 'PerformanceInsightsEnabled', equals: [true] },
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
        type: 'aws_rds_cluster',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_id',
            on: { any: [{ path: 'storage_encrypted', equals: [true] }, { path: 'engine_mode', equals: ['serverless'] }] },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/rds' },
            off: [{ outcome: { kind: 'none', note: 'unless it is restored from an encrypted snapshot or copied from an encrypted source cluster, which it then inherits' } }],
          },
          {
            purpose: 'performance-insights',
            key: 'performance_insights_kms_key_id',
            on: { path: 'performance_insights_enabled', equals: [true] },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/rds' },
            off: [],
          },
          {
            purpose: 'master-secret',
            key: 'master_user_secret_kms_key_id',
            on: { path: 'manage_master_user_password', equals: [true] },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/secretsmanager' },
            off: [],
          },
        ],
      },
    ],
  },
  // 10
  {
    // No key property: each member AWS::RDS::DBCluster names its own KmsKeyId.
    cfnTypes: ['AWS::RDS::GlobalCluster'],
    service: 'RDS',
    alias: 'alias/aws/rds',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-rds-globalcluster.html',
    slots: [
      {
        purpose: 'data',
        on: { path: 'StorageEncrypted', equals: [true] },
        onNoKey: { kind: 'unknown', why: 'each member DB cluster names its own KmsKeyId (alias/aws/rds when it names none)' },
        off: [{ outcome: { kind: 'unknown', why: 'encryption is decided by the source or member DB clusters' } }],
      },
    ],
    terraform: [
      {
        type: 'aws_rds_global_cluster',
        slots: [
          {
            purpose: 'data',
            on: { path: 'storage_encrypted', equals: [true] },
            onNoKey: { kind: 'unknown', why: 'each member DB cluster names its own kms_key_id (alias/aws/rds when it names none)' },
            off: [{ outcome: { kind: 'unknown', why: 'encryption is decided by the source or member DB clusters' } }],
          },
        ],
      },
    ],
  },
  // 11
  {
    cfnTypes: ['AWS::DocDB::DBCluster'],
    service: 'Amazon DocumentDB',
    alias: 'alias/aws/rds',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-docdb-dbcluster.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyId',
        on: { path: 'StorageEncrypted', equals: [true] },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/rds', note: 'the alias may differ: AWS documents only "your default encryption key"' },
        off: [
          {
            outcome: {
              kind: 'none',
              note: 'may differ: unencrypted is the inferred API default; a restore from an encrypted snapshot or source cluster inherits its encryption',
            },
          },
        ],
      },
      {
        purpose: 'master-secret',
        key: 'MasterUserSecretKmsKeyId',
        on: { path: 'ManageMasterUserPassword', equals: [true] },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/secretsmanager' },
        off: [],
      },
    ],
    terraform: [
      {
        type: 'aws_docdb_cluster',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_id',
            on: { path: 'storage_encrypted', equals: [true] },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/rds', note: 'the alias may differ: AWS documents only "your default encryption key"' },
            off: [{ outcome: { kind: 'none', note: 'may differ: unencrypted is the inferred API default' } }],
          },
        ],
      },
    ],
  },
  // 12
  {
    cfnTypes: ['AWS::DocDBElastic::Cluster'],
    service: 'Amazon DocumentDB elastic clusters',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-docdbelastic-cluster.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyId',
        on: { always: true },
        onNoKey: {
          kind: 'aws-managed',
          alias: 'alias/aws/docdb-elastic',
          note: 'the alias is not documented and may differ: AWS says only "the default encryption key that KMS creates for your account"',
        },
        off: [],
      },
    ],
    terraform: [
      {
        type: 'aws_docdbelastic_cluster',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_id',
            on: { always: true },
            onNoKey: {
              kind: 'aws-managed',
              alias: 'alias/aws/docdb-elastic',
              note: 'the alias is not documented and may differ: AWS says only "the default encryption key that KMS creates for your account"',
            },
            off: [],
          },
        ],
      },
    ],
  },
  // 13
  {
    cfnTypes: ['AWS::Neptune::DBCluster'],
    service: 'Neptune',
    alias: 'alias/aws/rds',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-neptune-dbcluster.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyId',
        on: { path: 'StorageEncrypted', equals: [true] },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/rds', note: 'the alias may differ: AWS documents only "the default KMS key"' },
        off: [{ outcome: { kind: 'none', note: 'unless it is restored from an encrypted snapshot or copied from an encrypted source cluster, which it then inherits' } }],
      },
    ],
    terraform: [
      {
        type: 'aws_neptune_cluster',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_arn',
            on: { path: 'storage_encrypted', equals: [true] },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/rds', note: 'the alias may differ: AWS documents only "the default KMS key"' },
            off: [{ outcome: { kind: 'none', note: 'unless it is restored from an encrypted snapshot or copied from an encrypted source cluster, which it then inherits' } }],
          },
        ],
      },
    ],
  },
  // 14
  {
    cfnTypes: ['AWS::DynamoDB::Table'],
    service: 'DynamoDB',
    alias: 'alias/aws/dynamodb',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html',
    slots: [
      {
        purpose: 'data',
        key: 'SSESpecification.KMSMasterKeyId',
        on: { path: 'SSESpecification.SSEEnabled', equals: [true] },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/dynamodb' },
        off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key (DynamoDB always encrypts tables)' } }],
      },
    ],
    terraform: [
      {
        type: 'aws_dynamodb_table',
        slots: [
          {
            purpose: 'data',
            key: 'server_side_encryption[].kms_key_arn',
            on: { path: 'server_side_encryption[].enabled', equals: [true] },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/dynamodb' },
            off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key (DynamoDB always encrypts tables)' } }],
          },
          namedOnly('replica', 'kms_key_arn', 'replica[]'),
        ],
      },
    ],
  },
  // 15
  {
    cfnTypes: ['AWS::DynamoDB::GlobalTable'],
    service: 'DynamoDB',
    alias: 'alias/aws/dynamodb',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-dynamodb-globaltable.html',
    slots: [
      {
        // Awkward: the switch (SSESpecification.SSEEnabled) is table-wide but the key lives in each
        // replica, and a scoped slot cannot see the table-wide switch. So the primary key is the first
        // replica's key (a `[]` inside `key`); the `replica` slot lists every replica's key.
        purpose: 'data',
        key: 'Replicas[].SSESpecification.KMSMasterKeyId',
        on: { path: 'SSESpecification.SSEEnabled', equals: [true] },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/dynamodb', note: 'in each replica Region' },
        off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key (DynamoDB always encrypts tables)' } }],
      },
      namedOnly('replica', 'SSESpecification.KMSMasterKeyId', 'Replicas[]'),
    ],
    // aws_dynamodb_table (server_side_encryption + replica[].kms_key_arn) is covered by row 14.
    terraform: [
      {
        type: 'aws_dynamodb_table_replica',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_arn',
            on: { present: 'kms_key_arn' },
            onNoKey: { kind: 'unknown', why: 'no key named' },
            off: [
              {
                outcome: {
                  kind: 'unknown',
                  why: "the replica follows the main table's encryption: an AWS owned key, or alias/aws/dynamodb in the replica Region when the table enables SSE",
                },
              },
            ],
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
  // 17
  {
    cfnTypes: ['AWS::SNS::Topic'],
    service: 'Amazon SNS',
    alias: 'alias/aws/sns',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsMasterKeyId',
        on: { present: 'KmsMasterKeyId' },
        onNoKey: { kind: 'unknown', why: 'SSE needs a key' },
        off: [{ outcome: { kind: 'none' } }],
      },
    ],
    terraform: [
      {
        type: 'aws_sns_topic',
        slots: [
          {
            purpose: 'data',
            key: 'kms_master_key_id',
            on: { present: 'kms_master_key_id' },
            onNoKey: { kind: 'unknown', why: 'SSE needs a key' },
            off: [{ outcome: { kind: 'none' } }],
          },
        ],
      },
    ],
  },
  // 18
  {
    // AWS::Serverless::Function: sam-rows.ts.
    cfnTypes: ['AWS::Lambda::Function'],
    service: 'Lambda',
    alias: 'alias/aws/lambda',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html',
    slots: [
      {
        // Environment variables and SnapStart snapshots use alias/aws/lambda unless KmsKeyArn names a
        // key; a function with neither has nothing under that key (its package uses an AWS owned key).
        purpose: 'data',
        key: 'KmsKeyArn',
        on: { any: [{ present: 'Environment.Variables' }, { path: 'SnapStart.ApplyOn', equals: ['PublishedVersions'] }] },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/lambda' },
        off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key for its code package (no environment variables or SnapStart snapshot to encrypt with alias/aws/lambda)' } }],
      },
      // The .zip deployment package: an AWS owned key unless this names a customer managed key.
      namedOnly('source-package', 'Code.SourceKMSKeyArn'),
      namedOnly('durable-execution', 'DurableConfig.KMSKeyArn'),
    ],
    terraform: [
      {
        // Provider 5.100.0 has no attribute for the source-package key.
        type: 'aws_lambda_function',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_arn',
            on: { any: [{ present: 'environment[].variables' }, { path: 'snap_start[].apply_on', equals: ['PublishedVersions'] }] },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/lambda' },
            off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key for its code package (no environment variables or SnapStart snapshot to encrypt with alias/aws/lambda)' } }],
          },
        ],
      },
    ],
  },
  // 19
  {
    cfnTypes: ['AWS::Logs::LogGroup'],
    service: 'CloudWatch Logs',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyId',
        on: { present: 'KmsKeyId' },
        onNoKey: { kind: 'unknown', why: 'KMS encryption needs a key ARN' },
        off: [{ outcome: { kind: 'aws-owned', what: 'CloudWatch Logs server-side encryption (service-owned keys; there is no aws/logs key)' } }],
      },
    ],
    terraform: [
      {
        type: 'aws_cloudwatch_log_group',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_id',
            on: { present: 'kms_key_id' },
            onNoKey: { kind: 'unknown', why: 'KMS encryption needs a key ARN' },
            off: [{ outcome: { kind: 'aws-owned', what: 'CloudWatch Logs server-side encryption (service-owned keys; there is no aws/logs key)' } }],
          },
        ],
      },
    ],
  },
  // 20
  {
    cfnTypes: ['AWS::SecretsManager::Secret'],
    service: 'Secrets Manager',
    alias: 'alias/aws/secretsmanager',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyId',
        on: { always: true },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/secretsmanager' },
        off: [],
      },
      {
        // Replicas are always encrypted. `all: [present Region]` (Region is required) instead of
        // `always` so that a secret without replicas reports no replica key.
        purpose: 'replica',
        scope: 'ReplicaRegions[]',
        key: 'KmsKeyId',
        on: { all: [{ present: 'Region' }] },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/secretsmanager', note: 'of the replica Region' },
        off: [],
      },
    ],
    terraform: [
      {
        type: 'aws_secretsmanager_secret',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_id',
            on: { always: true },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/secretsmanager' },
            off: [],
          },
          {
            purpose: 'replica',
            scope: 'replica[]',
            key: 'kms_key_id',
            on: { all: [{ present: 'region' }] },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/secretsmanager', note: 'of the replica Region' },
            off: [],
          },
        ],
      },
    ],
  },
  // 21
  {
    // CloudFormation cannot create SecureString parameters (Type allows only String/StringList) and
    // has no key property; the SecureString branch is kept for templates that try anyway.
    cfnTypes: ['AWS::SSM::Parameter'],
    service: 'Systems Manager Parameter Store',
    alias: 'alias/aws/ssm',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ssm-parameter.html',
    slots: [
      {
        purpose: 'data',
        on: { path: 'Type', equals: ['SecureString'] },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/ssm', note: 'CloudFormation rejects SecureString parameters' },
        off: [{ outcome: { kind: 'none', note: 'a String or StringList parameter is stored as plain text' } }],
      },
    ],
    terraform: [
      {
        type: 'aws_ssm_parameter',
        slots: [
          {
            purpose: 'data',
            key: 'key_id',
            on: { path: 'type', equals: ['SecureString'] },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/ssm' },
            off: [{ outcome: { kind: 'none', note: 'a String or StringList parameter is stored as plain text' } }],
          },
        ],
      },
    ],
  },
  // 22
  {
    cfnTypes: ['AWS::EFS::FileSystem'],
    service: 'Amazon EFS',
    alias: 'alias/aws/elasticfilesystem',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/efs/latest/ug/API_CreateFileSystem.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyId',
        on: { path: 'Encrypted', equals: [true] },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/elasticfilesystem' },
        off: [{ outcome: { kind: 'none', note: 'the CloudFormation/API default; only the console defaults to encrypted' } }],
      },
      {
        // Replication destinations are always encrypted; `any: [present …]` instead of `always`
        // so that a file system without replication reports no replica key.
        purpose: 'replica',
        scope: 'ReplicationConfiguration.Destinations[]',
        key: 'KmsKeyId',
        on: { any: [{ present: 'Region' }, { present: 'AvailabilityZoneName' }, { present: 'FileSystemId' }] },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/elasticfilesystem', note: 'of the destination Region' },
        off: [],
      },
    ],
    terraform: [
      {
        type: 'aws_efs_file_system',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_id',
            on: { path: 'encrypted', equals: [true] },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/elasticfilesystem' },
            off: [{ outcome: { kind: 'none', note: 'the API default; only the console defaults to encrypted' } }],
          },
        ],
      },
      {
        type: 'aws_efs_replication_configuration',
        slots: [
          {
            purpose: 'data',
            scope: 'destination[]',
            key: 'kms_key_id',
            on: { always: true },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/elasticfilesystem', note: 'of the destination Region' },
            off: [],
          },
        ],
      },
    ],
  },
  // 23
  {
    cfnTypes: ['AWS::Kinesis::Stream'],
    service: 'Kinesis Data Streams',
    alias: 'alias/aws/kinesis',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/streams/latest/dev/getting-started-with-sse.html',
    slots: [
      {
        purpose: 'data',
        key: 'StreamEncryption.KeyId',
        on: { path: 'StreamEncryption.EncryptionType', equals: ['KMS'] },
        onNoKey: { kind: 'unknown', why: 'EncryptionType KMS needs KeyId' },
        off: [{ outcome: { kind: 'none' } }],
      },
    ],
    terraform: [
      {
        type: 'aws_kinesis_stream',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_id',
            on: { path: 'encryption_type', equals: ['KMS'], default: 'NONE' },
            onNoKey: { kind: 'unknown', why: 'encryption_type KMS needs kms_key_id' },
            off: [{ outcome: { kind: 'none' } }],
          },
        ],
      },
    ],
  },
  // 24
  {
    cfnTypes: ['AWS::KinesisFirehose::DeliveryStream'],
    service: 'Amazon Data Firehose',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-kinesisfirehose-deliverystream.html',
    slots: [
      {
        purpose: 'data',
        key: 'DeliveryStreamEncryptionConfigurationInput.KeyARN',
        on: { path: 'DeliveryStreamEncryptionConfigurationInput.KeyType', equals: ['CUSTOMER_MANAGED_CMK'] },
        onNoKey: { kind: 'unknown', why: 'KeyType CUSTOMER_MANAGED_CMK needs KeyARN' },
        off: [
          {
            when: { path: 'DeliveryStreamEncryptionConfigurationInput.KeyType', equals: ['AWS_OWNED_CMK'] },
            outcome: { kind: 'aws-owned', what: 'an AWS owned key (KeyType AWS_OWNED_CMK)' },
          },
          { outcome: { kind: 'none', note: 'server-side encryption of the stream is off; S3 destinations fall back to the bucket default' } },
        ],
      },
      // S3 destination and backup keys (KMSEncryptionConfig); none means the bucket default applies.
      ...(
        [
          ['s3-destination', 'S3DestinationConfiguration'],
          ['extended-s3-destination', 'ExtendedS3DestinationConfiguration'],
          ['extended-s3-backup', 'ExtendedS3DestinationConfiguration.S3BackupConfiguration'],
          ['redshift-s3', 'RedshiftDestinationConfiguration.S3Configuration'],
          ['redshift-s3-backup', 'RedshiftDestinationConfiguration.S3BackupConfiguration'],
          ['elasticsearch-s3', 'ElasticsearchDestinationConfiguration.S3Configuration'],
          ['opensearch-s3', 'AmazonopensearchserviceDestinationConfiguration.S3Configuration'],
          ['opensearch-serverless-s3', 'AmazonOpenSearchServerlessDestinationConfiguration.S3Configuration'],
          ['splunk-s3', 'SplunkDestinationConfiguration.S3Configuration'],
          ['http-endpoint-s3', 'HttpEndpointDestinationConfiguration.S3Configuration'],
          ['snowflake-s3', 'SnowflakeDestinationConfiguration.S3Configuration'],
          ['iceberg-s3', 'IcebergDestinationConfiguration.S3Configuration'],
        ] as const
      ).map(([purpose, at]) => namedOnly(purpose, `${at}.EncryptionConfiguration.KMSEncryptionConfig.AWSKMSKeyARN`, undefined, S3_ALIAS)),
    ],
    terraform: [
      {
        type: 'aws_kinesis_firehose_delivery_stream',
        slots: [
          {
            purpose: 'data',
            key: 'server_side_encryption[].key_arn',
            on: {
              all: [
                { path: 'server_side_encryption[].enabled', equals: [true] },
                { path: 'server_side_encryption[].key_type', equals: ['CUSTOMER_MANAGED_CMK'], default: 'AWS_OWNED_CMK' },
              ],
            },
            onNoKey: { kind: 'unknown', why: 'key_type CUSTOMER_MANAGED_CMK needs key_arn' },
            off: [
              {
                when: { path: 'server_side_encryption[].enabled', equals: [true] },
                outcome: { kind: 'aws-owned', what: 'an AWS owned key (key_type AWS_OWNED_CMK)' },
              },
              { outcome: { kind: 'none', note: 'server-side encryption of the stream is off; S3 destinations fall back to the bucket default' } },
            ],
          },
          ...(
            [
              ['extended-s3-destination', 'extended_s3_configuration[]'],
              ['extended-s3-backup', 'extended_s3_configuration[].s3_backup_configuration[]'],
              ['redshift-s3', 'redshift_configuration[].s3_configuration[]'],
              ['redshift-s3-backup', 'redshift_configuration[].s3_backup_configuration[]'],
              ['elasticsearch-s3', 'elasticsearch_configuration[].s3_configuration[]'],
              ['opensearch-s3', 'opensearch_configuration[].s3_configuration[]'],
              ['opensearch-serverless-s3', 'opensearchserverless_configuration[].s3_configuration[]'],
              ['splunk-s3', 'splunk_configuration[].s3_configuration[]'],
              ['http-endpoint-s3', 'http_endpoint_configuration[].s3_configuration[]'],
              ['snowflake-s3', 'snowflake_configuration[].s3_configuration[]'],
              ['iceberg-s3', 'iceberg_configuration[].s3_configuration[]'],
            ] as const
          ).map(([purpose, at]) => namedOnly(purpose, `${at}.kms_key_arn`, undefined, S3_ALIAS)),
        ],
      },
    ],
  },
  // 25
  {
    cfnTypes: ['AWS::OpenSearchService::Domain'],
    service: 'OpenSearch Service',
    alias: 'alias/aws/es',
    confidence: 'U',
    source: 'https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_opensearchservice.EncryptionAtRestOptions.html',
    slots: [
      {
        purpose: 'data',
        key: 'EncryptionAtRestOptions.KmsKeyId',
        on: { path: 'EncryptionAtRestOptions.Enabled', equals: [true] },
        onNoKey: {
          kind: 'aws-managed',
          alias: 'alias/aws/es',
          note: 'may instead be what the OpenSearch console calls an "AWS owned key"; sources conflict',
        },
        off: [{ outcome: { kind: 'none' } }],
      },
    ],
    terraform: [
      {
        type: 'aws_opensearch_domain',
        slots: [
          {
            purpose: 'data',
            key: 'encrypt_at_rest[].kms_key_id',
            on: { path: 'encrypt_at_rest[].enabled', equals: [true] },
            onNoKey: {
              kind: 'aws-managed',
              alias: 'alias/aws/es',
              note: 'may instead be what the OpenSearch console calls an "AWS owned key"; sources conflict',
            },
            off: [{ outcome: { kind: 'none' } }],
          },
        ],
      },
    ],
  },
  // 26
  {
    cfnTypes: ['AWS::Elasticsearch::Domain'],
    service: 'Amazon Elasticsearch Service',
    alias: 'alias/aws/es',
    confidence: 'U',
    source: 'https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_opensearchservice.EncryptionAtRestOptions.html',
    slots: [
      {
        purpose: 'data',
        key: 'EncryptionAtRestOptions.KmsKeyId',
        on: { path: 'EncryptionAtRestOptions.Enabled', equals: [true] },
        onNoKey: {
          kind: 'aws-managed',
          alias: 'alias/aws/es',
          note: 'may instead be what the OpenSearch console calls an "AWS owned key"; sources conflict',
        },
        off: [{ outcome: { kind: 'none' } }],
      },
    ],
    terraform: [
      {
        type: 'aws_elasticsearch_domain',
        slots: [
          {
            purpose: 'data',
            key: 'encrypt_at_rest[].kms_key_id',
            on: { path: 'encrypt_at_rest[].enabled', equals: [true] },
            onNoKey: {
              kind: 'aws-managed',
              alias: 'alias/aws/es',
              note: 'may instead be what the OpenSearch console calls an "AWS owned key"; sources conflict',
            },
            off: [{ outcome: { kind: 'none' } }],
          },
        ],
      },
    ],
  },
  // 27
  {
    cfnTypes: ['AWS::OpenSearchServerless::Collection'],
    service: 'OpenSearch Serverless',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/serverless-encryption.html',
    slots: [
      {
        purpose: 'data',
        key: 'EncryptionConfig.KmsKeyArn',
        on: { path: 'EncryptionConfig.AWSOwnedKey', equals: [false] },
        onNoKey: { kind: 'unknown', why: 'AWSOwnedKey false needs KmsKeyArn' },
        off: [
          { when: { path: 'EncryptionConfig.AWSOwnedKey', equals: [true] }, outcome: { kind: 'aws-owned', what: 'an AWS owned key' } },
          {
            outcome: {
              kind: 'aws-owned',
              what: 'an AWS owned key',
              note: 'may instead be the customer managed key named by a matching encryption security policy',
            },
          },
        ],
      },
    ],
    terraform: [
      {
        // kms_key_arn is read-only here: the key comes from a matching encryption security policy.
        type: 'aws_opensearchserverless_collection',
        slots: [
          {
            purpose: 'data',
            on: { always: true },
            onNoKey: {
              kind: 'aws-owned',
              what: 'an AWS owned key',
              note: 'may instead be the customer managed key named by a matching aws_opensearchserverless_security_policy',
            },
            off: [],
          },
        ],
      },
    ],
  },
  // 27
  {
    // The key is named inside the Policy JSON ("AWSOwnedKey": true, or "KmsARN"); catalog paths read
    // through JSON text. Only encryption policies carry a key at all.
    cfnTypes: ['AWS::OpenSearchServerless::SecurityPolicy'],
    service: 'OpenSearch Serverless',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/serverless-encryption.html',
    slots: [
      {
        purpose: 'data',
        key: 'Policy.KmsARN',
        on: { all: [{ path: 'Type', equals: ['encryption'] }, { not: { path: 'Policy.AWSOwnedKey', equals: [true] } }] },
        onNoKey: { kind: 'unknown', why: 'AWSOwnedKey is not true and the policy names no KmsARN' },
        off: [
          { when: { path: 'Type', equals: ['encryption'] }, outcome: { kind: 'aws-owned', what: 'an AWS owned key (AWSOwnedKey is true)' } },
          { outcome: { kind: 'none', note: 'a network or data access policy configures no encryption and holds no data' } },
        ],
      },
    ],
    terraform: [
      {
        type: 'aws_opensearchserverless_security_policy',
        slots: [
          {
            purpose: 'data',
            key: 'policy.KmsARN',
            on: { all: [{ path: 'type', equals: ['encryption'] }, { not: { path: 'policy.AWSOwnedKey', equals: [true] } }] },
            onNoKey: { kind: 'unknown', why: 'AWSOwnedKey is not true and the policy names no KmsARN' },
            off: [
              { when: { path: 'type', equals: ['encryption'] }, outcome: { kind: 'aws-owned', what: 'an AWS owned key (AWSOwnedKey is true)' } },
              { outcome: { kind: 'none', note: 'a network or data access policy configures no encryption and holds no data' } },
            ],
          },
        ],
      },
    ],
  },
  // 28
  {
    cfnTypes: ['AWS::Redshift::Cluster'],
    service: 'Redshift',
    alias: 'alias/aws/redshift',
    confidence: 'U',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-redshift-cluster.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyId',
        on: { path: 'Encrypted', equals: [true], default: true },
        onNoKey: {
          kind: 'aws-managed',
          alias: 'alias/aws/redshift',
          note: 'may now be an AWS owned key: not verified since Redshift began encrypting every cluster',
        },
        off: [{ outcome: { kind: 'unknown', why: 'Encrypted false makes the create request fail; Redshift clusters are always encrypted' } }],
      },
      {
        purpose: 'master-secret',
        key: 'MasterPasswordSecretKmsKeyId',
        on: { path: 'ManageMasterPassword', equals: [true] },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/secretsmanager' },
        off: [],
      },
    ],
    terraform: [
      {
        // Provider 5.x defaults encrypted to false (6.0.0 changed it to true); the service encrypts anyway.
        type: 'aws_redshift_cluster',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_id',
            on: { path: 'encrypted', equals: [true], default: true },
            onNoKey: {
              kind: 'aws-managed',
              alias: 'alias/aws/redshift',
              note: 'may now be an AWS owned key: not verified since Redshift began encrypting every cluster',
            },
            off: [
              {
                outcome: {
                  kind: 'aws-managed',
                  alias: 'alias/aws/redshift',
                  note: 'encrypted = false (the provider 5.x default) may not take effect: Redshift now encrypts every new cluster, possibly with an AWS owned key',
                },
              },
            ],
          },
          {
            purpose: 'master-secret',
            key: 'master_password_secret_kms_key_id',
            on: { path: 'manage_master_password', equals: [true] },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/secretsmanager' },
            off: [],
          },
        ],
      },
    ],
  },
  // 29
  {
    cfnTypes: ['AWS::RedshiftServerless::Namespace'],
    service: 'Redshift Serverless',
    confidence: 'I',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-redshiftserverless-namespace.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyId',
        on: { always: true },
        onNoKey: { kind: 'aws-owned', what: 'an AWS owned key', note: 'may differ: inferred, not stated by AWS' },
        off: [],
      },
      {
        purpose: 'admin-secret',
        key: 'AdminPasswordSecretKmsKeyId',
        on: { path: 'ManageAdminPassword', equals: [true] },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/secretsmanager', note: 'may differ: inferred from the Secrets Manager default' },
        off: [],
      },
      namedOnly('snapshot-copy', 'DestinationKmsKeyId', 'SnapshotCopyConfigurations[]'),
    ],
    terraform: [
      {
        type: 'aws_redshiftserverless_namespace',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_id',
            on: { always: true },
            onNoKey: { kind: 'aws-owned', what: 'an AWS owned key', note: 'may differ: inferred, not stated by AWS' },
            off: [],
          },
          {
            purpose: 'admin-secret',
            key: 'admin_password_secret_kms_key_id',
            on: { path: 'manage_admin_password', equals: [true] },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/secretsmanager', note: 'may differ: inferred from the Secrets Manager default' },
            off: [],
          },
        ],
      },
    ],
  },
  // 30
  {
    cfnTypes: ['AWS::ElastiCache::ReplicationGroup'],
    service: 'ElastiCache',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyId',
        // The API default is true for Valkey and false for Redis OSS (see docs/catalog-notes.md).
        on: {
          any: [
            { path: 'AtRestEncryptionEnabled', equals: [true] },
            { all: [{ not: { present: 'AtRestEncryptionEnabled' } }, { path: 'Engine', equals: ['valkey'] }] },
          ],
        },
        onNoKey: { kind: 'aws-owned', what: 'default service-managed encryption (no key in the account)' },
        off: [{ outcome: { kind: 'none' } }],
      },
    ],
    terraform: [
      {
        type: 'aws_elasticache_replication_group',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_id',
            on: {
              any: [
                { path: 'at_rest_encryption_enabled', equals: [true] },
                { all: [{ not: { present: 'at_rest_encryption_enabled' } }, { path: 'engine', equals: ['valkey'] }] },
              ],
            },
            onNoKey: { kind: 'aws-owned', what: 'default service-managed encryption (no key in the account)' },
            off: [{ outcome: { kind: 'none' } }],
          },
        ],
      },
    ],
  },
  // 31
  {
    cfnTypes: ['AWS::ElastiCache::ServerlessCache'],
    service: 'ElastiCache Serverless',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-elasticache-serverlesscache.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyId',
        on: { always: true },
        onNoKey: { kind: 'aws-owned', what: 'service-managed encryption (no key in the account)', note: 'may differ: inferred, not stated by AWS' },
        off: [],
      },
    ],
    terraform: [
      {
        type: 'aws_elasticache_serverless_cache',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_id',
            on: { always: true },
            onNoKey: { kind: 'aws-owned', what: 'service-managed encryption (no key in the account)', note: 'may differ: inferred, not stated by AWS' },
            off: [],
          },
        ],
      },
    ],
  },
  // 32
  {
    cfnTypes: ['AWS::MSK::Cluster'],
    service: 'Amazon MSK',
    alias: 'alias/aws/kafka',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/msk/latest/developerguide/msk-working-with-encryption.html',
    slots: [
      {
        purpose: 'data',
        key: 'EncryptionInfo.EncryptionAtRest.DataVolumeKMSKeyId',
        on: { always: true },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/kafka' },
        off: [],
      },
    ],
    terraform: [
      {
        type: 'aws_msk_cluster',
        slots: [
          {
            purpose: 'data',
            key: 'encryption_info[].encryption_at_rest_kms_key_arn',
            on: { always: true },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/kafka' },
            off: [],
          },
        ],
      },
    ],
  },
  // 33
  {
    // No key property: always encrypted with a key the service picks.
    cfnTypes: ['AWS::MSK::ServerlessCluster'],
    service: 'MSK Serverless',
    confidence: 'I',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-msk-serverlesscluster.html',
    slots: [
      {
        purpose: 'data',
        on: { always: true },
        onNoKey: { kind: 'aws-owned', what: 'a service key', note: 'may differ: inferred, not stated by AWS' },
        off: [],
      },
    ],
    terraform: [
      {
        type: 'aws_msk_serverless_cluster',
        slots: [
          {
            purpose: 'data',
            on: { always: true },
            onNoKey: { kind: 'aws-owned', what: 'a service key', note: 'may differ: inferred, not stated by AWS' },
            off: [],
          },
        ],
      },
    ],
  },
  // 34
  {
    cfnTypes: ['AWS::Backup::BackupVault'],
    service: 'AWS Backup',
    alias: 'alias/aws/backup',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html',
    slots: [
      {
        purpose: 'data',
        key: 'EncryptionKeyArn',
        on: { always: true },
        onNoKey: {
          kind: 'aws-managed',
          alias: 'alias/aws/backup',
          note: 'for fully managed resource types; backups of other types keep the source resource key',
        },
        off: [],
      },
    ],
    terraform: [
      {
        type: 'aws_backup_vault',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_arn',
            on: { always: true },
            onNoKey: {
              kind: 'aws-managed',
              alias: 'alias/aws/backup',
              note: 'for fully managed resource types; backups of other types keep the source resource key',
            },
            off: [],
          },
        ],
      },
    ],
  },
  // 35
  {
    cfnTypes: ['AWS::Backup::LogicallyAirGappedBackupVault'],
    service: 'AWS Backup',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-backup-logicallyairgappedbackupvault.html',
    slots: [
      {
        purpose: 'data',
        key: 'EncryptionKeyArn',
        on: { always: true },
        onNoKey: { kind: 'aws-owned', what: 'an AWS owned key created by AWS Backup' },
        off: [],
      },
    ],
    terraform: [
      {
        // No key attribute in provider 5.100.0.
        type: 'aws_backup_logically_air_gapped_vault',
        slots: [
          {
            purpose: 'data',
            on: { always: true },
            onNoKey: { kind: 'aws-owned', what: 'an AWS owned key created by AWS Backup' },
            off: [],
          },
        ],
      },
    ],
  },
  // 36
  {
    cfnTypes: ['AWS::ECR::Repository', 'AWS::ECR::RepositoryCreationTemplate'],
    service: 'Amazon ECR',
    alias: 'alias/aws/ecr',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html',
    slots: [
      {
        purpose: 'data',
        key: 'EncryptionConfiguration.KmsKey',
        on: { path: 'EncryptionConfiguration.EncryptionType', equals: ['KMS', 'KMS_DSSE'] },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/ecr' },
        off: [{ outcome: { kind: 'aws-owned', what: 'AES256 (keys managed by Amazon S3, outside KMS)' } }],
      },
    ],
    terraform: [
      {
        type: 'aws_ecr_repository',
        slots: [
          {
            purpose: 'data',
            key: 'encryption_configuration[].kms_key',
            on: { path: 'encryption_configuration[].encryption_type', equals: ['KMS', 'KMS_DSSE'], default: 'AES256' },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/ecr' },
            off: [{ outcome: { kind: 'aws-owned', what: 'AES256 (keys managed by Amazon S3, outside KMS)' } }],
          },
        ],
      },
      {
        type: 'aws_ecr_repository_creation_template',
        slots: [
          {
            purpose: 'data',
            key: 'encryption_configuration[].kms_key',
            on: { path: 'encryption_configuration[].encryption_type', equals: ['KMS', 'KMS_DSSE'], default: 'AES256' },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/ecr' },
            off: [{ outcome: { kind: 'aws-owned', what: 'AES256 (keys managed by Amazon S3, outside KMS)' } }],
          },
        ],
      },
    ],
  },
  // 37
  {
    cfnTypes: ['AWS::FSx::FileSystem'],
    service: 'Amazon FSx',
    alias: 'alias/aws/fsx',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_fsx.FileSystemProps.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyId',
        on: { always: true },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/fsx', note: 'Lustre SCRATCH deployment types use the FSx service key instead' },
        off: [],
      },
    ],
    terraform: ['aws_fsx_lustre_file_system', 'aws_fsx_windows_file_system', 'aws_fsx_ontap_file_system', 'aws_fsx_openzfs_file_system'].map((type) => ({
      type,
      slots: [
        {
          purpose: 'data',
          key: 'kms_key_id',
          on: { always: true },
          onNoKey: {
            kind: 'aws-managed',
            alias: 'alias/aws/fsx',
            ...(type === 'aws_fsx_lustre_file_system' ? { note: 'Lustre SCRATCH deployment types use the FSx service key instead' } : {}),
          },
          off: [],
        },
      ],
    })),
  },
  // 38
  {
    cfnTypes: ['AWS::CloudTrail::Trail'],
    service: 'CloudTrail',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/best-practices-security.html',
    slots: [
      {
        purpose: 'data',
        key: 'KMSKeyId',
        on: { present: 'KMSKeyId' },
        onNoKey: { kind: 'unknown', why: 'SSE-KMS needs a key' },
        off: [{ outcome: { kind: 'aws-owned', what: 'SSE-S3 for log and digest files (keys managed by Amazon S3, outside KMS)' } }],
      },
    ],
    terraform: [
      {
        type: 'aws_cloudtrail',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_id',
            on: { present: 'kms_key_id' },
            onNoKey: { kind: 'unknown', why: 'SSE-KMS needs a key' },
            off: [{ outcome: { kind: 'aws-owned', what: 'SSE-S3 for log and digest files (keys managed by Amazon S3, outside KMS)' } }],
          },
        ],
      },
    ],
  },
  // 39
  {
    cfnTypes: ['AWS::CloudTrail::EventDataStore'],
    service: 'CloudTrail Lake',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudtrail-eventdatastore.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyId',
        on: { present: 'KmsKeyId' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key', note: 'may differ: inferred, not stated by AWS' } }],
      },
    ],
    terraform: [
      {
        type: 'aws_cloudtrail_event_data_store',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_id',
            on: { present: 'kms_key_id' },
            onNoKey: { kind: 'unknown', why: 'no key named' },
            off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key', note: 'may differ: inferred, not stated by AWS' } }],
          },
        ],
      },
    ],
  },
  // 40
  {
    // One key for build output artifacts (and S3 logs); each can switch encryption off on its own
    // (SecondaryArtifacts[].EncryptionDisabled, LogsConfig.S3Logs.EncryptionDisabled), not modelled.
    cfnTypes: ['AWS::CodeBuild::Project'],
    service: 'CodeBuild',
    alias: 'alias/aws/s3',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-codebuild-project.html',
    slots: [
      {
        purpose: 'data',
        key: 'EncryptionKey',
        on: { not: { path: 'Artifacts.EncryptionDisabled', equals: [true] } },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/s3' },
        off: [{ outcome: { kind: 'none', note: 'output artifacts are stored unencrypted' } }],
      },
    ],
    terraform: [
      {
        type: 'aws_codebuild_project',
        slots: [
          {
            purpose: 'data',
            key: 'encryption_key',
            on: { not: { path: 'artifacts[].encryption_disabled', equals: [true] } },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/s3' },
            off: [{ outcome: { kind: 'none', note: 'output artifacts are stored unencrypted' } }],
          },
        ],
      },
    ],
  },
  // 41
  {
    cfnTypes: ['AWS::CodePipeline::Pipeline'],
    service: 'CodePipeline',
    alias: 'alias/aws/s3',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-codepipeline-pipeline.html',
    slots: [
      {
        purpose: 'data',
        key: 'ArtifactStore.EncryptionKey.Id',
        on: { always: true },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/s3' },
        off: [],
      },
      {
        // Cross-Region artifact stores; Region is required, so `all: [present Region]` reports one
        // key per store and nothing for a pipeline without ArtifactStores.
        purpose: 'artifact-store',
        scope: 'ArtifactStores[]',
        key: 'ArtifactStore.EncryptionKey.Id',
        on: { all: [{ present: 'Region' }] },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/s3', note: 'of that Region' },
        off: [],
      },
    ],
    terraform: [
      {
        type: 'aws_codepipeline',
        slots: [
          {
            purpose: 'data',
            scope: 'artifact_store[]',
            key: 'encryption_key[].id',
            on: { always: true },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/s3' },
            off: [],
          },
        ],
      },
    ],
  },
  // 42
  {
    cfnTypes: ['AWS::CodeCommit::Repository'],
    service: 'CodeCommit',
    alias: 'alias/aws/codecommit',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/codecommit/latest/userguide/encryption.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyId',
        on: { always: true },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/codecommit' },
        off: [],
      },
    ],
    terraform: [
      {
        type: 'aws_codecommit_repository',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_id',
            on: { always: true },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/codecommit' },
            off: [],
          },
        ],
      },
    ],
  },
  // 43
  {
    cfnTypes: ['AWS::CodeArtifact::Domain'],
    service: 'CodeArtifact',
    alias: 'alias/aws/codeartifact',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/codeartifact/latest/ug/security-encryption.html',
    slots: [
      {
        purpose: 'data',
        key: 'EncryptionKey',
        on: { always: true },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/codeartifact', note: 'the alias may differ: AWS documents only "an AWS managed key"' },
        off: [],
      },
    ],
    terraform: [
      {
        type: 'aws_codeartifact_domain',
        slots: [
          {
            purpose: 'data',
            key: 'encryption_key',
            on: { always: true },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/codeartifact', note: 'the alias may differ: AWS documents only "an AWS managed key"' },
            off: [],
          },
        ],
      },
    ],
  },
  // 44
  {
    cfnTypes: ['AWS::Glue::SecurityConfiguration'],
    service: 'AWS Glue',
    alias: 'alias/aws/glue',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/glue/latest/dg/set-up-encryption.html',
    slots: [
      {
        purpose: 'data',
        scope: 'EncryptionConfiguration.S3Encryptions[]',
        key: 'KmsKeyArn',
        alias: S3_ALIAS, // SSE-KMS: Amazon S3 makes the KMS call
        on: { path: 'S3EncryptionMode', equals: ['SSE-KMS'] },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/glue', note: 'may differ: a key ARN is normally given; the console offers aws/glue' },
        off: [
          { when: { path: 'S3EncryptionMode', equals: ['SSE-S3'] }, outcome: { kind: 'aws-owned', what: 'SSE-S3 (keys managed by Amazon S3, outside KMS)' } },
          { outcome: { kind: 'none', note: 'no Glue-side encryption of S3 data' } },
        ],
      },
      {
        purpose: 'cloudwatch-logs',
        key: 'EncryptionConfiguration.CloudWatchEncryption.KmsKeyArn',
        on: { path: 'EncryptionConfiguration.CloudWatchEncryption.CloudWatchEncryptionMode', equals: ['SSE-KMS'] },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/glue', note: 'may differ: a key ARN is normally given' },
        off: [],
      },
      {
        purpose: 'job-bookmarks',
        key: 'EncryptionConfiguration.JobBookmarksEncryption.KmsKeyArn',
        on: { path: 'EncryptionConfiguration.JobBookmarksEncryption.JobBookmarksEncryptionMode', equals: ['CSE-KMS'] },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/glue', note: 'may differ: a key ARN is normally given' },
        off: [],
      },
    ],
    terraform: [
      {
        type: 'aws_glue_security_configuration',
        slots: [
          {
            purpose: 'data',
            scope: 'encryption_configuration[].s3_encryption[]',
            key: 'kms_key_arn',
            on: { path: 's3_encryption_mode', equals: ['SSE-KMS'] },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/glue', note: 'may differ: a key ARN is normally given; the console offers aws/glue' },
            off: [
              { when: { path: 's3_encryption_mode', equals: ['SSE-S3'] }, outcome: { kind: 'aws-owned', what: 'SSE-S3 (keys managed by Amazon S3, outside KMS)' } },
              { outcome: { kind: 'none', note: 'no Glue-side encryption of S3 data' } },
            ],
          },
          {
            purpose: 'cloudwatch-logs',
            key: 'encryption_configuration[].cloudwatch_encryption[].kms_key_arn',
            on: { path: 'encryption_configuration[].cloudwatch_encryption[].cloudwatch_encryption_mode', equals: ['SSE-KMS'] },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/glue', note: 'may differ: a key ARN is normally given' },
            off: [],
          },
          {
            purpose: 'job-bookmarks',
            key: 'encryption_configuration[].job_bookmarks_encryption[].kms_key_arn',
            on: { path: 'encryption_configuration[].job_bookmarks_encryption[].job_bookmarks_encryption_mode', equals: ['CSE-KMS'] },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/glue', note: 'may differ: a key ARN is normally given' },
            off: [],
          },
        ],
      },
    ],
  },
  // 45
  {
    cfnTypes: ['AWS::Glue::DataCatalogEncryptionSettings'],
    service: 'AWS Glue Data Catalog',
    alias: 'alias/aws/glue',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/glue/latest/dg/encrypt-glue-data-catalog.html',
    slots: [
      {
        purpose: 'data',
        key: 'DataCatalogEncryptionSettings.EncryptionAtRest.SseAwsKmsKeyId',
        on: { path: 'DataCatalogEncryptionSettings.EncryptionAtRest.CatalogEncryptionMode', equals: ['SSE-KMS', 'SSE-KMS-WITH-SERVICE-ROLE'] },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/glue' },
        off: [{ outcome: { kind: 'none' } }],
      },
      {
        purpose: 'connection-password',
        key: 'DataCatalogEncryptionSettings.ConnectionPasswordEncryption.KmsKeyId',
        on: { path: 'DataCatalogEncryptionSettings.ConnectionPasswordEncryption.ReturnConnectionPasswordEncrypted', equals: [true] },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/glue' },
        off: [],
      },
    ],
    terraform: [
      {
        type: 'aws_glue_data_catalog_encryption_settings',
        slots: [
          {
            purpose: 'data',
            key: 'data_catalog_encryption_settings[].encryption_at_rest[].sse_aws_kms_key_id',
            on: {
              path: 'data_catalog_encryption_settings[].encryption_at_rest[].catalog_encryption_mode',
              equals: ['SSE-KMS', 'SSE-KMS-WITH-SERVICE-ROLE'],
            },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/glue' },
            off: [{ outcome: { kind: 'none' } }],
          },
          {
            purpose: 'connection-password',
            key: 'data_catalog_encryption_settings[].connection_password_encryption[].aws_kms_key_id',
            on: { path: 'data_catalog_encryption_settings[].connection_password_encryption[].return_connection_password_encrypted', equals: [true] },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/glue' },
            off: [],
          },
        ],
      },
    ],
  },
  // 46
  {
    cfnTypes: ['AWS::Athena::WorkGroup'],
    service: 'Athena',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-athena-workgroup.html',
    slots: [
      {
        purpose: 'data',
        key: 'WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration.KmsKey',
        alias: S3_ALIAS, // SSE-KMS: Amazon S3 makes the KMS call, so S3's AWS managed key is the one that works
        on: { path: 'WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration.EncryptionOption', equals: ['SSE_KMS', 'CSE_KMS'] },
        onNoKey: { kind: 'unknown', why: 'SSE_KMS and CSE_KMS need KmsKey' },
        off: [
          {
            when: { path: 'WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration.EncryptionOption', equals: ['SSE_S3'] },
            outcome: { kind: 'aws-owned', what: 'SSE-S3 for query results (keys managed by Amazon S3, outside KMS)' },
          },
          {
            outcome: {
              kind: 'aws-owned',
              what: "the client's setting or the result bucket's default encryption for query results (SSE-S3 by default)",
              note: 'may be SSE-KMS when the client or the bucket default asks for it',
            },
          },
        ],
      },
      namedOnly('customer-content', 'WorkGroupConfiguration.CustomerContentEncryptionConfiguration.KmsKey', undefined, S3_ALIAS),
      namedOnly('managed-query-results', 'WorkGroupConfiguration.ManagedQueryResultsConfiguration.EncryptionConfiguration.KmsKey', undefined, S3_ALIAS),
      namedOnly('managed-logging', 'WorkGroupConfiguration.MonitoringConfiguration.ManagedLoggingConfiguration.KmsKey'),
      namedOnly('s3-logging', 'WorkGroupConfiguration.MonitoringConfiguration.S3LoggingConfiguration.KmsKey', undefined, S3_ALIAS),
      // The legacy update-only structure carries the same keys.
      namedOnly('updates-results', 'WorkGroupConfigurationUpdates.ResultConfigurationUpdates.EncryptionConfiguration.KmsKey', undefined, S3_ALIAS),
      namedOnly('updates-customer-content', 'WorkGroupConfigurationUpdates.CustomerContentEncryptionConfiguration.KmsKey', undefined, S3_ALIAS),
      namedOnly('updates-managed-query-results', 'WorkGroupConfigurationUpdates.ManagedQueryResultsConfiguration.EncryptionConfiguration.KmsKey', undefined, S3_ALIAS),
      namedOnly('updates-managed-logging', 'WorkGroupConfigurationUpdates.MonitoringConfiguration.ManagedLoggingConfiguration.KmsKey'),
      namedOnly('updates-s3-logging', 'WorkGroupConfigurationUpdates.MonitoringConfiguration.S3LoggingConfiguration.KmsKey', undefined, S3_ALIAS),
    ],
    terraform: [
      {
        type: 'aws_athena_workgroup',
        slots: [
          {
            purpose: 'data',
            key: 'configuration[].result_configuration[].encryption_configuration[].kms_key_arn',
            on: { path: 'configuration[].result_configuration[].encryption_configuration[].encryption_option', equals: ['SSE_KMS', 'CSE_KMS'] },
            onNoKey: { kind: 'unknown', why: 'SSE_KMS and CSE_KMS need kms_key_arn' },
            off: [
              {
                when: { path: 'configuration[].result_configuration[].encryption_configuration[].encryption_option', equals: ['SSE_S3'] },
                outcome: { kind: 'aws-owned', what: 'SSE-S3 for query results (keys managed by Amazon S3, outside KMS)' },
              },
              {
                outcome: {
                  kind: 'aws-owned',
                  what: "the client's setting or the result bucket's default encryption for query results (SSE-S3 by default)",
                  note: 'may be SSE-KMS when the client or the bucket default asks for it',
                },
              },
            ],
          },
        ],
      },
    ],
  },
  // 47
  {
    cfnTypes: ['AWS::SageMaker::NotebookInstance'],
    service: 'SageMaker',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest-nbi.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyId',
        on: { always: true },
        onNoKey: { kind: 'aws-owned', what: 'a system-managed key for the OS and ML volumes (no key in the account)' },
        off: [],
      },
    ],
    terraform: [
      {
        type: 'aws_sagemaker_notebook_instance',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_id',
            on: { always: true },
            onNoKey: { kind: 'aws-owned', what: 'a system-managed key for the OS and ML volumes (no key in the account)' },
            off: [],
          },
        ],
      },
    ],
  },
  // 48
  {
    // The row alias is that of the S3 outputs (data capture, async inference), not of the ML volume.
    cfnTypes: ['AWS::SageMaker::EndpointConfig'],
    service: 'SageMaker',
    alias: 'alias/aws/s3',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest-nbi.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyId',
        on: { always: true },
        onNoKey: {
          kind: 'aws-owned',
          what: 'a transient key for the ML storage volume',
          note: 'instance types with local NVMe storage use hardware encryption instead',
        },
        off: [],
      },
      {
        // DestinationS3Uri is required, so this reports the capture key whenever capture is configured.
        purpose: 'data-capture',
        key: 'DataCaptureConfig.KmsKeyId',
        on: { all: [{ present: 'DataCaptureConfig.DestinationS3Uri' }] },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/s3' },
        off: [],
      },
      {
        purpose: 'async-output',
        key: 'AsyncInferenceConfig.OutputConfig.KmsKeyId',
        on: { all: [{ present: 'AsyncInferenceConfig.OutputConfig' }] },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/s3' },
        off: [],
      },
      namedOnly('core-dump', 'CoreDumpConfig.KmsKeyId', 'ProductionVariants[]'),
      namedOnly('shadow-core-dump', 'CoreDumpConfig.KmsKeyId', 'ShadowProductionVariants[]'),
    ],
    terraform: [
      {
        type: 'aws_sagemaker_endpoint_configuration',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_arn',
            on: { always: true },
            onNoKey: {
              kind: 'aws-owned',
              what: 'a transient key for the ML storage volume',
              note: 'instance types with local NVMe storage use hardware encryption instead',
            },
            off: [],
          },
          {
            purpose: 'data-capture',
            key: 'data_capture_config[].kms_key_id',
            on: { all: [{ present: 'data_capture_config[].destination_s3_uri' }] },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/s3' },
            off: [],
          },
          {
            purpose: 'async-output',
            key: 'async_inference_config[].output_config[].kms_key_id',
            on: { all: [{ present: 'async_inference_config[].output_config[]' }] },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/s3' },
            off: [],
          },
          namedOnly('core-dump', 'core_dump_config[].kms_key_id', 'production_variants[]'),
        ],
      },
    ],
  },
  // 49
  {
    cfnTypes: ['AWS::SageMaker::Domain'],
    service: 'SageMaker',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest-studio.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyId',
        on: { always: true },
        onNoKey: {
          kind: 'aws-managed',
          alias: 'alias/aws/sagemaker',
          note: 'the alias is not documented and may differ (the Studio EFS volume may use alias/aws/elasticfilesystem)',
        },
        off: [],
      },
      namedOnly('sharing-s3', 'DefaultUserSettings.SharingSettings.S3KmsKeyId', undefined, S3_ALIAS),
    ],
    terraform: [
      {
        type: 'aws_sagemaker_domain',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_id',
            on: { always: true },
            onNoKey: {
              kind: 'aws-managed',
              alias: 'alias/aws/sagemaker',
              note: 'the alias is not documented and may differ (the Studio EFS volume may use alias/aws/elasticfilesystem)',
            },
            off: [],
          },
          namedOnly('sharing-s3', 'default_user_settings[].sharing_settings[].s3_kms_key_id', undefined, S3_ALIAS),
        ],
      },
    ],
  },
  // 50
  {
    cfnTypes: ['AWS::StepFunctions::StateMachine', 'AWS::StepFunctions::Activity'],
    service: 'Step Functions',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_stepfunctions.StateMachineProps.html',
    slots: [
      {
        purpose: 'data',
        key: 'EncryptionConfiguration.KmsKeyId',
        on: { path: 'EncryptionConfiguration.Type', equals: ['CUSTOMER_MANAGED_KMS_KEY'] },
        onNoKey: { kind: 'unknown', why: 'CUSTOMER_MANAGED_KMS_KEY needs KmsKeyId' },
        off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key' } }],
      },
    ],
    terraform: ['aws_sfn_state_machine', 'aws_sfn_activity'].map((type) => ({
      type,
      slots: [
        {
          purpose: 'data',
          key: 'encryption_configuration[].kms_key_id',
          on: { path: 'encryption_configuration[].type', equals: ['CUSTOMER_MANAGED_KMS_KEY'] },
          onNoKey: { kind: 'unknown', why: 'CUSTOMER_MANAGED_KMS_KEY needs kms_key_id' },
          off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key' } }],
        },
      ],
    })),
  },
  // 51
  {
    cfnTypes: ['AWS::Events::EventBus'],
    service: 'EventBridge',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-encryption-at-rest-key-options.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyIdentifier',
        on: { present: 'KmsKeyIdentifier' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key' } }],
      },
    ],
    terraform: [
      {
        type: 'aws_cloudwatch_event_bus',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_identifier',
            on: { present: 'kms_key_identifier' },
            onNoKey: { kind: 'unknown', why: 'no key named' },
            off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key' } }],
          },
        ],
      },
    ],
  },
  // 52
  {
    cfnTypes: ['AWS::Events::Archive'],
    service: 'EventBridge',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-events-archive.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyIdentifier',
        on: { present: 'KmsKeyIdentifier' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key' } }],
      },
    ],
    terraform: [
      {
        // No key attribute in provider 5.100.0.
        type: 'aws_cloudwatch_event_archive',
        slots: [
          {
            purpose: 'data',
            on: { always: true },
            onNoKey: { kind: 'aws-owned', what: 'an AWS owned key' },
            off: [],
          },
        ],
      },
    ],
  },
  // 53
  {
    cfnTypes: ['AWS::Events::Connection'],
    service: 'EventBridge',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-events-connection.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyIdentifier',
        on: { present: 'KmsKeyIdentifier' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key' } }],
      },
    ],
    terraform: [
      {
        type: 'aws_cloudwatch_event_connection',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_identifier',
            on: { present: 'kms_key_identifier' },
            onNoKey: { kind: 'unknown', why: 'no key named' },
            off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key' } }],
          },
        ],
      },
    ],
  },
  // 54
  {
    cfnTypes: ['AWS::Pipes::Pipe'],
    service: 'EventBridge Pipes',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-pipes-pipe.html',
    slots: [
      {
        // An empty string reverts to the AWS owned key; the interpreter treats "" as absent.
        purpose: 'data',
        key: 'KmsKeyIdentifier',
        on: { present: 'KmsKeyIdentifier' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key' } }],
      },
    ],
    terraform: [
      {
        type: 'aws_pipes_pipe',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_identifier',
            on: { present: 'kms_key_identifier' },
            onNoKey: { kind: 'unknown', why: 'no key named' },
            off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key' } }],
          },
        ],
      },
    ],
  },
  // 55
  {
    cfnTypes: ['AWS::Scheduler::Schedule'],
    service: 'EventBridge Scheduler',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-scheduler-schedule.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyArn',
        on: { present: 'KmsKeyArn' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key', note: 'may differ: inferred, not stated by AWS' } }],
      },
    ],
    terraform: [
      {
        type: 'aws_scheduler_schedule',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_arn',
            on: { present: 'kms_key_arn' },
            onNoKey: { kind: 'unknown', why: 'no key named' },
            off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key', note: 'may differ: inferred, not stated by AWS' } }],
          },
        ],
      },
    ],
  },
  // 56
  {
    cfnTypes: ['AWS::Cognito::UserPool'],
    service: 'Amazon Cognito',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-userpool.html',
    slots: [
      {
        purpose: 'data',
        key: 'KeyConfiguration.KmsKeyArn',
        on: { present: 'KeyConfiguration.KmsKeyArn' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key for user pool data', note: 'may differ: inferred, not stated by AWS' } }],
      },
      // Encrypts codes and temporary passwords sent to custom sender Lambda triggers.
      namedOnly('custom-sender', 'LambdaConfig.KMSKeyID'),
    ],
    terraform: [
      {
        // Provider 5.100.0 has no KeyConfiguration equivalent, so the user-pool key cannot be named.
        type: 'aws_cognito_user_pool',
        slots: [
          {
            purpose: 'data',
            on: { always: true },
            onNoKey: { kind: 'aws-owned', what: 'an AWS owned key for user pool data', note: 'may differ: inferred, not stated by AWS' },
            off: [],
          },
          namedOnly('custom-sender', 'lambda_config[].kms_key_id'),
        ],
      },
    ],
  },
  // 57
  {
    // No key: CA private keys live in AWS-managed HSMs (KeyStorageSecurityStandard); not KMS-configurable.
    cfnTypes: ['AWS::ACMPCA::CertificateAuthority'],
    service: 'AWS Private CA',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-acmpca-certificateauthority.html',
    slots: [
      {
        purpose: 'data',
        on: { always: true },
        onNoKey: { kind: 'aws-owned', what: 'AWS-managed HSMs for the CA private key (not KMS-configurable)' },
        off: [],
      },
    ],
    terraform: [
      {
        type: 'aws_acmpca_certificate_authority',
        slots: [
          {
            purpose: 'data',
            on: { always: true },
            onNoKey: { kind: 'aws-owned', what: 'AWS-managed HSMs for the CA private key (not KMS-configurable)' },
            off: [],
          },
        ],
      },
    ],
  },
  // 58
  {
    cfnTypes: ['AWS::Timestream::Database'],
    service: 'Timestream',
    alias: 'alias/aws/timestream',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/timestream/latest/developerguide/EncryptionAtRest.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyId',
        on: { always: true },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/timestream' },
        off: [],
      },
    ],
    terraform: [
      {
        type: 'aws_timestreamwrite_database',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_id',
            on: { always: true },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/timestream' },
            off: [],
          },
        ],
      },
    ],
  },
  // 59
  {
    cfnTypes: ['AWS::Cassandra::Table'],
    service: 'Amazon Keyspaces',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/keyspaces/latest/APIReference/API_EncryptionSpecification.html',
    slots: [
      {
        purpose: 'data',
        key: 'EncryptionSpecification.KmsKeyIdentifier',
        on: { path: 'EncryptionSpecification.EncryptionType', equals: ['CUSTOMER_MANAGED_KMS_KEY'], default: 'AWS_OWNED_KMS_KEY' },
        onNoKey: { kind: 'unknown', why: 'CUSTOMER_MANAGED_KMS_KEY needs KmsKeyIdentifier' },
        off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key (AWS_OWNED_KMS_KEY)' } }],
      },
    ],
    terraform: [
      {
        type: 'aws_keyspaces_table',
        slots: [
          {
            purpose: 'data',
            key: 'encryption_specification[].kms_key_identifier',
            on: { path: 'encryption_specification[].type', equals: ['CUSTOMER_MANAGED_KMS_KEY'], default: 'AWS_OWNED_KMS_KEY' },
            onNoKey: { kind: 'unknown', why: 'CUSTOMER_MANAGED_KMS_KEY needs kms_key_identifier' },
            off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key (AWS_OWNED_KMS_KEY)' } }],
          },
        ],
      },
    ],
  },
  // 60
  {
    cfnTypes: ['AWS::MemoryDB::Cluster', 'AWS::MemoryDB::Snapshot'],
    service: 'MemoryDB',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/memorydb/latest/devguide/at-rest-encryption.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyId',
        on: { always: true },
        onNoKey: { kind: 'aws-owned', what: 'default service-managed encryption (no key in the account)' },
        off: [],
      },
    ],
    terraform: ['aws_memorydb_cluster', 'aws_memorydb_snapshot'].map((type) => ({
      type,
      slots: [
        {
          purpose: 'data',
          key: 'kms_key_arn',
          on: { always: true },
          onNoKey: { kind: 'aws-owned', what: 'default service-managed encryption (no key in the account)' },
          off: [],
        },
      ],
    })),
  },
  // 61
  {
    // KmsKey may also hold the literal AWS_OWNED_KMS_KEY, which the key classifier reads as AWS owned.
    cfnTypes: ['AWS::QLDB::Ledger'],
    service: 'QLDB',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-qldb-ledger.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKey',
        on: { present: 'KmsKey' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key' } }],
      },
    ],
    terraform: [
      {
        type: 'aws_qldb_ledger',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key',
            on: { present: 'kms_key' },
            onNoKey: { kind: 'unknown', why: 'no key named' },
            off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key' } }],
          },
        ],
      },
    ],
  },
  // 62
  {
    // No key: AtRestEncryptionEnabled is deprecated and neither type can name a KMS key.
    cfnTypes: ['AWS::AppSync::ApiCache', 'AWS::AppSync::GraphQLApi'],
    service: 'AppSync',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-appsync-apicache.html',
    slots: [
      {
        purpose: 'data',
        on: { always: true },
        onNoKey: { kind: 'aws-owned', what: 'service-managed storage (not KMS-configurable)' },
        off: [],
      },
    ],
    terraform: [
      {
        type: 'aws_appsync_api_cache',
        slots: [
          {
            purpose: 'data',
            on: { always: true },
            onNoKey: { kind: 'aws-owned', what: 'service-managed storage (not KMS-configurable)' },
            off: [],
          },
        ],
      },
    ],
  },
  // 63
  {
    // SecurityConfiguration is JSON (an object or a JSON string); paths reach into it only when the
    // template writes it as an object. JSON field names come from the EMR guide (not re-read).
    cfnTypes: ['AWS::EMR::SecurityConfiguration'],
    service: 'Amazon EMR',
    confidence: 'I',
    source: 'https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-create-security-configuration.html',
    slots: [
      {
        purpose: 'data',
        key: 'SecurityConfiguration.EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration.AwsKmsKey',
        alias: S3_ALIAS, // SSE-KMS: Amazon S3 makes the KMS call, so S3's AWS managed key is the one that works
        on: {
          all: [
            { path: 'SecurityConfiguration.EncryptionConfiguration.EnableAtRestEncryption', equals: [true] },
            {
              path: 'SecurityConfiguration.EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration.EncryptionMode',
              equals: ['SSE-KMS', 'CSE-KMS'],
            },
          ],
        },
        onNoKey: { kind: 'unknown', why: 'the SSE-KMS and CSE-KMS modes need AwsKmsKey' },
        off: [
          {
            when: {
              all: [
                { path: 'SecurityConfiguration.EncryptionConfiguration.EnableAtRestEncryption', equals: [true] },
                {
                  path: 'SecurityConfiguration.EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration.EncryptionMode',
                  equals: ['SSE-S3'],
                },
              ],
            },
            outcome: { kind: 'aws-owned', what: 'SSE-S3 for EMRFS data (keys managed by Amazon S3, outside KMS)' },
          },
          {
            when: { present: 'SecurityConfiguration.EncryptionConfiguration' },
            outcome: { kind: 'none', note: 'may differ: the JSON field names are inferred' },
          },
          { outcome: { kind: 'unknown', why: 'SecurityConfiguration is a JSON string (or sets no EncryptionConfiguration), which is not read' } },
        ],
      },
      {
        purpose: 'local-disk',
        key: 'SecurityConfiguration.EncryptionConfiguration.AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration.AwsKmsKey',
        on: {
          all: [
            { path: 'SecurityConfiguration.EncryptionConfiguration.EnableAtRestEncryption', equals: [true] },
            {
              path: 'SecurityConfiguration.EncryptionConfiguration.AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration.EncryptionKeyProviderType',
              equals: ['AwsKms'],
            },
          ],
        },
        onNoKey: { kind: 'unknown', why: 'EncryptionKeyProviderType AwsKms needs AwsKmsKey' },
        off: [],
      },
    ],
    terraform: [
      {
        // configuration is always a JSON string in Terraform.
        type: 'aws_emr_security_configuration',
        slots: [
          {
            purpose: 'data',
            on: { present: 'configuration' },
            onNoKey: { kind: 'unknown', why: 'the keys are named inside the configuration JSON, which is not read' },
            off: [{ outcome: { kind: 'none', note: 'may differ: no configuration means no at-rest encryption' } }],
          },
        ],
      },
    ],
  },
  // 64
  {
    // The cluster's only key property is the log key; its at-rest keys are in the security
    // configuration it names (SecurityConfiguration → row 63).
    cfnTypes: ['AWS::EMR::Cluster'],
    service: 'Amazon EMR',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-emr-cluster.html',
    slots: [
      {
        purpose: 'data',
        key: 'LogEncryptionKmsKeyId',
        alias: S3_ALIAS, // SSE-KMS: Amazon S3 makes the KMS call, so S3's AWS managed key is the one that works
        on: { present: 'LogEncryptionKmsKeyId' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [{ outcome: { kind: 'aws-owned', what: "the log bucket's default encryption (SSE-S3 unless the bucket sets SSE-KMS)" } }],
      },
    ],
    terraform: [
      {
        type: 'aws_emr_cluster',
        slots: [
          {
            purpose: 'data',
            key: 'log_encryption_kms_key_id',
            on: { present: 'log_encryption_kms_key_id' },
            onNoKey: { kind: 'unknown', why: 'no key named' },
            off: [{ outcome: { kind: 'aws-owned', what: "the log bucket's default encryption (SSE-S3 unless the bucket sets SSE-KMS)" } }],
          },
        ],
      },
    ],
  },
  // 65
  {
    cfnTypes: ['AWS::WorkSpaces::Workspace'],
    service: 'WorkSpaces',
    alias: 'alias/aws/workspaces',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-workspaces-workspace.html',
    slots: [
      {
        purpose: 'data',
        key: 'VolumeEncryptionKey',
        on: { any: [{ path: 'RootVolumeEncryptionEnabled', equals: [true] }, { path: 'UserVolumeEncryptionEnabled', equals: [true] }] },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/workspaces', note: 'the alias may differ: inferred, not read in an AWS page' },
        off: [{ outcome: { kind: 'none' } }],
      },
    ],
    terraform: [
      {
        type: 'aws_workspaces_workspace',
        slots: [
          {
            purpose: 'data',
            key: 'volume_encryption_key',
            on: { any: [{ path: 'root_volume_encryption_enabled', equals: [true] }, { path: 'user_volume_encryption_enabled', equals: [true] }] },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/workspaces', note: 'the alias may differ: inferred, not read in an AWS page' },
            off: [{ outcome: { kind: 'none' } }],
          },
        ],
      },
    ],
  },
  // 66
  {
    cfnTypes: ['AWS::ImageBuilder::Component'],
    service: 'EC2 Image Builder',
    confidence: 'I',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-imagebuilder-component.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyId',
        on: { present: 'KmsKeyId' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [{ outcome: { kind: 'aws-owned', what: 'a service key (AWS owned)', note: 'may differ: inferred, not stated by AWS' } }],
      },
    ],
    terraform: [
      {
        type: 'aws_imagebuilder_component',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_id',
            on: { present: 'kms_key_id' },
            onNoKey: { kind: 'unknown', why: 'no key named' },
            off: [{ outcome: { kind: 'aws-owned', what: 'a service key (AWS owned)', note: 'may differ: inferred, not stated by AWS' } }],
          },
        ],
      },
    ],
  },
  // 67
  {
    cfnTypes: ['AWS::ImageBuilder::ImageRecipe'],
    service: 'Amazon EBS',
    alias: 'alias/aws/ebs',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-imagebuilder-imagerecipe.html',
    slots: [
      {
        purpose: 'data',
        scope: 'BlockDeviceMappings[]',
        key: 'Ebs.KmsKeyId',
        on: { path: 'Ebs.Encrypted', equals: [true] },
        onNoKey: EBS_DEFAULT_KEY,
        off: EBS_DEVICE_OFF,
      },
    ],
    terraform: [
      {
        type: 'aws_imagebuilder_image_recipe',
        slots: [
          {
            purpose: 'data',
            scope: 'block_device_mapping[]',
            key: 'ebs[].kms_key_id',
            on: { path: 'ebs[].encrypted', equals: [true] },
            onNoKey: EBS_DEFAULT_KEY,
            off: EBS_DEVICE_OFF,
          },
        ],
      },
    ],
  },
  // 68
  {
    cfnTypes: ['AWS::ImageBuilder::DistributionConfiguration'],
    service: 'EC2 Image Builder',
    alias: 'alias/aws/ebs',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-imagebuilder-distributionconfiguration.html',
    slots: [
      {
        purpose: 'data',
        scope: 'Distributions[]',
        key: 'AmiDistributionConfiguration.KmsKeyId',
        on: { present: 'AmiDistributionConfiguration.KmsKeyId' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [{ outcome: { kind: 'unknown', why: "the distributed AMI may keep the encryption of the build's snapshots (alias/aws/ebs if they used it), which the input does not show" } }],
      },
    ],
    terraform: [
      {
        type: 'aws_imagebuilder_distribution_configuration',
        slots: [
          {
            purpose: 'data',
            scope: 'distribution[]',
            key: 'ami_distribution_configuration[].kms_key_id',
            on: { present: 'ami_distribution_configuration[].kms_key_id' },
            onNoKey: { kind: 'unknown', why: 'no key named' },
            off: [{ outcome: { kind: 'unknown', why: "the distributed AMI may keep the encryption of the build's snapshots (alias/aws/ebs if they used it), which the input does not show" } }],
          },
        ],
      },
    ],
  },
  // 69
  {
    cfnTypes: ['AWS::EKS::Cluster'],
    service: 'Amazon EKS',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/eks/latest/userguide/envelope-encryption.html',
    slots: [
      {
        purpose: 'data',
        scope: 'EncryptionConfig[]',
        key: 'Provider.KeyArn',
        on: { present: 'Provider.KeyArn' },
        onNoKey: { kind: 'unknown', why: 'envelope encryption needs Provider.KeyArn' },
        off: [
          {
            outcome: {
              kind: 'aws-owned',
              what: 'default envelope encryption of Kubernetes API data with an AWS owned key',
              note: 'Kubernetes 1.28 and later; older versions have no KMS envelope encryption',
            },
          },
        ],
      },
    ],
    terraform: [
      {
        type: 'aws_eks_cluster',
        slots: [
          {
            purpose: 'data',
            scope: 'encryption_config[]',
            key: 'provider[].key_arn',
            on: { present: 'provider[].key_arn' },
            onNoKey: { kind: 'unknown', why: 'envelope encryption needs provider.key_arn' },
            off: [
              {
                outcome: {
                  kind: 'aws-owned',
                  what: 'default envelope encryption of Kubernetes API data with an AWS owned key',
                  note: 'Kubernetes 1.28 and later; older versions have no KMS envelope encryption',
                },
              },
            ],
          },
        ],
      },
    ],
  },
  // 70
  {
    cfnTypes: ['AWS::DMS::ReplicationInstance'],
    service: 'AWS DMS',
    alias: 'alias/aws/dms',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Security.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyId',
        on: { always: true },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/dms' },
        off: [],
      },
    ],
    terraform: [
      {
        type: 'aws_dms_replication_instance',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_arn',
            on: { always: true },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/dms' },
            off: [],
          },
        ],
      },
    ],
  },
  // 71
  {
    // Primary: the connection information (always encrypted). S3/Redshift target encryption is a
    // secondary key; without SSE_KMS the S3 target uses SSE-S3.
    cfnTypes: ['AWS::DMS::Endpoint'],
    service: 'AWS DMS',
    alias: 'alias/aws/dms',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Security.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyId',
        on: { always: true },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/dms' },
        off: [],
      },
      {
        purpose: 's3-target',
        alias: S3_ALIAS,
        key: 'S3Settings.ServerSideEncryptionKmsKeyId',
        on: { path: 'S3Settings.EncryptionMode', equals: ['SSE_KMS'] },
        onNoKey: { kind: 'unknown', why: 'SSE_KMS with no ServerSideEncryptionKmsKeyId' },
        off: [],
      },
      {
        purpose: 'redshift-target',
        key: 'RedshiftSettings.ServerSideEncryptionKmsKeyId',
        on: { path: 'RedshiftSettings.EncryptionMode', equals: ['SSE_KMS'] },
        onNoKey: { kind: 'unknown', why: 'SSE_KMS with no ServerSideEncryptionKmsKeyId' },
        off: [],
      },
    ],
    terraform: [
      {
        type: 'aws_dms_endpoint',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_arn',
            on: { always: true },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/dms' },
            off: [],
          },
          {
            purpose: 's3-target',
            alias: S3_ALIAS,
            key: 's3_settings[].server_side_encryption_kms_key_id',
            on: { path: 's3_settings[].encryption_mode', equals: ['SSE_KMS'] },
            onNoKey: { kind: 'unknown', why: 'SSE_KMS with no server_side_encryption_kms_key_id' },
            off: [],
          },
          {
            purpose: 'redshift-target',
            key: 'redshift_settings[].server_side_encryption_kms_key_id',
            on: { path: 'redshift_settings[].encryption_mode', equals: ['SSE_KMS'] },
            onNoKey: { kind: 'unknown', why: 'SSE_KMS with no server_side_encryption_kms_key_id' },
            off: [],
          },
        ],
      },
      {
        type: 'aws_dms_s3_endpoint',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_arn',
            on: { always: true },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/dms' },
            off: [],
          },
          {
            purpose: 's3-target',
            alias: S3_ALIAS,
            key: 'server_side_encryption_kms_key_id',
            on: { path: 'encryption_mode', equals: ['SSE_KMS'] },
            onNoKey: { kind: 'unknown', why: 'SSE_KMS with no server_side_encryption_kms_key_id' },
            off: [],
          },
        ],
      },
    ],
  },
  // 72
  {
    cfnTypes: ['AWS::MWAA::Environment'],
    service: 'Amazon MWAA',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-mwaa-environment.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKey',
        on: { present: 'KmsKey' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key (managed by MWAA)' } }],
      },
    ],
    terraform: [
      {
        type: 'aws_mwaa_environment',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key',
            on: { present: 'kms_key' },
            onNoKey: { kind: 'unknown', why: 'no key named' },
            off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key (managed by MWAA)' } }],
          },
        ],
      },
    ],
  },
  // 73
  {
    cfnTypes: ['AWS::AmazonMQ::Broker'],
    service: 'Amazon MQ',
    alias: 'alias/aws/mq',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-amazonmq-broker.html',
    slots: [
      {
        purpose: 'data',
        key: 'EncryptionOptions.KmsKeyId',
        on: { path: 'EncryptionOptions.UseAwsOwnedKey', equals: [false], default: true },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/mq', note: 'the alias may differ: AWS documents only "the default CMK" for Amazon MQ' },
        off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key (UseAwsOwnedKey)' } }],
      },
    ],
    terraform: [
      {
        type: 'aws_mq_broker',
        slots: [
          {
            purpose: 'data',
            key: 'encryption_options[].kms_key_id',
            on: { path: 'encryption_options[].use_aws_owned_key', equals: [false], default: true },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/mq', note: 'the alias may differ: AWS documents only "the default CMK" for Amazon MQ' },
            off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key (use_aws_owned_key)' } }],
          },
        ],
      },
    ],
  },
  // 74
  {
    // No key property. The DAX guide speaks of an AWS managed "service default key" (alias not
    // documented); the reference marks AWS owned vs AWS managed as unverified.
    cfnTypes: ['AWS::DAX::Cluster'],
    service: 'DAX',
    confidence: 'U',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-dax-cluster.html',
    slots: [
      {
        purpose: 'data',
        on: { path: 'SSESpecification.SSEEnabled', equals: [true] },
        onNoKey: {
          kind: 'aws-managed',
          alias: 'alias/aws/dax',
          note: 'may be an AWS owned key instead; the alias is not documented and may differ',
        },
        off: [{ outcome: { kind: 'none' } }],
      },
    ],
    terraform: [
      {
        type: 'aws_dax_cluster',
        slots: [
          {
            purpose: 'data',
            on: { path: 'server_side_encryption[].enabled', equals: [true] },
            onNoKey: {
              kind: 'aws-managed',
              alias: 'alias/aws/dax',
              note: 'may be an AWS owned key instead; the alias is not documented and may differ',
            },
            off: [{ outcome: { kind: 'none' } }],
          },
        ],
      },
    ],
  },
  // 75
  {
    cfnTypes: ['AWS::KinesisVideo::Stream'],
    service: 'Kinesis Video Streams',
    alias: 'alias/aws/kinesisvideo',
    confidence: 'I',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-kinesisvideo-stream.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyId',
        on: { always: true },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/kinesisvideo', note: 'the alias may differ: inferred, not read in an AWS page' },
        off: [],
      },
    ],
    terraform: [
      {
        type: 'aws_kinesis_video_stream',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_id',
            on: { always: true },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/kinesisvideo', note: 'the alias may differ: inferred, not read in an AWS page' },
            off: [],
          },
        ],
      },
    ],
  },
  // 76
  {
    cfnTypes: ['AWS::Config::DeliveryChannel'],
    service: 'AWS Config',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-config-deliverychannel.html',
    slots: [
      {
        purpose: 'data',
        key: 'S3KmsKeyArn',
        on: { present: 'S3KmsKeyArn' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [{ outcome: { kind: 'aws-owned', what: "the delivery bucket's default encryption (SSE-S3)", note: 'may be SSE-KMS if the bucket default says so' } }],
      },
    ],
    terraform: [
      {
        type: 'aws_config_delivery_channel',
        slots: [
          {
            purpose: 'data',
            key: 's3_kms_key_arn',
            on: { present: 's3_kms_key_arn' },
            onNoKey: { kind: 'unknown', why: 'no key named' },
            off: [{ outcome: { kind: 'aws-owned', what: "the delivery bucket's default encryption (SSE-S3)", note: 'may be SSE-KMS if the bucket default says so' } }],
          },
        ],
      },
    ],
  },
  // 77
  {
    cfnTypes: ['AWS::ECS::Cluster'],
    service: 'Amazon ECS',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ecs-cluster.html',
    slots: [
      {
        purpose: 'data',
        key: 'Configuration.ManagedStorageConfiguration.FargateEphemeralStorageKmsKeyId',
        on: { present: 'Configuration.ManagedStorageConfiguration.FargateEphemeralStorageKmsKeyId' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key for Fargate ephemeral storage', note: 'may differ: inferred, not stated by AWS' } }],
      },
      namedOnly('managed-storage', 'Configuration.ManagedStorageConfiguration.KmsKeyId'),
      namedOnly('execute-command', 'Configuration.ExecuteCommandConfiguration.KmsKeyId'),
    ],
    terraform: [
      {
        type: 'aws_ecs_cluster',
        slots: [
          {
            purpose: 'data',
            key: 'configuration[].managed_storage_configuration[].fargate_ephemeral_storage_kms_key_id',
            on: { present: 'configuration[].managed_storage_configuration[].fargate_ephemeral_storage_kms_key_id' },
            onNoKey: { kind: 'unknown', why: 'no key named' },
            off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key for Fargate ephemeral storage', note: 'may differ: inferred, not stated by AWS' } }],
          },
          namedOnly('managed-storage', 'configuration[].managed_storage_configuration[].kms_key_id'),
          namedOnly('execute-command', 'configuration[].execute_command_configuration[].kms_key_id'),
        ],
      },
    ],
  },
  // 78
  {
    // One slot element per action; actions other than S3 store nothing, so they report the bucket
    // default too (there is no "no data" outcome).
    cfnTypes: ['AWS::SES::ReceiptRule'],
    service: 'Amazon SES',
    alias: 'alias/aws/ses',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ses-receiptrule.html',
    slots: [
      {
        purpose: 'data',
        scope: 'Rule.Actions[]',
        key: 'S3Action.KmsKeyArn',
        on: { present: 'S3Action.KmsKeyArn' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [
          {
            outcome: {
              kind: 'aws-owned',
              what: "the bucket's default encryption (SSE-S3 unless the bucket sets SSE-KMS)",
              note: 'SES itself does not encrypt the message',
            },
          },
        ],
      },
    ],
    terraform: [
      {
        type: 'aws_ses_receipt_rule',
        slots: [
          {
            purpose: 'data',
            scope: 's3_action[]',
            key: 'kms_key_arn',
            on: { present: 'kms_key_arn' },
            onNoKey: { kind: 'unknown', why: 'no key named' },
            off: [
              {
                outcome: {
                  kind: 'aws-owned',
                  what: "the bucket's default encryption (SSE-S3 unless the bucket sets SSE-KMS)",
                  note: 'SES itself does not encrypt the message',
                },
              },
            ],
          },
        ],
      },
    ],
  },
  // 79
  {
    cfnTypes: ['AWS::Synthetics::Canary'],
    service: 'CloudWatch Synthetics',
    alias: 'alias/aws/s3',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-synthetics-canary.html',
    slots: [
      {
        purpose: 'data',
        key: 'ArtifactConfig.S3Encryption.KmsKeyArn',
        on: { path: 'ArtifactConfig.S3Encryption.EncryptionMode', equals: ['SSE_KMS', 'SSE-KMS'] },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/s3', note: 'the alias may differ: AWS says only "an AWS managed key"' },
        off: [
          {
            when: { path: 'ArtifactConfig.S3Encryption.EncryptionMode', equals: ['SSE_S3'] },
            outcome: { kind: 'aws-owned', what: 'SSE-S3 for artifacts (keys managed by Amazon S3, outside KMS)' },
          },
          { outcome: { kind: 'aws-managed', alias: 'alias/aws/s3', note: 'the alias may differ: AWS says only "an AWS managed key"' } },
        ],
      },
      {
        // The canary's Lambda environment variables, as Lambda (row 18).
        purpose: 'lambda-environment',
        key: 'KmsKeyArn',
        on: { always: true },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/lambda' },
        off: [],
      },
      namedOnly('replica-lambda-environment', 'KmsKeyArn', 'Replicas[]'),
    ],
    terraform: [
      {
        type: 'aws_synthetics_canary',
        slots: [
          {
            purpose: 'data',
            key: 'artifact_config[].s3_encryption[].kms_key_arn',
            on: { path: 'artifact_config[].s3_encryption[].encryption_mode', equals: ['SSE_KMS', 'SSE-KMS'] },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/s3', note: 'the alias may differ: AWS says only "an AWS managed key"' },
            off: [
              {
                when: { path: 'artifact_config[].s3_encryption[].encryption_mode', equals: ['SSE_S3'] },
                outcome: { kind: 'aws-owned', what: 'SSE-S3 for artifacts (keys managed by Amazon S3, outside KMS)' },
              },
              { outcome: { kind: 'aws-managed', alias: 'alias/aws/s3', note: 'the alias may differ: AWS says only "an AWS managed key"' } },
            ],
          },
        ],
      },
    ],
  },
  // 80
  {
    cfnTypes: ['AWS::AppRunner::Service'],
    service: 'App Runner',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apprunner-service.html',
    slots: [
      {
        purpose: 'data',
        key: 'EncryptionConfiguration.KmsKey',
        on: { present: 'EncryptionConfiguration.KmsKey' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [{ outcome: { kind: 'aws-managed', alias: 'alias/aws/apprunner', note: 'the alias is not documented and may differ: AWS says only "an AWS managed key"' } }],
      },
    ],
    terraform: [
      {
        type: 'aws_apprunner_service',
        slots: [
          {
            purpose: 'data',
            key: 'encryption_configuration[].kms_key',
            on: { present: 'encryption_configuration[].kms_key' },
            onNoKey: { kind: 'unknown', why: 'no key named' },
            off: [{ outcome: { kind: 'aws-managed', alias: 'alias/aws/apprunner', note: 'the alias is not documented and may differ: AWS says only "an AWS managed key"' } }],
          },
        ],
      },
    ],
  },
  // 81
  {
    cfnTypes: ['AWS::APS::Workspace'],
    service: 'Amazon Managed Service for Prometheus',
    confidence: 'I',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-aps-workspace.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyArn',
        on: { present: 'KmsKeyArn' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key', note: 'may differ: inferred, not stated by AWS' } }],
      },
    ],
    terraform: [
      {
        type: 'aws_prometheus_workspace',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_arn',
            on: { present: 'kms_key_arn' },
            onNoKey: { kind: 'unknown', why: 'no key named' },
            off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key', note: 'may differ: inferred, not stated by AWS' } }],
          },
        ],
      },
    ],
  },
  // 82
  {
    cfnTypes: ['AWS::Bedrock::Agent'],
    service: 'Amazon Bedrock',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/bedrock/latest/userguide/encryption-agents-new.html',
    slots: [
      {
        purpose: 'data',
        key: 'CustomerEncryptionKeyArn',
        on: { present: 'CustomerEncryptionKeyArn' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key' } }],
      },
    ],
    terraform: [
      {
        type: 'aws_bedrockagent_agent',
        slots: [
          {
            purpose: 'data',
            key: 'customer_encryption_key_arn',
            on: { present: 'customer_encryption_key_arn' },
            onNoKey: { kind: 'unknown', why: 'no key named' },
            off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key' } }],
          },
        ],
      },
    ],
  },
  // 82
  {
    // The reference verifies the default for Agent only ("V (Agent)"), hence P here.
    cfnTypes: ['AWS::Bedrock::Guardrail'],
    service: 'Amazon Bedrock',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-bedrock-guardrail.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyArn',
        on: { present: 'KmsKeyArn' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key', note: 'may differ: verified for agents, not for guardrails' } }],
      },
    ],
    terraform: [
      {
        type: 'aws_bedrock_guardrail',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_arn',
            on: { present: 'kms_key_arn' },
            onNoKey: { kind: 'unknown', why: 'no key named' },
            off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key', note: 'may differ: verified for agents, not for guardrails' } }],
          },
        ],
      },
    ],
  },
  // 83
  {
    cfnTypes: ['AWS::DSQL::Cluster'],
    service: 'Aurora DSQL',
    confidence: 'I',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-dsql-cluster.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsEncryptionKey',
        on: { present: 'KmsEncryptionKey' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key', note: 'may differ: inferred, not stated by AWS' } }],
      },
    ],
    terraform: [
      {
        type: 'aws_dsql_cluster',
        slots: [
          {
            purpose: 'data',
            key: 'kms_encryption_key',
            on: { present: 'kms_encryption_key' },
            onNoKey: { kind: 'unknown', why: 'no key named' },
            off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key', note: 'may differ: inferred, not stated by AWS' } }],
          },
        ],
      },
    ],
  },
  // 84
  {
    // No Terraform counterpart in provider 5.100.0.
    cfnTypes: ['AWS::KinesisAnalyticsV2::Application'],
    service: 'Managed Service for Apache Flink',
    confidence: 'I',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-kinesisanalyticsv2-application.html',
    slots: [
      {
        purpose: 'data',
        key: 'ApplicationConfiguration.ApplicationEncryptionConfiguration.KeyId',
        on: { path: 'ApplicationConfiguration.ApplicationEncryptionConfiguration.KeyType', equals: ['CUSTOMER_MANAGED_KEY'] },
        onNoKey: { kind: 'unknown', why: 'KeyType CUSTOMER_MANAGED_KEY needs KeyId' },
        off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key', note: 'may differ: inferred, not stated by AWS' } }],
      },
    ],
  },
  // 85
  {
    // Keys for cross-Region snapshot copies; the snapshots themselves keep the source volume's
    // encryption. Only the first schedule's copy rules are read (two nested lists).
    cfnTypes: ['AWS::DLM::LifecyclePolicy'],
    service: 'Data Lifecycle Manager',
    alias: 'alias/aws/ebs',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-dlm-lifecyclepolicy.html',
    slots: [
      {
        purpose: 'data',
        scope: 'PolicyDetails.Schedules[].CrossRegionCopyRules[]',
        key: 'CmkArn',
        on: { path: 'Encrypted', equals: [true] },
        onNoKey: { ...EBS_DEFAULT_KEY, note: 'of the target Region, or the customer managed key the account set as its default EBS key there' },
        off: [{ outcome: { kind: 'unknown', why: "snapshots and their copies keep the source volume's encryption, which the policy does not show" } }],
      },
      {
        purpose: 'cross-region-copy-action',
        scope: 'PolicyDetails.Actions[].CrossRegionCopy[]',
        key: 'EncryptionConfiguration.CmkArn',
        on: { path: 'EncryptionConfiguration.Encrypted', equals: [true] },
        onNoKey: { ...EBS_DEFAULT_KEY, note: 'of the target Region, or the customer managed key the account set as its default EBS key there' },
        off: [],
      },
    ],
    terraform: [
      {
        type: 'aws_dlm_lifecycle_policy',
        slots: [
          {
            purpose: 'data',
            scope: 'policy_details[].schedule[].cross_region_copy_rule[]',
            key: 'cmk_arn',
            on: { path: 'encrypted', equals: [true] },
            onNoKey: { ...EBS_DEFAULT_KEY, note: 'of the target Region, or the customer managed key the account set as its default EBS key there' },
            off: [{ outcome: { kind: 'unknown', why: "snapshots and their copies keep the source volume's encryption, which the policy does not show" } }],
          },
          {
            purpose: 'cross-region-copy-action',
            scope: 'policy_details[].action[].cross_region_copy[]',
            key: 'encryption_configuration[].cmk_arn',
            on: { path: 'encryption_configuration[].encrypted', equals: [true] },
            onNoKey: { ...EBS_DEFAULT_KEY, note: 'of the target Region, or the customer managed key the account set as its default EBS key there' },
            off: [],
          },
        ],
      },
    ],
  },
  // 86
  {
    // A grant lets Redshift use a key in the destination Region of snapshot copies; it stores no data.
    cfnTypes: ['AWS::Redshift::SnapshotCopyGrant'],
    service: 'Redshift',
    alias: 'alias/aws/redshift',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-redshift-snapshotcopygrant.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyId',
        on: { always: true },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/redshift', note: 'the alias may differ: AWS says only "the default key"' },
        off: [],
      },
    ],
    terraform: [
      {
        type: 'aws_redshift_snapshot_copy_grant',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_id',
            on: { always: true },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/redshift', note: 'the alias may differ: AWS says only "the default key"' },
            off: [],
          },
        ],
      },
    ],
  },
  // AWS SAM types (and the CloudFormation types SAM creates that no row above covers).
  ...samRows,
  ...familyRows,
];
