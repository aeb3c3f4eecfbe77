// Slot and row shapes many catalog rows share, in one place for rows.ts and every family file.
import type { CatalogRow, KeySlot, Outcome, Scalar } from './types.js';

export const CFN_REFERENCE = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference';

/** The CloudFormation reference page of a type, e.g. `AWS::DMS::InstanceProfile` → …/aws-resource-dms-instanceprofile.html. */
export function cfnPage(type: string): string {
  const [, service, resource] = type.split('::');
  return `${CFN_REFERENCE}/aws-resource-${service.toLowerCase()}-${resource.toLowerCase()}.html`;
}

/** A secondary key with no documented default: reported when the template names it, silent otherwise. */
export function namedOnly(purpose: string, key: string, scope?: string, alias?: string): KeySlot {
  return {
    purpose,
    ...(scope ? { scope } : {}),
    ...(alias ? { alias } : {}),
    key,
    on: { present: key },
    onNoKey: { kind: 'unknown', why: 'no key named' },
    off: [],
  };
}

/** The service always encrypts; `key` names a customer key, otherwise `fallback` applies. */
export function alwaysEncrypted(key: string, fallback: Outcome, scope?: string): KeySlot {
  return { purpose: 'data', ...(scope ? { scope } : {}), key, on: { always: true }, onNoKey: fallback, off: [] };
}

/** A primary slot: KMS is used with the key at `key` when it is named, else `fallback`. */
export function optionalKey(key: string, fallback: Outcome): KeySlot {
  return { purpose: 'data', key, on: { present: key }, onNoKey: { kind: 'unknown', why: 'no key named' }, off: [{ outcome: fallback }] };
}

/**
 * Like `optionalKey`, but the fallback holds only while the property at `when` has one of `values`
 * (the feature that stores the data is on); otherwise the key is `otherwise`.
 */
export function optionalKeyWhen(key: string, when: string, values: readonly Scalar[], fallback: Outcome, otherwise: Outcome): KeySlot {
  return {
    purpose: 'data',
    key,
    on: { present: key },
    onNoKey: { kind: 'unknown', why: 'no key named' },
    off: [{ when: { path: when, equals: values }, outcome: fallback }, { outcome: otherwise }],
  };
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

/**
 * The service names its default only as "an AWS managed key" and documents no `alias/aws/<service>`
 * for it: the outcome is `aws-managed` under a placeholder alias with a note that it is not
 * documented (docs/catalog-notes-group-1.md); such rows are below V, so reasons say "may".
 */
export function undocumentedAlias(alias: string, wording: string, conflict?: string): Outcome {
  const against = conflict ? `; ${conflict}` : '';
  return { kind: 'aws-managed', alias, note: `the alias is not documented and may differ: AWS says only "${wording}"${against}` };
}
