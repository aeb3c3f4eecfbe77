// The `kmslint keys` view of an analysis: one row per resource and condition branch.
import type { EffectiveKey } from '../model/types.js';
import type { Analysis } from './analyse.js';

export interface KeyRow {
  file: string;
  stack: string;
  id: string;
  type: string;
  /** CDK construct path, when known. */
  path?: string;
  /** `Cond=true, Other=false` when the key depends on conditions. */
  branch?: string;
  key: EffectiveKey;
  reason: string;
  line: number;
  column: number;
  /** `line`/`column`: where the secondary key is chosen (table and CSV show it; JSON does not). */
  secondary: { purpose: string; key: EffectiveKey; reason: string; line?: number; column?: number }[];
}

export function keyRows(analysis: Analysis): KeyRow[] {
  const rows: KeyRow[] = [];
  for (const a of analysis.resources) {
    const r = a.resource;
    for (const v of a.variants) {
      const loc = r.template.doc.locate(v.primary.at, true);
      const branch = Object.entries(v.branch).map(([k, b]) => `${k}=${b}`).join(', ');
      rows.push({
        file: r.template.doc.file,
        stack: r.template.stack,
        id: r.id,
        type: r.type,
        path: r.constructPath,
        branch: branch || undefined,
        key: v.primary.key,
        reason: v.primary.reason,
        line: loc?.line ?? 1,
        column: loc?.column ?? 1,
        secondary: v.secondary.map((s) => {
          const at = r.template.doc.locate(s.resolved.at, true);
          return { purpose: s.purpose, key: s.resolved.key, reason: s.resolved.reason, line: at?.line ?? loc?.line ?? 1, column: at?.column ?? loc?.column ?? 1 };
        }),
      });
    }
  }
  return rows;
}

/** The contract's key object with its fields in contract order and absent ones left out. */
export function keyJson(key: EffectiveKey): EffectiveKey {
  const out: EffectiveKey = { kind: key.kind };
  if (key.alias !== undefined) out.alias = key.alias;
  if (key.keyRef !== undefined) out.keyRef = key.keyRef;
  if (key.origin !== undefined) out.origin = key.origin;
  if (key.external !== undefined) out.external = key.external;
  return out;
}
