// Amazon SES Mail Manager archives and ingress points.
import type { CatalogRow } from '../types.js';
import { alwaysEncrypted } from '../slot-kit.js';

const SES_AT_REST = 'https://docs.aws.amazon.com/ses/latest/dg/encryption-rest.html';

export const sesRows: readonly CatalogRow[] = [
  {
    // "By default, Amazon SES encrypts all data at rest ... AWS owned keys – SES uses these by default";
    // the page names Mail Manager archives as what a customer managed key is for.
    cfnTypes: ['AWS::SES::MailManagerArchive'],
    service: 'Amazon SES',
    confidence: 'V',
    source: SES_AT_REST,
    slots: [alwaysEncrypted('KmsKeyArn', { kind: 'aws-owned', what: 'an AWS owned key' })],
  },
  {
    // The trust store key has no description of its own; the SES-wide default above is applied to it,
    // which the page does not state for ingress points (partly verified).
    cfnTypes: ['AWS::SES::MailManagerIngressPoint'],
    service: 'Amazon SES',
    confidence: 'P',
    source: SES_AT_REST,
    slots: [
      alwaysEncrypted('IngressPointConfiguration.TlsAuthConfiguration.TrustStore.KmsKeyArn', {
        kind: 'aws-owned',
        what: 'an AWS owned key',
        note: 'SES encrypts all its data at rest with AWS owned keys by default; the page does not name trust stores',
      }),
    ],
  },
];
