// Amazon ECS service: the EBS volumes ECS creates for its tasks, and Service Connect TLS.
import type { CatalogRow } from '../types.js';

export const ecsRows: readonly CatalogRow[] = [
  {
    // `ManagedEBSVolume.KmsKeyId` "overrides Amazon EBS default encryption or any KMS key that you
    // specified for cluster-level managed storage encryption"; with `Encrypted: false`, EBS
    // encryption by default still encrypts the volume with its default key (CFN property text).
    cfnTypes: ['AWS::ECS::Service'],
    service: 'Amazon EBS',
    alias: 'alias/aws/ebs',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ecs-service-servicemanagedebsvolumeconfiguration.html',
    slots: [
      {
        purpose: 'data',
        scope: 'VolumeConfigurations[]',
        key: 'ManagedEBSVolume.KmsKeyId',
        on: { path: 'ManagedEBSVolume.Encrypted', equals: [true] },
        onNoKey: {
          kind: 'aws-managed',
          alias: 'alias/aws/ebs',
          note: "or the key of the cluster's managed storage configuration, or the account's default EBS key for the Region",
        },
        off: [
          {
            when: { present: 'ManagedEBSVolume' },
            outcome: { kind: 'none', note: 'unless EBS encryption by default is on for the account and Region, which then applies its key' },
          },
          // Nothing of the service's own is stored under a key then: the service is not listed.
          { outcome: { kind: 'nothing-stored', why: 'it declares no Amazon ECS managed EBS volume' } },
        ],
      },
      {
        // Service Connect TLS: reported only when a key is named (no default is documented here).
        purpose: 'service-connect-tls',
        scope: 'ServiceConnectConfiguration.Services[]',
        key: 'Tls.KmsKey',
        on: { present: 'Tls.KmsKey' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [],
      },
    ],
  },
];
