// Resource and key policy changes between two CloudFormation templates, from
// `@aws-cdk/cloudformation-diff` (its replacement impact comes from the CloudFormation resource
// database), completed with the catalog's change facts the database lacks.
import type { Template } from '../model/types.js';
import { accountConditionsOf, type ChangeImpact, type KeyPolicyChange, type PropertyChange, type ResourceChange, type StatementSummary } from './change-set.js';
import { immutableProperties } from '../catalog/change-facts.js';
import { isRecord } from '../util/objects.js';

/** The part of `@aws-cdk/cloudformation-diff` this reads (the module is loaded only by `kmslint diff`). */
export interface CloudFormationDiffModule {
  fullDiff(current: Record<string, unknown>, future: Record<string, unknown>): TemplateDiffLike;
}

interface TemplateDiffLike {
  resources: { forEachDifference(cb: (id: string, change: ResourceDifferenceLike) => void): void };
  iamChanges: { statements: { additions: StatementLike[]; removals: StatementLike[] } };
}

interface ResourceDifferenceLike {
  isAddition: boolean;
  isRemoval: boolean;
  isDifferent: boolean;
  changeImpact: string;
  propertyUpdates: Record<string, { changeImpact?: string; isDifferent: boolean }>;
}

interface StatementLike {
  sid?: string;
  effect: string;
  resources: { values: string[] };
  principals: { values: string[] };
  actions: { values: string[] };
  condition?: unknown;
}

const IMPACTS: Record<string, ChangeImpact> = {
  WILL_REPLACE: 'replace',
  MAY_REPLACE: 'may-replace',
  WILL_UPDATE: 'update',
};

export function cloudFormationChanges(
  diff: CloudFormationDiffModule,
  before: Template | undefined,
  after: Template | undefined,
): { changes: ResourceChange[]; keyPolicyChanges: KeyPolicyChange[] } {
  const result = diff.fullDiff(templateObject(before), templateObject(after));
  const changes: ResourceChange[] = [];
  result.resources.forEachDifference((id, rd) => {
    if (!rd.isDifferent && !rd.isAddition && !rd.isRemoval) return;
    const b = before?.resourcesById.get(id);
    const a = after?.resourcesById.get(id);
    const type = (a ?? b)?.type ?? '';
    if (rd.isRemoval) {
      changes.push({ id, type, kind: 'removed', impact: 'none', before: b, properties: [] });
      return;
    }
    if (rd.isAddition) {
      changes.push({ id, type, kind: 'added', impact: 'none', after: a, properties: [] });
      return;
    }
    // A changed type is a new resource under the old id: CloudFormation replaces it.
    if (b && a && b.type !== a.type) {
      changes.push({ id, type, kind: 'updated', impact: 'replace', before: b, after: a, properties: [] });
      return;
    }
    const immutable = new Set(immutableProperties(type));
    const properties: PropertyChange[] = Object.entries(rd.propertyUpdates)
      .filter(([, p]) => p.isDifferent)
      .map(([property, p]) => ({ property, impact: immutable.has(property) ? 'fails' : (IMPACTS[p.changeImpact ?? ''] ?? 'none') }));
    changes.push({ id, type, kind: 'updated', impact: worst([IMPACTS[rd.changeImpact] ?? 'none', ...properties.map((p) => p.impact)]), before: b, after: a, properties });
  });
  return { changes, keyPolicyChanges: keyPolicyChanges(result, before, after) };
}

/** Statements added to or removed from the policies of keys that exist on both sides. */
function keyPolicyChanges(result: TemplateDiffLike, before: Template | undefined, after: Template | undefined): KeyPolicyChange[] {
  const byKey = new Map<string, KeyPolicyChange>();
  const add = (s: StatementLike, side: 'added' | 'removed') => {
    for (const target of s.resources.values) {
      // Key policies are listed with the key as their resource, written `${Key.Arn}`.
      const id = /^\$\{([^.}]+)\.Arn\}$/.exec(target)?.[1];
      const key = id ? after?.resourcesById.get(id) : undefined;
      if (!key || key.type !== 'AWS::KMS::Key' || before?.resourcesById.get(id!)?.type !== 'AWS::KMS::Key') continue;
      let c = byKey.get(key.id);
      if (!c) byKey.set(key.id, (c = { key, added: [], removed: [] }));
      c[side].push(summary(s));
    }
  };
  for (const s of result.iamChanges.statements.additions) add(s, 'added');
  for (const s of result.iamChanges.statements.removals) add(s, 'removed');
  return [...byKey.values()];
}

function summary(s: StatementLike): StatementSummary {
  const bounded = accountConditionsOf(s.condition);
  return { ...(s.sid ? { sid: s.sid } : {}), effect: s.effect, principals: [...s.principals.values], actions: [...s.actions.values], ...(bounded.length ? { accountConditions: bounded } : {}) };
}

const ORDER: readonly ChangeImpact[] = ['none', 'update', 'may-replace', 'replace', 'fails'];

export function worst(impacts: readonly ChangeImpact[]): ChangeImpact {
  return impacts.reduce<ChangeImpact>((w, i) => (ORDER.indexOf(i) > ORDER.indexOf(w) ? i : w), 'none');
}

/** The template as the diff reads it: only its Resources (kmslint has already read the rest). */
function templateObject(t: Template | undefined): Record<string, unknown> {
  const root = t?.doc.root;
  const resources = isRecord(root) && isRecord(root.Resources) ? root.Resources : {};
  return { Resources: resources };
}
