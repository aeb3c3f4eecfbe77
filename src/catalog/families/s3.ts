// Amazon S3 Storage Lens configurations (their metrics exports).
import type { CatalogRow } from '../types.js';
import { namedOnly } from '../slot-kit.js';

const EXPORT = 'StorageLensConfiguration.DataExport.S3BucketDestination.Encryption';

export const s3Rows: readonly CatalogRow[] = [
  {
    // An export names SSE-KMS (with a required KeyId) or SSE-S3; what an export without Encryption
    // uses is not documented, so that case stays unknown.
    cfnTypes: ['AWS::S3::StorageLens'],
    service: 'Amazon S3 Storage Lens',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-s3-storagelens-encryption.html',
    slots: [
      {
        purpose: 'data',
        key: `${EXPORT}.SSEKMS.KeyId`,
        on: { present: `${EXPORT}.SSEKMS` },
        onNoKey: { kind: 'unknown', why: 'SSEKMS needs KeyId' },
        off: [
          { when: { present: `${EXPORT}.SSES3` }, outcome: { kind: 'aws-owned', what: 'SSE-S3 (keys managed by Amazon S3, outside KMS)' } },
          { outcome: { kind: 'unknown', why: 'the encryption of a metrics export without an Encryption setting is not documented' } },
        ],
      },
      namedOnly('table-export', 'StorageLensConfiguration.DataExport.StorageLensTableDestination.Encryption.SSEKMS.KeyId'),
      namedOnly('expanded-prefixes-export', 'StorageLensConfiguration.ExpandedPrefixesDataExport.S3BucketDestination.Encryption.SSEKMS.KeyId'),
      namedOnly('expanded-prefixes-table-export', 'StorageLensConfiguration.ExpandedPrefixesDataExport.StorageLensTableDestination.Encryption.SSEKMS.KeyId'),
    ],
  },
];
