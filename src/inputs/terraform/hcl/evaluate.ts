// HCL expressions → the values the model holds, as the JSON configuration reader gives them:
//   aws_kms_key.main.arn          → { "Fn::GetAtt": ["aws_kms_key.main", "arn"] }
//   var.x                         → its value (*.tfvars, else the default), else { Ref: "var.x" }
//   local.x                       → the local's value (cycle-safe)
//   data.aws_kms_alias.s3.arn     → the data source's `name`; aws_kms_key: `key_id`
//   data.aws_iam_policy_document.d.json → the policy document its blocks describe
//   c ? a : b                     → { "Fn::If": [<c as written>, a, b] }, the condition kept in
//                                   template conditions with variables as parameters, so each branch
//                                   is analysed as CloudFormation's Fn::If is
//   jsonencode(v)                 → v (a policy object, with the positions of its parts)
//   module.m.out                  → the output of a local module (module.ts), else unknown
// Every value comes with a RangeNode tree saying where its parts are written.
import { isUnknownValue, unknownValue } from '../../../model/types.js';
import { isRecord, own, setOwn } from '../../../util/objects.js';
import type { Expr, Span, Step } from './syntax.js';
import { leaf, withChildren, type RangeNode } from './ranges.js';
import { callFunction } from './functions.js';

export interface Evaluated {
  value: unknown;
  node: RangeNode;
}

/** Names bound inside one resource instance, dynamic block or `for` (each, count, iterators). */
export interface Bindings {
  count?: number;
  each?: { key: unknown; value: unknown };
  iterators?: ReadonlyMap<string, { key: unknown; value: unknown }>;
  /** What the conditional branch being read proves about variables (`var.k != null ? var.k : …`). */
  facts?: ReadonlyMap<string, VariableFact>;
}

/** A variable equals a value, or differs from one, in a branch. */
export type VariableFact = { equals: unknown } | { differsFrom: unknown };

/** What a module gives the evaluator: its declarations resolved to values on demand. */
export interface ModuleValues {
  /** Index of the file whose expressions are being read (ranges of other files are not kept). */
  readonly file: number;
  /** `bound`: the value is fixed where the module is called (an argument or, in a called module, the default), not a parameter. */
  variable(name: string): (Evaluated & { bound?: boolean }) | { unset: true } | undefined;
  local(name: string): Evaluated | undefined;
  /** A resource, data source or module address (and its instance steps) → its value. */
  reference(root: string, steps: readonly Step[], bindings: Bindings, evaluate: (e: Expr) => unknown): unknown;
  /** Where the value of the last reference was written, when that is in this file (a policy document). */
  lastReferenceNode?(): RangeNode | undefined;
  /** Register a condition; returns its name. */
  condition(text: string, definition: unknown): string;
  /** The template parameter a variable is (`var.x`; `module.m.var.x` inside a module call). */
  parameter?(name: string): string;
  /** The source text of a span (for `${…}` kept in text and condition names). */
  text(span: Span): string;
}

const MAX_DEPTH = 64;
/** Longest text an interpolation builds (policies are at most 32 KB). */
const MAX_TEXT = 256 * 1024;

export class ExpressionEvaluator {
  private depth = 0;

  constructor(
    private readonly module: ModuleValues,
    private readonly bindings: Bindings = {},
  ) {}

  with(bindings: Bindings): ExpressionEvaluator {
    return new ExpressionEvaluator(this.module, {
      ...this.bindings,
      ...bindings,
      iterators: new Map([...(this.bindings.iterators ?? []), ...(bindings.iterators ?? [])]),
      facts: new Map([...(this.bindings.facts ?? []), ...(bindings.facts ?? [])]),
    });
  }

  evaluate(expr: Expr, property?: Span): Evaluated {
    if (++this.depth > MAX_DEPTH) {
      this.depth--;
      return { value: unknownValue('an expression nested too deeply'), node: leaf(expr.span, property) };
    }
    try {
      return this.inner(expr, property);
    } finally {
      this.depth--;
    }
  }

  value(expr: Expr): unknown {
    return this.evaluate(expr).value;
  }

