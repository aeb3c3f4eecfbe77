// Intrinsic function resolution for one template under one choice of condition branches.
// Cycle-safe and bounded: one depth and step budget shared with every evaluator started for another
// template (imports, nested stack parameters), memoised named values (conditions, mappings, exports),
// and a cap on the length of text built by Fn::Join / Fn::Sub. Never throws on odd input.
//
// Within a branch, the conditions chosen constrain the parameters they test: where `HasKey` is true
// and `HasKey: !Not [!Equals [!Ref KeyParam, '']]`, KeyParam is not '' whatever its default says,
// so a default that contradicts the branch is not used (the value is given at deploy time).
import { isUnknownValue, UNKNOWN, type Branch, type DocPath, type Template } from '../model/types.js';
import { isRecord, own } from '../util/objects.js';
import { deepEqual } from '../util/bounded.js';

export type Value =
  | { kind: 'literal'; value: unknown }
  /** `Ref` (no attribute) or `Fn::GetAtt` of a resource in the same template. */
  | { kind: 'resource'; id: string; attribute?: string; template: Template }
  /** `token`: how the value is written inside a string (`${AWS::AccountId}`), where that still means something. */
  | { kind: 'unknown'; why: string; token?: string }
  | { kind: 'novalue' };

/** A value found at a path, with the path it was found at in the original document. */
export interface Located {
  value: unknown;
  path: DocPath;
}

export const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId', 'AWS::NotificationARNs', 'AWS::NoValue', 'AWS::Partition', 'AWS::Region',
  'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix',
]);

/** Exports of every template in the run, for `Fn::ImportValue` (filled after all inputs are read). */
export interface ExportIndex {
  lookup(name: string): { template: Template; value: unknown } | undefined;
}

const MAX_DEPTH = 64;
/** Expressions one top-level resolution may visit, across every template it reaches. */
export const MAX_EVALUATION_STEPS = 200_000;
/**
 * Longest text Fn::Join / Fn::Sub may build: a key reference is a few hundred characters and the
 * policies read through text are at most 32 KB (a KMS key policy), so this is far beyond real use.
 */
export const MAX_TEXT_LENGTH = 256 * 1024;

/**
 * The budget of one top-level resolution, shared by the evaluator that started it and every evaluator
 * it starts for another template, so cycles across templates meet the same limit.
 */
interface Budget {
  depth: number;
  steps: number;
  /** Export names being resolved (a cycle through Fn::ImportValue ends at the repeat). */
  importing: Set<string>;
  /** Resolved exports (evaluated in their own template, so the same for every branch). */
  imports: Map<string, Value>;
}

/** What the chosen branches prove about one parameter's value (as text, as Fn::Equals compares). */
interface ParameterFact {
  equals?: string;
  differsFrom: Set<string>;
}

/** Condition expressions visited to learn parameter facts from one branch. */
const MAX_FACT_STEPS = 10_000;

export class Evaluator {
  private readonly conditionsInProgress = new Set<string>();
  private readonly conditionValues = new Map<string, boolean | undefined>();
  private readonly mappingValues = new Map<string, Value>();
  private readonly boundParameters = new Map<string, Value>();
  private readonly budget: Budget;
  private facts: Map<string, ParameterFact> | undefined;

  constructor(
    readonly template: Template,
    readonly branch: Branch = {},
    private readonly exports?: ExportIndex,
    /** false: a parameter's default is not its value (to find conditions a deployment can flip). */
    private readonly parameterDefaults = true,
    budget?: Budget,
    /** Parameters stay `${Name}` in built text (to name an export the way the template writes it). */
    private readonly symbolicParameters = false,
  ) {
    this.budget = budget ?? { depth: 0, steps: 0, importing: new Set(), imports: new Map() };
  }

  /** Resolve an expression to a value. */
  resolve(expr: unknown): Value {
    const b = this.budget;
    if (b.depth === 0) b.steps = 0;
    if (b.depth > MAX_DEPTH) return { kind: 'unknown', why: 'expression nested too deeply' };
    if (++b.steps > MAX_EVALUATION_STEPS) return { kind: 'unknown', why: 'expression too large to evaluate' };
    b.depth++;
    try {
      return this.resolveInner(expr);
    } finally {
      b.depth--;
    }
  }

