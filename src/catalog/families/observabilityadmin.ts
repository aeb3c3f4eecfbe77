// CloudWatch Observability Admin: telemetry rules, centralization rules and S3 Tables integrations.
import type { CatalogRow, Outcome } from '../types.js';

/** A log group with no KMS key is encrypted by CloudWatch Logs itself (encrypt-log-data-kms). */
const LOGS_DEFAULT: Outcome = {
  kind: 'aws-owned',
  what: 'CloudWatch Logs server-side encryption of the destination log groups (service-owned keys)',
};

/**
 * Telemetry rules name a key "used to encrypt the destination log groups"; without it, the log
 * groups they create are taken to have no KMS key (I). S3 destinations get the bucket's default.
 */
const telemetryRule = (cfnType: string, page: string): CatalogRow => ({
  cfnTypes: [cfnType],
  service: 'CloudWatch Logs',
  confidence: 'I',
  source: `https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/${page}.html`,
  slots: [
    {
      purpose: 'data',
      key: 'Rule.DestinationConfiguration.KmsKeyArn',
      on: { present: 'Rule.DestinationConfiguration.KmsKeyArn' },
      onNoKey: { kind: 'unknown', why: 'no key named' },
      off: [{ outcome: { ...LOGS_DEFAULT, note: "for an Amazon S3 destination, the bucket's default encryption" } }],
    },
  ],
});

export const observabilityAdminRows: readonly CatalogRow[] = [
  telemetryRule('AWS::ObservabilityAdmin::TelemetryRule', 'aws-resource-observabilityadmin-telemetryrule'),
  telemetryRule('AWS::ObservabilityAdmin::OrganizationTelemetryRule', 'aws-resource-observabilityadmin-organizationtelemetryrule'),
  {
    // `EncryptionStrategy` is CUSTOMER_MANAGED (the key `KmsKeyArn`) or AWS_OWNED; without the
    // configuration, destination log groups are taken to get CloudWatch Logs' own encryption (P).
    cfnTypes: ['AWS::ObservabilityAdmin::OrganizationCentralizationRule'],
    service: 'CloudWatch Logs',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/cloudwatch/latest/observabilityadmin/API_LogsEncryptionConfiguration.html',
    slots: [
      {
        purpose: 'data',
        key: 'Rule.Destination.DestinationLogsConfiguration.LogsEncryptionConfiguration.KmsKeyArn',
        on: { path: 'Rule.Destination.DestinationLogsConfiguration.LogsEncryptionConfiguration.EncryptionStrategy', equals: ['CUSTOMER_MANAGED'] },
        onNoKey: { kind: 'unknown', why: 'EncryptionStrategy CUSTOMER_MANAGED needs KmsKeyArn' },
        off: [
          {
            when: { path: 'Rule.Destination.DestinationLogsConfiguration.LogsEncryptionConfiguration.EncryptionStrategy', equals: ['AWS_OWNED'] },
            outcome: { kind: 'aws-owned', what: 'an AWS owned key (EncryptionStrategy AWS_OWNED)' },
          },
          { outcome: LOGS_DEFAULT },
        ],
      },
      {
        // The backup Region's log groups; reported when named.
        purpose: 'backup',
        key: 'Rule.Destination.DestinationLogsConfiguration.BackupConfiguration.KmsKeyArn',
        on: { present: 'Rule.Destination.DestinationLogsConfiguration.BackupConfiguration.KmsKeyArn' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [],
      },
    ],
  },
  {
    // `SseAlgorithm` (required) is AES256 (SSE-S3) or aws:kms with `KmsKeyArn`.
    cfnTypes: ['AWS::ObservabilityAdmin::S3TableIntegration'],
    service: 'Amazon S3 Tables',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-observabilityadmin-s3tableintegration-encryptionconfig.html',
    slots: [
      {
        purpose: 'data',
        key: 'Encryption.KmsKeyArn',
        on: { path: 'Encryption.SseAlgorithm', equals: ['aws:kms'] },
        onNoKey: { kind: 'unknown', why: 'SseAlgorithm aws:kms: no page states the key used when KmsKeyArn is absent' },
        off: [{ outcome: { kind: 'aws-owned', what: 'SSE-S3 (AES256, keys managed by Amazon S3, outside KMS)' } }],
      },
    ],
  },
];
