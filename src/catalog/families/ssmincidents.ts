// AWS Systems Manager Incident Manager replication sets.
import type { CatalogRow } from '../types.js';
import { alwaysEncrypted } from '../slot-kit.js';

export const ssmincidentsRows: readonly CatalogRow[] = [
  {
    // "The replication set is also used to encrypt your data with either an AWS owned key or your own
    // customer owned key. All Incident Manager resources are encrypted by default." SseKmsKeyId is
    // required inside a RegionConfiguration; that a Region without one gets the AWS owned key is
    // implied, not stated (partly verified).
    cfnTypes: ['AWS::SSMIncidents::ReplicationSet'],
    service: 'Incident Manager',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/incident-manager/latest/userguide/disaster-recovery-resiliency.html',
    slots: [alwaysEncrypted('RegionConfiguration.SseKmsKeyId', { kind: 'aws-owned', what: 'an AWS owned key' }, 'Regions[]')],
  },
];