  /** An evaluator for another template that spends this one's budget. */
  private elsewhere(template: Template): Evaluator {
    return new Evaluator(template, {}, this.exports, true, this.budget);
  }

  private resolveInner(expr: unknown): Value {
    // An input's own unknown (Terraform: known only after apply) is a model value, not an intrinsic.
    if (isUnknownValue(expr)) return unknown(expr[UNKNOWN]);
    const fn = intrinsicName(expr);
    if (!fn) return { kind: 'literal', value: expr };
    const arg = (expr as Record<string, unknown>)[fn];
    switch (fn) {
      case 'Ref':
        return this.ref(arg);
      case 'Fn::GetAtt':
        return this.getAtt(arg);
      case 'Fn::If': {
        if (!Array.isArray(arg) || arg.length !== 3 || typeof arg[0] !== 'string') return unknown('malformed Fn::If');
        const c = this.condition(arg[0]);
        if (c === undefined) return unknown(`condition ${arg[0]} cannot be decided`);
        return this.resolve(c ? arg[1] : arg[2]);
      }
      case 'Fn::Sub':
        return this.sub(arg);
      case 'Fn::Join': {
        if (!Array.isArray(arg) || arg.length !== 2 || typeof arg[0] !== 'string') return unknown('malformed Fn::Join');
        const list = this.resolveList(arg[1]);
        if (!list) return unknown('Fn::Join of a list that cannot be resolved');
        return builtText(list.map((v) => this.asText(v)).join(arg[0]), 'Fn::Join');
      }
      case 'Fn::Select': {
        if (!Array.isArray(arg) || arg.length !== 2) return unknown('malformed Fn::Select');
        const idx = this.resolve(arg[0]);
        const list = this.resolveList(arg[1]);
        if (idx.kind !== 'literal' || !list) return unknown('Fn::Select that cannot be resolved');
        const i = typeof idx.value === 'number' || typeof idx.value === 'string' ? Number(idx.value) : NaN;
        return Number.isInteger(i) && i >= 0 && i < list.length ? list[i] : unknown('Fn::Select index out of range');
      }
      case 'Fn::Split': {
        if (!Array.isArray(arg) || arg.length !== 2 || typeof arg[0] !== 'string') return unknown('malformed Fn::Split');
        const s = this.resolve(arg[1]);
        if (s.kind !== 'literal' || typeof s.value !== 'string') return unknown('Fn::Split of a value that cannot be resolved');
        return { kind: 'literal', value: s.value.split(arg[0]) };
      }
      case 'Fn::FindInMap':
        return this.findInMap(arg);
      case 'Fn::ImportValue': {
        const name = this.resolve(arg);
        if (name.kind !== 'literal' || typeof name.value !== 'string') return unknown('Fn::ImportValue of a name that cannot be resolved');
        return this.importValue(name.value, arg);
      }
      case 'Fn::Base64': {
        const v = this.resolve(arg);
        return v.kind === 'literal' ? v : unknown('Fn::Base64 of an unknown value');
      }
      case 'Fn::GetAZs':
      case 'Fn::Cidr':
      case 'Fn::Transform':
      case 'Fn::Length':
      case 'Fn::ToJsonString':
      case 'Fn::ForEach':
        return unknown(`${fn} is known only at deploy time`);
      case 'Condition': {
        if (typeof arg !== 'string') return unknown('malformed Condition');
        const c = this.condition(arg);
        return c === undefined ? unknown(`condition ${arg} cannot be decided`) : { kind: 'literal', value: c };
      }
      default: {
        const c = this.conditionFunction(fn, arg);
        return c === undefined ? unknown(`${fn} cannot be decided`) : { kind: 'literal', value: c };
      }
    }
  }

