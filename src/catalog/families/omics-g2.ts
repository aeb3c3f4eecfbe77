// AWS HealthOmics reference, sequence and annotation stores (variant stores are group 3's, omics-g3.ts).
import type { CatalogRow } from '../types.js';
import { alwaysEncrypted } from '../slot-kit.js';

// The data-protection page says every HealthOmics data store (Storage and Analytics) is encrypted,
// with AWS owned keys unless a customer managed key is given; `SseConfig.Type` allows only `KMS`.
const OWNED = { kind: 'aws-owned', what: 'an AWS owned key (AWS_OWNED_KMS_KEY)' } as const;

export const omicsG2Rows: readonly CatalogRow[] = [
  {
    cfnTypes: ['AWS::Omics::AnnotationStore', 'AWS::Omics::ReferenceStore', 'AWS::Omics::SequenceStore'],
    service: 'AWS HealthOmics',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/omics/latest/dev/data-protection.html',
    slots: [alwaysEncrypted('SseConfig.KeyArn', OWNED)],
  },
];
