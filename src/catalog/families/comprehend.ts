// Amazon Comprehend custom models (kms-in-comprehend): "Amazon Comprehend can encrypt custom models
// using either its own KMS key or a provided customer managed key". The model key is the primary
// slot of all three types (a flywheel trains model versions). The page does not say whether "its own
// KMS key" is AWS owned or AWS managed, and names no alias, so the rows are P and the outcome names
// the key in AWS's words. The volume, output and data lake keys have no documented default: they are
// reported only when named.
import type { CatalogRow, Outcome } from '../types.js';
import { namedOnly, optionalKey } from '../slot-kit.js';

const SOURCE = 'https://docs.aws.amazon.com/comprehend/latest/dg/kms-in-comprehend.html';
const SERVICE = 'Amazon Comprehend';
const S3_ALIAS = 'alias/aws/s3';
const OWN_KEY: Outcome = {
  kind: 'aws-owned',
  what: 'its own KMS key for custom models',
  note: 'AWS does not say whether that key is AWS owned or AWS managed',
};

export const comprehendRows: readonly CatalogRow[] = [
  {
    cfnTypes: ['AWS::Comprehend::DocumentClassifier'],
    service: SERVICE,
    confidence: 'P',
    source: SOURCE,
    slots: [
      optionalKey('ModelKmsKeyId', OWN_KEY),
      namedOnly('volume', 'VolumeKmsKeyId'),
      namedOnly('output', 'OutputDataConfig.KmsKeyId', undefined, S3_ALIAS),
    ],
  },
  {
    cfnTypes: ['AWS::Comprehend::EntityRecognizer'],
    service: SERVICE,
    confidence: 'P',
    source: SOURCE,
    slots: [optionalKey('ModelKmsKeyId', OWN_KEY), namedOnly('volume', 'VolumeKmsKeyId')],
  },
  {
    cfnTypes: ['AWS::Comprehend::Flywheel'],
    service: SERVICE,
    confidence: 'P',
    source: SOURCE,
    slots: [
      optionalKey('DataSecurityConfig.ModelKmsKeyId', OWN_KEY),
      namedOnly('volume', 'DataSecurityConfig.VolumeKmsKeyId'),
      namedOnly('data-lake', 'DataSecurityConfig.DataLakeKmsKeyId', undefined, S3_ALIAS),
    ],
  },
];
