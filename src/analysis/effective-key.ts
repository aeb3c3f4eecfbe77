// The catalog interpreter: one mechanism that turns any catalog row plus a resource's properties into
// its effective key (contract §2), once per relevant combination of condition branches.
import type { AnalysedResource, Branch, KeyVariant, ResolvedKey, Resource, SecondaryKey } from '../model/types.js';
import type { CatalogRow, KeySlot, Outcome, Predicate } from '../catalog/types.js';
import { Evaluator, conditionsUsed, type ExportIndex, type Located } from './evaluate.js';
import { classifyKeyExpression } from './classify-key.js';
import { catalogEntry } from '../catalog/index.js';
import { preview, scalarText } from '../util/bounded.js';
import { own } from '../util/objects.js';

/** Conditions enumerated per resource; beyond this, the rest take their first branch (true). */
const MAX_ENUMERATED_CONDITIONS = 4;

export function analyseResource(resource: Resource, row: CatalogRow, slots: readonly KeySlot[], exports?: ExportIndex): AnalysedResource {
  // Every branch a deployment can choose is analysed (contract §2), so parameter defaults do not
  // decide conditions here; only conditions under the properties the catalog reads matter.
  const base = new Evaluator(resource.template, {}, exports, false);
  const names = [...conditionsUsed(relevantProperties(resource.properties, slots))];
  if (resource.condition) names.push(resource.condition);
  const open = [...new Set(names)].filter((n) => base.staticCondition(n) === undefined);
  const enumerated = open.slice(0, MAX_ENUMERATED_CONDITIONS);
  const fixed: Record<string, boolean> = Object.fromEntries(open.slice(MAX_ENUMERATED_CONDITIONS).map((n) => [n, true]));

  const branches: Record<string, boolean>[] = [];
  for (let mask = 0; mask < 1 << enumerated.length; mask++) {
    const branch: Record<string, boolean> = { ...fixed };
    enumerated.forEach((n, i) => (branch[n] = (mask & (1 << i)) === 0));
    branches.push(branch);
  }
  // Conditions are enumerated as names, but one may be defined from another (`HasKeyNoSnap: !And
  // [HasKey, …]`) or test the same parameter: choices no deployment can make are dropped. Should the
  // conditions fixed beyond the enumeration limit contradict every choice, none is dropped.
  const possible = branches.filter((b) => deployable(resource.template, b, exports));
  const results: { branch: Branch; variant: Omit<KeyVariant, 'branch'>; signature: string }[] = [];
  for (const branch of possible.length > 0 ? possible : branches) {
    const ev = new Evaluator(resource.template, branch, exports);
    if (resource.condition && ev.condition(resource.condition) === false) continue;
    const variant = evaluateSlots(resource, row, slots, ev, exports);
    results.push({ branch, variant, signature: signatureOf(variant) });
  }
  // Group identical outcomes; a group's branch keeps only the conditions that are constant in it.
  const groups = new Map<string, { branches: Branch[]; variant: Omit<KeyVariant, 'branch'> }>();
  for (const r of results) {
    const g = groups.get(r.signature);
    if (g) g.branches.push(r.branch);
    else groups.set(r.signature, { branches: [r.branch], variant: r.variant });
  }
  const variants: KeyVariant[] = [];
  for (const g of groups.values()) {
    const branch: Record<string, boolean> = {};
    if (groups.size > 1) {
      for (const n of enumerated) {
        const values = new Set(g.branches.map((b) => b[n]));
        if (values.size === 1) branch[n] = g.branches[0][n];
      }
    }
    variants.push({ branch, ...g.variant });
  }
  return { resource, service: row.alias?.replace(/^alias\/aws\//, ''), variants };
}

/**
 * Whether a choice of condition values can be deployed: no chosen condition's definition, evaluated
 * with the other choices and what they prove about parameters (defaults aside), gives the opposite.
 */
export function deployable(template: Resource['template'], branch: Branch, exports: ExportIndex | undefined): boolean {
  const ev = new Evaluator(template, branch, exports, false);
  for (const [name, truth] of Object.entries(branch)) {
    const definition = own(template.conditions, name);
    if (definition === undefined) continue;
    const v = ev.resolve(definition);
    if (v.kind === 'literal' && typeof v.value === 'boolean' && v.value !== truth) return false;
  }
  return true;
}

/** Chains of inheritance (instance → cluster → source cluster) stop here. */
const MAX_INHERITANCE = 4;
let inheritanceDepth = 0;

/** The primary key of the resource this one takes its encryption from (contract §2: one key object). */
function inherited(resource: Resource, outcome: Extract<Outcome, { kind: 'inherit' }>, base: Located | undefined, ev: Evaluator): ResolvedKey {
  const at = base ? getPath(ev, base, outcome.from) : undefined;
  const name = lastSegment(outcome.from);
  const v = at ? ev.resolve(at.value) : undefined;
  const source = v?.kind === 'resource' ? v.template.resourcesById.get(v.id) : undefined;
  const entry = source && catalogEntry(source.type);
  if (!source || !entry || !at || inheritanceDepth >= MAX_INHERITANCE) {
    const what = v?.kind === 'literal' ? `"${scalarText(v.value)}"` : 'a resource that is not in the input';
    return { key: { kind: 'unknown' }, reason: `${name} names ${what}, and ${resource.id} takes the key of ${outcome.what}, so the key cannot be determined`, at: at?.path ?? resource.path };
  }
  inheritanceDepth++;
  try {
    const parent = analyseResource(source, entry.row, entry.slots, undefined).variants[0]?.primary;
    if (!parent) return { key: { kind: 'unknown' }, reason: `${name} names ${source.id}, which exists in no branch`, at: at.path };
    return { ...parent, at: at.path, named: false, reason: `${resource.id} takes the key of ${outcome.what} ${source.id}: ${parent.reason}` };
  } finally {
    inheritanceDepth--;
  }
}

/** The top-level properties a resource's slots read (the whole object when it is itself an intrinsic). */
function relevantProperties(properties: Record<string, unknown> | undefined, slots: readonly KeySlot[]): unknown {
  if (!properties || Object.keys(properties).some((k) => k === 'Fn::If')) return properties;
  const roots = new Set<string>();
  const add = (path: string | undefined) => path && roots.add(path.split('.')[0].replace(/\[\]$/, ''));
  const addPredicate = (p: Predicate): void => {
    if ('present' in p) add(p.present);
    else if ('path' in p) add(p.path);
    else if ('not' in p) addPredicate(p.not);
    else if ('all' in p) p.all.forEach(addPredicate);
    else if ('any' in p) p.any.forEach(addPredicate);
  };
  for (const slot of slots) {
    if (slot.scope) add(slot.scope);
    else {
      add(slot.key);
      addPredicate(slot.on);
      for (const o of slot.off) if (o.when) addPredicate(o.when);
    }
  }
  return [...roots].map((r) => properties[r]);
}

/** Branches group when their keys agree; unknown keys only when they are unknown for the same reason. */
function signatureOf(v: Omit<KeyVariant, 'branch'>): string {
  const identity = (r: ResolvedKey) => (r.key.kind === 'unknown' ? [r.key, r.reason] : [r.key]);
  return JSON.stringify([identity(v.primary), v.secondary.map((s) => [s.purpose, identity(s.resolved)])]);
}

function evaluateSlots(resource: Resource, row: CatalogRow, slots: readonly KeySlot[], ev: Evaluator, exports: ExportIndex | undefined): Omit<KeyVariant, 'branch'> {
  const root: Located = { value: resource.properties ?? {}, path: resource.propertiesPath };
  let primary: ResolvedKey | undefined;
  const secondary: SecondaryKey[] = [];
  for (const slot of slots) {
    const results = evaluateSlot(resource, row, slot, root, ev, exports);
    results.forEach((resolved, i) => {
      const purpose = i === 0 ? slot.purpose : `${slot.purpose}[${i}]`;
      if (!primary && slot.purpose === 'data' && i === 0) primary = resolved;
      else if (resolved) secondary.push({ purpose, resolved });
    });
  }
  primary ??= { key: { kind: 'unknown' }, reason: `${resource.id} has no primary key slot in the catalog`, at: resource.path };
  return { primary, secondary };
}

/** Evaluate one slot: one result per scope element (at least one, for the primary). */
function evaluateSlot(resource: Resource, row: CatalogRow, slot: KeySlot, root: Located, ev: Evaluator, exports: ExportIndex | undefined): ResolvedKey[] {
  if (!slot.scope) {
    const r = evaluateAt(resource, row, slot, root, ev, undefined, exports);
    return r ? [r] : [];
  }
  const scopeAt = getPath(ev, root, slot.scope.replace(/\[\]$/, ''));
  const elements = slot.scope.endsWith('[]') ? ev.elements(scopeAt) : scopeAt ? [scopeAt] : [];
  if (elements.length === 0) {
    const r = evaluateAt(resource, row, slot, undefined, ev, lastSegment(slot.scope), exports);
    return r ? [r] : [];
  }
  return elements.map((el) => evaluateAt(resource, row, slot, el, ev, undefined, exports)).filter((r): r is ResolvedKey => r !== undefined);
}

function evaluateAt(
  resource: Resource,
  row: CatalogRow,
  slot: KeySlot,
  base: Located | undefined,
  ev: Evaluator,
  missingScope: string | undefined,
  exports: ExportIndex | undefined,
): ResolvedKey | undefined {
  const uncertain = row.confidence !== 'V';
  const keyAt = slot.key && base ? getPath(ev, base, slot.key) : undefined;
  const keyGiven = keyAt !== undefined && keyAt.value !== '';
  const on = base ? evalPredicate(slot.on, base, ev, row) : { holds: isAlways(slot.on), desc: `${missingScope} is not set`, at: undefined };
  const keyName = slot.key ? lastSegment(slot.key) : 'the key';

  if (keyGiven && (on.holds || !on.explicit)) {
    const cls = classifyKeyExpression(keyAt.value, ev, exports);
    const reason =
      cls.key.kind === 'unknown'
        ? `${keyName} cannot be resolved: ${cls.describe}`
        : `${keyName} names ${cls.describe}`;
    const expectedAlias = slot.alias ?? (slot.onNoKey.kind === 'aws-managed' ? slot.onNoKey.alias : row.alias);
    return { key: cls.key, reason, at: keyAt.path, keyResource: cls.keyResource, uncertain, expectedAlias, aliasKnown: !row.generic, named: true };
  }
  if (!keyGiven && base) {
    for (const kept of slot.keptFromSource ?? []) {
      if (!evalPredicate(kept.when, base, ev, row).holds) continue;
      if (kept.outcome.kind === 'inherit') return inherited(resource, kept.outcome, base, ev);
      return fromOutcome(kept.outcome, { text: `${keyName} is absent`, service: row.service, subject: resource.id, uncertain }, base.path);
    }
  }
  if (on.holds) {
    // A secondary slot that is on by presence of its key but has no key is simply absent.
    if (slot.purpose !== 'data' && 'present' in slot.on) return undefined;
    const outcome = slot.onNoKey;
    const lead = isAlways(slot.on) ? `${row.service} always encrypts ${resource.id}` : on.desc;
    const missing = slot.key ? `${keyName} is absent` : `${resource.type} cannot name a key`;
    return fromOutcome(outcome, { text: `${lead} and ${missing}`, service: row.service, subject: resource.id, uncertain }, on.at ?? base?.path ?? resource.path);
  }
  if (slot.purpose !== 'data') return undefined;
  for (const off of slot.off) {
    if (off.when && !(base && evalPredicate(off.when, base, ev, row).holds)) continue;
    if (off.outcome.kind === 'inherit') return inherited(resource, off.outcome, base, ev);
    return fromOutcome(off.outcome, { text: on.desc, service: row.service, subject: resource.id, uncertain }, on.at ?? base?.path ?? resource.path);
  }
  return { key: { kind: 'none' }, reason: `${on.desc}, so ${resource.id} is not encrypted with KMS`, at: on.at ?? resource.path, uncertain };
}

interface Clause {
  /** "StorageEncrypted is true and KmsKeyId is absent" */
  text: string;
  service: string;
  subject: string;
  uncertain: boolean;
}

function fromOutcome(outcome: Outcome, c: Clause, at: Located['path']): ResolvedKey {
  const note = 'note' in outcome && outcome.note ? ` (${outcome.note})` : '';
  const use = c.uncertain ? 'may use' : 'uses';
  const base = { at, uncertain: c.uncertain };
  switch (outcome.kind) {
    case 'aws-managed':
      return { ...base, key: { kind: 'aws-managed', alias: outcome.alias, origin: 'implicit' }, reason: `${c.text}, so ${c.service} ${use} ${outcome.alias}${note}` };
    case 'aws-owned':
      return { ...base, key: { kind: 'aws-owned' }, reason: `${c.text}, so ${c.service} ${use} ${outcome.what}${note}` };
    case 'none':
      return { ...base, key: { kind: 'none' }, reason: `${c.text}, so ${c.subject} ${c.uncertain ? 'may not be' : 'is not'} encrypted at rest${note}` };
    case 'unknown':
      return { ...base, key: { kind: 'unknown' }, reason: `${c.text}, so the key cannot be determined: ${outcome.why}` };
    case 'inherit':
      return { ...base, key: { kind: 'unknown' }, reason: `${c.text}, so it takes the key of ${outcome.what}` };
    case 'nothing-stored':
      return { ...base, key: { kind: 'unknown' }, nothingStored: true, reason: `${c.text}, so ${c.subject} keeps nothing under a KMS key: ${outcome.why}` };
  }
}

interface PredicateResult {
  holds: boolean;
  /** True when the decision rests on a value written in the input (not on absence). */
  explicit?: boolean;
  desc: string;
  at?: Located['path'];
}

function isAlways(p: Predicate): boolean {
  return 'always' in p;
}

function evalPredicate(p: Predicate, base: Located, ev: Evaluator, row: CatalogRow): PredicateResult {
  if ('always' in p) return { holds: true, explicit: true, desc: `${row.service} always encrypts` };
  if ('present' in p) {
    const at = getPath(ev, base, p.present);
    const holds = at !== undefined && at.value !== '';
    return { holds, explicit: holds, desc: `${lastSegment(p.present)} is ${holds ? 'set' : 'absent'}`, at: at?.path };
  }
  if ('path' in p) {
    const at = getPath(ev, base, p.path);
    const name = lastSegment(p.path);
    if (at === undefined) {
      if (p.default === undefined) return { holds: false, desc: `${name} is not set` };
      const holds = p.equals.some((e) => same(e, p.default!));
      return { holds, desc: `${name} defaults to ${String(p.default)}` };
    }
    const v = ev.resolve(at.value);
    if (v.kind !== 'literal') return { holds: false, explicit: false, desc: `${name} cannot be resolved`, at: at.path };
    const holds = p.equals.some((e) => same(e, v.value));
    return { holds, explicit: true, desc: `${name} is ${typeof v.value === 'object' && v.value !== null ? preview(v.value, 60) : JSON.stringify(v.value)}`.replace(/"/g, ''), at: at.path };
  }
  if ('not' in p) {
    const r = evalPredicate(p.not, base, ev, row);
    return { ...r, holds: !r.holds };
  }
  const parts = ('all' in p ? p.all : p.any).map((q) => evalPredicate(q, base, ev, row));
  const holds = 'all' in p ? parts.every((r) => r.holds) : parts.some((r) => r.holds);
  const relevant = parts.filter((r) => r.holds === holds);
  return { holds, explicit: relevant.some((r) => r.explicit), desc: relevant.map((r) => r.desc).join(' and '), at: relevant.find((r) => r.at)?.at };
}

function same(expected: unknown, actual: unknown): boolean {
  if (typeof expected === 'boolean') return actual === expected || scalarText(actual).toLowerCase() === String(expected);
  if (typeof expected === 'number') return Number(actual) === expected;
  return typeof actual === 'string' && actual.toLowerCase() === String(expected).toLowerCase();
}

/** Follow a dotted catalog path; a `[]` segment takes the first element. */
export function getPath(ev: Evaluator, from: Located, path: string): Located | undefined {
  let cur: Located | undefined = ev.settle(from);
  for (const raw of path.split('.')) {
    if (!cur) return undefined;
    const list = raw.endsWith('[]');
    const key = list ? raw.slice(0, -2) : raw;
    if (key) cur = ev.child(cur, key);
    if (list && cur) cur = ev.elements(cur)[0];
  }
  return cur;
}

function lastSegment(path: string): string {
  const parts = path.replace(/\[\]/g, '').split('.');
  return parts[parts.length - 1];
}
