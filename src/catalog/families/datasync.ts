// AWS DataSync locations keep the credentials they are given in a DataSync-managed Secrets Manager
// secret. With CmkSecretConfig its KmsKeyArn encrypts that secret; otherwise "DataSync uses the
// default AWS-managed KMS key to encrypt this secret in AWS Secrets Manager" (ManagedSecretConfig),
// which is Secrets Manager's alias/aws/secretsmanager by inference from Secrets Manager's own default
// (P). With CustomSecretConfig the credentials stay in the caller's secret; with no credentials there
// is no secret.
import type { CatalogRow, KeySlot } from '../types.js';

const PAGE = 'https://docs.aws.amazon.com/datasync/latest/userguide/API_ManagedSecretConfig.html';
const SECRETS_KEY = 'alias/aws/secretsmanager';

function secretSlot(prefix: string, credential: string): KeySlot {
  const key = `${prefix}CmkSecretConfig.KmsKeyArn`;
  return {
    purpose: 'data',
    key,
    alias: SECRETS_KEY,
    on: { present: key },
    onNoKey: { kind: 'unknown', why: 'no key named' },
    off: [
      { when: { present: `${prefix}CustomSecretConfig` }, outcome: { kind: 'unknown', why: 'the credentials are in the secret CustomSecretConfig names, under that secret’s key' } },
      { when: { present: credential }, outcome: { kind: 'aws-managed', alias: SECRETS_KEY, note: 'for the DataSync-managed secret holding the location credentials' } },
      { outcome: { kind: 'none', note: 'the location gives DataSync no credentials to keep' } },
    ],
  };
}

/** Location type → the property path prefix of its secret settings and the credential DataSync keeps. */
const LOCATIONS: readonly [string, string, string][] = [
  ['LocationAzureBlob', '', 'AzureBlobSasConfiguration'],
  ['LocationFSxONTAP', 'Protocol.SMB.', 'Protocol.SMB.Password'],
  ['LocationFSxWindows', '', 'Password'],
  ['LocationHDFS', '', 'KerberosKeytab'],
  ['LocationObjectStorage', '', 'SecretKey'],
  ['LocationSMB', '', 'Password'],
];

export const datasyncRows: readonly CatalogRow[] = LOCATIONS.map(([resource, prefix, credential]) => ({
  cfnTypes: [`AWS::DataSync::${resource}`],
  service: 'AWS DataSync',
  confidence: 'P',
  source: PAGE,
  slots: [secretSlot(prefix, credential)],
}));
