// SageMaker types beyond rows.ts: HyperPod clusters, Edge device fleets, Feature Store feature groups,
// inference experiments (shadow tests), processing jobs and the Model Monitor jobs that run as
// processing jobs, Partner AI Apps, Studio user profiles.
import type { CatalogRow, KeySlot, Outcome } from '../types.js';
import { alwaysEncrypted, namedOnly } from '../slot-kit.js';

const S3_ALIAS = 'alias/aws/s3';
const OFFLINE_KEY = 'OfflineStoreConfig.S3StorageConfig.KmsKeyId';
/** The feature-store page says AWS managed key for the offline store; the S3 alias is inferred. */
const OFFLINE_FALLBACK = { kind: 'aws-managed', alias: S3_ALIAS, note: 'the page says an AWS managed key; that it is the S3 one is inferred' } as const;

/**
 * Job output and ML storage volumes (encryption-at-rest-nbi): "If an AWS KMS Key is not provided in the
 * job request, SageMaker uses the default AWS KMS key for Amazon S3 for your role's account", and "If
 * you don't specify a KMS key, SageMaker encrypts storage volumes with a transient key and discards it".
 */
const JOBS_SOURCE = 'https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest-nbi.html';
const JOB_OUTPUT_FALLBACK: Outcome = { kind: 'aws-managed', alias: S3_ALIAS, note: 'the default KMS key for Amazon S3 of the role’s account' };
const TRANSIENT_KEY: Outcome = { kind: 'aws-owned', what: 'a transient key that SageMaker discards after encrypting the volume' };

/** The ML storage volume of a job; `on` defaults to always (a job definition always has resources). */
function jobVolume(key: string, on: KeySlot['on'] = { always: true }): KeySlot {
  return { purpose: 'volume', key, on, onNoKey: TRANSIENT_KEY, off: [] };
}

/** A Model Monitor job definition: its S3 output (required) and the volume of the processing job it runs. */
function monitorJobDefinition(type: string, outputConfig: string): CatalogRow {
  return {
    cfnTypes: [type],
    service: 'SageMaker Model Monitor',
    alias: S3_ALIAS,
    confidence: 'I',
    source: JOBS_SOURCE,
    slots: [
      { purpose: 'data', key: `${outputConfig}.KmsKeyId`, on: { always: true }, onNoKey: JOB_OUTPUT_FALLBACK, off: [] },
      jobVolume('JobResources.ClusterConfig.VolumeKmsKeyId'),
    ],
  };
}

const SCHEDULED_JOB = 'MonitoringScheduleConfig.MonitoringJobDefinition';

