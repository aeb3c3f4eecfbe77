// AWS IoT SiteWise workspaces.
import type { CatalogRow } from '../types.js';

export const iotSiteWiseRows: readonly CatalogRow[] = [
  {
    // `SITEWISE_DEFAULT_ENCRYPTION` "encrypts data with the AWS IoT SiteWise default key";
    // `KMS_BASED_ENCRYPTION` uses the customer managed key `KmsKeyId`. The page does not say
    // whether the default key is AWS owned, hence P.
    cfnTypes: ['AWS::IoTSiteWise::Workspace'],
    service: 'AWS IoT SiteWise',
    confidence: 'P',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-iotsitewise-workspace-encryptionconfiguration.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyId',
        on: { path: 'EncryptionConfiguration.EncryptionType', equals: ['KMS_BASED_ENCRYPTION'] },
        onNoKey: { kind: 'unknown', why: 'EncryptionType KMS_BASED_ENCRYPTION needs KmsKeyId' },
        off: [
          {
            outcome: {
              kind: 'aws-owned',
              what: 'the AWS IoT SiteWise default key',
              note: 'the documentation does not say whether it is AWS owned',
            },
          },
        ],
      },
    ],
  },
];
