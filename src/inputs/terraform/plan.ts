// Terraform plan JSON (`terraform show -json plan.out`, format 0.x/1.x) → one Template.
//
// Resources are the instances of `planned_values` (root and `child_modules` at any depth; a state's
// `values` when there is no plan), data sources included, each with its full address. Values known
// only after apply are absent from `planned_values`; `resource_changes[].change.after_unknown` says
// which, and `configuration` (module calls, `expressions` with `references`) says what they refer
// to. Such a value becomes a reference the evaluator understands: `{ "Fn::GetAtt": [address, attr] }`
// to the referenced instance (resolved within the module, through module inputs and outputs), the
// literal alias/key id of a KMS data source, or an unresolvable `Ref` that reads as unknown.
// Attributes the configuration does not set are left absent, so the catalog's fallback applies.
import { unknownValue, type Resource, type SourceDocument, type Template } from '../../model/types.js';
import { DocumentParseError } from '../errors.js';
import { typesWithRole } from '../../catalog/index.js';
import { awsManagedAlias } from '../../catalog/kms-names.js';
import { isRecord, own, setOwn } from '../../util/objects.js';
import { type Step, indexText, isIndex, isName, moduleCallPath, parentModule, parseTraversal, splitAddress, within } from './address.js';
import { MAX_DEPTH, addAccount, addResource, emptyTemplate, linkSideResources, setIn, unknownMarker } from './common.js';

/** Major versions of the plan format this reader understands (0.1/0.2 are Terraform 0.12–0.15, 1.x since 1.0). */
const KEY_TYPES = typesWithRole('customer-key');
const ALIAS_TYPES = typesWithRole('alias');
const SUPPORTED_MAJORS = new Set(['0', '1']);
/** Hops through module inputs/outputs followed for one reference. */
const MAX_HOPS = 16;

interface Instance {
  address: string;
  /** Module instance address (`module.db["a"]`), '' for the root module. */
  module: string;
  /** Address inside the module without instance key (`aws_kms_key.main`, `data.aws_kms_alias.s3`). */
  base: string;
  index: string | number | undefined;
  mode: 'managed' | 'data';
  type: string;
  values: Record<string, unknown> | undefined;
  valuesPath: (string | number)[];
  path: (string | number)[];
  resource?: Resource;
}

type Target =
  | { kind: 'resource'; inst: Instance; attr?: string }
  /** A literal; `from` is the KMS data source it is the identity of. */
  | { kind: 'literal'; value: unknown; from?: Instance };

interface Context {
  module: string;
  index: string | number | undefined;
  hops: number;
}

type Edit = { path: (string | number)[]; value: unknown };

export function buildPlanTemplate(doc: SourceDocument): Template {
  const root = isRecord(doc.root) ? doc.root : {};
  checkFormatVersion(doc, root);
  return new PlanReader(doc, root).build();
}

function checkFormatVersion(doc: SourceDocument, root: Record<string, unknown>): void {
  const fv = own(root, 'format_version');
  const major = typeof fv === 'string' ? /^(\d+)\.\d+/.exec(fv)?.[1] : undefined;
  if (major !== undefined && SUPPORTED_MAJORS.has(major)) return;
  const at = doc.locate(['format_version']);
  throw new DocumentParseError(
    doc.file,
    `unsupported Terraform plan format_version ${JSON.stringify(fv)}: kmslint reads plan JSON format 0.x and 1.x (\`terraform show -json\` of Terraform 0.12 or later)`,
    at?.line ?? 1,
    at?.column ?? 1,
  );
}

class PlanReader {
  private readonly instances: Instance[] = [];
  private readonly byAddress = new Map<string, Instance>();
  /** Full base address (module + base) → its instances. */
  private readonly byBase = new Map<string, Instance[]>();
  private readonly modules = new Set<string>();
  private readonly changes = new Map<string, Record<string, unknown>>();
  private readonly configRoot: unknown;
  private readonly configResources = new WeakMap<object, Map<string, Record<string, unknown>>>();
  private readonly template: Template;

  constructor(
    private readonly doc: SourceDocument,
    private readonly root: Record<string, unknown>,
  ) {
    this.template = emptyTemplate(doc, 'terraform-plan');
    this.configRoot = own(own(root, 'configuration'), 'root_module');
  }

