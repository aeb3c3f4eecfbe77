// Amazon EMR steps (the key of the logs they publish to Amazon S3) and EMR Studios (the key of the
// Workspace and notebook files they keep in Amazon S3).
import type { CatalogRow } from '../types.js';
import { optionalKey } from '../slot-kit.js';

export const emrRows: readonly CatalogRow[] = [
  {
    // "When omitted, EMR falls back to cluster-level logging behavior" (CFN `EncryptionKeyArn`
    // text): the step takes the log key of the cluster `JobFlowId` names.
    cfnTypes: ['AWS::EMR::Step'],
    service: 'Amazon EMR',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-emr-step.html',
    slots: [
      {
        purpose: 'data',
        key: 'EncryptionKeyArn',
        alias: 'alias/aws/s3', // the logs are S3 objects: S3's AWS managed key is the one that works
        on: { present: 'EncryptionKeyArn' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [{ outcome: { kind: 'inherit', from: 'JobFlowId', what: 'its cluster' } }],
      },
    ],
  },
  {
    // "These workspaces store notebooks and related files in your specified Amazon S3 bucket. By
    // default, these files are encrypted with Amazon S3-managed keys (SSE-S3)"; `EncryptionKeyArn`
    // chooses SSE-KMS with a customer managed key (emr-studio-workspace-storage-encryption).
    cfnTypes: ['AWS::EMR::Studio'],
    service: 'Amazon EMR',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-studio-workspace-storage-encryption.html',
    slots: [
      {
        ...optionalKey('EncryptionKeyArn', { kind: 'aws-owned', what: 'SSE-S3 (Amazon S3 managed keys) for Workspace and notebook files' }),
        alias: 'alias/aws/s3',
      },
    ],
  },
];
