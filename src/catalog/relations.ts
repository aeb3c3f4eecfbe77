// Relation rows, one entry per resource family: every CloudFormation and Terraform type of the family
// together, what sharing it with another account costs under an AWS managed key, and where its
// resources name others (policies, publishers, replication, side resources). Read by
// src/analysis/relations.ts (one interpreter per row kind); how to add a family: ./README.md.
import type { ResourceFamily } from './types.js';

const CFN = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference';
/** kms-facts §5: S3 objects under aws/s3 cannot be used by principals of another account. */
const S3_CROSS_ACCOUNT = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-encryption.html#bucket-encryption-update-bucket-policy';
/** kms-facts §6.1–2: an AWS service cannot publish into a topic or queue under its AWS managed key. */
const SNS_SERVICES = 'https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services';
const KMS_KEY_POLICY = 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html';
const KMS_ALIASES = 'https://docs.aws.amazon.com/kms/latest/developerguide/alias-about.html';
const KMS_AWS_MANAGED = 'https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#aws-managed-key';
const KMS_GRANTS = 'https://docs.aws.amazon.com/kms/latest/developerguide/grants.html';
const KMS_KEY = `${CFN}/aws-resource-kms-key.html`;

export const families: readonly ResourceFamily[] = [
  {
    name: 'KMS key',
    cloudFormation: ['AWS::KMS::Key', 'AWS::KMS::ReplicaKey'],
    terraform: ['aws_kms_key', 'aws_kms_replica_key', 'aws_kms_external_key', 'aws_kms_replica_external_key', 'aws_kms_key_policy', 'aws_kms_grant', 'aws_ebs_default_kms_key'],
    roles: [{ role: 'customer-key', types: ['AWS::KMS::Key', 'AWS::KMS::ReplicaKey', 'aws_kms_key', 'aws_kms_replica_key', 'aws_kms_external_key', 'aws_kms_replica_external_key'] }],
    relations: [
      { kind: 'keyAttributes', on: 'AWS::KMS::Key', spec: 'KeySpec', usage: 'KeyUsage', origin: 'Origin', multiRegion: 'MultiRegion', rotation: 'EnableKeyRotation', rotationPeriod: 'RotationPeriodInDays', policy: 'KeyPolicy', source: KMS_KEY },
      { kind: 'keyAttributes', on: 'AWS::KMS::ReplicaKey', spec: 'KeySpec', usage: 'KeyUsage', origin: 'Origin', multiRegion: 'MultiRegion', rotation: 'EnableKeyRotation', rotationPeriod: 'RotationPeriodInDays', policy: 'KeyPolicy', primary: 'PrimaryKeyArn', replica: true, source: `${CFN}/aws-resource-kms-replicakey.html` },
      { kind: 'keyAttributes', on: 'aws_kms_key', spec: 'customer_master_key_spec', usage: 'key_usage', multiRegion: 'multi_region', rotation: 'enable_key_rotation', rotationPeriod: 'rotation_period_in_days', customKeyStore: 'custom_key_store_id', policy: 'policy', source: KMS_KEY },
      { kind: 'keyAttributes', on: 'aws_kms_replica_key', spec: 'customer_master_key_spec', usage: 'key_usage', multiRegion: 'multi_region', rotation: 'enable_key_rotation', rotationPeriod: 'rotation_period_in_days', customKeyStore: 'custom_key_store_id', policy: 'policy', primary: 'primary_key_arn', replica: true, source: `${CFN}/aws-resource-kms-replicakey.html` },
      { kind: 'keyAttributes', on: 'aws_kms_external_key', spec: 'customer_master_key_spec', usage: 'key_usage', multiRegion: 'multi_region', rotation: 'enable_key_rotation', rotationPeriod: 'rotation_period_in_days', customKeyStore: 'custom_key_store_id', policy: 'policy', external: true, source: 'https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys.html' },
      { kind: 'keyAttributes', on: 'aws_kms_replica_external_key', spec: 'customer_master_key_spec', usage: 'key_usage', multiRegion: 'multi_region', rotation: 'enable_key_rotation', rotationPeriod: 'rotation_period_in_days', customKeyStore: 'custom_key_store_id', policy: 'policy', external: true, replica: true, source: 'https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys.html' },
      // A separate key policy resource: its own `policy` is the key's policy.
      { kind: 'keyAttributes', on: 'aws_kms_key_policy', policy: 'policy', source: KMS_KEY_POLICY },
      { kind: 'keyManagement', on: 'aws_kms_key_policy', path: 'key_id', manages: 'keyPolicy', source: KMS_AWS_MANAGED },
      { kind: 'keyManagement', on: 'aws_kms_grant', path: 'key_id', manages: 'grant', source: KMS_GRANTS },
      { kind: 'sideLink', on: 'aws_kms_key_policy', attribute: 'key_id', targets: ['aws_kms_key', 'aws_kms_replica_key', 'aws_kms_external_key', 'aws_kms_replica_external_key'], match: ['key_id', 'id', 'arn'], source: KMS_KEY_POLICY },
      { kind: 'sideLink', on: 'aws_kms_grant', attribute: 'key_id', targets: ['aws_kms_key', 'aws_kms_replica_key', 'aws_kms_external_key', 'aws_kms_replica_external_key'], match: ['key_id', 'id', 'arn'], source: KMS_GRANTS },
      { kind: 'sideLink', on: 'aws_ebs_default_kms_key', attribute: 'key_arn', targets: ['aws_kms_key', 'aws_kms_replica_key', 'aws_kms_external_key', 'aws_kms_replica_external_key'], match: ['arn', 'key_id', 'id'], source: 'https://docs.aws.amazon.com/ebs/latest/userguide/work-with-ebs-encr.html' },
    ],
  },
  {
    name: 'KMS alias',
    cloudFormation: ['AWS::KMS::Alias'],
    terraform: ['aws_kms_alias'],
    roles: [{ role: 'alias', types: ['AWS::KMS::Alias', 'aws_kms_alias'] }],
    relations: [
      { kind: 'keyManagement', on: 'AWS::KMS::Alias', path: 'AliasName', manages: 'aliasName', source: KMS_ALIASES },
      { kind: 'keyManagement', on: 'AWS::KMS::Alias', path: 'TargetKeyId', manages: 'aliasTarget', source: KMS_AWS_MANAGED },
      { kind: 'keyManagement', on: 'aws_kms_alias', path: 'name', manages: 'aliasName', source: KMS_ALIASES },
      // Terraform appends a random suffix to name_prefix: a prefix under alias/aws/ gives a name there.
      { kind: 'keyManagement', on: 'aws_kms_alias', path: 'name_prefix', manages: 'aliasName', source: KMS_ALIASES },
      { kind: 'keyManagement', on: 'aws_kms_alias', path: 'target_key_id', manages: 'aliasTarget', source: KMS_AWS_MANAGED },
      { kind: 'sideLink', on: 'aws_kms_alias', attribute: 'target_key_id', targets: ['aws_kms_key', 'aws_kms_replica_key', 'aws_kms_external_key', 'aws_kms_replica_external_key'], match: ['key_id', 'id', 'arn'], source: KMS_ALIASES },
    ],
  },
  {
    name: 'S3 general purpose bucket',
    cloudFormation: ['AWS::S3::Bucket', 'AWS::S3::BucketPolicy', 'AWS::S3::AccessPoint', 'Custom::S3BucketNotifications'],
    terraform: ['aws_s3_bucket', 'aws_s3_bucket_policy', 'aws_s3_access_point', 'aws_s3control_access_point_policy', 'aws_s3_bucket_replication_configuration', 'aws_s3_bucket_notification', 'aws_s3_bucket_server_side_encryption_configuration'],
    roles: [{ role: 'bucket', types: ['AWS::S3::Bucket', 'aws_s3_bucket'] }],
    crossAccount: { types: ['AWS::S3::Bucket', 'aws_s3_bucket'], certainty: 'yes', source: S3_CROSS_ACCOUNT },
    relations: [
      { kind: 'policy', on: 'AWS::S3::BucketPolicy', via: 'bucket policy', policy: 'PolicyDocument', targets: 'Bucket', source: `${CFN}/aws-resource-s3-bucketpolicy.html` },
      { kind: 'policy', on: 'aws_s3_bucket_policy', via: 'bucket policy', policy: 'policy', targets: 'bucket', source: `${CFN}/aws-resource-s3-bucketpolicy.html` },
      { kind: 'policy', on: 'aws_s3_bucket', via: 'inline bucket policy', policy: 'policy', source: `${CFN}/aws-resource-s3-bucketpolicy.html` },
      { kind: 'bucketPolicy', on: 'AWS::S3::BucketPolicy', policy: 'PolicyDocument', bucket: 'Bucket', source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-policies.html#access-points-delegating-control' },
      { kind: 'bucketPolicy', on: 'aws_s3_bucket_policy', policy: 'policy', bucket: 'bucket', source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-policies.html#access-points-delegating-control' },
      { kind: 'bucketPolicy', on: 'aws_s3_bucket', policy: 'policy', source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-policies.html#access-points-delegating-control' },
      { kind: 'accessPoint', on: 'AWS::S3::AccessPoint', policy: 'Policy', bucket: 'Bucket', source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-policies.html' },
      { kind: 'accessPoint', on: 'aws_s3_access_point', policy: 'policy', bucket: 'bucket', source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-policies.html' },
      { kind: 'accessPoint', on: 'aws_s3control_access_point_policy', policy: 'policy', accessPoint: 'access_point_arn', accessPointType: 'aws_s3_access_point', source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-policies.html' },
      // kms-facts §5: replicas under aws/s3 cannot be read by the destination account.
      { kind: 'replication', on: 'AWS::S3::Bucket', rules: 'ReplicationConfiguration.Rules[]', account: 'Destination.Account', destination: 'Destination.Bucket', keyPurpose: 'replica', source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-troubleshoot.html' },
      { kind: 'replication', on: 'aws_s3_bucket_replication_configuration', bucket: 'bucket', rules: 'rule[]', account: 'destination[].account', destination: 'destination[].bucket', keyPurpose: 'replica', source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-troubleshoot.html' },
      { kind: 'publisher', on: 'AWS::S3::Bucket', publisher: 'S3 event notification of bucket', target: 'NotificationConfiguration.TopicConfigurations[].Topic', source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ways-to-add-notification-config-to-bucket.html' },
      { kind: 'publisher', on: 'AWS::S3::Bucket', publisher: 'S3 event notification of bucket', target: 'NotificationConfiguration.QueueConfigurations[].Queue', source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ways-to-add-notification-config-to-bucket.html' },
      // CDK's bucket.addEventNotification() writes a custom resource with the same configuration.
      { kind: 'publisher', on: 'Custom::S3BucketNotifications', publisher: 'S3 event notification (CDK)', target: 'NotificationConfiguration.TopicConfigurations[].TopicArn', source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ways-to-add-notification-config-to-bucket.html' },
      { kind: 'publisher', on: 'Custom::S3BucketNotifications', publisher: 'S3 event notification (CDK)', target: 'NotificationConfiguration.QueueConfigurations[].QueueArn', source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ways-to-add-notification-config-to-bucket.html' },
      { kind: 'publisher', on: 'aws_s3_bucket_notification', publisher: 'S3 event notification', target: 'topic[].topic_arn', source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ways-to-add-notification-config-to-bucket.html' },
      { kind: 'publisher', on: 'aws_s3_bucket_notification', publisher: 'S3 event notification', target: 'queue[].queue_arn', source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ways-to-add-notification-config-to-bucket.html' },
      // Directory buckets are left out: SSE-KMS there needs a customer key, the general S3 fallback does not apply.
      { kind: 'sideLink', on: 'aws_s3_bucket_server_side_encryption_configuration', attribute: 'bucket', targets: ['aws_s3_bucket'], match: ['bucket', 'id'], keyBearing: true, source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-encryption.html' },
      { kind: 'sideLink', on: 'aws_s3_bucket_policy', attribute: 'bucket', targets: ['aws_s3_bucket', 'aws_s3_directory_bucket'], match: ['bucket', 'id'], source: `${CFN}/aws-resource-s3-bucketpolicy.html` },
    ],
  },
  {
    name: 'S3 directory bucket',
    cloudFormation: ['AWS::S3Express::DirectoryBucket'],
    terraform: ['aws_s3_directory_bucket'],
    relations: [],
  },
  {
    name: 'SQS queue',
    cloudFormation: ['AWS::SQS::Queue', 'AWS::SQS::QueuePolicy', 'AWS::SQS::QueueInlinePolicy'],
    terraform: ['aws_sqs_queue', 'aws_sqs_queue_policy'],
    roles: [{ role: 'topic-or-queue', types: ['AWS::SQS::Queue', 'aws_sqs_queue'] }],
    crossAccount: { types: ['AWS::SQS::Queue', 'aws_sqs_queue'], certainty: 'yes', source: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-key-management.html' },
    relations: [
      { kind: 'policy', on: 'AWS::SQS::QueuePolicy', via: 'queue policy', policy: 'PolicyDocument', targets: 'Queues[]', source: `${CFN}/aws-resource-sqs-queuepolicy.html` },
      { kind: 'policy', on: 'AWS::SQS::QueueInlinePolicy', via: 'queue policy', policy: 'PolicyDocument', targets: 'Queue', source: `${CFN}/aws-resource-sqs-queueinlinepolicy.html` },
      { kind: 'policy', on: 'aws_sqs_queue_policy', via: 'queue policy', policy: 'policy', targets: 'queue_url', source: `${CFN}/aws-resource-sqs-queuepolicy.html` },
      { kind: 'policy', on: 'aws_sqs_queue', via: 'inline queue policy', policy: 'policy', source: `${CFN}/aws-resource-sqs-queuepolicy.html` },
      { kind: 'sideLink', on: 'aws_sqs_queue_policy', attribute: 'queue_url', targets: ['aws_sqs_queue'], match: ['url', 'id'], source: `${CFN}/aws-resource-sqs-queuepolicy.html` },
    ],
  },
  {
    name: 'SNS topic',
    cloudFormation: ['AWS::SNS::Topic', 'AWS::SNS::TopicPolicy', 'AWS::SNS::TopicInlinePolicy', 'AWS::SNS::Subscription'],
    terraform: ['aws_sns_topic', 'aws_sns_topic_policy', 'aws_sns_topic_subscription'],
    roles: [{ role: 'topic-or-queue', types: ['AWS::SNS::Topic', 'aws_sns_topic'] }],
    crossAccount: { types: ['AWS::SNS::Topic', 'aws_sns_topic'], certainty: 'yes', source: 'https://docs.aws.amazon.com/sns/latest/dg/sns-enable-encryption-for-topic-sqs-queue-subscriptions.html' },
    relations: [
      { kind: 'policy', on: 'AWS::SNS::TopicPolicy', via: 'topic policy', policy: 'PolicyDocument', targets: 'Topics[]', source: `${CFN}/aws-resource-sns-topicpolicy.html` },
      { kind: 'policy', on: 'AWS::SNS::TopicInlinePolicy', via: 'topic policy', policy: 'PolicyDocument', targets: 'TopicArn', source: `${CFN}/aws-resource-sns-topicinlinepolicy.html` },
      { kind: 'policy', on: 'aws_sns_topic_policy', via: 'topic policy', policy: 'policy', targets: 'arn', source: `${CFN}/aws-resource-sns-topicpolicy.html` },
      { kind: 'policy', on: 'aws_sns_topic', via: 'inline topic policy', policy: 'policy', source: `${CFN}/aws-resource-sns-topicpolicy.html` },
      // Subscribers in another account: whether the topic's key matters to them is derived ('may').
      { kind: 'subscription', on: 'AWS::SNS::Subscription', topic: 'TopicArn', endpoint: 'Endpoint', source: `${CFN}/aws-resource-sns-subscription.html` },
      { kind: 'subscription', on: 'AWS::SNS::Topic', list: 'Subscription[]', endpoint: 'Endpoint', source: `${CFN}/aws-properties-sns-topic-subscription.html` },
      { kind: 'subscription', on: 'aws_sns_topic_subscription', topic: 'topic_arn', endpoint: 'endpoint', source: `${CFN}/aws-resource-sns-subscription.html` },
      // kms-facts §6.3: SNS delivers to an encrypted queue as sns.amazonaws.com.
      { kind: 'publisher', on: 'AWS::SNS::Subscription', publisher: 'SNS subscription', target: 'Endpoint', when: { path: 'Protocol', equals: ['sqs'] }, publishedBy: 'TopicArn', identifiedBySite: true, source: 'https://docs.aws.amazon.com/sns/latest/dg/sns-enable-encryption-for-topic-sqs-queue-subscriptions.html' },
      { kind: 'publisher', on: 'AWS::SNS::Topic', publisher: 'SNS subscription of topic', target: 'Subscription[].Endpoint', when: { path: 'Protocol', equals: ['sqs'] }, source: 'https://docs.aws.amazon.com/sns/latest/dg/sns-enable-encryption-for-topic-sqs-queue-subscriptions.html' },
      { kind: 'publisher', on: 'aws_sns_topic_subscription', publisher: 'SNS subscription', target: 'endpoint', when: { path: 'protocol', equals: ['sqs'] }, publishedBy: 'topic_arn', identifiedBySite: true, source: 'https://docs.aws.amazon.com/sns/latest/dg/sns-enable-encryption-for-topic-sqs-queue-subscriptions.html' },
      { kind: 'sideLink', on: 'aws_sns_topic_policy', attribute: 'arn', targets: ['aws_sns_topic'], match: ['arn', 'id'], source: `${CFN}/aws-resource-sns-topicpolicy.html` },
    ],
  },
  {
    name: 'Secrets Manager secret',
    cloudFormation: ['AWS::SecretsManager::Secret', 'AWS::SecretsManager::ResourcePolicy'],
    terraform: ['aws_secretsmanager_secret', 'aws_secretsmanager_secret_policy'],
    crossAccount: { types: ['AWS::SecretsManager::Secret', 'aws_secretsmanager_secret'], certainty: 'yes', source: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_examples_cross.html' },
    relations: [
      { kind: 'policy', on: 'AWS::SecretsManager::ResourcePolicy', via: 'secret resource policy', policy: 'ResourcePolicy', targets: 'SecretId', source: `${CFN}/aws-resource-secretsmanager-resourcepolicy.html` },
      { kind: 'policy', on: 'aws_secretsmanager_secret_policy', via: 'secret resource policy', policy: 'policy', targets: 'secret_arn', source: `${CFN}/aws-resource-secretsmanager-resourcepolicy.html` },
      { kind: 'sideLink', on: 'aws_secretsmanager_secret_policy', attribute: 'secret_arn', targets: ['aws_secretsmanager_secret'], match: ['arn', 'id'], source: `${CFN}/aws-resource-secretsmanager-resourcepolicy.html` },
    ],
  },
  {
    name: 'DynamoDB table',
    cloudFormation: ['AWS::DynamoDB::Table'],
    terraform: ['aws_dynamodb_table', 'aws_dynamodb_resource_policy'],
    crossAccount: { types: ['AWS::DynamoDB::Table', 'aws_dynamodb_table'], certainty: 'yes', source: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/rbac-considerations.html' },
    relations: [
      { kind: 'policy', on: 'AWS::DynamoDB::Table', via: 'table resource policy', policy: 'ResourcePolicy.PolicyDocument', source: `${CFN}/aws-resource-dynamodb-table.html` },
      { kind: 'policy', on: 'aws_dynamodb_resource_policy', via: 'table resource policy', policy: 'policy', targets: 'resource_arn', source: `${CFN}/aws-resource-dynamodb-table.html` },
    ],
  },
  {
    name: 'Kinesis data stream',
    cloudFormation: ['AWS::Kinesis::Stream', 'AWS::Kinesis::ResourcePolicy'],
    terraform: ['aws_kinesis_stream', 'aws_kinesis_resource_policy'],
    // kms-facts §5: derived from the key policy; no sentence found that says so.
    crossAccount: { types: ['AWS::Kinesis::Stream', 'aws_kinesis_stream'], certainty: 'may', source: 'https://docs.aws.amazon.com/streams/latest/dev/resource-based-policy-examples.html' },
    relations: [
      { kind: 'policy', on: 'AWS::Kinesis::ResourcePolicy', via: 'stream resource policy', policy: 'ResourcePolicy', targets: 'ResourceArn', source: `${CFN}/aws-resource-kinesis-resourcepolicy.html` },
      { kind: 'policy', on: 'aws_kinesis_resource_policy', via: 'stream resource policy', policy: 'policy', targets: 'resource_arn', source: `${CFN}/aws-resource-kinesis-resourcepolicy.html` },
    ],
  },
  {
    name: 'RDS database',
    cloudFormation: ['AWS::RDS::DBCluster', 'AWS::RDS::DBInstance'],
    terraform: ['aws_rds_cluster', 'aws_db_instance'],
    crossAccount: { types: ['AWS::RDS::DBCluster', 'AWS::RDS::DBInstance', 'aws_rds_cluster', 'aws_db_instance'], certainty: 'may', source: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ShareSnapshot.html' },
    relations: [],
  },
  {
    name: 'EC2 Image Builder distribution',
    cloudFormation: ['AWS::ImageBuilder::DistributionConfiguration'],
    terraform: ['aws_imagebuilder_distribution_configuration'],
    crossAccount: { types: ['AWS::ImageBuilder::DistributionConfiguration', 'aws_imagebuilder_distribution_configuration'], certainty: 'yes', source: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/sharingamis-explicit.html' },
    relations: [
      { kind: 'accountList', on: 'AWS::ImageBuilder::DistributionConfiguration', via: 'AMI launch permission', list: 'Distributions[].AmiDistributionConfiguration.LaunchPermissionConfiguration.UserIds[]', scope: 'account', source: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/sharingamis-explicit.html' },
      { kind: 'accountList', on: 'AWS::ImageBuilder::DistributionConfiguration', via: 'AMI launch permission', list: 'Distributions[].AmiDistributionConfiguration.LaunchPermissionConfiguration.OrganizationArns[]', scope: 'organization', source: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/share-amis-with-organizations-and-OUs.html' },
      { kind: 'accountList', on: 'AWS::ImageBuilder::DistributionConfiguration', via: 'AMI launch permission', list: 'Distributions[].AmiDistributionConfiguration.LaunchPermissionConfiguration.OrganizationalUnitArns[]', scope: 'organization', source: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/share-amis-with-organizations-and-OUs.html' },
      { kind: 'accountList', on: 'AWS::ImageBuilder::DistributionConfiguration', via: 'AMI copy to account', list: 'Distributions[].AmiDistributionConfiguration.TargetAccountIds[]', scope: 'account', source: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/sharingamis-explicit.html' },
    ],
  },
  {
    name: 'EBS volume',
    cloudFormation: ['AWS::EC2::Volume', 'AWS::DLM::LifecyclePolicy'],
    terraform: ['aws_ebs_volume', 'aws_dlm_lifecycle_policy'],
    crossAccount: { types: ['AWS::EC2::Volume', 'aws_ebs_volume'], certainty: 'yes', source: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-modifying-snapshot-permissions.html' },
    relations: [
      // DLM targets resources that carry any one of the policy's target tags.
      { kind: 'snapshotShare', on: 'AWS::DLM::LifecyclePolicy', targetTags: 'PolicyDetails.TargetTags', accounts: 'PolicyDetails.Schedules[].ShareRules[].TargetAccounts[]', volume: 'AWS::EC2::Volume', volumeTags: 'Tags', source: 'https://docs.aws.amazon.com/ebs/latest/userguide/event-policy.html' },
      { kind: 'snapshotShare', on: 'aws_dlm_lifecycle_policy', targetTags: 'policy_details[].target_tags', accounts: 'policy_details[].schedule[].share_rule[].target_accounts[]', volume: 'aws_ebs_volume', volumeTags: 'tags', source: 'https://docs.aws.amazon.com/ebs/latest/userguide/event-policy.html' },
    ],
  },
  {
    name: 'AWS Backup',
    cloudFormation: ['AWS::Backup::BackupVault', 'AWS::Backup::BackupPlan'],
    terraform: ['aws_backup_vault', 'aws_backup_plan'],
    crossAccount: { types: ['AWS::Backup::BackupVault', 'aws_backup_vault'], certainty: 'may', source: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/create-cross-account-backup.html' },
    relations: [
      { kind: 'backupCopy', on: 'AWS::Backup::BackupPlan', rules: 'BackupPlan.BackupPlanRule[]', vault: 'TargetBackupVault', copies: 'CopyActions[].DestinationBackupVaultArn', source: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/create-cross-account-backup.html' },
      { kind: 'backupCopy', on: 'aws_backup_plan', rules: 'rule[]', vault: 'target_vault_name', copies: 'copy_action[].destination_vault_arn', source: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/create-cross-account-backup.html' },
      { kind: 'publisher', on: 'AWS::Backup::BackupVault', publisher: 'AWS Backup vault notifications of', target: 'Notifications.SNSTopicArn', source: SNS_SERVICES },
    ],
  },
  {
    name: 'RAM resource share',
    cloudFormation: ['AWS::RAM::ResourceShare'],
    terraform: ['aws_ram_resource_share', 'aws_ram_resource_association', 'aws_ram_principal_association'],
    relations: [
      { kind: 'resourceShare', on: 'AWS::RAM::ResourceShare', resources: 'ResourceArns[]', principals: 'Principals[]', source: `${CFN}/aws-resource-ram-resourceshare.html` },
      // Terraform splits a share: resources and principals join on resource_share_arn.
      { kind: 'resourceShare', on: 'aws_ram_resource_association', share: 'resource_share_arn', resource: 'resource_arn', principalType: 'aws_ram_principal_association', principal: 'principal', source: `${CFN}/aws-resource-ram-resourceshare.html` },
    ],
  },
  {
    name: 'EventBridge',
    cloudFormation: ['AWS::Events::Rule', 'AWS::Events::EventBus'],
    terraform: ['aws_cloudwatch_event_rule', 'aws_cloudwatch_event_target', 'aws_cloudwatch_event_bus'],
    relations: [
      { kind: 'publisher', on: 'AWS::Events::Rule', publisher: 'EventBridge rule', target: 'Targets[].Arn', source: SNS_SERVICES },
      // EventBridge itself sends undeliverable events to a target's (or a bus's) dead-letter queue.
      { kind: 'publisher', on: 'AWS::Events::Rule', publisher: 'EventBridge rule', target: 'Targets[].DeadLetterConfig.Arn', role: 'dead-letter queue', source: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html' },
      { kind: 'publisher', on: 'AWS::Events::EventBus', publisher: 'EventBridge event bus', target: 'DeadLetterConfig.Arn', role: 'dead-letter queue', source: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html' },
      { kind: 'publisher', on: 'aws_cloudwatch_event_target', publisher: 'EventBridge rule', target: 'arn', publishedBy: 'rule', source: SNS_SERVICES },
      { kind: 'publisher', on: 'aws_cloudwatch_event_target', publisher: 'EventBridge rule', target: 'dead_letter_config[].arn', role: 'dead-letter queue', publishedBy: 'rule', source: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html' },
      { kind: 'publisher', on: 'aws_cloudwatch_event_bus', publisher: 'EventBridge event bus', target: 'dead_letter_config[].arn', role: 'dead-letter queue', source: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html' },
    ],
  },
  {
    name: 'CloudWatch alarm',
    cloudFormation: ['AWS::CloudWatch::Alarm', 'AWS::CloudWatch::CompositeAlarm'],
    terraform: ['aws_cloudwatch_metric_alarm', 'aws_cloudwatch_composite_alarm'],
    relations: [
      { kind: 'publisher', on: 'AWS::CloudWatch::Alarm', publisher: 'CloudWatch alarm', target: 'AlarmActions[]', source: SNS_SERVICES },
      { kind: 'publisher', on: 'AWS::CloudWatch::Alarm', publisher: 'CloudWatch alarm', target: 'OKActions[]', source: SNS_SERVICES },
      { kind: 'publisher', on: 'AWS::CloudWatch::Alarm', publisher: 'CloudWatch alarm', target: 'InsufficientDataActions[]', source: SNS_SERVICES },
      { kind: 'publisher', on: 'AWS::CloudWatch::CompositeAlarm', publisher: 'CloudWatch composite alarm', target: 'AlarmActions[]', source: SNS_SERVICES },
      { kind: 'publisher', on: 'aws_cloudwatch_metric_alarm', publisher: 'CloudWatch alarm', target: 'alarm_actions[]', source: SNS_SERVICES },
      { kind: 'publisher', on: 'aws_cloudwatch_metric_alarm', publisher: 'CloudWatch alarm', target: 'ok_actions[]', source: SNS_SERVICES },
      { kind: 'publisher', on: 'aws_cloudwatch_metric_alarm', publisher: 'CloudWatch alarm', target: 'insufficient_data_actions[]', source: SNS_SERVICES },
    ],
  },
  {
    name: 'Service notifications',
    cloudFormation: ['AWS::CodeStarNotifications::NotificationRule', 'AWS::RDS::EventSubscription', 'AWS::DMS::EventSubscription', 'AWS::Config::DeliveryChannel'],
    terraform: ['aws_codestarnotifications_notification_rule', 'aws_db_event_subscription', 'aws_dms_event_subscription', 'aws_config_delivery_channel'],
    relations: [
      { kind: 'publisher', on: 'AWS::CodeStarNotifications::NotificationRule', publisher: 'CodeStar notification rule', target: 'Targets[].TargetAddress', source: SNS_SERVICES },
      { kind: 'publisher', on: 'AWS::RDS::EventSubscription', publisher: 'RDS event subscription', target: 'SnsTopicArn', source: SNS_SERVICES },
      { kind: 'publisher', on: 'AWS::DMS::EventSubscription', publisher: 'DMS event subscription', target: 'SnsTopicArn', source: SNS_SERVICES },
      { kind: 'publisher', on: 'AWS::Config::DeliveryChannel', publisher: 'AWS Config delivery channel', target: 'SnsTopicARN', source: SNS_SERVICES },
      { kind: 'publisher', on: 'aws_db_event_subscription', publisher: 'RDS event subscription', target: 'sns_topic', source: SNS_SERVICES },
    ],
  },
  {
    // Not encrypted themselves: the inputs read them for context (nested stack parameters, the account).
    name: 'Deployment context',
    cloudFormation: ['AWS::CloudFormation::Stack'],
    terraform: ['aws_caller_identity'],
    relations: [],
  },
  {
    name: 'CloudFront distribution',
    cloudFormation: ['AWS::CloudFront::Distribution'],
    terraform: ['aws_cloudfront_distribution'],
    relations: [
      // kms-facts §6.4: only OAC reads SSE-KMS objects, and only with a key policy that admits CloudFront.
      { kind: 'origin', on: 'AWS::CloudFront::Distribution', origins: 'DistributionConfig.Origins[]', domain: 'DomainName', oac: 'OriginAccessControlId', oai: 'S3OriginConfig.OriginAccessIdentity', source: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html' },
      { kind: 'origin', on: 'aws_cloudfront_distribution', origins: 'origin[]', domain: 'domain_name', oac: 'origin_access_control_id', oai: 's3_origin_config[].origin_access_identity', source: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html' },
      // kms-facts §6.5: standard (legacy) logs into an SSE-KMS bucket need a customer managed key whose policy admits CloudFront.
      { kind: 'logDelivery', on: 'AWS::CloudFront::Distribution', via: 'CloudFront standard logging', bucket: 'DistributionConfig.Logging.Bucket', source: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/AccessLogs.html' },
      { kind: 'logDelivery', on: 'aws_cloudfront_distribution', via: 'CloudFront standard logging', bucket: 'logging_config[].bucket', source: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/AccessLogs.html' },
    ],
  },
];