  build(): Template {
    const planned = own(this.root, 'planned_values');
    if (isRecord(planned)) this.collect(own(planned, 'root_module'), ['planned_values', 'root_module'], 'all', 0);
    else this.collect(own(own(this.root, 'values'), 'root_module'), ['values', 'root_module'], 'all', 0); // a state, not a plan
    this.collect(own(own(own(this.root, 'prior_state'), 'values'), 'root_module'), ['prior_state', 'values', 'root_module'], 'data', 0);
    this.readChanges();

    const t = this.template;
    const variables = own(this.root, 'variables');
    if (isRecord(variables)) {
      for (const [name, v] of Object.entries(variables)) if (isRecord(v) && own(v, 'value') !== undefined) setOwn(t.parameters, `var.${name}`, { Default: own(v, 'value') });
    }
    for (const inst of this.instances) {
      const change = this.changes.get(inst.address);
      const unknown = own(change, 'after_unknown');
      const resource: Resource = {
        id: inst.address,
        type: inst.type,
        properties: inst.values,
        propertiesPath: inst.valuesPath,
        path: inst.path,
        template: t,
        unknownAfterApply: isRecord(unknown) ? unknown : undefined,
        terraformMode: inst.mode === 'data' ? 'data' : undefined,
      };
      inst.resource = resource;
      addResource(t, resource);
    }
    const identities = this.kmsIdentities();
    for (const inst of this.instances) {
      if (!inst.resource || !inst.values) continue;
      const edits: Edit[] = [];
      const config = this.configResource(inst);
      const ctx: Context = { module: inst.module, index: inst.index, hops: 0 };
      if (isRecord(own(config, 'expressions'))) {
        this.walkExpressions(inst, inst.values, inst.resource.unknownAfterApply, own(config, 'expressions') as Record<string, unknown>, [], ctx, edits, 0);
      } else if (!config && inst.resource.unknownAfterApply) {
        // No configuration for this resource: a value unknown in the plan may come from anywhere.
        markUnknown(this.template, inst.values, inst.resource.unknownAfterApply, [], edits, 0);
      }
      scanIdentities(inst, inst.values, [], identities, edits, 0);
      if (edits.length === 0) continue;
      const copied = new WeakSet<object>();
      let props = inst.values;
      for (const e of edits) props = setIn(props, e.path, e.value, copied);
      inst.resource.properties = props;
    }
    const byResource = new Map(this.instances.filter((i) => i.resource).map((i) => [i.resource!, i]));
    linkSideResources(t, (r) => byResource.get(r)?.module ?? '', (r) => byResource.get(r)?.index);
    this.readAccounts();
    return t;
  }

  // -------------------------------------------------------------------------------------------
  // Instances

  private collect(module: unknown, path: (string | number)[], which: 'all' | 'data', depth: number): void {
    if (!isRecord(module) || depth > MAX_DEPTH) return;
    const resources = own(module, 'resources');
    if (Array.isArray(resources)) {
      resources.forEach((r, i) => {
        if (!isRecord(r)) return;
        if (which === 'data' && own(r, 'mode') !== 'data') return;
        this.addInstance(r, [...path, 'resources', i], own(r, 'values'), [...path, 'resources', i, 'values']);
      });
    }
    const children = own(module, 'child_modules');
    if (Array.isArray(children)) {
      children.forEach((c, j) => {
        const address = own(c, 'address');
        if (typeof address === 'string' && which === 'all') this.modules.add(address);
        this.collect(c, [...path, 'child_modules', j], which, depth + 1);
      });
    }
  }

