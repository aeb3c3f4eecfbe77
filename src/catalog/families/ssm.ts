// AWS Systems Manager resource data syncs (inventory data written to an S3 bucket).
import type { CatalogRow, Outcome } from '../types.js';
import { cfnPage, namedOnly } from '../slot-kit.js';

/**
 * Sources conflict: the CloudFormation page says "By default, data is not encrypted in Amazon S3",
 * written before Amazon S3 encrypted every new object with SSE-S3
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-encryption.html).
 */
const S3_DEFAULT: Outcome = {
  kind: 'aws-owned',
  what: 'SSE-S3 or the destination bucket’s default encryption',
  note: 'sources conflict: the CloudFormation page says the data is not encrypted by default, which predates S3 encrypting every new object',
};

export const ssmRows: readonly CatalogRow[] = [
  {
    // Two spellings of one S3 destination: S3Destination (primary here) or the top-level BucketName /
    // KMSKeyArn, which the legacy-destination slot reports.
    cfnTypes: ['AWS::SSM::ResourceDataSync'],
    service: 'Systems Manager',
    alias: 'alias/aws/s3',
    confidence: 'U',
    source: cfnPage('AWS::SSM::ResourceDataSync'),
    slots: [
      {
        purpose: 'data',
        key: 'S3Destination.KMSKeyArn',
        on: { present: 'S3Destination' },
        onNoKey: S3_DEFAULT,
        off: [
          { when: { present: 'KMSKeyArn' }, outcome: { kind: 'unknown', why: 'the top-level KMSKeyArn names the key (legacy-destination)' } },
          { when: { present: 'BucketName' }, outcome: S3_DEFAULT },
          { outcome: { kind: 'unknown', why: 'the sync names no S3 destination (a SyncFromSource sync)' } },
        ],
      },
      namedOnly('legacy-destination', 'KMSKeyArn'),
    ],
  },
];
