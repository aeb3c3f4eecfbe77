// What the plan and the JSON configuration readers share: the template skeleton, prototype-safe
// copy-on-write edits of attribute trees, nested-block normalisation by catalog paths, and the
// links from side resources (bucket SSE configuration, policies, grants, aliases) to their resource.
import { isUnknownValue, unknownValue, type DocPath, type Resource, type SourceDocument, type Template, type UnknownValue } from '../../model/types.js';
import { catalogEntry, relationRows } from '../../catalog/index.js';
import type { KeySlot, Predicate } from '../../catalog/types.js';
import { isRecord, own, setOwn } from '../../util/objects.js';

/** Deepest attribute nesting walked; deeper values are kept as they are. */
export const MAX_DEPTH = 64;

export function emptyTemplate(doc: SourceDocument, format: Template['format']): Template {
  return {
    format,
    doc,
    stack: stackName(doc.file),
    resources: [],
    resourcesById: new Map(),
    parameters: {},
    conditions: {},
    mappings: {},
    outputs: {},
    accounts: [],
  };
}

function stackName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/(\.tf)?\.json$/i, '');
}

export function addResource(template: Template, resource: Resource): void {
  if (template.resourcesById.has(resource.id)) return; // duplicate address: the first one counts
  template.resources.push(resource);
  template.resourcesById.set(resource.id, resource);
}

/** A shallow copy that keeps `__proto__` an own key. */
export function copyRecord(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) setOwn(out, k, o[k]);
  return out;
}

/**
 * Set `value` at `path` inside `root`, copying every container on the way that was not copied by an
 * earlier edit (tracked in `copied`), so the parsed document itself is never changed.
 */
export function setIn(root: Record<string, unknown>, path: readonly (string | number)[], value: unknown, copied: WeakSet<object>): Record<string, unknown> {
  const top = copied.has(root) ? root : copyRecord(root);
  copied.add(top);
  let cur: Record<string, unknown> | unknown[] = top;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const last = i === path.length - 1;
    if (last) {
      if (Array.isArray(cur) && typeof key === 'number') cur[key] = value;
      else if (!Array.isArray(cur)) setOwn(cur, String(key), value);
      break;
    }
    const child: unknown = Array.isArray(cur) ? (typeof key === 'number' ? cur[key] : undefined) : own(cur, String(key));
    let next: Record<string, unknown> | unknown[];
    if (Array.isArray(child)) next = copied.has(child) ? child : child.slice();
    else if (isRecord(child)) next = copied.has(child) ? child : copyRecord(child);
    else return top; // the path does not exist: nothing to set
    copied.add(next);
    if (Array.isArray(cur)) cur[key as number] = next;
    else setOwn(cur, String(key), next);
    cur = next;
  }
  return top;
}

/** The value at a path of keys and indexes, or undefined. */
export function getIn(root: unknown, path: readonly (string | number)[]): unknown {
  let cur = root;
  for (const k of path) {
    if (typeof k === 'number') cur = Array.isArray(cur) ? cur[k] : undefined;
    else cur = own(cur, k);
    if (cur === undefined) return undefined;
  }
  return cur;
}

// ---------------------------------------------------------------------------------------------
// Nested blocks. Plans always write nested blocks as lists; Terraform's JSON syntax also accepts a
// single block written as an object. Catalog paths step into blocks with `[]`, so for the paths the
// catalog reads (and only those: a map attribute like `tags` must stay a map) an object becomes a
// one-element list.

/** Every attribute path the catalog reads for a type (scope joined with the slot's own paths). */
function catalogPaths(type: string): string[] {
  const entry = catalogEntry(type);
  if (!entry) return [];
  const out: string[] = [];
  for (const slot of entry.slots) out.push(...slotPaths(slot));
  return out;
}

function slotPaths(slot: KeySlot): string[] {
  const rel: string[] = [];
  if (slot.key) rel.push(slot.key);
  predicatePaths(slot.on, rel);
  for (const off of slot.off) if (off.when) predicatePaths(off.when, rel);
  if (!slot.scope) return rel;
  return [slot.scope, ...rel.map((p) => `${slot.scope}.${p}`)];
}

function predicatePaths(p: Predicate, out: string[]): void {
  if ('present' in p) out.push(p.present);
  else if ('path' in p) out.push(p.path);
  else if ('not' in p) predicatePaths(p.not, out);
  else if ('all' in p) p.all.forEach((q) => predicatePaths(q, out));
  else if ('any' in p) p.any.forEach((q) => predicatePaths(q, out));
}

/** Wrap single-object blocks into lists along the catalog paths of `type`. */
export function normaliseBlocks(type: string, properties: Record<string, unknown>): Record<string, unknown> {
  const paths = catalogPaths(type);
  if (paths.length === 0) return properties;
  const edits: { path: (string | number)[]; value: unknown }[] = [];
  for (const p of paths) collectBlockEdits(properties, p.split('.'), [], edits);
  if (edits.length === 0) return properties;
  const copied = new WeakSet<object>();
  let out = properties;
  // Outer blocks first: inner paths were computed as if the outer object were already a list.
  edits.sort((a, b) => a.path.length - b.path.length);
  for (const e of edits) out = setIn(out, e.path, e.value, copied);
  return out;
}

