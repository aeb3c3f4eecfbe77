// Systems Manager GUI Connect preferences (RDP connection recording).
import type { CatalogRow } from '../types.js';

export const ssmguiconnectRows: readonly CatalogRow[] = [
  {
    // KMSKeyArn is required in ConnectionRecordingPreferences; without recording preferences nothing
    // is recorded, which is not an unencrypted store, so that case is unknown rather than none.
    cfnTypes: ['AWS::SSMGuiConnect::Preferences'],
    service: 'Systems Manager GUI Connect',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/ssm-guiconnect/latest/APIReference/API_ConnectionRecordingPreferences.html',
    slots: [
      {
        purpose: 'data',
        key: 'ConnectionRecordingPreferences.KMSKeyArn',
        on: { present: 'ConnectionRecordingPreferences' },
        onNoKey: { kind: 'unknown', why: 'KMSKeyArn is required for connection recording' },
        off: [{ outcome: { kind: 'nothing-stored', why: 'no connection recording is configured' } }],
      },
    ],
  },
];
