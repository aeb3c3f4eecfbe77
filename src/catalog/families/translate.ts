// Amazon Translate parallel data.
import type { CatalogRow } from '../types.js';
import { alwaysEncrypted } from '../slot-kit.js';

export const translateRows: readonly CatalogRow[] = [
  {
    // Inferred: the guide states "AWS encryption is the default" for custom terminologies; no page
    // states the parallel data default, so reasons say "may".
    cfnTypes: ['AWS::Translate::ParallelData'],
    service: 'Amazon Translate',
    confidence: 'I',
    source: 'https://docs.aws.amazon.com/translate/latest/dg/protect-terminology.html',
    slots: [alwaysEncrypted('EncryptionKey.Id', { kind: 'aws-owned', what: 'AWS encryption (an AWS owned key)' })],
  },
];