  private addInstance(r: Record<string, unknown>, path: (string | number)[], values: unknown, valuesPath: (string | number)[]): void {
    const address = own(r, 'address');
    const type = own(r, 'type');
    if (typeof address !== 'string' || typeof type !== 'string' || this.byAddress.has(address)) return;
    const mode = own(r, 'mode') === 'data' ? 'data' : 'managed';
    const name = own(r, 'name');
    const index = own(r, 'index');
    const { module } = splitAddress(address);
    const base = `${mode === 'data' ? 'data.' : ''}${type}.${typeof name === 'string' ? name : address.replace(/^.*\./, '')}`;
    const inst: Instance = {
      address,
      module,
      base,
      index: typeof index === 'string' || typeof index === 'number' ? index : undefined,
      mode,
      type,
      values: isRecord(values) ? values : undefined,
      valuesPath,
      path,
    };
    this.instances.push(inst);
    this.byAddress.set(address, inst);
    const full = within(module, base);
    const list = this.byBase.get(full);
    if (list) list.push(inst);
    else this.byBase.set(full, [inst]);
    if (module) for (let m: string | undefined = module; m; m = parentModule(m)?.parent) this.modules.add(m);
  }

  private readChanges(): void {
    const changes = own(this.root, 'resource_changes');
    if (!Array.isArray(changes)) return;
    changes.forEach((c, i) => {
      if (!isRecord(c)) return;
      const address = own(c, 'address');
      const change = own(c, 'change');
      if (typeof address !== 'string' || !isRecord(change)) return;
      if (!this.changes.has(address)) this.changes.set(address, change);
      // Instances that only the change lists (data sources read during apply, plans without planned_values).
      const after = own(change, 'after');
      if (!this.byAddress.has(address) && after !== null && after !== undefined) {
        this.addInstance(c, ['resource_changes', i], after, ['resource_changes', i, 'change', 'after']);
      }
    });
  }

  private pick(full: string, explicit: string | number | undefined, hint: string | number | undefined): Instance | undefined {
    const list = this.byBase.get(full);
    if (!list || list.length === 0) return undefined;
    if (explicit !== undefined && explicit !== '*') return list.find((i) => i.index === explicit);
    return (hint !== undefined ? list.find((i) => i.index === hint) : undefined) ?? list.find((i) => i.index === undefined) ?? list[0];
  }

  private pickModule(full: string, explicit: string | number | undefined, hint: string | number | undefined): string | undefined {
    if (explicit !== undefined && explicit !== '*') {
      const a = full + indexText(explicit);
      return this.modules.has(a) ? a : undefined;
    }
    if (hint !== undefined && this.modules.has(full + indexText(hint))) return full + indexText(hint);
    if (this.modules.has(full)) return full;
    for (const m of this.modules) {
      const p = parentModule(m);
      if (p?.key !== undefined && within(p.parent, `module.${p.call}`) === full) return m;
    }
    // A module with no resources of its own has no child_modules entry; its address still works.
    return full;
  }

  // -------------------------------------------------------------------------------------------
  // Configuration

  private configModule(moduleAddress: string): unknown {
    let m: unknown = this.configRoot;
    for (const call of moduleCallPath(moduleAddress)) m = own(own(own(m, 'module_calls'), call), 'module');
    return m;
  }

  private configResource(inst: Instance): Record<string, unknown> | undefined {
    const m = this.configModule(inst.module);
    if (!isRecord(m)) return undefined;
    let map = this.configResources.get(m);
    if (!map) {
      map = new Map();
      const list = own(m, 'resources');
      if (Array.isArray(list)) for (const r of list) if (isRecord(r) && typeof own(r, 'address') === 'string') map.set(own(r, 'address') as string, r);
      this.configResources.set(m, map);
    }
    return map.get(inst.base);
  }

