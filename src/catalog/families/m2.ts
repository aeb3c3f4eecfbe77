// AWS Mainframe Modernization applications and runtime environments.
import type { CatalogRow } from '../types.js';

export const m2Rows: readonly CatalogRow[] = [
  {
    // "By default, AWS Mainframe Modernization encrypts your data using an AWS KMS key that AWS
    // Mainframe Modernization owns and manages for you" (creating an application).
    cfnTypes: ['AWS::M2::Application'],
    service: 'AWS Mainframe Modernization',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/m2/latest/userguide/applications-m2-create.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyId',
        on: { present: 'KmsKeyId' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [{ outcome: { kind: 'aws-owned', what: 'a key owned and managed by AWS Mainframe Modernization' } }],
      },
    ],
  },
  {
    // The same statement is made for applications only; that environments follow it is inferred.
    cfnTypes: ['AWS::M2::Environment'],
    service: 'AWS Mainframe Modernization',
    confidence: 'I',
    source: 'https://docs.aws.amazon.com/m2/latest/userguide/applications-m2-create.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyId',
        on: { present: 'KmsKeyId' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [{ outcome: { kind: 'aws-owned', what: 'a key owned and managed by AWS Mainframe Modernization', note: 'stated for applications; inferred for environments' } }],
      },
    ],
  },
];
