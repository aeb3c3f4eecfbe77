// RDS types beyond rows.ts: custom engine versions and zero-ETL integrations.
import type { CatalogRow } from '../types.js';
import { alwaysEncrypted, cfnPage } from '../slot-kit.js';

export const rdsRows: readonly CatalogRow[] = [
  {
    // "A symmetric encryption KMS key is required for RDS Custom, but optional for Amazon RDS"; what
    // a CEV without one uses is not stated, so a missing key is unknown, not a fallback.
    cfnTypes: ['AWS::RDS::CustomDBEngineVersion'],
    service: 'RDS',
    confidence: 'P',
    source: cfnPage('AWS::RDS::CustomDBEngineVersion'),
    slots: [
      alwaysEncrypted('KMSKeyId', {
        kind: 'unknown',
        why: 'RDS Custom requires a symmetric KMS key for a CEV, and what other engines use without one is not documented',
      }),
    ],
  },
  {
    // "If you don't specify an encryption key, RDS uses a default AWS owned key."
    cfnTypes: ['AWS::RDS::Integration'],
    service: 'RDS',
    confidence: 'V',
    source: cfnPage('AWS::RDS::Integration'),
    slots: [alwaysEncrypted('KMSKeyId', { kind: 'aws-owned', what: 'a default AWS owned key' })],
  },
];
