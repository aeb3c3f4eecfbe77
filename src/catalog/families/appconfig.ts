// AWS AppConfig configuration profiles and deployments. The security page: "AWS AppConfig provides
// encryption by default to protect customer data at rest using AWS owned keys", used "to
// automatically encrypt data deployed by the service and hosted in the AWS AppConfig data store";
// a customer managed key adds a second layer, set on the profile for hosted configuration versions
// and on the deployment for deployed data (appconfig-security, "Data encryption at rest").
import type { CatalogRow } from '../types.js';
import { alwaysEncrypted } from '../slot-kit.js';

const SOURCE = 'https://docs.aws.amazon.com/appconfig/latest/userguide/appconfig-security.html';
const OWNED = { kind: 'aws-owned', what: 'an AWS owned key (AppConfig default encryption)' } as const;
/** The profile's key is "only used for hosted configuration types" (API CreateConfigurationProfile). */
const HOSTED = { path: 'LocationUri', equals: ['hosted'] } as const;

export const appconfigRows: readonly CatalogRow[] = [
  {
    cfnTypes: ['AWS::AppConfig::ConfigurationProfile'],
    service: 'AWS AppConfig',
    confidence: 'V',
    source: `${SOURCE} https://docs.aws.amazon.com/appconfig/2019-10-09/APIReference/API_CreateConfigurationProfile.html`,
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyIdentifier',
        on: { all: [{ present: 'KmsKeyIdentifier' }, HOSTED] },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [
          { when: HOSTED, outcome: OWNED },
          // Data of other profiles stays in the store LocationUri names (S3, Parameter Store,
          // Secrets Manager, SSM documents), under that store's own key.
          { outcome: { kind: 'unknown', why: 'the configuration data is kept in the store LocationUri names, under its key' } },
        ],
      },
    ],
  },
  {
    cfnTypes: ['AWS::AppConfig::Deployment'],
    service: 'AWS AppConfig',
    confidence: 'V',
    source: SOURCE,
    slots: [alwaysEncrypted('KmsKeyIdentifier', OWNED)],
  },
];
