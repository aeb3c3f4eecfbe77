// AWS Glue DataBrew jobs write their output with SSE-KMS (EncryptionKeyArn) or SSE-S3, chosen by
// EncryptionMode (API_Job). The key used for SSE-KMS without a key, and what an output gets with no
// mode, are not stated (P).
import type { CatalogRow } from '../types.js';

const GUIDE = 'https://docs.aws.amazon.com/databrew/latest/dg';

export const databrewRows: readonly CatalogRow[] = [
  {
    cfnTypes: ['AWS::DataBrew::Job'],
    service: 'AWS Glue DataBrew',
    confidence: 'P',
    source: `${GUIDE}/API_Job.html ${GUIDE}/encryption-security-configuration.html`,
    slots: [
      {
        purpose: 'data',
        key: 'EncryptionKeyArn',
        on: { path: 'EncryptionMode', equals: ['SSE-KMS'] },
        onNoKey: { kind: 'unknown', why: 'SSE-KMS with no EncryptionKeyArn: the documentation states no default key' },
        off: [
          { when: { path: 'EncryptionMode', equals: ['SSE-S3'] }, outcome: { kind: 'aws-owned', what: 'SSE-S3 (keys managed by Amazon S3, outside KMS)' } },
          { outcome: { kind: 'unknown', why: 'no EncryptionMode: DataBrew may request no encryption, leaving the output to the bucket default' } },
        ],
      },
    ],
  },
];
