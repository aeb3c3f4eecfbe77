// AWS HealthImaging data stores.
import type { CatalogRow } from '../types.js';

export const healthImagingRows: readonly CatalogRow[] = [
  {
    // "HealthImaging uses these keys [AWS owned KMS keys] by default" (Key management page).
    cfnTypes: ['AWS::HealthImaging::Datastore'],
    service: 'AWS HealthImaging',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/healthimaging/latest/devguide/key-management.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyArn',
        on: { present: 'KmsKeyArn' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key (HealthImaging)' } }],
      },
    ],
  },
];