  private ref(arg: unknown): Value {
    if (typeof arg !== 'string') return unknown('malformed Ref');
    if (arg === 'AWS::NoValue') return { kind: 'novalue' };
    if (PSEUDO_PARAMETERS.has(arg)) return { kind: 'unknown', why: `${arg} is known only at deploy time`, token: `\${${arg}}` };
    const resource = this.template.resourcesById.get(arg);
    if (resource) return { kind: 'resource', id: arg, template: this.template };
    // Terraform references name an attribute after the address (`aws_kms_key.main.arn`); the
    // address may be declared in another file of the same module.
    for (let dot = arg.lastIndexOf('.'); dot > 0; dot = arg.lastIndexOf('.', dot - 1)) {
      if (this.template.resourcesById.has(arg.slice(0, dot))) return { kind: 'resource', id: arg.slice(0, dot), attribute: arg.slice(dot + 1), template: this.template };
    }
    const param = own(this.template.parameters, arg);
    const bound = this.template.parameterBindings;
    if (isRecord(param) && bound && Object.prototype.hasOwnProperty.call(bound.values, arg)) {
      // A nested stack's parameter is whatever the parent passes, evaluated in the parent.
      if (this.budget.depth > MAX_DEPTH / 2) return unknown(`parameter ${arg} is passed through too many stacks`);
      return memo(this.boundParameters, arg, () => this.elsewhere(bound.template).resolve(bound.values[arg]));
    }
    if (isRecord(param)) {
      const type = own(param, 'Type');
      if (this.symbolicParameters) return { kind: 'unknown', why: `parameter ${arg}`, token: `\${${arg}}` };
      if (typeof type === 'string' && type.startsWith('AWS::SSM::Parameter::Value')) {
        return unknown(`parameter ${arg} is read from SSM Parameter Store at deploy time`);
      }
      const def = own(param, 'Default');
      const fact = typeof type === 'string' && /^(List<|CommaDelimitedList)/.test(type) ? undefined : this.parameterFacts().get(arg);
      // The branch proves the value; a default that contradicts it is not what this branch deploys.
      if (fact?.equals !== undefined) return { kind: 'literal', value: fact.equals };
      if (def === undefined) return unknown(`parameter ${arg} has no default`);
      if (fact && isScalarValue(def) && fact.differsFrom.has(String(def))) return unknown(`given at deploy time through parameter ${arg}`);
      if (!this.parameterDefaults) return unknown(`parameter ${arg} may be given at deploy time`);
      if (typeof type === 'string' && /^(List<|CommaDelimitedList)/.test(type) && typeof def === 'string') {
        return { kind: 'literal', value: def.split(',').map((s) => s.trim()) };
      }
      return { kind: 'literal', value: def };
    }
    return unknown(`${arg} is not declared in the template`);
  }

  private getAtt(arg: unknown): Value {
    let id: unknown;
    let attr: unknown;
    if (Array.isArray(arg)) [id, attr] = arg as unknown[];
    else if (typeof arg === 'string') {
      const dot = arg.indexOf('.');
      [id, attr] = dot === -1 ? [arg, undefined] : [arg.slice(0, dot), arg.slice(dot + 1)];
    }
    if (typeof id !== 'string') return unknown('malformed Fn::GetAtt');
    if (!this.template.resourcesById.has(id)) return unknown(`${id} is not declared in the template`);
    const a = typeof attr === 'string' ? attr : this.resolve(attr);
    const attribute = typeof a === 'string' ? a : a.kind === 'literal' && typeof a.value === 'string' ? a.value : undefined;
    if (!attribute) return unknown(`attribute of ${id} cannot be resolved`);
    return { kind: 'resource', id, attribute, template: this.template };
  }

