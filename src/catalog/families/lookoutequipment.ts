// Amazon Lookout for Equipment inference schedulers. Encryption at rest: "An AWS owned key. If you
// don't specify an encryption key, your data is encrypted with this key by default"; the key can be
// chosen "when you create an Amazon Lookout for Equipment dataset, model, or inference" (key
// management). Output in Amazon S3 "follows the Amazon S3 bucket encryption policy", so the output
// key is reported only when named.
import type { CatalogRow } from '../types.js';
import { namedOnly, optionalKey } from '../slot-kit.js';

export const lookoutEquipmentRows: readonly CatalogRow[] = [
  {
    cfnTypes: ['AWS::LookoutEquipment::InferenceScheduler'],
    service: 'Amazon Lookout for Equipment',
    confidence: 'V',
    source:
      'https://docs.aws.amazon.com/lookout-for-equipment/latest/ug/encryption-at-rest.html https://docs.aws.amazon.com/lookout-for-equipment/latest/ug/key-management.html',
    slots: [
      optionalKey('ServerSideKmsKeyId', { kind: 'aws-owned', what: 'an AWS owned key (Lookout for Equipment default)' }),
      namedOnly('inference-output', 'DataOutputConfiguration.KmsKeyId', undefined, 'alias/aws/s3'),
    ],
  },
];