  private walkExpressions(inst: Instance, values: Record<string, unknown>, unknown: unknown, exprs: Record<string, unknown>, path: (string | number)[], ctx: Context, edits: Edit[], depth: number): void {
    if (depth > MAX_DEPTH) return;
    for (const [attr, expr] of Object.entries(exprs)) {
      const v = own(values, attr);
      const u = own(unknown, attr);
      if (Array.isArray(expr)) {
        // Nested blocks: one expressions map per block, in the order of the values' list.
        if (!Array.isArray(v) || v.length !== expr.length) continue; // set blocks reordered, dynamic blocks: no safe pairing
        expr.forEach((block, i) => {
          const value: unknown = v[i];
          if (isRecord(block) && isRecord(value)) this.walkExpressions(inst, value, Array.isArray(u) ? u[i] : undefined, block, [...path, attr, i], ctx, edits, depth + 1);
        });
        continue;
      }
      if (!isRecord(expr)) continue;
      if (!isExpression(expr)) {
        if (isRecord(v)) this.walkExpressions(inst, v, u, expr, [...path, attr], ctx, edits, depth + 1);
        else if (Array.isArray(v) && isRecord(v[0])) this.walkExpressions(inst, v[0], Array.isArray(u) ? u[0] : undefined, expr, [...path, attr, 0], ctx, edits, depth + 1);
        continue;
      }
      if (Object.prototype.hasOwnProperty.call(expr, 'constant_value')) continue;
      const unknownNow = u === true || !Object.prototype.hasOwnProperty.call(values, attr);
      const target = this.resolveExpression(expr, ctx);
      const usable = target && !(target.kind === 'resource' && target.inst === inst) ? target : undefined;
      if (unknownNow) {
        edits.push({ path: [...path, attr], value: usable ? toExpression(usable) : unknownReference(this.template, own(expr, 'references')) });
      } else if (typeof v === 'string' && usable && verifies(usable, v)) {
        edits.push({ path: [...path, attr], value: toExpression(usable) });
      }
    }
  }

  /** The best target among an expression's references (a KMS key or alias over other resources over literals). */
  private resolveExpression(expr: unknown, ctx: Context): Target | undefined {
    if (!isRecord(expr)) return undefined;
    if (Object.prototype.hasOwnProperty.call(expr, 'constant_value')) return { kind: 'literal', value: own(expr, 'constant_value') };
    const refs = own(expr, 'references');
    if (!Array.isArray(refs)) return undefined;
    let best: Target | undefined;
    let bestRank = -1;
    for (const ref of refs) {
      if (typeof ref !== 'string') continue;
      const t = this.resolveReference(ref, ctx);
      const r = rank(t);
      if (r > bestRank) {
        best = t;
        bestRank = r;
      }
    }
    return best;
  }

  private resolveReference(ref: string, ctx: Context): Target | undefined {
    if (ctx.hops > MAX_HOPS) return undefined;
    const steps = parseTraversal(ref);
    if (!steps || !isName(steps[0])) return undefined;
    const head = steps[0].name;
    const next = { hops: ctx.hops + 1 };
    switch (head) {
      case 'var': {
        if (!isName(steps[1])) return undefined;
        const name = steps[1].name;
        if (!ctx.module) {
          const value = own(own(own(this.root, 'variables'), name), 'value');
          return value === undefined ? undefined : { kind: 'literal', value: follow(value, steps.slice(2)) };
        }
        const parent = parentModule(ctx.module);
        if (!parent) return undefined;
        const call = own(own(this.configModule(parent.parent), 'module_calls'), parent.call);
        const given = own(own(call, 'expressions'), name);
        if (isRecord(given)) return this.resolveExpression(given, { module: parent.parent, index: parent.key, ...next });
        const def = own(own(own(own(call, 'module'), 'variables'), name), 'default');
        return def === undefined ? undefined : { kind: 'literal', value: def };
      }
      case 'module': {
        if (!isName(steps[1])) return undefined;
        const at = steps[2];
        const explicit = isIndex(at) ? at.index : undefined;
        const output = steps[explicit === undefined ? 2 : 3];
        if (!isName(output)) return undefined;
        const call = own(own(this.configModule(ctx.module), 'module_calls'), steps[1].name);
        const expression = own(own(own(own(call, 'module'), 'outputs'), output.name), 'expression');
        if (!isRecord(expression)) return undefined;
        const child = this.pickModule(within(ctx.module, `module.${steps[1].name}`), explicit, ctx.index);
        return child === undefined ? undefined : this.resolveExpression(expression, { module: child, index: undefined, ...next });
      }
      case 'data': {
        if (!isName(steps[1]) || !isName(steps[2])) return undefined;
        const { inst, attr } = this.instanceAt(ctx, `data.${steps[1].name}.${steps[2].name}`, steps.slice(3));
        if (!inst) return undefined;
        if (inst.type === 'aws_kms_alias' || inst.type === 'aws_kms_key') {
          const identity = this.kmsDataIdentity(inst);
          return identity === undefined ? undefined : { kind: 'literal', value: identity, from: inst };
        }
        return { kind: 'resource', inst, attr };
      }
      case 'local': // the plan's configuration does not carry locals
      case 'each':
      case 'count':
      case 'path':
      case 'self':
      case 'terraform':
        return undefined;
      default: {
        if (!isName(steps[1])) return undefined;
        const { inst, attr } = this.instanceAt(ctx, `${head}.${steps[1].name}`, steps.slice(2));
        return inst ? { kind: 'resource', inst, attr } : undefined;
      }
    }
  }

