// One Terraform module directory → one Template per `*.tf` file, read as Terraform reads a module:
// every file's variables, locals and blocks are visible from every other (a `*.tf.json` sibling's
// too), `*.tfvars` values stand in for defaults, counted and for_each resources give one resource
// per known instance, and calls of modules with a local source are followed: their outputs, and
// their resources instantiated under the call's address with the call's arguments.
import { unknownValue, type DocPath, type Resource, type Template } from '../../../model/types.js';
import { isRecord, own, setOwn } from '../../../util/objects.js';
import { addAccount, addResource, emptyTemplate, linkSideResources, normaliseBlocks } from '../common.js';
import { indexText } from '../address.js';
import { markCalledTemplate, markMissingLocalModule } from '../module-scope.js';
import type { Expr, HclBody, Span, Step } from './syntax.js';
import { ExpressionEvaluator, type Bindings, type Evaluated, type ModuleValues } from './evaluate.js';
import { evaluateBody, iterationEntries, META_ARGUMENTS } from './body.js';
import { POLICY_DOCUMENT, policyDocument } from './policy-document.js';
import { declare, emptyDeclarations, type DeclaredBlock, type ModuleDeclarations } from './scope.js';
import { hclDocument, type HclDocument } from './document.js';
import { leaf } from './ranges.js';

export interface ModuleFile {
  path: string;
  text: string;
  body: HclBody;
  /** A `*.tf.json` sibling: its declarations count, its own Template comes from the JSON reader. */
  json?: boolean;
}

/** Reads a local module's files (module calls with `./` or `../` sources); undefined when absent. */
export type ModuleLoader = (source: string, from: string, fromDisplay: string) => { dir: string; files: ModuleFile[] } | undefined;

export interface ModuleOptions {
  /** Values of `*.tfvars` files, by variable name. */
  tfvars?: ReadonlyMap<string, unknown>;
  /** Variable values passed by a calling module (the module is then not a root module). */
  inputs?: ReadonlyMap<string, unknown>;
  /** Address prefix of a called module (`module.kms.`). */
  prefix?: string;
  loadModule?: ModuleLoader;
  dir?: string;
  /** Module directories being read up the call chain (a module calling itself stops). */
  calling?: ReadonlySet<string>;
  /** Set when this module is instantiated by a call (module.ts reads the whole call tree at once). */
  call?: ModuleCall;
}

/** A module call's instance, as its called module sees it. */
export interface ModuleCall {
  /** The call's address (`module.s3["a"]`) and where it is written (a related location of the findings). */
  address: string;
  template: Template;
  path: DocPath;
  /** The condition under which the instance exists (a counted call, or a caller that exists under one). */
  condition?: string;
  /** The stack of every Template of the call tree: the directory of the root module. */
  stack: string;
  /** The model objects the whole call tree shares (addresses, condition and parameter names are prefixed). */
  shared: Pick<Template, 'conditions' | 'parameters' | 'resourcesById'>;
}

const MAX_INSTANCES = 64;
/** A module call's resource keeps its `source` and `version` (the model's record of the call, as the JSON reader keeps them). */
const CALL_META_ARGUMENTS = new Set([...META_ARGUMENTS].filter((a) => a !== 'source' && a !== 'version'));
const MAX_MODULE_DEPTH = 4;

interface Instance {
  key?: string | number;
  bindings: Bindings;
}

export class ModuleReader {
  readonly declarations: ModuleDeclarations = emptyDeclarations();
  readonly templates: (Template | undefined)[];
  readonly conditions: Record<string, unknown>;
  readonly parameters: Record<string, unknown>;
  /** Templates of the modules called from each file (by file index), nested calls included. */
  readonly calledTemplates = new Map<number, Template[]>();
  private readonly instances = new Map<string, Instance[] | 'pending'>();
  private readonly locals = new Map<string, Evaluated & { file: number } | 'pending' | undefined>();
  private readonly variables = new Map<string, (Evaluated & { file: number }) | { unset: true }>();
  private readonly documents = new Map<string, Evaluated | undefined | 'pending'>();
  private readonly children = new Map<string, ModuleReader | undefined>();
  /** Call instances (`gone`, `gone[0]`) whose local source is not a directory. */
  private readonly missingModules = new Set<string>();
  private readonly resourcesById: Map<string, Resource>;
  /** The policy document the last reference read, with its file (its range tree is kept in that file). */
  private lastDocument: (Evaluated & { file: number }) | undefined;

