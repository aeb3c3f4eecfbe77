// Amazon AppFlow: "If you don't provide anything here, Amazon AppFlow uses the Amazon
// AppFlow-managed KMS key" (CFN KMSArn text, both types). No alias is documented, so the fallback is
// an AWS managed key under a placeholder alias (lead's decision, docs/catalog-notes-group-1.md; P).
import type { CatalogRow } from '../types.js';
import { cfnPage, optionalKey, undocumentedAlias } from '../slot-kit.js';

const FALLBACK = undocumentedAlias('alias/aws/appflow', 'the Amazon AppFlow-managed KMS key');

/** CloudFormation type → its Terraform counterpart (both name the key `kms_arn`). */
const TYPES: readonly [string, string][] = [
  ['AWS::AppFlow::ConnectorProfile', 'aws_appflow_connector_profile'],
  ['AWS::AppFlow::Flow', 'aws_appflow_flow'],
];

export const appflowRows: readonly CatalogRow[] = TYPES.map(([type, terraformType]) => ({
  cfnTypes: [type],
  service: 'Amazon AppFlow',
  confidence: 'P',
  source: cfnPage(type),
  slots: [optionalKey('KMSArn', FALLBACK)],
  terraform: [{ type: terraformType, slots: [optionalKey('kms_arn', FALLBACK)] }],
}));
