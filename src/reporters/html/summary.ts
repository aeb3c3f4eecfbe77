// The summary of the HTML report: resources per key kind, findings per rule, resources on AWS
// managed keys per service, and an estimate of what the declared customer keys cost a month.
import type { KeyMap } from '../../analysis/key-map.js';
import type { Finding, RuleDescriptor, Severity } from '../../model/findings.js';
import { keyClass, type KeyClass } from './model.js';

/**
 * KMS list prices used for the estimate (us-east-1; other Regions may differ): $1 per key per
 * month, for every key created, replicas included; each of the first two rotations of a key adds
 * $1 per month and later ones add nothing (the pricing change of April 2024). AWS managed and AWS
 * owned keys have no monthly charge. Requests are not counted (20,000 free a month, then $0.03 per
 * 10,000 symmetric requests). Source: https://aws.amazon.com/kms/pricing/ , as recorded in
 * kmslint's reference notes (kms-facts.md §9; the notes call the exact rotation wording uncertain).
 */
export const KMS_PRICES = {
  perKeyMonth: 1,
  perRotationMonth: 1,
  chargedRotations: 2,
  asOf: 'April 2024',
  source: 'https://aws.amazon.com/kms/pricing/',
} as const;

export interface CostEstimate {
  keys: number;
  replicas: number;
  rotating: number;
  rotationUnknown: number;
  /** Before any rotation: $1 per key. */
  monthly: number;
  /** Once every rotating key (and those whose rotation is unresolved) has rotated twice. */
  monthlyAtMost: number;
}

export interface RuleCount {
  rule: RuleDescriptor | { id: string; docsUrl?: undefined; description?: undefined };
  counts: Record<Severity, number>;
  suppressed: number;
}

export interface ReportSummary {
  /** Distinct resources per class of their primary key; a resource whose key depends on a condition counts under each. */
  kinds: Partial<Record<KeyClass, number>>;
  resources: number;
  rules: RuleCount[];
  /** `alias/aws/<service>` → resources using it (any branch, primary or secondary). */
  managed: { alias: string; resources: number; implicit: number }[];
  cost: CostEstimate;
}

export function summarise(map: KeyMap, findings: readonly Finding[], rules: ReadonlyMap<string, RuleDescriptor>): ReportSummary {
  const id = (r: { file: string; stack: string; id: string }) => `${r.file}\u0000${r.stack}\u0000${r.id}`;
  const kindSets = new Map<KeyClass, Set<string>>();
  const managed = new Map<string, { all: Set<string>; implicit: Set<string> }>();
  const resources = new Set<string>();
  for (const row of map.rows) {
    const rid = id(row);
    resources.add(rid);
    const cls = keyClass(row.key);
    kindSets.set(cls, (kindSets.get(cls) ?? new Set()).add(rid));
    for (const k of [row.key, ...row.secondary.map((s) => s.key)]) {
      if (k.kind !== 'aws-managed' || !k.alias) continue;
      const m = managed.get(k.alias) ?? { all: new Set<string>(), implicit: new Set<string>() };
      managed.set(k.alias, m);
      m.all.add(rid);
      if (k.origin === 'implicit') m.implicit.add(rid);
    }
  }
  const kinds: Partial<Record<KeyClass, number>> = {};
  for (const [cls, set] of kindSets) kinds[cls] = set.size;

  const byRule = new Map<string, RuleCount>();
  for (const f of findings) {
    let c = byRule.get(f.ruleId);
    if (!c) byRule.set(f.ruleId, (c = { rule: rules.get(f.ruleId) ?? { id: f.ruleId }, counts: { error: 0, warning: 0, info: 0 }, suppressed: 0 }));
    if (f.suppressed) c.suppressed++;
    else c.counts[f.severity]++;
  }
  const ruleCounts = [...byRule.values()].sort(
    (a, b) => b.counts.error - a.counts.error || b.counts.warning - a.counts.warning || b.counts.info - a.counts.info || (a.rule.id < b.rule.id ? -1 : 1),
  );

  const keys = map.declaredKeys.length;
  const replicas = map.declaredKeys.filter((k) => k.replica).length;
  const rotating = map.declaredKeys.filter((k) => k.rotation === true).length;
  const rotationUnknown = map.declaredKeys.filter((k) => !k.replica && k.rotation === undefined).length;
  const p = KMS_PRICES;
  return {
    kinds,
    resources: resources.size,
    rules: ruleCounts,
    managed: [...managed]
      .map(([alias, m]) => ({ alias, resources: m.all.size, implicit: m.implicit.size }))
      .sort((a, b) => b.resources - a.resources || (a.alias < b.alias ? -1 : 1)),
    cost: {
      keys,
      replicas,
      rotating,
      rotationUnknown,
      monthly: keys * p.perKeyMonth,
      monthlyAtMost: keys * p.perKeyMonth + (rotating + rotationUnknown) * p.perRotationMonth * p.chargedRotations,
    },
  };
}
