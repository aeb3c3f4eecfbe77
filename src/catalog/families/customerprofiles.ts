// Amazon Connect Customer Profiles (CFN reference text):
// - Domain: "The default encryption key, which is an AWS managed key, is used when no specific type of
//   encryption key is specified". No alias is documented: by the lead's decision an AWS managed key
//   under the placeholder alias/aws/customerprofiles (P; docs/catalog-notes-group-1.md).
// - ObjectType: "If not specified the system will use the encryption key of the domain" (V).
// - DomainObjectType: its EncryptionKey is described only as "The default encryption key"; that it
//   falls back to the domain's key like ObjectType is inferred (I).
// - Integration: FlowDefinition.KmsArn is required when FlowDefinition is given (V).
import type { CatalogRow, Outcome } from '../types.js';
import { cfnPage, optionalKey, undocumentedAlias } from '../slot-kit.js';

const SERVICE = 'Customer Profiles';
const DOMAIN_KEY: Outcome = { kind: 'inherit', from: 'DomainName', what: 'its Customer Profiles domain' };
const DOMAIN_DEFAULT = undocumentedAlias('alias/aws/customerprofiles', 'The default encryption key, which is an AWS managed key');
const INTEGRATION = 'AWS::CustomerProfiles::Integration';

export const customerprofilesRows: readonly CatalogRow[] = [
  {
    cfnTypes: ['AWS::CustomerProfiles::Domain'],
    service: SERVICE,
    confidence: 'P',
    source: cfnPage('AWS::CustomerProfiles::Domain'),
    slots: [optionalKey('DefaultEncryptionKey', DOMAIN_DEFAULT)],
    terraform: [{ type: 'aws_customerprofiles_domain', slots: [optionalKey('default_encryption_key', DOMAIN_DEFAULT)] }],
  },
  {
    cfnTypes: ['AWS::CustomerProfiles::ObjectType'],
    service: SERVICE,
    confidence: 'V',
    source: cfnPage('AWS::CustomerProfiles::ObjectType'),
    slots: [optionalKey('EncryptionKey', DOMAIN_KEY)],
  },
  {
    cfnTypes: ['AWS::CustomerProfiles::DomainObjectType'],
    service: SERVICE,
    confidence: 'I',
    source: `${cfnPage('AWS::CustomerProfiles::DomainObjectType')} ${cfnPage('AWS::CustomerProfiles::ObjectType')}`,
    slots: [optionalKey('EncryptionKey', DOMAIN_KEY)],
  },
  {
    cfnTypes: [INTEGRATION],
    service: SERVICE,
    confidence: 'V',
    source: cfnPage(INTEGRATION),
    slots: [
      {
        purpose: 'data',
        key: 'FlowDefinition.KmsArn',
        on: { present: 'FlowDefinition' },
        onNoKey: { kind: 'unknown', why: 'FlowDefinition requires KmsArn' },
        off: [{ outcome: { kind: 'unknown', why: 'without FlowDefinition the integration sets up no Amazon AppFlow flow of its own to encrypt' } }],
      },
    ],
  },
];
