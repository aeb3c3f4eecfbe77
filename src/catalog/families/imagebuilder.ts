// EC2 Image Builder container recipes (the build instance's EBS volumes and the image's key) and
// workflows (the workflow document).
import type { CatalogRow } from '../types.js';
import { optionalKeyRow } from '../slot-kit.js';

export const imageBuilderRows: readonly CatalogRow[] = [
  {
    // Block devices follow EBS encryption (as the image recipe, reference row 67); the recipe's
    // `KmsKeyId` encrypts the container image for distribution and is reported when named.
    cfnTypes: ['AWS::ImageBuilder::ContainerRecipe'],
    service: 'Amazon EBS',
    alias: 'alias/aws/ebs',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
    slots: [
      {
        purpose: 'data',
        scope: 'InstanceConfiguration.BlockDeviceMappings[]',
        key: 'Ebs.KmsKeyId',
        on: { path: 'Ebs.Encrypted', equals: [true] },
        onNoKey: {
          kind: 'aws-managed',
          alias: 'alias/aws/ebs',
          note: 'or the customer managed key the account set as its default EBS key for the Region',
        },
        off: [
          {
            outcome: {
              kind: 'none',
              note: 'unless the AMI snapshot is encrypted or EBS encryption by default is on for the account and Region, which then apply their key',
            },
          },
        ],
      },
      {
        purpose: 'container-image',
        key: 'KmsKeyId',
        on: { present: 'KmsKeyId' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [],
      },
    ],
  },
  // "If you don't specify a key, Image Builder encrypts the workflow document with a KMS key that
  // Image Builder owns" (API CreateWorkflow, `kmsKeyId`).
  optionalKeyRow(
    'AWS::ImageBuilder::Workflow',
    'EC2 Image Builder',
    'KmsKeyId',
    { kind: 'aws-owned', what: 'a KMS key that Image Builder owns' },
    { confidence: 'V', source: 'https://docs.aws.amazon.com/imagebuilder/latest/APIReference/API_CreateWorkflow.html' },
  ),
];