  private instanceAt(ctx: Context, base: string, rest: readonly Step[]): { inst?: Instance; attr?: string } {
    let i = 0;
    let explicit: string | number | undefined;
    const first = rest[0];
    if (isIndex(first)) {
      explicit = first.index;
      i = 1;
    }
    const attr = rest[i];
    return { inst: this.pick(within(ctx.module, base), explicit, ctx.index), attr: isName(attr) ? attr.name : undefined };
  }

  /** The name of an `aws_kms_alias` data source or the `key_id` of an `aws_kms_key` one. */
  private kmsDataIdentity(inst: Instance): string | undefined {
    const attr = inst.type === 'aws_kms_alias' ? 'name' : 'key_id';
    const v = own(inst.values, attr);
    if (typeof v === 'string' && v !== '') return v;
    const c = own(own(own(this.configResource(inst), 'expressions'), attr), 'constant_value');
    return typeof c === 'string' && c !== '' ? c : undefined;
  }

  /** Known values that name a KMS key: a declared key's ARN/id, or what an `alias/aws/…` data source returned. */
  private kmsIdentities(): Map<string, Target> {
    const out = new Map<string, Target>();
    for (const inst of this.instances) {
      if (inst.mode === 'managed' && KEY_TYPES.has(inst.type)) {
        for (const attr of ['arn', 'key_id', 'id']) {
          const v = own(inst.values, attr);
          if (typeof v === 'string' && v.length >= 8 && !out.has(v)) out.set(v, { kind: 'resource', inst, attr });
        }
      } else if (inst.mode === 'data' && (inst.type === 'aws_kms_alias' || inst.type === 'aws_kms_key')) {
        const identity = this.kmsDataIdentity(inst);
        const managed = identity && awsManagedAlias(identity);
        if (!managed) continue;
        for (const attr of ['arn', 'target_key_arn', 'target_key_id', 'id', 'key_id']) {
          const v = own(inst.values, attr);
          if (typeof v === 'string' && v.length >= 8 && !out.has(v)) out.set(v, { kind: 'literal', value: managed, from: inst });
        }
      }
    }
    return out;
  }

  // -------------------------------------------------------------------------------------------
  // Accounts and region

  private readAccounts(): void {
    const t = this.template;
    const providers = own(own(this.root, 'configuration'), 'provider_config');
    if (isRecord(providers)) {
      for (const [key, pc] of Object.entries(providers)) {
        if (!isRecord(pc)) continue;
        const name = own(pc, 'name');
        if (name !== 'aws' && !/(^|:)aws$/.test(key)) continue;
        const moduleAddress = typeof own(pc, 'module_address') === 'string' ? (own(pc, 'module_address') as string) : '';
        const ctx: Context = { module: moduleAddress, index: undefined, hops: 0 };
        const exprs = own(pc, 'expressions');
        const allowed = this.resolveExpression(own(exprs, 'allowed_account_ids'), ctx);
        if (allowed?.kind === 'literal') for (const a of Array.isArray(allowed.value) ? allowed.value : [allowed.value]) addAccount(t, a);
        const assume = own(exprs, 'assume_role');
        for (const block of Array.isArray(assume) ? assume : [assume]) {
          const arn = this.resolveExpression(own(block, 'role_arn'), ctx);
          if (arn?.kind === 'literal') addAccount(t, arn.value);
        }
        const region = this.resolveExpression(own(exprs, 'region'), ctx);
        if (region?.kind === 'literal' && typeof region.value === 'string' && !own(pc, 'alias') && !moduleAddress) t.region ??= region.value;
      }
    }
    for (const inst of this.instances) if (inst.mode === 'data' && inst.type === 'aws_caller_identity') addAccount(t, own(inst.values, 'account_id'));
  }
}

