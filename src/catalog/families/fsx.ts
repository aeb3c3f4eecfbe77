// Amazon File Cache (FSx).
import type { CatalogRow } from '../types.js';

export const fsxRows: readonly CatalogRow[] = [
  {
    // Data at rest is always encrypted; the default KMS key is the AWS managed key aws/fsx.
    cfnTypes: ['AWS::FSx::FileCache'],
    service: 'Amazon File Cache',
    alias: 'alias/aws/fsx',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/fsx/latest/FileCacheGuide/FileCacheKMS.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyId',
        on: { always: true },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/fsx' },
        off: [],
      },
    ],
    terraform: [
      {
        type: 'aws_fsx_file_cache',
        slots: [
          {
            purpose: 'data',
            key: 'kms_key_id',
            on: { always: true },
            onNoKey: { kind: 'aws-managed', alias: 'alias/aws/fsx' },
            off: [],
          },
        ],
      },
    ],
  },
];