  constructor(
    private readonly files: readonly ModuleFile[],
    private readonly options: ModuleOptions = {},
  ) {
    files.forEach((f, i) => declare(this.declarations, f.body, i));
    const shared = options.call?.shared;
    this.conditions = shared?.conditions ?? {};
    this.parameters = shared?.parameters ?? {};
    this.resourcesById = shared?.resourcesById ?? new Map<string, Resource>();
    this.templates = files.map((f) => {
      if (f.json) return undefined;
      const t = emptyTemplate(hclDocument(f.path, f.text), 'terraform-config');
      t.stack = options.call?.stack ?? (f.path.split(/[\\/]/).pop() ?? f.path).replace(/\.tf$/i, '');
      t.conditions = this.conditions;
      t.parameters = this.parameters;
      t.resourcesById = this.resourcesById;
      return t;
    });
  }

  /** Read every block into its file's Template. */
  build(): Template[] {
    for (const name of this.declarations.variables.keys()) {
      const v = this.variable(name);
      setOwn(this.parameters, this.parameterName(name), 'unset' in v ? {} : { Default: v.value });
    }
    for (const d of this.declarations.blocks.values()) {
      const t = this.templates[d.file];
      if (!t) continue;
      for (const inst of this.instancesOf(d)) this.addInstance(t, d, inst);
    }
    for (const d of this.declarations.blocks.values()) if (d.mode === 'module' && this.templates[d.file]) this.instantiateCall(d);
    for (const t of this.templates) if (t) linkSideResources(t);
    this.readProviders();
    this.passProviders();
    return this.templates.filter((t): t is Template => t !== undefined);
  }

  /** `var.x`, or `module.m.var.x` in a called module, so the call tree's parameters do not collide. */
  private parameterName(name: string): string {
    return `${this.options.prefix ?? ''}var.${name}`;
  }

  private view(file: number): ModuleValues {
    const files = this.files;
    return {
      file,
      variable: (name) => {
        if (!this.declarations.variables.has(name)) return undefined;
        const v = this.variable(name);
        const bound = this.options.call !== undefined;
        if ('unset' in v) return v;
        return v.file === file ? { ...v, bound } : { value: v.value, node: leaf({ start: 0, end: 0 }), bound };
      },
      local: (name) => {
        const l = this.local(name);
        return l && (l.file === file ? l : { value: l.value, node: leaf({ start: 0, end: 0 }) });
      },
      reference: (root, steps, _bindings, evaluate) => {
        this.lastDocument = undefined;
        return this.reference(root, steps, evaluate);
      },
      lastReferenceNode: () => (this.lastDocument && this.lastDocument.file === file ? this.lastDocument.node : undefined),
      condition: (text, definition) => {
        const name = `${this.options.prefix ?? ''}${text}`;
        if (own(this.conditions, name) === undefined) setOwn(this.conditions, name, definition);
        return name;
      },
      parameter: (name) => this.parameterName(name),
      text: (span: Span) => files[file].text.slice(span.start, span.end),
    };
  }

  private evaluator(file: number, bindings: Bindings = {}): ExpressionEvaluator {
    return new ExpressionEvaluator(this.view(file), bindings);
  }

  private variable(name: string): (Evaluated & { file: number }) | { unset: true } {
    const done = this.variables.get(name);
    if (done) return done;
    const d = this.declarations.variables.get(name)!;
    let given = this.options.inputs?.has(name) ? this.options.inputs.get(name) : this.options.tfvars?.get(name);
    // `nullable = false`: a null given is the default, as if nothing were given
    // (https://developer.hashicorp.com/terraform/language/values/variables#disallowing-null-input-values).
    if (given === null && d.nullable && this.evaluator(d.file).value(d.nullable) === false) given = undefined;
    let v: (Evaluated & { file: number }) | { unset: true };
    if (given !== undefined) v = { value: given, node: leaf({ start: 0, end: 0 }), file: -1 };
    else if (d.value) v = { ...this.evaluator(d.file).evaluate(d.value), file: d.file };
    else v = { unset: true };
    this.variables.set(name, v);
    return v;
  }

