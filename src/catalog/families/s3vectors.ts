// Amazon S3 Vectors: vector buckets and the indexes in them.
import type { CatalogRow, KeySlot } from '../types.js';

const SSE_S3 = { kind: 'aws-owned', what: 'SSE-S3 (keys managed by Amazon S3, outside KMS)' } as const;
const KMS_NEEDS_KEY = { kind: 'unknown', why: 'SseType aws:kms needs KmsKeyArn' } as const;

const bucketSlot: KeySlot = {
  purpose: 'data',
  key: 'EncryptionConfiguration.KmsKeyArn',
  on: { path: 'EncryptionConfiguration.SseType', equals: ['aws:kms'], default: 'AES256' },
  onNoKey: KMS_NEEDS_KEY,
  off: [{ outcome: SSE_S3 }],
};

/** An index without its own configuration takes its vector bucket's. */
const indexSlot: KeySlot = {
  purpose: 'data',
  key: 'EncryptionConfiguration.KmsKeyArn',
  on: { path: 'EncryptionConfiguration.SseType', equals: ['aws:kms'] },
  onNoKey: KMS_NEEDS_KEY,
  off: [
    { when: { path: 'EncryptionConfiguration.SseType', equals: ['AES256'] }, outcome: SSE_S3 },
    { when: { present: 'VectorBucketArn' }, outcome: { kind: 'inherit', from: 'VectorBucketArn', what: 'its vector bucket' } },
    { when: { present: 'VectorBucketName' }, outcome: { kind: 'inherit', from: 'VectorBucketName', what: 'its vector bucket' } },
    { outcome: { kind: 'unknown', why: 'the index takes its vector bucket’s encryption, and no bucket is named' } },
  ],
};

export const s3vectorsRows: readonly CatalogRow[] = [
  {
    cfnTypes: ['AWS::S3Vectors::VectorBucket'],
    service: 'Amazon S3 Vectors',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-s3vectors-vectorbucket-encryptionconfiguration.html',
    slots: [bucketSlot],
  },
  {
    // "By default, if you don't specify, all new vectors in the vector index will use the encryption
    // configuration of the vector bucket."
    cfnTypes: ['AWS::S3Vectors::Index'],
    service: 'Amazon S3 Vectors',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-s3vectors-index.html',
    slots: [indexSlot],
  },
];
