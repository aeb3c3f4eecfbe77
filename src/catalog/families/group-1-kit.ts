// Builders shared by the group 1 family files: most of these types name one optional key and fall
// back to one documented outcome when it is absent.
import type { CatalogRow, KeySlot, Outcome } from '../types.js';

export const CFN_REFERENCE = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference';

/** The CloudFormation reference page of a type, e.g. `AWS::DMS::InstanceProfile` → …/aws-resource-dms-instanceprofile.html. */
export function cfnPage(type: string): string {
  const [, service, resource] = type.split('::');
  return `${CFN_REFERENCE}/aws-resource-${service.toLowerCase()}-${resource.toLowerCase()}.html`;
}

/**
 * The service names its default only as an AWS managed key ("an AWS managed key") and documents no
 * `alias/aws/<service>` for it. By the lead's decision (docs/catalog-notes-group-1.md) the outcome is
 * still `aws-managed`, under a placeholder alias built from the CloudFormation service namespace, with a
 * note that the alias is not documented; rows using it are below V, so reasons say "may".
 */
export function undocumentedAlias(alias: string, wording: string, conflict?: string): Outcome {
  const against = conflict ? `; ${conflict}` : '';
  return { kind: 'aws-managed', alias, note: `the alias is not documented and may differ: AWS says only "${wording}"${against}` };
}

/** A secondary slot reported only when the template names its key (no documented default). */
export function namedOnly(purpose: string, key: string, alias?: string): KeySlot {
  return { purpose, key, ...(alias ? { alias } : {}), on: { present: key }, onNoKey: { kind: 'unknown', why: 'no key named' }, off: [] };
}

/** A primary slot: KMS is used with the key at `key` when it is named, else `fallback`. */
export function optionalKey(key: string, fallback: Outcome): KeySlot {
  return { purpose: 'data', key, on: { present: key }, onNoKey: { kind: 'unknown', why: 'no key named' }, off: [{ outcome: fallback }] };
}

/** A row for a type whose only key is optional and whose default is one outcome. */
export function optionalKeyRow(
  cfnType: string,
  service: string,
  key: string,
  fallback: Outcome,
  facts: Pick<CatalogRow, 'confidence' | 'source'> & Partial<Pick<CatalogRow, 'alias' | 'terraform'>>,
): CatalogRow {
  return { cfnTypes: [cfnType], service, slots: [optionalKey(key, fallback)], ...facts };
}
