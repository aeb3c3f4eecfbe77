// OpenSearch Ingestion pipelines: the key of their persistent buffer.
import type { CatalogRow } from '../types.js';

export const osisRows: readonly CatalogRow[] = [
  {
    // "By default, data is encrypted using an AWS owned key" (CFN `KmsKeyArn` text).
    cfnTypes: ['AWS::OSIS::Pipeline'],
    service: 'OpenSearch Ingestion',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-osis-pipeline.html',
    slots: [
      {
        purpose: 'data',
        key: 'EncryptionAtRestOptions.KmsKeyArn',
        on: { present: 'EncryptionAtRestOptions.KmsKeyArn' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key (OpenSearch Ingestion buffer)' } }],
      },
    ],
  },
];