  private sub(arg: unknown): Value {
    let text: unknown;
    let vars: Record<string, unknown> = {};
    if (typeof arg === 'string') text = arg;
    else if (Array.isArray(arg) && typeof arg[0] === 'string') {
      text = arg[0];
      if (isRecord(arg[1])) vars = arg[1];
    }
    if (typeof text !== 'string') return unknown('malformed Fn::Sub');
    const whole = /^\$\{([^!}][^}]*)\}$/.exec(text);
    if (whole) return this.subVariable(whole[1], vars);
    let total = 0;
    const out = text.replace(/\$\{([^}]*)\}/g, (m, name: string) => {
      if (total > MAX_TEXT_LENGTH) return m;
      if (name.startsWith('!')) return '${' + name.slice(1) + '}';
      const v = this.subVariable(name, vars);
      if (v.kind === 'literal' && (typeof v.value === 'string' || typeof v.value === 'number' || typeof v.value === 'boolean')) {
        const s = String(v.value);
        total += s.length;
        return s;
      }
      return m; // pseudo parameters, resources and unknowns stay as `${…}` for the classifier
    });
    return builtText(out, 'Fn::Sub');
  }

  private subVariable(name: string, vars: Record<string, unknown>): Value {
    const trimmed = name.trim();
    const own_ = own(vars, trimmed);
    if (own_ !== undefined) return this.resolve(own_);
    const dot = trimmed.indexOf('.');
    if (dot !== -1) return this.getAtt([trimmed.slice(0, dot), trimmed.slice(dot + 1)]);
    return this.ref(trimmed);
  }

  private findInMap(arg: unknown): Value {
    if (!Array.isArray(arg) || arg.length < 3) return unknown('malformed Fn::FindInMap');
    const parts = arg.slice(0, 3).map((a) => this.resolve(a));
    if (parts.some((p) => p.kind !== 'literal' || (typeof p.value !== 'string' && typeof p.value !== 'number'))) {
      return unknown('Fn::FindInMap keys are known only at deploy time');
    }
    const [m, k1, k2] = parts.map((p) => String((p as { value: unknown }).value));
    const v = own(own(own(this.template.mappings, m), k1), k2);
    if (v === undefined) {
      const fallback: unknown = arg[3];
      if (isRecord(fallback) && own(fallback, 'DefaultValue') !== undefined) return this.resolve(own(fallback, 'DefaultValue'));
      return unknown(`mapping ${m}.${k1}.${k2} does not exist`);
    }
    // Mapping values may hold intrinsics that read other entries: each entry is resolved once.
    return memo(this.mappingValues, `${m}\u0000${k1}\u0000${k2}`, () => this.resolve(v));
  }

  private importValue(name: string, expr: unknown): Value {
    const b = this.budget;
    const done = b.imports.get(name);
    if (done) return done;
    const exp = this.exports?.lookup(name);
    if (!exp) return unknown(`export ${this.exportName(name, expr)} is not in the input set`);
    if (b.importing.has(name)) return unknown(`export ${name} imports itself through Fn::ImportValue`);
    b.importing.add(name);
    try {
      const v = exp.template === this.template ? this.resolve(exp.value) : this.elsewhere(exp.template).resolve(exp.value);
      b.imports.set(name, v);
      return v;
    } finally {
      b.importing.delete(name);
    }
  }

  /** An export's name as the template builds it: `${Stack}-KeyArn`, not the `-KeyArn` an empty default gives. */
  private exportName(resolved: string, expr: unknown): string {
    if (typeof expr === 'string' || this.symbolicParameters) return resolved;
    const written = new Evaluator(this.template, this.branch, this.exports, this.parameterDefaults, this.budget, true).resolve(expr);
    return written.kind === 'literal' && typeof written.value === 'string' ? written.value : resolved;
  }

  /**
   * What the branch's conditions prove about parameters: `Fn::Equals [Ref P, v]` true gives P = v,
   * false gives P ≠ v, through `Fn::Not`, a true `Fn::And`, a false `Fn::Or` and named conditions.
   * Walked without recursion, each named condition once per truth value, within a step budget.
   */
  private parameterFacts(): Map<string, ParameterFact> {
    if (this.facts) return this.facts;
    const facts = (this.facts = new Map<string, ParameterFact>());
    const pending: [unknown, boolean][] = [];
    const named = new Set<string>();
    const pushCondition = (name: unknown, truth: boolean) => {
      if (typeof name !== 'string' || named.has(`${truth}:${name}`)) return;
      named.add(`${truth}:${name}`);
      const def = own(this.template.conditions, name);
      if (def !== undefined) pending.push([def, truth]);
    };
    for (const [name, truth] of Object.entries(this.branch)) pushCondition(name, truth);
    for (let steps = 0; pending.length > 0 && steps < MAX_FACT_STEPS; steps++) {
      const [expr, truth] = pending.pop()!;
      const fn = intrinsicName(expr);
      const arg = fn ? (expr as Record<string, unknown>)[fn] : undefined;
      if (fn === 'Condition') pushCondition(arg, truth);
      else if (fn === 'Fn::Not' && Array.isArray(arg) && arg.length === 1) pending.push([arg[0], !truth]);
      else if ((fn === 'Fn::And' && truth) || (fn === 'Fn::Or' && !truth)) {
        if (Array.isArray(arg)) for (const a of arg) pending.push([a, truth]);
      } else if (fn === 'Fn::Equals' && Array.isArray(arg) && arg.length === 2) {
        const fact = this.equalityFact(arg[0], arg[1]) ?? this.equalityFact(arg[1], arg[0]);
        if (!fact) continue;
        let f = facts.get(fact.parameter);
        if (!f) facts.set(fact.parameter, (f = { differsFrom: new Set() }));
        if (truth) f.equals ??= fact.value;
        else f.differsFrom.add(fact.value);
      }
    }
    return facts;
  }

  /** `Ref` to a declared (not nested-stack-bound) parameter compared with a literal. */
  private equalityFact(ref: unknown, literal: unknown): { parameter: string; value: string } | undefined {
    const name = isRecord(ref) && intrinsicName(ref) === 'Ref' ? ref.Ref : undefined;
    if (typeof name !== 'string' || !isRecord(own(this.template.parameters, name)) || !isScalarValue(literal)) return undefined;
    if (this.template.parameterBindings && Object.prototype.hasOwnProperty.call(this.template.parameterBindings.values, name)) return undefined;
    return { parameter: name, value: String(literal) };
  }

  private resolveList(expr: unknown): Value[] | undefined {
    const v = this.resolve(expr);
    if (v.kind !== 'literal' || !Array.isArray(v.value)) return undefined;
    return v.value.map((item) => this.resolve(item));
  }

  private asText(v: Value): string {
    if (v.kind === 'literal') return typeof v.value === 'string' || typeof v.value === 'number' || typeof v.value === 'boolean' ? String(v.value) : '${?}';
    if (v.kind === 'resource') return v.attribute ? `\${${v.id}.${v.attribute}}` : `\${${v.id}}`;
    if (v.kind === 'unknown' && v.token) return v.token;
    return '${?}';
  }

  /** Decide a named condition: the branch chosen for it, else its static value, else undefined. */
  condition(name: string): boolean | undefined {
    if (Object.prototype.hasOwnProperty.call(this.branch, name)) return this.branch[name];
    return this.staticCondition(name);
  }

  /** A condition's value from parameter defaults and literals alone, when that decides it. */
  staticCondition(name: string): boolean | undefined {
    // Conditions may share sub-conditions (`Fn::And [C2, C2]`): each is decided once per evaluator.
    if (this.conditionValues.has(name)) return this.conditionValues.get(name);
    if (this.conditionsInProgress.has(name)) return undefined;
    const def = own(this.template.conditions, name);
    if (def === undefined) return undefined;
    this.conditionsInProgress.add(name);
    try {
      const v = this.resolve(def);
      const decided = v.kind === 'literal' && typeof v.value === 'boolean' ? v.value : undefined;
      this.conditionValues.set(name, decided);
      return decided;
    } finally {
      this.conditionsInProgress.delete(name);
    }
  }

  private conditionFunction(fn: string, arg: unknown): boolean | undefined {
    if (!Array.isArray(arg)) return undefined;
    const bools = () => arg.map((a) => {
      const v = this.resolve(a);
      return v.kind === 'literal' && typeof v.value === 'boolean' ? v.value : undefined;
    });
    switch (fn) {
      case 'Fn::Equals': {
        if (arg.length !== 2) return undefined;
        const [a, b] = arg.map((x) => this.resolve(x));
        if (a.kind !== 'literal' || b.kind !== 'literal') return undefined;
        const scalar = (x: unknown) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean';
        // CloudFormation compares text: "1" equals 1.
        if (scalar(a.value) && scalar(b.value)) return String(a.value) === String(b.value);
        return deepEqual(a.value, b.value);
      }
      case 'Fn::Not': {
        const [v] = bools();
        return v === undefined ? undefined : !v;
      }
      case 'Fn::And': {
        const vs = bools();
        if (vs.includes(false)) return false;
        return vs.includes(undefined) ? undefined : true;
      }
      case 'Fn::Or': {
        const vs = bools();
        if (vs.includes(true)) return true;
        return vs.includes(undefined) ? undefined : false;
      }
      default:
        return undefined;
    }
  }

  /**
   * Step from a located value through object keys, choosing `Fn::If` branches and dropping
   * `AWS::NoValue` on the way. Returns undefined when the path does not exist.
   */
  child(from: Located, key: string | number): Located | undefined {
    const here = this.settle(from);
    if (!here) return undefined;
    if (typeof key === 'number') {
      if (!Array.isArray(here.value) || key >= here.value.length) return undefined;
      return this.settle({ value: here.value[key], path: [...here.path, key] });
    }
    // A property holding a JSON document (a policy, an EMR security configuration) is read through.
    const container = isRecord(here.value) && intrinsicName(here.value) === undefined ? here.value : this.jsonDocument(here.value);
    if (!container || !Object.prototype.hasOwnProperty.call(container, key)) return undefined;
    return this.settle({ value: container[key], path: [...here.path, key] });
  }

  /** The object a JSON text (or an intrinsic that yields one) holds, if it is one. */
  private jsonDocument(value: unknown): Record<string, unknown> | undefined {
    const v = typeof value === 'string' ? value : intrinsicName(value) ? this.resolve(value) : undefined;
    const text = typeof v === 'string' ? v : v && v.kind === 'literal' && typeof v.value === 'string' ? v.value : undefined;
    if (!text || !/^\s*\{/.test(text)) return undefined;
    try {
      const parsed: unknown = JSON.parse(text);
      return isRecord(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }

  /** The list elements at a located value (each settled), or [] when it is not a list. */
  elements(at: Located | undefined): Located[] {
    const here = at && this.settle(at);
    if (!here || !Array.isArray(here.value)) return [];
    const out: Located[] = [];
    here.value.forEach((v, i) => {
      const e = this.settle({ value: v, path: [...here.path, i] });
      if (e) out.push(e);
    });
    return out;
  }

  /** Follow `Fn::If` to the chosen branch; `AWS::NoValue` and `null` become absent. */
  settle(at: Located): Located | undefined {
    let cur = at;
    for (let i = 0; i < MAX_DEPTH; i++) {
      const v = cur.value;
      if (v === null || v === undefined) return undefined;
      if (isRecord(v)) {
        const keys = Object.keys(v);
        if (keys.length === 1 && keys[0] === 'Ref' && v.Ref === 'AWS::NoValue') return undefined;
        if (keys.length === 1 && keys[0] === 'Fn::If' && Array.isArray(v['Fn::If']) && v['Fn::If'].length === 3) {
          const [name] = v['Fn::If'] as unknown[];
          const c = typeof name === 'string' ? this.condition(name) : undefined;
          if (c === undefined) return cur; // undecidable: leave the Fn::If for resolve() to report
          const idx = c ? 1 : 2;
          cur = { value: (v['Fn::If'] as unknown[])[idx], path: [...cur.path, 'Fn::If', idx] };
          continue;
        }
      }
      return cur;
    }
    return undefined;
  }
}

function isScalarValue(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function unknown(why: string): Value {
  return { kind: 'unknown', why };
}

function builtText(value: string, fn: string): Value {
  return value.length > MAX_TEXT_LENGTH ? unknown(`${fn} builds text longer than ${MAX_TEXT_LENGTH / 1024} KB`) : { kind: 'literal', value };
}

function memo<K, V>(cache: Map<K, V>, key: K, compute: () => V): V {
  if (cache.has(key)) return cache.get(key)!;
  const v = compute();
  cache.set(key, v);
  return v;
}

/** The intrinsic function of a one-key object, if it is one. */
export function intrinsicName(expr: unknown): string | undefined {
  if (!isRecord(expr)) return undefined;
  const keys = Object.keys(expr);
  if (keys.length !== 1) return undefined;
  const k = keys[0];
  return k === 'Ref' || k === 'Condition' || k.startsWith('Fn::') ? k : undefined;
}

/** Most nodes `conditionsUsed` visits: values shared by reference (Terraform locals) can be huge DAGs. */
const MAX_SCANNED_NODES = 1_000_000;

/** Names of conditions used by `Fn::If` anywhere inside a value (to depth 64, within a node budget). */
export function conditionsUsed(value: unknown, out = new Set<string>()): Set<string> {
  const pending: [unknown, number][] = [[value, 0]];
  for (let visited = 0; pending.length > 0 && visited < MAX_SCANNED_NODES; visited++) {
    const [v, depth] = pending.pop()!;
    if (depth > MAX_DEPTH || v === null || typeof v !== 'object') continue;
    // Children are pushed last-first so names come out in document order.
    const children = Array.isArray(v) ? v : Object.values(v);
    if (!Array.isArray(v)) {
      const fi = own(v, 'Fn::If');
      if (Array.isArray(fi) && typeof fi[0] === 'string') out.add(fi[0]);
    }
    for (let i = children.length - 1; i >= 0; i--) pending.push([children[i], depth + 1]);
  }
  return out;
}
