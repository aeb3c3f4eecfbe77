// Catalog rows for key-bearing types beyond the reference service catalog (issue 12, item 7), group 1
// of three: one file per service in this folder, listed here. Facts and sources: each row's `source`.
// Types of the group that no page gives a default for: ../../../docs/catalog-uncovered-group-1.md.
import type { CatalogRow } from '../types.js';
import { aiopsRows } from './aiops.js';
import { appconfigRows } from './appconfig.js';
import { appflowRows } from './appflow.js';
import { appintegrationsRows } from './appintegrations.js';
import { backupgatewayRows } from './backupgateway.js';
import { bedrockRows } from './bedrock.js';
import { bedrockagentcoreRows } from './bedrockagentcore.js';
import { cleanroomsRows } from './cleanrooms.js';
import { codebuildRows } from './codebuild.js';
import { comprehendRows } from './comprehend.js';
import { customerprofilesRows } from './customerprofiles.js';
import { dataexchangeRows } from './dataexchange.js';
import { databrewRows } from './databrew.js';
import { datasyncRows } from './datasync.js';
import { datazoneRows } from './datazone.js';
import { deadlineRows } from './deadline.js';
import { devopsagentRows } from './devopsagent.js';
import { dmsRows } from './dms.js';
import { drsRows } from './drs.js';

export const group1Rows: readonly CatalogRow[] = [
  ...aiopsRows,
  ...appconfigRows,
  ...appflowRows,
  ...appintegrationsRows,
  ...backupgatewayRows,
  ...bedrockRows,
  ...bedrockagentcoreRows,
  ...cleanroomsRows,
  ...codebuildRows,
  ...comprehendRows,
  ...customerprofilesRows,
  ...dataexchangeRows,
  ...databrewRows,
  ...datasyncRows,
  ...datazoneRows,
  ...deadlineRows,
  ...devopsagentRows,
  ...dmsRows,
  ...drsRows,
];
