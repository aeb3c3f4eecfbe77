// Next generation AWS Resilience Hub: resiliency policies, services and systems.
import type { CatalogRow } from '../types.js';
import { alwaysEncrypted } from '../slot-kit.js';

export const resiliencehubv2Rows: readonly CatalogRow[] = [
  {
    // "Next generation Resilience Hub provides encryption by default ... using AWS owned keys"; a
    // customer managed key named at creation adds a second layer.
    cfnTypes: ['AWS::ResilienceHubV2::Policy', 'AWS::ResilienceHubV2::Service', 'AWS::ResilienceHubV2::System'],
    service: 'AWS Resilience Hub',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/resilience-hub/latest/userguide/encryption-at-rest-cmk.html',
    slots: [alwaysEncrypted('KmsKeyId', { kind: 'aws-owned', what: 'an AWS owned key' })],
  },
];
