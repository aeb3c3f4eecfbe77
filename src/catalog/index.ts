// Lookup from a resource type (CloudFormation or Terraform) to the catalog row and the slots for it.
import { rows } from './rows.js';
import type { CatalogRow, KeySlot } from './types.js';
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

