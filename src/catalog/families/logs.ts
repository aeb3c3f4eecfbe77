// CloudWatch Logs integrations (OpenSearch Service vended dashboards).
import type { CatalogRow } from '../types.js';

export const logsRows: readonly CatalogRow[] = [
  {
    // The key replaces "the CloudWatch Logs default encryption method" (CFN text); that method is
    // taken to be CloudWatch Logs' service-owned encryption (encrypt-log-data-kms), hence P.
    cfnTypes: ['AWS::Logs::Integration'],
    service: 'CloudWatch Logs',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-logs-integration.html',
    slots: [
      {
        purpose: 'data',
        key: 'ResourceConfig.OpenSearchResourceConfig.KmsKeyArn',
        on: { present: 'ResourceConfig.OpenSearchResourceConfig.KmsKeyArn' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [{ outcome: { kind: 'aws-owned', what: 'the CloudWatch Logs default encryption (service-owned keys)' } }],
      },
    ],
  },
];
