// Resource and key policy changes of a Terraform plan (`terraform show -json`): the plan says itself
// what it does to each instance (`resource_changes[].change.actions`) and which attributes force a
// replacement (`replace_paths`), so nothing here is inferred.
import type { Template } from '../model/types.js';
import { accountConditionsOf, type ChangeImpact, type KeyPolicyChange, type PropertyChange, type ResourceChange, type StatementSummary } from './change-set.js';
import { isRecord, own } from '../util/objects.js';
import { deepEqual } from '../util/bounded.js';

/** The before side of a plan, as a plan of its own: the prior state planned, nothing changing. */
export function planBeforeText(planText: string): string | undefined {
  let plan: unknown;
  try {
    plan = JSON.parse(planText);
  } catch {
    return undefined;
  }
  if (!isRecord(plan)) return undefined;
  const changes = Array.isArray(plan.resource_changes) ? plan.resource_changes : [];
  const priorValues = own(own(plan, 'prior_state'), 'values');
  const before = {
    format_version: own(plan, 'format_version') ?? '1.2',
    terraform_version: own(plan, 'terraform_version'),
    planned_values: isRecord(priorValues) ? priorValues : { root_module: {} },
    resource_changes: changes
      .filter((c): c is Record<string, unknown> => isRecord(c) && own(own(c, 'change'), 'before') !== null && own(own(c, 'change'), 'before') !== undefined)
      .map((c) => ({ ...c, change: { actions: ['no-op'], before: own(own(c, 'change'), 'before'), after: own(own(c, 'change'), 'before'), after_unknown: {} } })),
  };
  return JSON.stringify(before, null, 2);
}

const KEY_TYPES = new Set(['aws_kms_key']);
const KEY_POLICY_SIDES: Record<string, string> = { aws_kms_key_policy: 'key_id' };

export function terraformChanges(plan: Template, before: Template): { changes: ResourceChange[]; keyPolicyChanges: KeyPolicyChange[] } {
  const root = plan.doc.root;
  const list = isRecord(root) && Array.isArray(root.resource_changes) ? root.resource_changes : [];
  const changes: ResourceChange[] = [];
  const keyPolicyChanges: KeyPolicyChange[] = [];
  list.forEach((c, i) => {
    if (!isRecord(c) || own(c, 'mode') === 'data') return;
    const address = own(c, 'address');
    const type = own(c, 'type');
    const change = own(c, 'change');
    const actions = own(change, 'actions');
    if (typeof address !== 'string' || typeof type !== 'string' || !Array.isArray(actions)) return;
    const planEntry = { template: plan, at: ['resource_changes', i] as const };
    const b = before.resourcesById.get(address);
    const a = plan.resourcesById.get(address);
    const has = (x: string) => actions.includes(x);
    if (has('delete') && !has('create')) {
      changes.push({ id: address, type, kind: 'removed', impact: 'none', before: b, properties: [], planEntry });
      return;
    }
    if (has('create') && !has('delete')) {
      changes.push({ id: address, type, kind: 'added', impact: 'none', after: a, properties: [], planEntry });
      return;
    }
    if (!has('update') && !has('delete')) return; // no-op, read, forget
    const replaced = has('delete') && has('create');
    const forcing = new Set(replacePaths(own(change, 'replace_paths')));
    const beforeValues = own(change, 'before');
    const afterValues = own(change, 'after');
    const names = new Set([...Object.keys(isRecord(beforeValues) ? beforeValues : {}), ...Object.keys(isRecord(afterValues) ? afterValues : {})]);
    const unknown = own(change, 'after_unknown');
    const properties: PropertyChange[] = [];
    for (const name of names) {
      const changed = !deepEqual(own(beforeValues, name), own(afterValues, name)) || own(unknown, name) === true;
      if (!changed && !forcing.has(name)) continue;
      properties.push({ property: name, impact: forcing.has(name) ? 'replace' : 'update' });
    }
    const impact: ChangeImpact = replaced ? 'replace' : 'update';
    changes.push({ id: address, type, kind: 'updated', impact, before: b, after: a, properties, planEntry });
    const policy = policyChange(type, beforeValues, afterValues, a, plan);
    if (policy && !replaced) keyPolicyChanges.push(policy);
  });
  return { changes, keyPolicyChanges };
}

function replacePaths(paths: unknown): string[] {
  if (!Array.isArray(paths)) return [];
  return paths.flatMap((p) => (Array.isArray(p) && typeof p[0] === 'string' ? [p[0]] : []));
}

/** Statements added or removed by an update of a key's policy (on the key, or an `aws_kms_key_policy`). */
function policyChange(type: string, before: unknown, after: unknown, resource: Template['resources'][number] | undefined, plan: Template): KeyPolicyChange | undefined {
  let key = KEY_TYPES.has(type) ? resource : undefined;
  if (!key && KEY_POLICY_SIDES[type] && resource?.attachesTo) key = plan.resourcesById.get(resource.attachesTo);
  if (!key) return undefined;
  const old = statements(own(before, 'policy'));
  const now = statements(own(after, 'policy'));
  if (!old || !now) return undefined;
  const text = (s: StatementSummary) => JSON.stringify(s);
  const oldSet = new Set(old.map(text));
  const newSet = new Set(now.map(text));
  const added = now.filter((s) => !oldSet.has(text(s)));
  const removed = old.filter((s) => !newSet.has(text(s)));
  return added.length || removed.length ? { key, added, removed } : undefined;
}

/** A policy document (JSON text, as Terraform stores it) as statement summaries; undefined if unreadable. */
export function statements(policy: unknown): StatementSummary[] | undefined {
  let doc: unknown = policy;
  if (typeof policy === 'string') {
    try {
      doc = JSON.parse(policy);
    } catch {
      return undefined;
    }
  }
  if (!isRecord(doc)) return undefined;
  const raw = own(doc, 'Statement');
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.filter(isRecord).map((s) => {
    const bounded = accountConditionsOf(own(s, 'Condition'));
    return {
      ...(typeof s.Sid === 'string' && s.Sid ? { sid: s.Sid } : {}),
      effect: typeof s.Effect === 'string' ? s.Effect : 'Allow',
      principals: principals(own(s, 'Principal')),
      actions: texts(own(s, 'Action')),
      ...(bounded.length ? { accountConditions: bounded } : {}),
    };
  });
}

function principals(p: unknown): string[] {
  if (p === '*') return ['AWS:*'];
  if (!isRecord(p)) return [];
  return Object.entries(p).flatMap(([kind, v]) => texts(v).map((x) => `${kind}:${x}`)).sort();
}

function texts(v: unknown): string[] {
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).sort();
}
