// AWS HealthOmics variant stores (the other Omics types are group 1's).
import type { CatalogRow } from '../types.js';
import { alwaysEncrypted } from '../slot-kit.js';

export const omicsRows: readonly CatalogRow[] = [
  {
    // The console offers encryption "owned and managed by AWS or by yourself"; the page does not
    // name the key type, so the AWS owned key is partly verified.
    cfnTypes: ['AWS::Omics::VariantStore'],
    service: 'AWS HealthOmics',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/omics/latest/dev/creating-variant-stores.html',
    slots: [alwaysEncrypted('SseConfig.KeyArn', { kind: 'aws-owned', what: 'encryption owned and managed by AWS' })],
  },
];
