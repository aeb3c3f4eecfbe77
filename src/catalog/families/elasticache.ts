// ElastiCache serverless cache snapshots.
import type { CatalogRow } from '../types.js';

export const elastiCacheRows: readonly CatalogRow[] = [
  {
    // At-rest encryption is always on for serverless caches and covers backups in Amazon S3;
    // "when the cache is backed up ... choose whether to use the default encryption key or a
    // customer-managed key". The default is "service managed"; that it is AWS owned, and that a
    // snapshot without a key does not keep the cache's own key, is inferred (P).
    cfnTypes: ['AWS::ElastiCache::ServerlessCacheSnapshot'],
    service: 'ElastiCache Serverless',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyId',
        on: { always: true },
        onNoKey: { kind: 'aws-owned', what: 'the default (service-managed) encryption key', note: 'no key in the account; inferred from "service managed"' },
        off: [],
      },
    ],
  },
];