/** An expression representation (`constant_value` and/or `references`), not a nested block's map. */
function isExpression(expr: Record<string, unknown>): boolean {
  const keys = Object.keys(expr);
  return keys.every((k) => k === 'constant_value' || k === 'references');
}

function rank(t: Target | undefined): number {
  if (!t) return -1;
  if (t.kind === 'literal') return t.from ? 4 : typeof t.value === 'string' ? 1 : 0;
  return KEY_TYPES.has(t.inst.type) || ALIAS_TYPES.has(t.inst.type) ? 3 : 2;
}

function toExpression(t: Target): unknown {
  if (t.kind === 'literal') return t.value;
  return t.attr ? { 'Fn::GetAtt': [t.inst.address, t.attr] } : { Ref: t.inst.address };
}

/** Attributes that identify a resource (a reference to one of them is a reference to the resource). */
const IDENTITY_ATTRIBUTES = ['arn', 'id', 'key_id', 'bucket', 'url', 'name'];

/**
 * Does a known value agree with what the reference would give, and is it the identity of a KMS key or
 * of a resource (not content such as a policy document's JSON)? Only then is it replaced by the reference.
 */
function verifies(t: Target, value: string): boolean {
  if (t.kind === 'literal') {
    if (!t.from) return false;
    return ['arn', 'target_key_arn', 'target_key_id', 'id', 'key_id', 'name'].some((a) => own(t.from!.values, a) === value);
  }
  if (t.attr) return IDENTITY_ATTRIBUTES.includes(t.attr) && own(t.inst.values, t.attr) === value;
  return IDENTITY_ATTRIBUTES.some((a) => own(t.inst.values, a) === value);
}

/** The first reference an expression names (as a marker), or a plain unknown when it names none. */
function unknownReference(template: Template, refs: unknown): unknown {
  const useful = Array.isArray(refs) ? refs.filter((r): r is string => typeof r === 'string' && !/^(each|count|path|self|terraform)\./.test(r)) : [];
  return useful.length ? unknownMarker(template, useful[0]) : AFTER_APPLY;
}

const AFTER_APPLY = unknownValue('a value known only after apply');

/** Follow attribute and index steps into a literal (a variable holding an object). */
function follow(value: unknown, steps: readonly Step[]): unknown {
  let cur = value;
  for (const s of steps) {
    if (isName(s)) cur = own(cur, s.name);
    else cur = Array.isArray(cur) && typeof s.index === 'number' ? cur[s.index] : own(cur, String(s.index));
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** Replace known strings that name a declared key or an AWS managed key behind a data source. */
function scanIdentities(inst: Instance, value: unknown, path: (string | number)[], identities: Map<string, Target>, edits: Edit[], depth: number): void {
  if (depth > MAX_DEPTH || identities.size === 0) return;
  if (typeof value === 'string') {
    const t = identities.get(value);
    if (!t || (t.kind === 'resource' && t.inst === inst) || (t.kind === 'literal' && t.from === inst)) return;
    if (edits.some((e) => e.path.length <= path.length && e.path.every((k, i) => k === path[i]))) return;
    edits.push({ path, value: toExpression(t) });
    return;
  }
  if (Array.isArray(value)) value.forEach((v, i) => scanIdentities(inst, v, [...path, i], identities, edits, depth + 1));
  else if (isRecord(value)) for (const [k, v] of Object.entries(value)) scanIdentities(inst, v, [...path, k], identities, edits, depth + 1);
}

/** Mark every value `after_unknown` flags as unknown (used when the plan has no configuration for a resource). */
function markUnknown(template: Template, values: unknown, unknown: unknown, path: (string | number)[], edits: Edit[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(unknown)) {
    unknown.forEach((u, i) => Array.isArray(values) && markUnknown(template, values[i], u, [...path, i], edits, depth + 1));
    return;
  }
  if (!isRecord(unknown) || !isRecord(values)) return;
  for (const [k, u] of Object.entries(unknown)) {
    if (u === true) edits.push({ path: [...path, k], value: AFTER_APPLY });
    else markUnknown(template, own(values, k), u, [...path, k], edits, depth + 1);
  }
}