  private inner(expr: Expr, property?: Span): Evaluated {
    const at = (value: unknown): Evaluated => ({ value, node: leaf(expr.span, property) });
    switch (expr.kind) {
      case 'literal':
        return at(expr.value);
      case 'template':
        return at(this.template(expr.parts));
      case 'traversal':
        return this.traversal(expr, property);
      case 'postfix': {
        const base = this.value(expr.base);
        return at(this.follow(base, expr.steps, expr.span));
      }
      case 'tuple': {
        const children = new Map<string | number, RangeNode>();
        const value = expr.items.map((item, i) => {
          const e = this.evaluate(item);
          children.set(i, e.node);
          return e.value;
        });
        return { value, node: withChildren(expr.span, children, property) };
      }
      case 'object': {
        const children = new Map<string | number, RangeNode>();
        const value: Record<string, unknown> = {};
        for (const item of expr.items) {
          const key = this.objectKey(item.key);
          if (key === undefined) continue;
          const e = this.evaluate(item.value, item.span);
          setOwn(value, key, e.value);
          children.set(key, e.node);
        }
        return { value, node: withChildren(expr.span, children, property) };
      }
      case 'conditional':
        return this.conditional(expr, property);
      case 'call': {
        if (expr.name === 'jsonencode' && expr.args.length === 1) {
          // The document itself, so findings point into it (readers take a policy as an object or text).
          const e = this.evaluate(expr.args[0]);
          return { value: e.value, node: { ...e.node, span: expr.span, ...(property ? { property } : {}) } };
        }
        return at(callFunction(expr.name, expr.args.map((a) => this.value(a)), expr.expandLast));
      }
      case 'binary':
      case 'unary': {
        const v = this.test(expr);
        return at(isRecord(v) && Object.keys(v).some((k) => k.startsWith('Fn::')) ? unknownValue(`${this.module.text(expr.span)} is computed by Terraform`) : v);
      }
      case 'opaque':
        return at(unknownValue(`${expr.what} (${this.module.text(expr.span).slice(0, 60)}) is computed by Terraform`));
    }
  }

  private objectKey(key: Expr): string | undefined {
    // A bare name is the key itself (`{ Effect = "Allow" }`), not a variable.
    if (key.kind === 'traversal' && key.steps.length === 0) return key.root;
    const v = this.value(key);
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
  }

  private template(parts: readonly (string | Expr)[]): unknown {
    if (parts.length === 1 && typeof parts[0] !== 'string') return this.value(parts[0]);
    let out = '';
    for (const p of parts) {
      if (typeof p === 'string') out += p;
      else {
        const v = this.value(p);
        // What cannot be substituted stays as written, as the JSON reader keeps it.
        out += typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : `\${${this.module.text(p.span)}}`;
      }
      if (out.length > MAX_TEXT) return unknownValue(`text longer than ${MAX_TEXT / 1024} KB`);
    }
    return out;
  }

  private traversal(expr: Extract<Expr, { kind: 'traversal' }>, property?: Span): Evaluated {
    const at = (value: unknown): Evaluated => ({ value, node: leaf(expr.span, property) });
    const { root, steps } = expr;
    const first = steps[0];
    const name = first && 'name' in first ? first.name : undefined;
    const iterator = this.bindings.iterators?.get(root);
    if (iterator) {
      if (name === 'key') return at(this.follow(iterator.key, steps.slice(1), expr.span));
      if (name === 'value') return at(this.follow(iterator.value, steps.slice(1), expr.span));
      return at(unknownValue(`${this.module.text(expr.span)} is not a part of ${root}`));
    }
    switch (root) {
      case 'var': {
        if (!name) return at(unknownValue('a bare var'));
        const v = this.module.variable(name);
        if (!v) return at(unknownValue(`var.${name} is not declared in the module`));
        const fact = this.bindings.facts?.get(name);
        if (fact && 'equals' in fact) return at(this.follow(fact.equals, steps.slice(1), expr.span));
        // The branch says the variable is not its default: it is given when Terraform runs.
        if (fact && 'value' in v && JSON.stringify(fact.differsFrom) === JSON.stringify(v.value)) return at(unknownValue(`given when Terraform runs through var.${name}`));
        if ('unset' in v) return at(steps.length === 1 ? { Ref: this.parameterOf(name) } : unknownValue(`${this.module.text(expr.span)} (var.${name} has no default)`));
        if (steps.length === 1) return { value: v.value, node: property ? { ...v.node, span: expr.span, property } : { ...v.node, span: expr.span } };
        return at(this.follow(v.value, steps.slice(1), expr.span));
      }
      case 'local': {
        if (!name) return at(unknownValue('a bare local'));
        const v = this.module.local(name);
        if (!v) return at(unknownValue(`local.${name} cannot be read`));
        if (steps.length === 1) return { value: v.value, node: { ...v.node, span: expr.span, ...(property ? { property } : {}) } };
        return at(this.follow(v.value, steps.slice(1), expr.span));
      }
      case 'each': {
        const each = this.bindings.each;
        if (!each) return at(unknownValue('each outside for_each'));
        if (name === 'key') return at(this.follow(each.key, steps.slice(1), expr.span));
        if (name === 'value') return at(this.follow(each.value, steps.slice(1), expr.span));
        return at(unknownValue(this.module.text(expr.span)));
      }
      case 'count':
        return at(name === 'index' && this.bindings.count !== undefined ? this.bindings.count : unknownValue('count.index outside count'));
      case 'path':
      case 'terraform':
      case 'self':
        return at(unknownValue(`${this.module.text(expr.span)} is known only when Terraform runs`));
      default: {
        const value = this.module.reference(root, steps, this.bindings, (e) => this.value(e));
        const node = this.module.lastReferenceNode?.();
        return node ? { value, node: { ...node, span: expr.span, ...(property ? { property } : {}) } } : at(value);
      }
    }
  }