export const sagemakerRows: readonly CatalogRow[] = [
  {
    // API ClusterEbsVolumeConfig: the root volume uses an AWS owned key unless RootVolume names a
    // customer key; for the secondary volume the default is not stated (partly verified).
    cfnTypes: ['AWS::SageMaker::Cluster'],
    service: 'SageMaker HyperPod',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ClusterEbsVolumeConfig.html',
    slots: [
      alwaysEncrypted(
        'InstanceStorageConfigs[].EbsVolumeConfig.VolumeKmsKeyId',
        { kind: 'aws-owned', what: 'an AWS owned key', note: 'stated for the root volume; the additional EBS volume may use it too' },
        'InstanceGroups[]',
      ),
      namedOnly('restricted-instance-group', 'InstanceStorageConfigs[].EbsVolumeConfig.VolumeKmsKeyId', 'RestrictedInstanceGroups[]'),
    ],
  },
  {
    // "If you don't provide a KMS key ID, Amazon SageMaker uses the default KMS key for Amazon S3 for
    // your role's account" (that this is alias/aws/s3 is inferred).
    cfnTypes: ['AWS::SageMaker::DeviceFleet'],
    service: 'SageMaker',
    alias: S3_ALIAS,
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-sagemaker-devicefleet-edgeoutputconfig.html',
    slots: [alwaysEncrypted('OutputConfig.KmsKeyId', { kind: 'aws-managed', alias: S3_ALIAS, note: 'the default KMS key for Amazon S3 of the role’s account' })],
  },
  {
    // Online store: an AWS owned key by default; offline store: an AWS managed key. The English page
    // says "an AWS owned AWS KMS key or AWS managed AWS KMS key" without saying which store gets which.
    cfnTypes: ['AWS::SageMaker::FeatureGroup'],
    service: 'SageMaker Feature Store',
    alias: S3_ALIAS,
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/sagemaker/latest/dg/feature-store-security.html',
    slots: [
      {
        purpose: 'data',
        key: 'OnlineStoreConfig.SecurityConfig.KmsKeyId',
        on: { path: 'OnlineStoreConfig.EnableOnlineStore', equals: [true] },
        onNoKey: { kind: 'aws-owned', what: 'an AWS owned key for the online store' },
        off: [
          // No online store: the data is the offline store's, reported by its own slot when it names a key.
          { when: { present: OFFLINE_KEY }, outcome: { kind: 'unknown', why: 'there is no online store; the offline store names its own key (offline-store)' } },
          { when: { present: 'OfflineStoreConfig.S3StorageConfig.S3Uri' }, outcome: OFFLINE_FALLBACK },
          { outcome: { kind: 'unknown', why: 'neither an online nor an offline store is configured' } },
        ],
      },
      {
        purpose: 'offline-store',
        key: OFFLINE_KEY,
        alias: S3_ALIAS,
        on: { all: [{ present: 'OfflineStoreConfig.S3StorageConfig.S3Uri' }] },
        onNoKey: OFFLINE_FALLBACK,
        off: [],
      },
    ],
  },
  {
    // CreateInferenceExperiment, KmsKey: "If you don't provide a KMS key ID, Amazon SageMaker uses the
    // default KMS key for Amazon S3 for your role's account" (sixth pass, docs/catalog-notes-group-3.md).
    // The same text first says the key encrypts "data on the storage volume attached to the ML compute
    // instance that hosts the endpoint", while the CloudFormation page says it encrypts "captured data at
    // rest using Amazon S3 server-side encryption": the sources disagree on what it protects (U, "may").
    // The S3 alias is read from "the default KMS key for Amazon S3", as for device fleets. The capture
    // key of DataStorageConfig has no stated default.
    cfnTypes: ['AWS::SageMaker::InferenceExperiment'],
    service: 'SageMaker',
    alias: S3_ALIAS,
    confidence: 'U',
    // The conflicting CloudFormation page (aws-resource-sagemaker-inferenceexperiment) is quoted in the notes.
    source: 'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateInferenceExperiment.html',
    slots: [
      alwaysEncrypted('KmsKey', {
        kind: 'aws-managed',
        alias: S3_ALIAS,
        note: 'the API says "the default KMS key for Amazon S3" but also that the key is for the storage volumes of the endpoint’s instances; CloudFormation says it encrypts the captured data in Amazon S3',
      }),
      namedOnly('data-capture', 'DataStorageConfig.KmsKey'),
    ],
  },
  {
    // Processing job output goes to S3 under the job's key or the default KMS key for Amazon S3 (the
    // overview page calls it "an AWS managed key for Amazon S3 (SSE-S3)", mixing the two; partly
    // verified). Athena and Redshift dataset keys have no documented default.
    cfnTypes: ['AWS::SageMaker::ProcessingJob'],
    service: 'SageMaker',
    alias: S3_ALIAS,
    confidence: 'P',
    source: JOBS_SOURCE,
    slots: [
      {
        purpose: 'data',
        key: 'ProcessingOutputConfig.KmsKeyId',
        on: { present: 'ProcessingOutputConfig' },
        onNoKey: JOB_OUTPUT_FALLBACK,
        off: [{ outcome: { kind: 'unknown', why: 'the job configures no output to Amazon S3' } }],
      },
      jobVolume('ProcessingResources.ClusterConfig.VolumeKmsKeyId'),
      namedOnly('athena-dataset', 'DatasetDefinition.AthenaDatasetDefinition.KmsKeyId', 'ProcessingInputs[]'),
      namedOnly('redshift-dataset', 'DatasetDefinition.RedshiftDatasetDefinition.KmsKeyId', 'ProcessingInputs[]'),
    ],
  },
  // Inferred: "With a monitoring schedule, SageMaker AI can start processing jobs to analyze the data"
  // (https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor-scheduling.html), so their output and
  // volumes are taken to follow the processing job defaults above.
  monitorJobDefinition('AWS::SageMaker::DataQualityJobDefinition', 'DataQualityJobOutputConfig'),
  monitorJobDefinition('AWS::SageMaker::ModelBiasJobDefinition', 'ModelBiasJobOutputConfig'),
  monitorJobDefinition('AWS::SageMaker::ModelExplainabilityJobDefinition', 'ModelExplainabilityJobOutputConfig'),
  monitorJobDefinition('AWS::SageMaker::ModelQualityJobDefinition', 'ModelQualityJobOutputConfig'),
  {
    // A schedule either defines its job inline or names a job definition, whose own row reports its keys.
    cfnTypes: ['AWS::SageMaker::MonitoringSchedule'],
    service: 'SageMaker Model Monitor',
    alias: S3_ALIAS,
    confidence: 'I',
    source: JOBS_SOURCE,
    slots: [
      {
        purpose: 'data',
        key: `${SCHEDULED_JOB}.MonitoringOutputConfig.KmsKeyId`,
        on: { present: SCHEDULED_JOB },
        onNoKey: JOB_OUTPUT_FALLBACK,
        off: [{ outcome: { kind: 'unknown', why: 'the schedule runs the job definition it names, which holds the keys' } }],
      },
      // `all` keeps an inline job's volume reported when it names no key (a bare `present` would not).
      jobVolume(`${SCHEDULED_JOB}.MonitoringResources.ClusterConfig.VolumeKmsKeyId`, { all: [{ present: SCHEDULED_JOB }] }),
    ],
  },
  {
    // Sources conflict on one page: "By default, it uses server-side encryption with a SageMaker owned
    // key" and "Partner AI Apps encrypt all your data at rest using an AWS managed key by default".
    cfnTypes: ['AWS::SageMaker::PartnerApp'],
    service: 'SageMaker Partner AI Apps',
    confidence: 'U',
    source: 'https://docs.aws.amazon.com/sagemaker/latest/dg/partner-apps-kms.html',
    slots: [
      alwaysEncrypted('KmsKeyId', {
        kind: 'aws-owned',
        what: 'a SageMaker owned key',
        note: 'the same page also says an AWS managed key is the default',
      }),
    ],
  },
  {
    // Studio page: the shared-notebook S3 bucket is encrypted by default with "a KMS key managed in an
    // AWS service account"; the overview (encryption-at-rest.html) says "an AWS managed key for Amazon
    // S3 (SSE-S3)" for Studio notebooks. Sources conflict. A profile that does not allow cell output
    // sharing takes its domain's default user settings, which rows.ts reports.
    cfnTypes: ['AWS::SageMaker::UserProfile'],
    service: 'SageMaker Studio',
    alias: S3_ALIAS,
    confidence: 'U',
    source: 'https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest-studio.html',
    slots: [
      {
        purpose: 'data',
        key: 'UserSettings.SharingSettings.S3KmsKeyId',
        on: { path: 'UserSettings.SharingSettings.NotebookOutputOption', equals: ['Allowed'] },
        onNoKey: {
          kind: 'aws-owned',
          what: 'a KMS key managed in an AWS service account',
          note: 'the SageMaker encryption overview says the AWS managed key for Amazon S3 instead',
        },
        off: [{ outcome: { kind: 'unknown', why: 'this profile does not allow sharing notebook cell output (its domain’s default user settings may)' } }],
      },
    ],
  },
];
