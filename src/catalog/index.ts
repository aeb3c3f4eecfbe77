// Lookup from a resource type (CloudFormation or Terraform) to the catalog row and the slots for it.
import { rows } from './rows.js';
import type { CatalogRow, KeySlot } from './types.js';

export interface CatalogEntry {
  row: CatalogRow;
  slots: readonly KeySlot[];
}

const byType = new Map<string, CatalogEntry>();
for (const row of rows) {
  for (const t of row.cfnTypes) byType.set(t, { row, slots: row.slots });
  for (const tf of row.terraform ?? []) if (!byType.has(tf.type)) byType.set(tf.type, { row, slots: tf.slots });
}

export function catalogEntry(type: string): CatalogEntry | undefined {
  return byType.get(type);
}

export function catalogRows(): readonly CatalogRow[] {
  return rows;
}

/** AWS managed aliases the catalog knows, with the service that owns each. */
export function knownAwsManagedAliases(): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of rows) if (row.alias && !out.has(row.alias)) out.set(row.alias, row.service);
  return out;
}
