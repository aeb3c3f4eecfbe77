// AWS Deadline Cloud farms: an AWS owned KMS key is the "Default encryption type if you don't specify
// a key when you create the farm" (key-management).
import type { CatalogRow } from '../types.js';
import { optionalKeyRow } from '../slot-kit.js';

export const deadlineRows: readonly CatalogRow[] = [
  optionalKeyRow('AWS::Deadline::Farm', 'Deadline Cloud', 'KmsKeyArn', { kind: 'aws-owned', what: 'an AWS owned key owned by Deadline Cloud' }, {
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/deadline-cloud/latest/developerguide/key-management.html',
  }),
];
