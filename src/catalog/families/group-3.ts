// Catalog rows for key-bearing types beyond the reference service catalog (issue 12, item 7), group 3
// of three: one file per service in this folder, listed here. Facts and sources: each row's `source`.
// Types of this group with no documented default: docs/catalog-uncovered-group-3.md.
import type { CatalogRow } from '../types.js';
import { omicsRows } from './omics-g3.js';
import { opensearchserviceRows } from './opensearchservice.js';
import { personalizeRows } from './personalize.js';
import { protonRows } from './proton.js';
import { qbusinessRows } from './qbusiness.js';
import { rdsRows } from './rds.js';
import { redshiftRows } from './redshift.js';
import { resiliencehubv2Rows } from './resiliencehubv2.js';
import { s3Rows } from './s3.js';
import { s3filesRows } from './s3files.js';
import { s3vectorsRows } from './s3vectors.js';
import { sagemakerRows } from './sagemaker.js';
import { secretsmanagerRows } from './secretsmanager.js';
import { securityagentRows } from './securityagent.js';
import { securityhubRows } from './securityhub.js';
import { securitylakeRows } from './securitylake.js';
import { sesRows } from './ses.js';
import { ssmRows } from './ssm.js';
import { ssmguiconnectRows } from './ssmguiconnect.js';
import { ssmincidentsRows } from './ssmincidents.js';
import { storagegatewayRows } from './storagegateway.js';
import { timestreamRows } from './timestream.js';
import { translateRows } from './translate.js';
import { verifiedpermissionsRows } from './verifiedpermissions.js';
import { voiceidRows } from './voiceid.js';
import { wisdomRows } from './wisdom.js';
import { workspacesthinclientRows } from './workspacesthinclient.js';

export const group3Rows: readonly CatalogRow[] = [
  ...omicsRows,
  ...opensearchserviceRows,
  ...personalizeRows,
  ...protonRows,
  ...qbusinessRows,
  ...rdsRows,
  ...redshiftRows,
  ...resiliencehubv2Rows,
  ...s3Rows,
  ...s3filesRows,
  ...s3vectorsRows,
  ...sagemakerRows,
  ...secretsmanagerRows,
  ...securityagentRows,
  ...securityhubRows,
  ...securitylakeRows,
  ...sesRows,
  ...ssmRows,
  ...ssmguiconnectRows,
  ...ssmincidentsRows,
  ...storagegatewayRows,
  ...timestreamRows,
  ...translateRows,
  ...verifiedpermissionsRows,
  ...voiceidRows,
  ...wisdomRows,
  ...workspacesthinclientRows,
];
