// EC2 types of catalog group 2: EC2 Fleet block devices and the Verified Access resources.
import type { CatalogRow, KeySlot, Outcome } from '../types.js';

/** An encrypted EBS volume with no key named (https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html). */
const EBS_DEFAULT_KEY: Outcome = {
  kind: 'aws-managed',
  alias: 'alias/aws/ebs',
  note: 'or the customer managed key the account set as its default EBS key for the Region',
};

/**
 * Verified Access encrypts its data at rest with AWS owned keys unless `CustomerManagedKeyEnabled`
 * turns on the customer managed key of `KmsKeyArn`.
 */
const VERIFIED_ACCESS_SSE: KeySlot = {
  purpose: 'data',
  key: 'SseSpecification.KmsKeyArn',
  on: { path: 'SseSpecification.CustomerManagedKeyEnabled', equals: [true] },
  onNoKey: { kind: 'unknown', why: 'CustomerManagedKeyEnabled true needs KmsKeyArn' },
  off: [{ outcome: { kind: 'aws-owned', what: 'AWS owned keys (Verified Access server-side encryption)' } }],
};

export const ec2Rows: readonly CatalogRow[] = [
  {
    // The fleet's block devices come from its launch templates; overrides may replace them. Only
    // the devices of the first override of the first launch template configuration are read.
    cfnTypes: ['AWS::EC2::EC2Fleet'],
    service: 'Amazon EBS',
    alias: 'alias/aws/ebs',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
    slots: [
      {
        purpose: 'data',
        scope: 'LaunchTemplateConfigs[].Overrides[].BlockDeviceMappings[]',
        key: 'Ebs.KmsKeyId',
        on: { path: 'Ebs.Encrypted', equals: [true] },
        onNoKey: EBS_DEFAULT_KEY,
        off: [
          {
            outcome: {
              kind: 'unknown',
              why: 'the volumes are described by the launch template (and the AMI), which decide their encryption',
            },
          },
        ],
      },
    ],
  },
  ...['AWS::EC2::VerifiedAccessEndpoint', 'AWS::EC2::VerifiedAccessGroup', 'AWS::EC2::VerifiedAccessTrustProvider'].map(
    (cfnType): CatalogRow => ({
      cfnTypes: [cfnType],
      service: 'AWS Verified Access',
      confidence: 'V',
      source: 'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_VerifiedAccessSseSpecificationRequest.html',
      slots: [VERIFIED_ACCESS_SSE],
    }),
  ),
];
