// Catalog rows for key-bearing types beyond the reference service catalog (issue 12, item 7), group 2
// of three: one file per service in this folder, listed here. Facts and sources: each row's `source`.
// Types of this group with no documented default: docs/catalog-uncovered-group-2.md.
import type { CatalogRow } from '../types.js';
import { ec2Rows } from './ec2.js';
import { ecsRows } from './ecs.js';
import { elastiCacheRows } from './elasticache.js';
import { emrRows } from './emr.js';
import { emrContainersRows } from './emrcontainers.js';
import { entityResolutionRows } from './entityresolution.js';
import { eventsV2Rows } from './eventsv2.js';
import { evsRows } from './evs.js';
import { forecastRows } from './forecast.js';
import { fsxRows } from './fsx.js';
import { glueRows } from './glue.js';
import { guardDutyRows } from './guardduty.js';
import { healthImagingRows } from './healthimaging.js';
import { healthLakeRows } from './healthlake.js';
import { imageBuilderRows } from './imagebuilder.js';
import { iotRows } from './iot.js';
import { iotSiteWiseRows } from './iotsitewise.js';
import { kendraRows } from './kendra.js';
import { kinesisRows } from './kinesis.js';
import { lambdaRows } from './lambda.js';
import { lexRows } from './lex.js';
import { locationRows } from './location.js';
import { logsRows } from './logs.js';
import { lookoutEquipmentRows } from './lookoutequipment.js';
import { lookoutMetricsRows } from './lookoutmetrics.js';
import { m2Rows } from './m2.js';
import { mgnRows } from './mgn.js';
import { mskRows } from './msk.js';
import { mwaaServerlessRows } from './mwaaserverless.js';
import { neptuneGraphRows } from './neptunegraph.js';
import { nimbleStudioRows } from './nimblestudio.js';
import { observabilityAdminRows } from './observabilityadmin.js';
import { omicsG2Rows } from './omics-g2.js';
import { osisRows } from './osis.js';

export const group2Rows: readonly CatalogRow[] = [
  ...ec2Rows,
  ...ecsRows,
  ...elastiCacheRows,
  ...emrRows,
  ...emrContainersRows,
  ...entityResolutionRows,
  ...eventsV2Rows,
  ...evsRows,
  ...forecastRows,
  ...fsxRows,
  ...glueRows,
  ...guardDutyRows,
  ...healthImagingRows,
  ...healthLakeRows,
  ...imageBuilderRows,
  ...iotRows,
  ...iotSiteWiseRows,
  ...kendraRows,
  ...kinesisRows,
  ...lambdaRows,
  ...lexRows,
  ...locationRows,
  ...logsRows,
  ...lookoutEquipmentRows,
  ...lookoutMetricsRows,
  ...m2Rows,
  ...mgnRows,
  ...mskRows,
  ...mwaaServerlessRows,
  ...neptuneGraphRows,
  ...nimbleStudioRows,
  ...observabilityAdminRows,
  ...omicsG2Rows,
  ...osisRows,
];
