// Amazon Kendra indexes.
import type { CatalogRow } from '../types.js';

export const kendraRows: readonly CatalogRow[] = [
  {
    // With no key, data is encrypted with an AWS owned key; the AWS managed key aws/kendra and
    // customer managed keys are the other choices.
    cfnTypes: ['AWS::Kendra::Index'],
    service: 'Amazon Kendra',
    alias: 'alias/aws/kendra',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/kendra/latest/dg/encryption-at-rest.html',
    slots: [
      {
        purpose: 'data',
        key: 'ServerSideEncryptionConfiguration.KmsKeyId',
        on: { present: 'ServerSideEncryptionConfiguration.KmsKeyId' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key (Amazon Kendra)' } }],
      },
    ],
  },
];
