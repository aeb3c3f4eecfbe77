// Secrets Manager rotation schedules (the hosted rotation function's view of the secret's key).
import type { CatalogRow } from '../types.js';
import { cfnPage, namedOnly } from '../slot-kit.js';

export const secretsmanagerRows: readonly CatalogRow[] = [
  {
    // HostedRotationLambda.KmsKeyArn: "If you don't specify this value, then Secrets Manager uses the
    // key aws/secretsmanager." Without a hosted function the schedule names no key: the secret's applies.
    cfnTypes: ['AWS::SecretsManager::RotationSchedule'],
    service: 'Secrets Manager',
    alias: 'alias/aws/secretsmanager',
    confidence: 'V',
    source: cfnPage('AWS::SecretsManager::RotationSchedule'),
    slots: [
      {
        purpose: 'data',
        key: 'HostedRotationLambda.KmsKeyArn',
        on: { present: 'HostedRotationLambda' },
        onNoKey: { kind: 'aws-managed', alias: 'alias/aws/secretsmanager' },
        off: [{ outcome: { kind: 'inherit', from: 'SecretId', what: 'the secret it rotates' } }],
      },
      namedOnly('master-secret', 'HostedRotationLambda.MasterSecretKmsKeyArn'),
      namedOnly('superuser-secret', 'HostedRotationLambda.SuperuserSecretKmsKeyArn'),
    ],
  },
];