function collectBlockEdits(value: unknown, segments: string[], at: (string | number)[], edits: { path: (string | number)[]; value: unknown }[]): void {
  if (segments.length === 0 || at.length > MAX_DEPTH) return;
  const [raw, ...rest] = segments;
  const list = raw.endsWith('[]');
  const key = list ? raw.slice(0, -2) : raw;
  const child = own(value, key);
  if (child === undefined) return;
  if (!list) {
    collectBlockEdits(child, rest, [...at, key], edits);
    return;
  }
  if (isRecord(child) && !isReference(child)) {
    if (!edits.some((e) => samePath(e.path, [...at, key]))) edits.push({ path: [...at, key], value: [child] });
    collectBlockEdits(child, rest, [...at, key, 0], edits);
  } else if (Array.isArray(child)) {
    child.forEach((el, i) => collectBlockEdits(el, rest, [...at, key, i], edits));
  }
}

function samePath(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** A `Ref` / `Fn::GetAtt` object this input wrote for a reference, or an unknown value in its place. */
export function isReference(v: unknown): boolean {
  if (isUnknownValue(v)) return true;
  if (!isRecord(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Fn::GetAtt');
}

/** The address a `Ref` / `Fn::GetAtt` object points at. */
export function referencedId(v: unknown): string | undefined {
  if (!isRecord(v) || Object.keys(v).length !== 1) return undefined;
  const ref = own(v, 'Ref');
  if (typeof ref === 'string') return ref;
  const att = own(v, 'Fn::GetAtt');
  return Array.isArray(att) && typeof att[0] === 'string' ? att[0] : undefined;
}

/**
 * What stands for a traversal whose value is known only after apply (`aws_x.y.arn`, `module.m.out`):
 * the reference itself when it names an attribute of a declared address (the evaluator follows it to
 * the resource, so sharing and key rules still see whom it names), else the model's unknown value.
 */
export function unknownMarker(template: Template, text: string): { Ref: string } | UnknownValue {
  if (template.resourcesById.has(text) || own(template.parameters, text) !== undefined) return unknownValue(`${text} (known only after apply)`);
  return { Ref: text };
}

// ---------------------------------------------------------------------------------------------
// Side resources (issue 4 §3): resources that configure another one. `keyBearing` ones set the key of
// their target, which is then analysed through them (Resource.keySource).

/** Side links of the catalog (relation rows of kind `sideLink`), read once. */
const SIDE_LINKS = relationRows('sideLink');

/**
 * Link every side resource to its target: `attachesTo` on all of them, `keySource` on the target of
 * a key-bearing one. A reference (`Ref`/`Fn::GetAtt`) links directly; a literal links to the target
 * whose matching attribute holds the same text (preferring the same module and instance key).
 * Literal links are rewritten to a reference so later analyses (sharing) follow them.
 */
export function linkSideResources(template: Template, moduleOf: (r: Resource) => string = () => '', indexOf: (r: Resource) => unknown = () => undefined): void {
  const byType = new Map<string, Resource[]>();
  for (const r of template.resources) {
    if (r.terraformMode) continue;
    const list = byType.get(r.type);
    if (list) list.push(r);
    else byType.set(r.type, [r]);
  }
  for (const link of SIDE_LINKS) {
    for (const side of byType.get(link.on) ?? []) {
      const value = own(side.properties, link.attribute);
      let target: Resource | undefined;
      const id = referencedId(value);
      if (id !== undefined) {
        const r = template.resourcesById.get(id);
        if (r && link.targets.includes(r.type)) target = r;
      } else if (typeof value === 'string' && value !== '') {
        const candidates = link.targets
          .flatMap((t) => byType.get(t) ?? [])
          .filter((r) => link.match.some((m) => own(r.properties, m) === value));
        target =
          candidates.find((r) => moduleOf(r) === moduleOf(side) && indexOf(r) === indexOf(side)) ??
          candidates.find((r) => moduleOf(r) === moduleOf(side)) ??
          candidates[0];
        if (target && side.properties) {
          const attr = link.match.find((m) => own(target!.properties, m) === value)!;
          side.properties = setIn(side.properties, [link.attribute], { 'Fn::GetAtt': [target.id, attr] }, new WeakSet());
        }
      }
      if (!target) continue;
      side.attachesTo = target.id;
      if (link.keyBearing && !target.keySource) target.keySource = { resource: side, slotsType: side.type };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Accounts

const ACCOUNT = /^\d{12}$/;

/** Add an account id (12 digits) or the account of an ARN to the template's accounts. */
export function addAccount(template: Template, value: unknown): void {
  if (typeof value === 'number' && Number.isInteger(value)) value = String(value).padStart(12, '0');
  if (typeof value !== 'string') return;
  const v = value.trim();
  const account = ACCOUNT.test(v) ? v : /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/.exec(v)?.[1];
  if (account && !template.accounts.includes(account)) template.accounts.push(account);
}

export type { DocPath };