  private local(name: string): (Evaluated & { file: number }) | undefined {
    const done = this.locals.get(name);
    if (done === 'pending') return undefined; // a cycle
    if (done || this.locals.has(name)) return done;
    const d = this.declarations.locals.get(name);
    if (!d) return undefined;
    this.locals.set(name, 'pending');
    const v = { ...this.evaluator(d.file).evaluate(d.value), file: d.file };
    this.locals.set(name, v);
    return v;
  }

  // -------------------------------------------------------------------------------------------
  // Instances (https://developer.hashicorp.com/terraform/language/meta-arguments/count, …/for_each)

  private instancesOf(d: DeclaredBlock): Instance[] {
    const done = this.instances.get(d.address);
    if (done === 'pending') return [{ bindings: {} }];
    if (done) return done;
    this.instances.set(d.address, 'pending');
    const out = this.computeInstances(d);
    this.instances.set(d.address, out);
    return out;
  }

  private computeInstances(d: DeclaredBlock): Instance[] {
    if (this.files[d.file].json) return [{ bindings: {} }];
    const count = d.block.body.attributes.find((a) => a.name === 'count');
    const forEach = d.block.body.attributes.find((a) => a.name === 'for_each');
    const ev = this.evaluator(d.file);
    if (count) {
      const n = this.countOf(ev.value(count.expr));
      const indexes = n === undefined ? [0] : Array.from({ length: Math.min(n, MAX_INSTANCES) }, (_, i) => i);
      return indexes.map((i) => ({ key: i, bindings: { count: i } }));
    }
    if (forEach) {
      const entries = iterationEntries(ev.value(forEach.expr), true);
      if (!entries) {
        const why = unknownValue(`the for_each of ${d.address} is computed by Terraform`);
        return [{ bindings: { each: { key: why, value: why } } }];
      }
      return entries.slice(0, MAX_INSTANCES).map(([k, v]) => ({ key: typeof k === 'number' ? k : String(k), bindings: { each: { key: k, value: v } } }));
    }
    return [{ bindings: {} }];
  }

  /** A count's number; `c ? 1 : 0` counts as one (the instance exists under its condition, see conditionOf). */
  private countOf(v: unknown): number | undefined {
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
    const branches = ifBranches(v);
    if (branches) {
      const [a, b] = branches.map((x) => this.countOf(x));
      return a === undefined || b === undefined ? undefined : Math.max(a, b);
    }
    return undefined;
  }

  /** The condition under which a counted instance exists: `c ? 1 : 0` → c, `c ? 0 : 1` → not c. */
  private conditionOf(d: DeclaredBlock): string | undefined {
    const count = d.block.body.attributes.find((a) => a.name === 'count');
    if (!count) return undefined;
    const v = this.evaluator(d.file).value(count.expr);
    const f = isRecord(v) ? own(v, 'Fn::If') : undefined;
    if (!Array.isArray(f) || typeof f[0] !== 'string') return undefined;
    const [name, yes, no] = f as [string, unknown, unknown];
    if (no === 0 && typeof yes === 'number' && yes > 0) return name;
    if (yes === 0 && typeof no === 'number' && no > 0) {
      const negated = `!(${name})`;
      if (own(this.conditions, negated) === undefined) setOwn(this.conditions, negated, { 'Fn::Not': [{ Condition: name }] });
      return negated;
    }
    return undefined;
  }

