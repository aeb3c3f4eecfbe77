// CodeBuild report groups (the project row is in rows.ts): raw report data exported to S3 uses "a
// AWS managed key for Amazon S3 … This is the default encryption option" (console guide, so P);
// `EncryptionDisabled` turns CodeBuild's encryption off.
import type { CatalogRow, KeySlot } from '../types.js';

const S3_KEY = 'alias/aws/s3';

function exportSlot(p: { config: string; type: string; destination: string; key: string; disabled: string }): KeySlot {
  const key = `${p.config}.${p.destination}.${p.key}`;
  const disabled = `${p.config}.${p.destination}.${p.disabled}`;
  return {
    purpose: 'data',
    key,
    alias: S3_KEY,
    on: { all: [{ path: `${p.config}.${p.type}`, equals: ['S3'] }, { not: { path: disabled, equals: [true] } }] },
    onNoKey: { kind: 'aws-managed', alias: S3_KEY },
    off: [
      { when: { path: disabled, equals: [true] }, outcome: { kind: 'unknown', why: 'CodeBuild does not encrypt the exported raw data; the bucket default encryption may apply' } },
      { outcome: { kind: 'unknown', why: 'the report group may export no raw data to Amazon S3, and the documentation states no key for the reports CodeBuild keeps' } },
    ],
  };
}

export const codebuildRows: readonly CatalogRow[] = [
  {
    cfnTypes: ['AWS::CodeBuild::ReportGroup'],
    service: 'CodeBuild',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/codebuild/latest/userguide/test-report-group-create-console.html',
    slots: [exportSlot({ config: 'ExportConfig', type: 'ExportConfigType', destination: 'S3Destination', key: 'EncryptionKey', disabled: 'EncryptionDisabled' })],
    terraform: [
      {
        type: 'aws_codebuild_report_group',
        slots: [exportSlot({ config: 'export_config[]', type: 'type', destination: 's3_destination[]', key: 'encryption_key', disabled: 'encryption_disabled' })],
      },
    ],
  },
];
