// AWS Security Hub ticketing connectors (Jira Cloud, ServiceNow), whose credentials it stores.
import type { CatalogRow } from '../types.js';
import { alwaysEncrypted } from '../slot-kit.js';

export const securityhubRows: readonly CatalogRow[] = [
  {
    // The integration procedures "give you the option to encrypt your credentials with an AWS owned key
    // or a customer managed key"; that the AWS owned key is what applies without KmsKeyArn is implied
    // (partly verified; read from the page's German copy, de_de/securityhub/.../create-key.html).
    cfnTypes: ['AWS::SecurityHub::ConnectorV2'],
    service: 'Security Hub',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/securityhub/latest/userguide/create-key.html',
    slots: [alwaysEncrypted('KmsKeyArn', { kind: 'aws-owned', what: 'an AWS owned key' })],
  },
];