  private addInstance(t: Template, d: DeclaredBlock, inst: Instance): void {
    const id = `${this.options.prefix ?? ''}${d.address}${inst.key === undefined ? '' : indexText(inst.key)}`;
    const base = d.mode === 'module' ? ['module', d.name] : d.mode === 'data' ? ['data', d.type, d.name] : ['resource', d.type, d.name];
    const path = inst.key === undefined ? base : [...base, inst.key];
    const ev = this.evaluator(d.file, inst.bindings);
    const skipped = d.mode === 'data' && d.type === POLICY_DOCUMENT ? undefined : d.mode === 'module' ? CALL_META_ARGUMENTS : META_ARGUMENTS;
    const body = evaluateBody(d.block.body, d.block.span, ev, skipped);
    const props = isRecord(body.value) ? body.value : {};
    (t.doc as HclDocument).place(path, props, { ...body.node, property: d.block.span });
    const condition = this.withinCall(this.conditionOf(d));
    const call = this.options.call;
    addResource(t, {
      id,
      type: d.type,
      properties: d.mode ? props : normaliseBlocks(d.type, props),
      propertiesPath: path,
      path,
      template: t,
      ...(d.mode ? { terraformMode: d.mode } : {}),
      ...(condition ? { condition } : {}),
      ...(call ? { moduleCall: { address: call.address, template: call.template, path: call.path } } : {}),
    });
  }

  /** A condition of this module joined with the one under which its call's instance exists. */
  private withinCall(condition: string | undefined): string | undefined {
    const outer = this.options.call?.condition;
    if (!outer || !condition) return outer ?? condition;
    const name = `(${outer}) && (${condition})`;
    if (own(this.conditions, name) === undefined) setOwn(this.conditions, name, { 'Fn::And': [{ Condition: outer }, { Condition: condition }] });
    return name;
  }

  // -------------------------------------------------------------------------------------------
  // References

  private reference(root: string, steps: readonly Step[], evaluate: (e: Expr) => unknown): unknown {
    const nameAt = (i: number) => {
      const s = steps[i];
      return s && 'name' in s ? s.name : undefined;
    };
    if (root === 'data') {
      const type = nameAt(0);
      const name = nameAt(1);
      if (!type || !name) return unknownValue('a data reference without a name');
      return this.blockReference(`data.${type}.${name}`, steps.slice(2), evaluate, `data.${type}.${name}`);
    }
    if (root === 'module') {
      const name = nameAt(0);
      if (!name) return unknownValue('a module reference without a name');
      return this.moduleOutput(name, steps.slice(1), evaluate);
    }
    const name = nameAt(0);
    if (!name) return unknownValue(`${root} is not a value kmslint reads`);
    return this.blockReference(`${root}.${name}`, steps.slice(1), evaluate, `${root}.${name}`);
  }

  /** A resource or data source address followed by instance and attribute steps. */
  private blockReference(address: string, rest: readonly Step[], evaluate: (e: Expr) => unknown, written: string): unknown {
    const d = this.declarations.blocks.get(address);
    const id = `${this.options.prefix ?? ''}${address}`;
    if (!d) return { Ref: `${id}${rest.map((s) => ('name' in s ? `.${s.name}` : '')).join('')}` };
    const instances = this.files[d.file].json ? [{ bindings: {} }] : this.instancesOf(d);
    const keyed = instances.some((i) => i.key !== undefined);
    let i = 0;
    let target: Instance | undefined = instances[0];
    if (rest[0] && 'splat' in rest[0]) {
      const attr = rest.slice(1).find((s): s is { name: string } => 'name' in s)?.name;
      return instances.map((inst) => this.instanceValue(d, id, inst, attr, rest.slice(2)));
    }
    if (rest[0] && 'index' in rest[0]) {
      const key = evaluate(rest[0].index);
      target = instances.find((inst) => inst.key === key || (typeof key === 'string' && String(inst.key) === key));
      if (!target) return unknownValue(`${written}[${JSON.stringify(key) ?? '?'}] is not an instance kmslint can tell`);
      i = 1;
    } else if (keyed) return unknownValue(`${written} has instances: the reference names none`);
    const attr = rest[i] && 'name' in rest[i] ? (rest[i] as { name: string }).name : undefined;
    return this.instanceValue(d, id, target, attr, rest.slice(i + 1));
  }

