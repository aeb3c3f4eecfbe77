// AWS Glue Data Catalog catalogs (AWS::Glue::Catalog): the key of data lake access, the managed
// Amazon Redshift compute and storage that AWS Glue creates so that Apache Iceberg compatible
// engines can read and write a catalog's Redshift data (sixth pass, docs/catalog-notes-group-2.md).
// - Lake Formation, "Creating Amazon Redshift federated catalogs", after the "Access this catalog
//   from Iceberg compatible engines" step: "By default, the data in the Amazon Redshift cluster is
//   encrypted using an AWS managed key. Lake Formation provides an option to create your custom KMS
//   key for encryption." The lakehouse guide's managed-catalog steps say the same and show the key as
//   DataLakeAccessProperties "KMSKey" ("// Optional") beside "DataLakeAccess": "true".
// - No page names the alias. aws/redshift is Redshift's AWS managed key, but the Glue API says the
//   key "will be used for the staging bucket that will be created along with the catalog", which
//   would be S3's: the pages disagree on what the key protects, so the row is U ("may").
// - Without data lake access no managed cluster is created and the key does not apply; the
//   catalog's metadata follows the account's Data Catalog encryption settings (another row).
import type { CatalogRow, KeySlot } from '../types.js';
import { optionalKeyWhen, undocumentedAlias } from '../slot-kit.js';

const MANAGED_CLUSTER_DEFAULT = undocumentedAlias(
  'alias/aws/redshift',
  'the data in the Amazon Redshift cluster is encrypted using an AWS managed key',
  'the Glue API says the key is for the staging bucket created with the catalog',
);
const NO_DATA_LAKE_ACCESS = {
  kind: 'unknown',
  why: 'data lake access is not turned on, and the key is that of the managed Amazon Redshift cluster AWS Glue creates for it; the catalog’s metadata follows the Data Catalog encryption settings',
} as const;

/** The data lake access key: named, or the documented default once data lake access is on. */
function dataLakeAccessKey(key: string, access: string): KeySlot {
  return optionalKeyWhen(key, access, [true], MANAGED_CLUSTER_DEFAULT, NO_DATA_LAKE_ACCESS);
}

export const glueRows: readonly CatalogRow[] = [
  {
    cfnTypes: ['AWS::Glue::Catalog'],
    service: 'AWS Glue Data Catalog',
    alias: 'alias/aws/redshift',
    confidence: 'U',
    source:
      'https://docs.aws.amazon.com/lake-formation/latest/dg/create-ns-catalog.html https://docs.aws.amazon.com/sagemaker-lakehouse-architecture/latest/userguide/rms-integration.html https://docs.aws.amazon.com/glue/latest/webapi/API_DataLakeAccessProperties.html',
    slots: [dataLakeAccessKey('CatalogProperties.DataLakeAccessProperties.KmsKey', 'CatalogProperties.DataLakeAccessProperties.DataLakeAccess')],
    terraform: [
      {
        type: 'aws_glue_catalog',
        slots: [
          dataLakeAccessKey(
            'catalog_properties[].data_lake_access_properties[].kms_key',
            'catalog_properties[].data_lake_access_properties[].data_lake_access',
          ),
        ],
      },
    ],
  },
];
