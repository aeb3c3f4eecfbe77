// CloudWatch investigations (AWS::AIOps). Without a customer managed key an investigation group
// "uses an AWS key" (CFN text); the API's EncryptionConfiguration.type names the alternative
// AWS_OWNED_KEY, so the fallback is an AWS owned key, partly stated (P).
import type { CatalogRow } from '../types.js';
import { cfnPage } from '../slot-kit.js';

const TYPE = 'AWS::AIOps::InvestigationGroup';

export const aiopsRows: readonly CatalogRow[] = [
  {
    cfnTypes: [TYPE],
    service: 'CloudWatch investigations',
    confidence: 'P',
    source: `${cfnPage(TYPE)} https://docs.aws.amazon.com/cloudwatchinvestigations/latest/APIReference/API_EncryptionConfiguration.html`,
    slots: [
      {
        purpose: 'data',
        key: 'EncryptionConfig.KmsKeyId',
        on: {
          any: [
            { present: 'EncryptionConfig.KmsKeyId' },
            { path: 'EncryptionConfig.EncryptionConfigurationType', equals: ['CUSTOMER_MANAGED_KMS_KEY'] },
          ],
        },
        onNoKey: { kind: 'unknown', why: 'CUSTOMER_MANAGED_KMS_KEY needs KmsKeyId' },
        off: [{ outcome: { kind: 'aws-owned', what: 'an AWS owned key (AWS_OWNED_KEY)' } }],
      },
    ],
  },
];
