// Amazon Security Lake data lakes.
import type { CatalogRow } from '../types.js';

const KEY = 'EncryptionConfiguration.KmsKeyId';

export const securitylakeRows: readonly CatalogRow[] = [
  {
    // UpdateDataLake calls SSE-S3 the data lake's default encryption; the value `S3_MANAGED_KEY`
    // asks for it by name, so it is not a KMS key.
    cfnTypes: ['AWS::SecurityLake::DataLake'],
    service: 'Amazon Security Lake',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/security-lake/latest/APIReference/API_UpdateDataLake.html',
    slots: [
      {
        purpose: 'data',
        key: KEY,
        on: { all: [{ present: KEY }, { not: { path: KEY, equals: ['S3_MANAGED_KEY'] } }] },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [{ outcome: { kind: 'aws-owned', what: 'SSE-S3 (Amazon S3 managed keys)' } }],
      },
    ],
  },
];