  private parameterOf(name: string): string {
    return this.module.parameter?.(name) ?? `var.${name}`;
  }

  /** Step into a value: object keys, list indexes, splats; what cannot be followed is unknown. */
  follow(value: unknown, steps: readonly Step[], span: Span): unknown {
    let cur = value;
    for (let i = 0; i < steps.length; i++) {
      const s = steps[i];
      if (isUnknown(cur)) return cur;
      if ('splat' in s) {
        const list = Array.isArray(cur) ? cur : cur === null || cur === undefined ? [] : [cur];
        return list.map((item) => this.follow(item, steps.slice(i + 1), span));
      }
      const key = 'name' in s ? s.name : this.value(s.index);
      if (Array.isArray(cur) && typeof key === 'number') cur = cur[key];
      else if (isRecord(cur) && (typeof key === 'string' || typeof key === 'number') && !isIntrinsic(cur)) cur = own(cur, String(key));
      else return unknownValue(`${this.module.text(span)} cannot be followed`);
      if (cur === undefined) return unknownValue(`${this.module.text(span)} is not in the value`);
    }
    return cur;
  }

  private conditional(expr: Extract<Expr, { kind: 'conditional' }>, property?: Span): Evaluated {
    const test = this.test(expr.test);
    const yes = this.with({ facts: this.factsOf(expr.test, true) }).evaluate(expr.yes);
    const no = this.with({ facts: this.factsOf(expr.test, false) }).evaluate(expr.no);
    if (typeof test === 'boolean') {
      const chosen = test ? yes : no;
      return { value: chosen.value, node: { ...chosen.node, ...(property ? { property } : {}) } };
    }
    const name = this.module.condition(this.module.text(expr.test.span).replace(/\s+/g, ' '), test);
    const branches = new Map<string | number, RangeNode>([[1, yes.node], [2, no.node]]);
    return { value: { 'Fn::If': [name, yes.value, no.value] }, node: withChildren(expr.span, new Map([['Fn::If', withChildren(expr.span, branches)]]), property) };
  }

