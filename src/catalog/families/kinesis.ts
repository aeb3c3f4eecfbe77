// Kinesis Data Streams channels (data delivery to a general purpose S3 bucket or to streaming tables
// on Amazon S3 Tables). "Security for data delivery": delivered data "is encrypted at rest
// server-side"; "SSE-S3 (default) – … This is the default if no customer managed key is specified."
// The channel's key must be customer managed (aws/kinesis is refused), so a named key never falls
// back to an AWS managed one.
import type { CatalogRow, Outcome } from '../types.js';
import { optionalKey } from '../slot-kit.js';

const SSE_S3: Outcome = { kind: 'aws-owned', what: 'SSE-S3 (Amazon S3 managed keys)' };

export const kinesisRows: readonly CatalogRow[] = [
  {
    cfnTypes: ['AWS::Kinesis::Channel'],
    service: 'Kinesis Data Streams',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/streams/latest/dev/data-delivery-security.html',
    slots: [optionalKey('EncryptionConfiguration.KeyId', SSE_S3)],
    terraform: [{ type: 'aws_kinesis_channel', slots: [optionalKey('encryption_configuration[].key_id', SSE_S3)] }],
  },
];
