// AWS Application Migration Service launch configuration templates: the key of the Systems Manager
// parameters that post-launch actions use. Post-launch settings, "Encrypt post-launch action
// parameters": the parameters "are stored in SSM Parameter Store"; "you can select to encrypt the
// action parameters using AWS KMS encryption. SSM encrypts the parameter value of SecureString
// parameters type using AWS KMS with an AWS managed key or with the default AWS KMS key provided by
// AWS." The page names no alias; Parameter Store's AWS managed key is aws/ssm (Parameter Store,
// restricting decryption), hence P.
import type { CatalogRow } from '../types.js';

const SWITCH = 'EnableParametersEncryption';
const KEY = 'ParametersEncryptionKey';

export const mgnRows: readonly CatalogRow[] = [
  {
    cfnTypes: ['AWS::MGN::LaunchConfigurationTemplate'],
    service: 'Application Migration Service',
    alias: 'alias/aws/ssm',
    confidence: 'P',
    source:
      'https://docs.aws.amazon.com/mgn/latest/ug/post-launch-settings.html https://docs.aws.amazon.com/systems-manager/latest/userguide/ps-restrict-decryption.html',
    slots: [
      {
        purpose: 'data',
        key: KEY,
        on: { path: SWITCH, equals: [true] },
        onNoKey: {
          kind: 'aws-managed',
          alias: 'alias/aws/ssm',
          note: 'MGN says only "an AWS managed key or … the default AWS KMS key provided by AWS"; aws/ssm is the AWS managed key of Parameter Store',
        },
        off: [
          {
            when: { path: SWITCH, equals: [false] },
            outcome: { kind: 'none', note: 'MGN offers KMS encryption of the post-launch parameters as an option; without it they are not encrypted with KMS' },
          },
          // No page gives the switch's default.
          { outcome: { kind: 'unknown', why: 'EnableParametersEncryption is not set and its default is not documented' } },
        ],
      },
    ],
  },
];