  /**
   * A test as a condition the analysis can enumerate: variables stay parameters (`Ref`), operators
   * become Fn::Equals / Fn::Not / Fn::And / Fn::Or. A test that is decided here is a boolean.
   */
  test(expr: Expr): unknown {
    switch (expr.kind) {
      case 'traversal':
        if (expr.root === 'var' && expr.steps.length === 1 && 'name' in expr.steps[0]) {
          const v = this.module.variable(expr.steps[0].name);
          // A called module's variable is what the call gives it: the branch is decided there.
          if (v && 'bound' in v && v.bound) return v.value;
          if (v) return { Ref: this.parameterOf(expr.steps[0].name) };
        }
        if (expr.root === 'local' && expr.steps.length === 1 && 'name' in expr.steps[0]) {
          const l = this.module.local(expr.steps[0].name);
          return l && isRecord(l.value) && 'Fn::If' in l.value ? unknownValue(`local.${expr.steps[0].name}`) : (l?.value ?? unknownValue('an unreadable local'));
        }
        return this.value(expr);
      case 'unary': {
        if (expr.op !== '!') return this.arith(expr.op, 0, this.value(expr.operand));
        const v = this.test(expr.operand);
        return typeof v === 'boolean' ? !v : { 'Fn::Not': [v] };
      }
      case 'binary': {
        const { op } = expr;
        if (op === '&&' || op === '||') {
          const a = this.test(expr.left);
          const b = this.test(expr.right);
          if (typeof a === 'boolean' && typeof b === 'boolean') return op === '&&' ? a && b : a || b;
          if ((op === '&&' && (a === false || b === false)) || (op === '||' && (a === true || b === true))) return op === '||';
          return { [op === '&&' ? 'Fn::And' : 'Fn::Or']: [a, b] };
        }
        if (op === '==' || op === '!=') {
          const a = this.test(expr.left);
          const b = this.test(expr.right);
          if (isPlain(a) && isPlain(b)) return (JSON.stringify(a) === JSON.stringify(b)) === (op === '==');
          // A resource's identifier or ARN (a key passed into a module) is never null.
          if ((a === null && isIdentifierReference(b)) || (b === null && isIdentifierReference(a))) return op === '!=';
          const eq = { 'Fn::Equals': [a, b] };
          return op === '==' ? eq : { 'Fn::Not': [eq] };
        }
        return this.arith(op, this.value(expr.left), this.value(expr.right));
      }
      default:
        return this.value(expr);
    }
  }

  /** What a test being `truth` proves about variables compared with literals. */
  private factsOf(expr: Expr, truth: boolean, out = new Map<string, VariableFact>()): Map<string, VariableFact> {
    const variable = (e: Expr) => (e.kind === 'traversal' && e.root === 'var' && e.steps.length === 1 && 'name' in e.steps[0] ? e.steps[0].name : undefined);
    const literal = (e: Expr) => (e.kind === 'literal' ? { v: e.value } : undefined);
    if (variable(expr) && truth !== undefined) out.set(variable(expr)!, { equals: truth });
    else if (expr.kind === 'unary' && expr.op === '!') this.factsOf(expr.operand, !truth, out);
    else if (expr.kind === 'binary' && ((expr.op === '&&' && truth) || (expr.op === '||' && !truth))) {
      this.factsOf(expr.left, truth, out);
      this.factsOf(expr.right, truth, out);
    } else if (expr.kind === 'binary' && (expr.op === '==' || expr.op === '!=')) {
      const name = variable(expr.left) ?? variable(expr.right);
      const lit = literal(expr.left) ?? literal(expr.right);
      if (name && lit) out.set(name, (expr.op === '==') === truth ? { equals: lit.v } : { differsFrom: lit.v });
    }
    return out;
  }

  private arith(op: string, a: unknown, b: unknown): unknown {
    if (typeof a !== 'number' || typeof b !== 'number') return unknownValue(`an operation on values Terraform computes`);
    switch (op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/': return a / b;
      case '%': return a % b;
      case '>': return a > b;
      case '>=': return a >= b;
      case '<': return a < b;
      case '<=': return a <= b;
      default: return unknownValue(`operator ${op}`);
    }
  }
}

const isUnknown = isUnknownValue;

function isIntrinsic(v: Record<string, unknown>): boolean {
  const keys = Object.keys(v);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}

/** A value with no reference, condition or unknown inside (to depth 8). */
function isPlain(v: unknown, depth = 0): boolean {
  if (v === null || typeof v !== 'object') return true;
  if (depth > 8 || isUnknown(v)) return false;
  if (Array.isArray(v)) return v.every((x) => isPlain(x, depth + 1));
  if (isIntrinsic(v as Record<string, unknown>)) return false;
  return Object.values(v).every((x) => isPlain(x, depth + 1));
}

/** `aws_kms_key.x.arn`, `.id`, `.key_id`, `…_arn`, `…_id`: attributes a created resource always has. */
function isIdentifierReference(v: unknown): boolean {
  const f = isRecord(v) ? own(v, 'Fn::GetAtt') : undefined;
  return Array.isArray(f) && typeof f[1] === 'string' && /^(arn|id|key_id)$|_(arn|id)$/.test(f[1]);
}
