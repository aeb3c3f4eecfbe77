// AWS Elastic Disaster Recovery replication templates: EbsEncryption (required) is DEFAULT, CUSTOM or
// NONE, and EbsEncryptionKeyArn names the CUSTOM key (API_ReplicationConfigurationTemplate). That
// DEFAULT means the account's default EBS key (alias/aws/ebs unless changed) is inferred from the
// value's name (I).
import type { CatalogRow, KeySlot } from '../types.js';

function ebsSlot(mode: string, key: string): KeySlot {
  return {
    purpose: 'data',
    key,
    on: { path: mode, equals: ['CUSTOM'] },
    onNoKey: { kind: 'unknown', why: 'CUSTOM needs a key' },
    off: [
      { when: { path: mode, equals: ['NONE'] }, outcome: { kind: 'none', note: 'the staging volumes are not encrypted' } },
      {
        when: { path: mode, equals: ['DEFAULT'] },
        outcome: { kind: 'aws-managed', alias: 'alias/aws/ebs', note: "or the customer managed key the account set as its default EBS key" },
      },
      { outcome: { kind: 'unknown', why: `${mode} is required` } },
    ],
  };
}

export const drsRows: readonly CatalogRow[] = [
  {
    cfnTypes: ['AWS::DRS::ReplicationConfigurationTemplate'],
    service: 'Elastic Disaster Recovery',
    alias: 'alias/aws/ebs',
    confidence: 'I',
    source: 'https://docs.aws.amazon.com/drs/latest/APIReference/API_ReplicationConfigurationTemplate.html',
    slots: [ebsSlot('EbsEncryption', 'EbsEncryptionKeyArn')],
    terraform: [{ type: 'aws_drs_replication_configuration_template', slots: [ebsSlot('ebs_encryption', 'ebs_encryption_key_arn')] }],
  },
];