  private instanceValue(d: DeclaredBlock, id: string, inst: Instance | undefined, attr: string | undefined, rest: readonly Step[]): unknown {
    const full = `${id}${inst?.key === undefined ? '' : indexText(inst.key)}`;
    if (d.mode === 'data' && (d.type === 'aws_kms_alias' || d.type === 'aws_kms_key')) {
      // The identity the data source was asked for: an alias's name, a key's key_id.
      const a = d.block.body.attributes.find((x) => x.name === (d.type === 'aws_kms_alias' ? 'name' : 'key_id'));
      const v = a ? this.evaluator(d.file, inst?.bindings).value(a.expr) : undefined;
      return typeof v === 'string' ? v : unknownValue(`${full} (known only after apply)`);
    }
    if (d.mode === 'data' && d.type === POLICY_DOCUMENT && (attr === 'json' || attr === 'minified_json')) {
      const key = full;
      const done = this.documents.get(key);
      if (done === 'pending') return unknownValue(`${full} refers to itself`);
      if (done) {
        this.lastDocument = { ...done, file: d.file };
        return done.value;
      }
      this.documents.set(key, 'pending');
      const doc = policyDocument(d.block, this.evaluator(d.file, inst?.bindings));
      this.documents.set(key, doc);
      this.lastDocument = { ...doc, file: d.file };
      return doc.value;
    }
    if (rest.length > 0 || !attr) return attr ? { 'Fn::GetAtt': [full, attr] } : { Ref: full };
    return { 'Fn::GetAtt': [full, attr] };
  }

  // -------------------------------------------------------------------------------------------
  // Module calls (https://developer.hashicorp.com/terraform/language/modules/sources)

  private moduleOutput(name: string, rest: readonly Step[], evaluate: (e: Expr) => unknown): unknown {
    const d = this.declarations.blocks.get(`module.${name}`);
    if (!d) return unknownValue(`module.${name} is not declared in the module`);
    const src = this.localSource(d);
    if (typeof src !== 'string') return unknownValue(`module.${name} comes from ${src.written}, which kmslint does not fetch: its outputs are unknown`);
    const instances = this.instancesOf(d);
    let inst: Instance | undefined = instances[0];
    let at = 0;
    if (rest[0] && 'index' in rest[0]) {
      const key = evaluate(rest[0].index);
      inst = instances.find((i) => i.key === key || (typeof key === 'string' && String(i.key) === key));
      if (!inst) return unknownValue(`module.${name}[${JSON.stringify(key) ?? '?'}] is not an instance kmslint can tell`);
      at = 1;
    } else if (instances.some((i) => i.key !== undefined)) return unknownValue(`module.${name} has instances: the reference names none`);
    const output = rest[at] && 'name' in rest[at] ? (rest[at] as { name: string }).name : undefined;
    const child = this.childModule(d, src, inst);
    if (!child && this.missingModules.has(callKey(d, inst))) return unknownValue(`module.${name} comes from ${src}, which is not a directory: its outputs are unknown`);
    if (!child || !output) return unknownValue(`module.${name} (${src}) cannot be read`);
    const v = child.output(output);
    if (v === undefined) return unknownValue(`module.${name} has no output ${output}`);
    return rest.length > at + 1 ? new ExpressionEvaluator(this.view(d.file)).follow(v, rest.slice(at + 1), d.block.span) : v;
  }

  /** A call's source when it is a local directory (`./`, `../`); otherwise how it is written. */
  private localSource(d: DeclaredBlock): string | { written: string } {
    const source = d.block.body.attributes.find((a) => a.name === 'source');
    const src = source ? this.evaluator(d.file).value(source.expr) : undefined;
    if (typeof src === 'string' && /^\.\.?[\\/]/.test(src)) return src;
    return { written: typeof src === 'string' ? src : 'a computed source' };
  }

  /** Every instance of a local module call, its resources added under the call's address. */
  private instantiateCall(d: DeclaredBlock): void {
    const src = this.localSource(d);
    if (typeof src !== 'string') return;
    for (const inst of this.instancesOf(d)) {
      this.childModule(d, src, inst);
      // The call's resource carries it to the run's warnings (module-scope.ts).
      const call = this.missingModules.has(callKey(d, inst)) ? this.resourcesById.get(`${this.options.prefix ?? ''}module.${callKey(d, inst)}`) : undefined;
      if (call) markMissingLocalModule(call);
    }
  }

