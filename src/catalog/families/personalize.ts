// Amazon Personalize dataset groups.
import type { CatalogRow } from '../types.js';
import { alwaysEncrypted } from '../slot-kit.js';

export const personalizeRows: readonly CatalogRow[] = [
  {
    // "Any data stored within Amazon Personalize is always encrypted at rest with Amazon Personalize
    // managed AWS KMS keys" unless a key is provided.
    cfnTypes: ['AWS::Personalize::DatasetGroup'],
    service: 'Amazon Personalize',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/personalize/latest/dg/data-encryption.html',
    slots: [alwaysEncrypted('KmsKeyArn', { kind: 'aws-owned', what: 'KMS keys managed by Amazon Personalize' })],
  },
];
