// AWS DMS types of group 1 (replication instances and endpoints are in rows.ts), CFN reference text:
// - InstanceProfile: "If you don't specify a value for the KmsKeyArn parameter, then AWS DMS uses an
//   AWS owned encryption key" (V).
// - ReplicationConfig (DMS Serverless): "AWS DMS uses your default encryption key", the one KMS
//   creates for the account; that this is the alias/aws/dms key named for replication instances
//   (CHAP_Security) is partly stated (P).
import type { CatalogRow, KeySlot } from '../types.js';
import { cfnPage, optionalKeyRow } from '../slot-kit.js';

const DMS_KEY = 'alias/aws/dms';

function serverlessKey(key: string): KeySlot {
  return { purpose: 'data', key, on: { always: true }, onNoKey: { kind: 'aws-managed', alias: DMS_KEY }, off: [] };
}

export const dmsRows: readonly CatalogRow[] = [
  optionalKeyRow('AWS::DMS::InstanceProfile', 'AWS DMS', 'KmsKeyArn', { kind: 'aws-owned', what: 'an AWS owned encryption key' }, {
    confidence: 'V',
    source: cfnPage('AWS::DMS::InstanceProfile'),
  }),
  {
    cfnTypes: ['AWS::DMS::ReplicationConfig'],
    service: 'AWS DMS',
    alias: DMS_KEY,
    confidence: 'P',
    source: `${cfnPage('AWS::DMS::ReplicationConfig')} https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Security.html`,
    slots: [serverlessKey('ComputeConfig.KmsKeyId')],
    terraform: [{ type: 'aws_dms_replication_config', slots: [serverlessKey('compute_config[].kms_key_id')] }],
  },
];