  /** The module a call instance reads (built once, with the call's arguments as its variables). */
  private childModule(d: DeclaredBlock, source: string, inst: Instance | undefined): ModuleReader | undefined {
    const key = callKey(d, inst);
    if (this.children.has(key)) return this.children.get(key);
    this.children.set(key, undefined);
    const template = this.templates[d.file];
    const loaded = this.options.loadModule?.(source, this.options.dir ?? '.', dirOf(this.files[d.file].path));
    if (!loaded) this.missingModules.add(key);
    const calling = new Set(this.options.calling ?? []);
    if (!template || !loaded || calling.has(loaded.dir) || calling.size >= MAX_MODULE_DEPTH) return undefined;
    calling.add(this.options.dir ?? '.');
    const ev = this.evaluator(d.file, inst?.bindings);
    const inputs = new Map<string, unknown>();
    for (const a of d.block.body.attributes) if (!META_ARGUMENTS.has(a.name)) inputs.set(a.name, ev.value(a.expr));
    const address = `${this.options.prefix ?? ''}module.${key}`;
    const call: ModuleCall = {
      address,
      template,
      path: inst?.key === undefined ? ['module', d.name] : ['module', d.name, inst.key],
      condition: this.withinCall(this.conditionOf(d)),
      stack: this.options.call?.stack ?? dirOf(template.doc.file),
      shared: { conditions: this.conditions, parameters: this.parameters, resourcesById: this.resourcesById },
    };
    const child = new ModuleReader(loaded.files, { inputs, prefix: `${address}.`, loadModule: this.options.loadModule, dir: loaded.dir, calling, call });
    const built = child.build();
    for (const t of built) markCalledTemplate(t, call.stack);
    this.calledTemplates.set(d.file, [...(this.calledTemplates.get(d.file) ?? []), ...built, ...[...child.calledTemplates.values()].flat()]);
    this.children.set(key, child);
    return child;
  }

  /** An output's value (evaluated in its file). */
  output(name: string): unknown {
    const o = this.declarations.outputs.get(name);
    return o ? this.evaluator(o.file).value(o.value) : undefined;
  }

  // -------------------------------------------------------------------------------------------
  // Providers: accounts and region, for every Template of the module

  private readProviders(): void {
    for (const p of this.declarations.providers) {
      const ev = this.evaluator(p.file);
      const body = p.value.body;
      const attr = (n: string) => body.attributes.find((a) => a.name === n);
      const accounts: unknown[] = [];
      const allowed = attr('allowed_account_ids');
      if (allowed) {
        const v = ev.value(allowed.expr);
        accounts.push(...(Array.isArray(v) ? (v as unknown[]) : [v]));
      }
      for (const b of body.blocks) {
        if (b.type !== 'assume_role') continue;
        const role = b.body.attributes.find((a) => a.name === 'role_arn');
        if (role) accounts.push(ev.value(role.expr));
      }
      const region = attr('region') ? ev.value(attr('region')!.expr) : undefined;
      for (const t of this.templates) {
        if (!t) continue;
        for (const a of accounts) addAccount(t, a);
        if (typeof region === 'string' && !region.includes('${') && !attr('alias')) t.region ??= region;
      }
    }
  }

  /** A called module uses its caller's providers (accounts and region) unless it configures its own. */
  private passProviders(): void {
    const own = this.templates.find((t) => t !== undefined);
    if (!own) return;
    for (const t of [...this.calledTemplates.values()].flat()) {
      for (const a of own.accounts) addAccount(t, a);
      if (own.region) t.region ??= own.region;
    }
  }
}

/** A call instance's name under its module (`gone`, `each["a"]`). */
function callKey(d: DeclaredBlock, inst: Instance | undefined): string {
  return `${d.name}${inst?.key === undefined ? '' : indexText(inst.key)}`;
}

/** The directory part of a display path (`.` for a file in the working directory). */
function dirOf(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut === -1 ? '.' : path.slice(0, cut);
}

function ifBranches(v: unknown): [unknown, unknown] | undefined {
  const f = isRecord(v) ? own(v, 'Fn::If') : undefined;
  return Array.isArray(f) && f.length === 3 ? [f[1], f[2]] : undefined;
}
