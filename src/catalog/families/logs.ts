// CloudWatch Logs integrations (OpenSearch Service vended dashboards) and log anomaly detectors.
import type { CatalogRow } from '../types.js';
import { optionalKeyRow } from '../slot-kit.js';

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
  // "Anomaly detector data is always encrypted in CloudWatch Logs. By default, CloudWatch Logs uses
  // server-side encryption for the data at rest" (LogsAnomalyDetection-KMS), the wording the log
  // group row rests on; read as service-owned keys, as there, but stated for detectors only by that
  // page, hence P (docs/catalog-notes-group-2.md, third pass).
  optionalKeyRow(
    'AWS::Logs::LogAnomalyDetector',
    'CloudWatch Logs',
    'KmsKeyId',
    { kind: 'aws-owned', what: 'CloudWatch Logs server-side encryption (service-owned keys)' },
    { confidence: 'P', source: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/LogsAnomalyDetection-KMS.html' },
  ),
];
