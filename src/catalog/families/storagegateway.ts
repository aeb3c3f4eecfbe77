// Storage Gateway virtual tapes and cached volumes (stored in Amazon S3).
import type { CatalogRow, KeySlot } from '../types.js';
import { cfnPage } from '../slot-kit.js';

/** "Set to true to use Amazon S3 server-side encryption with your own KMS key, or false to use a key managed by Amazon S3." */
const slot: KeySlot = {
  purpose: 'data',
  key: 'KMSKey',
  on: { path: 'KMSEncrypted', equals: [true] },
  onNoKey: { kind: 'unknown', why: 'KMSEncrypted true needs KMSKey' },
  off: [{ outcome: { kind: 'aws-owned', what: 'SSE-S3 (a key managed by Amazon S3, outside KMS)' } }],
};

export const storagegatewayRows: readonly CatalogRow[] = ['AWS::StorageGateway::Tape', 'AWS::StorageGateway::Volume'].map((type) => ({
  cfnTypes: [type],
  service: 'Storage Gateway',
  confidence: 'V',
  source: cfnPage(type),
  slots: [slot],
}));
