// Amazon EMR step: the key of the logs it publishes to Amazon S3.
import type { CatalogRow } from '../types.js';

export const emrRows: readonly CatalogRow[] = [
  {
    // "When omitted, EMR falls back to cluster-level logging behavior" (CFN `EncryptionKeyArn`
    // text): the step takes the log key of the cluster `JobFlowId` names.
    cfnTypes: ['AWS::EMR::Step'],
    service: 'Amazon EMR',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-emr-step.html',
    slots: [
      {
        purpose: 'data',
        key: 'EncryptionKeyArn',
        alias: 'alias/aws/s3', // the logs are S3 objects: S3's AWS managed key is the one that works
        on: { present: 'EncryptionKeyArn' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [{ outcome: { kind: 'inherit', from: 'JobFlowId', what: 'its cluster' } }],
      },
    ],
  },
];
