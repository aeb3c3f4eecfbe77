// Amazon Location Service trackers and geofence collections.
import type { CatalogRow } from '../types.js';

export const locationRows: readonly CatalogRow[] = ['GeofenceCollection', 'Tracker'].map(
  (name): CatalogRow => ({
    // Always encrypted with AWS owned keys; a customer managed key adds a second layer.
    cfnTypes: [`AWS::Location::${name}`],
    service: 'Amazon Location Service',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/location/latest/developerguide/encryption-at-rest.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyId',
        on: { present: 'KmsKeyId' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [{ outcome: { kind: 'aws-owned', what: 'AWS owned keys (Amazon Location Service)' } }],
      },
    ],
  }),
);
