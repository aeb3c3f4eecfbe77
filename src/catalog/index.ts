// Lookup from a resource type (CloudFormation or Terraform) to the catalog row and the slots for it.
import { rows } from './rows.js';
import { families } from './relations.js';
import type { CatalogRow, FamilyRole, KeySlot, RelationRow, ResourceFamily } from './types.js';
import keyProperties from './key-properties.json' with { type: 'json' };

export interface CatalogEntry {
  row: CatalogRow;
  slots: readonly KeySlot[];
}

const byType = new Map<string, CatalogEntry>();
for (const row of rows) {
  for (const t of row.cfnTypes) byType.set(t, { row, slots: row.slots });
  for (const tf of row.terraform ?? []) if (!byType.has(tf.type)) byType.set(tf.type, { row, slots: tf.slots });
}

/**
 * Types whose key properties are known but whose default is not in the catalog: a named key is
 * classified (so misuse rules see it); with no key named, the key is `unknown` and nothing fires.
 */
function genericEntry(type: string, paths: readonly string[]): CatalogEntry {
  const service = type.split('::')[1] ?? type;
  const slots: KeySlot[] = paths.map((path, i) => {
    const cut = path.lastIndexOf('[]');
    const scope = cut === -1 ? undefined : path.slice(0, cut + 2);
    const key = cut === -1 ? path : path.slice(cut + 3);
    return {
      purpose: i === 0 ? 'data' : path.replace(/\[\]/g, '').replace(/\./g, '-'),
      ...(scope ? { scope } : {}),
      key,
      on: { present: key },
      onNoKey: { kind: 'unknown', why: 'no key named' },
      off: i === 0 ? [{ outcome: { kind: 'unknown', why: `kmslint's catalog does not record which key ${type} uses when none is named` } }] : [],
    };
  });
  const [, svc, res] = type.split('::');
  return {
    row: {
      cfnTypes: [type],
      service,
      slots,
      generic: true,
      confidence: 'U',
      source: `https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-${svc?.toLowerCase()}-${res?.toLowerCase()}.html`,
    },
    slots,
  };
}

const genericTypes = (keyProperties as { types: Record<string, string[]> }).types;

export function catalogEntry(type: string): CatalogEntry | undefined {
  const curated = byType.get(type);
  if (curated) return curated;
  const paths = Object.prototype.hasOwnProperty.call(genericTypes, type) ? genericTypes[type] : undefined;
  if (!paths) return undefined;
  const entry = genericEntry(type, paths);
  byType.set(type, entry);
  return entry;
}


export function catalogRows(): readonly CatalogRow[] {
  return rows;
}


// ---------------------------------------------------------------------------------------------
// Relation rows (./relations.ts): families, their roles and the rows of each kind.

const rowsByKind = new Map<RelationRow['kind'], RelationRow[]>();
const familyByType = new Map<string, ResourceFamily>();
const roleTypes = new Map<FamilyRole, Set<string>>();
const crossAccount = new Map<string, 'yes' | 'may'>();
for (const family of families) {
  for (const t of [...family.cloudFormation, ...family.terraform]) familyByType.set(t, family);
  for (const r of family.relations) {
    const list = rowsByKind.get(r.kind);
    if (list) list.push(r);
    else rowsByKind.set(r.kind, [r]);
  }
  for (const { role, types } of family.roles ?? []) {
    const set = roleTypes.get(role) ?? new Set<string>();
    for (const t of types) set.add(t);
    roleTypes.set(role, set);
  }
  for (const t of family.crossAccount?.types ?? []) crossAccount.set(t, family.crossAccount!.certainty);
}

export function resourceFamilies(): readonly ResourceFamily[] {
  return families;
}

/** The family a type belongs to (as a main type or a side resource). */
export function familyOf(type: string): ResourceFamily | undefined {
  return familyByType.get(type);
}

/** Every relation row of one kind, in catalog order. */
export function relationRows<K extends RelationRow['kind']>(kind: K): readonly Extract<RelationRow, { kind: K }>[] {
  return (rowsByKind.get(kind) ?? []) as Extract<RelationRow, { kind: K }>[];
}

/** The relation rows of one kind that a type holds. */
export function relationRowsOn<K extends RelationRow['kind']>(kind: K, type: string): readonly Extract<RelationRow, { kind: K }>[] {
  return relationRows(kind).filter((r) => r.on === type);
}

/** Types that play a role: `customer-key` types declare a customer managed key, and so on. */
export function typesWithRole(role: FamilyRole): ReadonlySet<string> {
  return roleTypes.get(role) ?? new Set();
}

/** Whether sharing a type with another account fails under an AWS managed key: `yes`, `may`, or not known to (undefined). */
export function crossAccountCertainty(type: string): 'yes' | 'may' | undefined {
  return crossAccount.get(type);
}
