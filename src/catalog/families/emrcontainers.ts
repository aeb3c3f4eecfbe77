// Amazon EMR on EKS security configurations.
import type { CatalogRow } from '../types.js';

const AT_REST = 'SecurityConfigurationData.EncryptionConfiguration.AtRestEncryptionConfiguration';

export const emrContainersRows: readonly CatalogRow[] = [
  {
    // `S3EncryptionConfiguration.EncryptionOption` is SSE-S3, SSE-KMS or CSE-KMS (CFN allowed
    // values); the KMS options use `KMSKeyId`. What applies with no option set is not stated, hence
    // P and `unknown` there. The local-disk key is reported when named.
    cfnTypes: ['AWS::EMRContainers::SecurityConfiguration'],
    service: 'Amazon EMR on EKS',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-emrcontainers-securityconfiguration-s3encryptionconfiguration.html',
    slots: [
      {
        purpose: 'data',
        key: `${AT_REST}.S3EncryptionConfiguration.KMSKeyId`,
        alias: 'alias/aws/s3', // SSE-KMS: Amazon S3 makes the KMS call, so S3's AWS managed key is the one that works
        on: { path: `${AT_REST}.S3EncryptionConfiguration.EncryptionOption`, equals: ['SSE-KMS', 'CSE-KMS'] },
        onNoKey: { kind: 'unknown', why: 'the SSE-KMS and CSE-KMS options need KMSKeyId' },
        off: [
          {
            when: { path: `${AT_REST}.S3EncryptionConfiguration.EncryptionOption`, equals: ['SSE-S3'] },
            outcome: { kind: 'aws-owned', what: 'SSE-S3 (keys managed by Amazon S3, outside KMS)' },
          },
          { outcome: { kind: 'unknown', why: 'no S3 encryption option is set, and no page states what EMR on EKS then applies' } },
        ],
      },
      {
        purpose: 'local-disk',
        key: `${AT_REST}.LocalDiskEncryptionConfiguration.AwsKmsKeyId`,
        on: { present: `${AT_REST}.LocalDiskEncryptionConfiguration.AwsKmsKeyId` },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [],
      },
    ],
  },
];
