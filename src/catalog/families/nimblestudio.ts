// Nimble Studio studios.
import type { CatalogRow } from '../types.js';

export const nimbleStudioRows: readonly CatalogRow[] = [
  {
    // `KeyType` (required in the structure) is AWS_OWNED_KEY or CUSTOMER_MANAGED_KEY; what a studio
    // without `StudioEncryptionConfiguration` uses is not stated, hence P and `unknown` there.
    cfnTypes: ['AWS::NimbleStudio::Studio'],
    service: 'Nimble Studio',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/nimble-studio/latest/APIReference/API_StudioEncryptionConfiguration.html',
    slots: [
      {
        purpose: 'data',
        key: 'StudioEncryptionConfiguration.KeyArn',
        on: { path: 'StudioEncryptionConfiguration.KeyType', equals: ['CUSTOMER_MANAGED_KEY'] },
        onNoKey: { kind: 'unknown', why: 'KeyType CUSTOMER_MANAGED_KEY needs KeyArn' },
        off: [
          {
            when: { path: 'StudioEncryptionConfiguration.KeyType', equals: ['AWS_OWNED_KEY'] },
            outcome: { kind: 'aws-owned', what: 'an AWS owned key (KeyType AWS_OWNED_KEY)' },
          },
          { outcome: { kind: 'unknown', why: 'no page states which key a studio without StudioEncryptionConfiguration uses' } },
        ],
      },
    ],
  },
];
