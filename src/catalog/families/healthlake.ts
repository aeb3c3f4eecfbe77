// AWS HealthLake: FHIR data stores and data transformation profiles.
import type { CatalogRow } from '../types.js';

const HEALTHLAKE_OWNED = { kind: 'aws-owned', what: 'an AWS owned key (HealthLake)' } as const;

export const healthLakeRows: readonly CatalogRow[] = [
  {
    // HealthLake encrypts by default with an AWS owned key; `CmkType: CUSTOMER_MANAGED_KMS_KEY`
    // selects the key in `KmsKeyId`.
    cfnTypes: ['AWS::HealthLake::FHIRDatastore'],
    service: 'AWS HealthLake',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/healthlake/latest/devguide/encryption-at-rest.html',
    slots: [
      {
        purpose: 'data',
        key: 'SseConfiguration.KmsEncryptionConfig.KmsKeyId',
        on: { path: 'SseConfiguration.KmsEncryptionConfig.CmkType', equals: ['CUSTOMER_MANAGED_KMS_KEY'] },
        onNoKey: { kind: 'unknown', why: 'CmkType CUSTOMER_MANAGED_KMS_KEY needs KmsKeyId' },
        off: [{ outcome: HEALTHLAKE_OWNED }],
      },
    ],
  },
  {
    // "If omitted, an AWS owned key is used" (CFN `KmsKeyId` text).
    cfnTypes: ['AWS::HealthLake::DataTransformationProfile'],
    service: 'AWS HealthLake',
    confidence: 'V',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-healthlake-datatransformationprofile.html',
    slots: [
      {
        purpose: 'data',
        key: 'KmsKeyId',
        on: { present: 'KmsKeyId' },
        onNoKey: { kind: 'unknown', why: 'no key named' },
        off: [{ outcome: HEALTHLAKE_OWNED }],
      },
    ],
  },
];
