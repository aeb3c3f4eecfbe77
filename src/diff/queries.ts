// What the change rules ask of a change set, answered from the two analyses and the catalog, so
// rules neither resolve values nor know CloudFormation from Terraform names.
import type { Resource, ResolvedKey } from '../model/types.js';
import type { Analysis } from '../analysis/analyse.js';
import type { ChangeSet, ResourceChange } from './change-set.js';
import { typesWithRole, catalogEntry } from '../catalog/index.js';
import { customerKeyFacts, keyAttributes, type CustomerKeyFacts } from '../analysis/key-facts.js';
import { stackPolicies, pendingWindow, type DeclaredKey } from '../analysis/customer-keys.js';
import { deployable } from '../analysis/effective-key.js';

export type Side = 'before' | 'after';

export function isCustomerKeyType(type: string): boolean {
  return typesWithRole('customer-key').has(type);
}

function declared(analysis: Analysis, resource: Resource): DeclaredKey {
  return { resource, template: resource.template, ev: analysis.evaluatorFor(resource.template) };
}

export function keyFacts(change: ChangeSet, side: Side, key: Resource): CustomerKeyFacts {
  const analysis = change[side];
  return customerKeyFacts(key, analysis.evaluatorFor(key.template));
}

/**
 * What happens to a key when it leaves the input: `retained` (DeletionPolicy Retain), `deleted` (the
 * policy is Delete, written or by default), `unknown` (the policy cannot be resolved), or `destroyed`
 * when the format has no such policy (Terraform destroys what leaves the configuration).
 */
export function removalOutcome(change: ChangeSet, key: Resource): 'retained' | 'deleted' | 'unknown' | 'destroyed' {
  const policies = stackPolicies(declared(change.before, key));
  if (policies === undefined) return 'destroyed';
  if (policies === 'unknown') return 'unknown';
  return policies.deletion.retains ? 'retained' : 'deleted';
}

/** Days between the scheduled deletion and the deletion itself (30 unless the key says otherwise). */
export function deletionWindowDays(change: ChangeSet, key: Resource): number {
  return pendingWindow(declared(change.before, key))?.days ?? 30;
}

/** The resources of one side whose keys (primary or secondary, in any branch) are the declared key. */
export function protectedBy(change: ChangeSet, side: Side, key: Resource): Resource[] {
  const out = new Set<Resource>();
  for (const a of change[side].resources) {
    for (const v of a.variants) {
      if ([v.primary, ...v.secondary.map((s) => s.resolved)].some((k) => k.keyResource === key)) out.add(a.resource);
    }
  }
  return [...out];
}

/** The primary key of a resource in each branch of one side (empty when it has none). */
export function primaryKeys(change: ChangeSet, side: Side, resource: Resource): { branch: Readonly<Record<string, boolean>>; key: ResolvedKey }[] {
  const analysed = change[side].byResource.get(resource.template)?.get(resource.id);
  return analysed?.variants.map((v) => ({ branch: v.branch, key: v.primary })) ?? [];
}

/** Top-level properties (attributes) that hold or switch a resource type's keys, from its catalog slots. */
export function keyProperties(type: string): Set<string> {
  const entry = catalogEntry(type);
  const out = new Set<string>();
  const root = (path: string | undefined) => path && out.add(path.split('.')[0].replace(/\[\]$/, ''));
  for (const slot of entry?.slots ?? []) {
    root(slot.scope ?? slot.key);
  }
  return out;
}

/** Whether two resolved keys are the same key (unknown keys: unknown for the same reason — another parameter, another import). */
export function sameKey(a: ResolvedKey, b: ResolvedKey): boolean {
  const identity = (k: ResolvedKey) => [k.key.kind, k.key.alias ?? '', k.keyResource?.id ?? k.key.keyRef ?? '', k.key.kind === 'unknown' ? k.reason : ''].join('\u0000');
  return identity(a) === identity(b);
}

/** Conditions enumerated together across both sides; beyond this, a key counts as changed if it differs anywhere. */
const MAX_JOINT_CONDITIONS = 8;

/**
 * For each branch of the after side, whether its key is new: under some choice of every condition
 * either side depends on, one a deployment can make on both sides, the before side's key differs.
 * `before` names that key.
 */
export function keyPairs(change: ChangeSet, c: ResourceChange): { branch: Readonly<Record<string, boolean>>; before: ResolvedKey; after: ResolvedKey; changed: boolean }[] {
  if (!c.before || !c.after) return [];
  const before = primaryKeys(change, 'before', c.before);
  const after = primaryKeys(change, 'after', c.after);
  if (before.length === 0) return [];
  const names = [...new Set([...before, ...after].flatMap((v) => Object.keys(v.branch)))];
  const agrees = (branch: Readonly<Record<string, boolean>>, choice: Record<string, boolean>) => Object.entries(branch).every(([n, v]) => choice[n] === v);
  const choices: Record<string, boolean>[] = [];
  if (names.length <= MAX_JOINT_CONDITIONS) {
    for (let mask = 0; mask < 1 << names.length; mask++) {
      const choice = Object.fromEntries(names.map((n, i) => [n, (mask & (1 << i)) === 0]));
      const templates = [c.before.template, c.after.template];
      if (templates.every((t, i) => deployable(t, choice, change[i === 0 ? 'before' : 'after'].exports))) choices.push(choice);
    }
  }
  return after.map((a) => {
    if (choices.length === 0) {
      const differs = before.find((b) => !sameKey(b.key, a.key));
      return { branch: a.branch, before: (differs ?? before[0]).key, after: a.key, changed: !!differs && !before.some((b) => sameKey(b.key, a.key)) };
    }
    for (const choice of choices) {
      if (!agrees(a.branch, choice)) continue;
      const b = before.find((v) => agrees(v.branch, choice));
      if (b && !sameKey(b.key, a.key)) return { branch: a.branch, before: b.key, after: a.key, changed: true };
    }
    return { branch: a.branch, before: before[0].key, after: a.key, changed: false };
  });
}

/**
 * Properties of a key that cannot change on an existing key (impact `fails`) and whose value really
 * changes: written for the first time as its default (`KeySpec: SYMMETRIC_DEFAULT`) is no change.
 */
export function immutableChanges(change: ChangeSet, c: ResourceChange): string[] {
  if (!c.before || !c.after) return [];
  const names = keyAttributes(c.type);
  const facts = { before: keyFacts(change, 'before', c.before), after: keyFacts(change, 'after', c.after) };
  const fact: Record<string, (f: CustomerKeyFacts) => unknown> = {};
  if (names.spec) fact[names.spec] = (f) => f.spec;
  if (names.usage) fact[names.usage] = (f) => f.usage;
  if (names.origin) fact[names.origin] = (f) => f.origin;
  if (names.multiRegion) fact[names.multiRegion] = (f) => f.multiRegion;
  return c.properties
    .filter((p) => p.impact === 'fails')
    .map((p) => p.property)
    .filter((property) => !fact[property] || fact[property](facts.before) !== fact[property](facts.after));
}
