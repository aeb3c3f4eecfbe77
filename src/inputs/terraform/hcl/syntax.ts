// HCL syntax tree (tree-sitter nodes) → a plain tree of bodies, blocks, attributes and expressions,
// each with its offsets in the text. Nothing here knows Terraform: that is for evaluate.ts.
import type { SyntaxNode } from './parser.js';

export interface Span {
  start: number;
  end: number;
}

export interface HclAttribute {
  name: string;
  expr: Expr;
  /** From the name to the end of the value. */
  span: Span;
}

export interface HclBlock {
  type: string;
  labels: string[];
  body: HclBody;
  span: Span;
}

export interface HclBody {
  attributes: HclAttribute[];
  blocks: HclBlock[];
}

export type Step = { name: string } | { index: Expr } | { splat: true };

export type Expr =
  | { kind: 'literal'; value: string | number | boolean | null; span: Span }
  /** Quoted or heredoc template: text and interpolations; a directive (`%{if}`) is `opaque`. */
  | { kind: 'template'; parts: (string | Expr)[]; span: Span }
  /** A name and what follows it: `var.x`, `aws_kms_key.main.arn`, `each.value["k"]`. */
  | { kind: 'traversal'; root: string; steps: Step[]; span: Span }
  /** Steps after another expression: `(x)[0]`, `f(y).z`. */
  | { kind: 'postfix'; base: Expr; steps: Step[]; span: Span }
  | { kind: 'call'; name: string; args: Expr[]; expandLast: boolean; span: Span }
  | { kind: 'conditional'; test: Expr; yes: Expr; no: Expr; span: Span }
  | { kind: 'binary'; op: string; left: Expr; right: Expr; span: Span }
  | { kind: 'unary'; op: string; operand: Expr; span: Span }
  | { kind: 'tuple'; items: Expr[]; span: Span }
  | { kind: 'object'; items: { key: Expr; value: Expr; span: Span }[]; span: Span }
  /** What the evaluator does not compute (`for` expressions, template directives). */
  | { kind: 'opaque'; what: string; span: Span };

const MAX_NESTING = 200;

function spanOf(n: SyntaxNode): Span {
  return { start: n.startIndex, end: n.endIndex };
}

function named(n: SyntaxNode): SyntaxNode[] {
  return n.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment');
}

export function readBody(node: SyntaxNode | null | undefined, depth = 0): HclBody {
  const body: HclBody = { attributes: [], blocks: [] };
  if (!node || depth > MAX_NESTING) return body;
  for (const c of named(node)) {
    if (c.type === 'attribute') {
      const [id, value] = named(c);
      if (id && value) body.attributes.push({ name: id.text, expr: readExpr(value, depth + 1), span: spanOf(c) });
    } else if (c.type === 'block') {
      const parts = named(c);
      const labels: string[] = [];
      let inner: SyntaxNode | undefined;
      for (const p of parts.slice(1)) {
        if (p.type === 'string_lit') labels.push(unquote(p));
        else if (p.type === 'identifier') labels.push(p.text);
        else if (p.type === 'body') inner = p;
      }
      body.blocks.push({ type: parts[0]?.text ?? '', labels, body: readBody(inner, depth + 1), span: spanOf(c) });
    }
  }
  return body;
}

/** The text of a string literal (a block label or an object key). */
function unquote(n: SyntaxNode): string {
  return named(n)
    .filter((c) => c.type === 'template_literal')
    .map((c) => unescapeQuoted(c.text))
    .join('');
}

export function readExpr(node: SyntaxNode, depth = 0): Expr {
  const span = spanOf(node);
  if (depth > MAX_NESTING) return { kind: 'opaque', what: 'an expression nested too deeply', span };
  switch (node.type) {
    case 'expression':
      return readTerms(node.children.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment'), span, depth);
    case 'conditional': {
      const [test, yes, no] = named(node);
      if (!test || !yes || !no) return { kind: 'opaque', what: 'an incomplete conditional', span };
      return { kind: 'conditional', test: readExpr(test, depth + 1), yes: readExpr(yes, depth + 1), no: readExpr(no, depth + 1), span };
    }
    default:
      return readTerms([node], span, depth);
  }
}

/** A term and its postfix steps (the grammar lays `a.b[0]` out as siblings), or a parenthesised expression. */
function readTerms(nodes: SyntaxNode[], span: Span, depth: number): Expr {
  if (nodes.length === 0) return { kind: 'opaque', what: 'an empty expression', span };
  let i: number;
  let base: Expr;
  if (nodes[0].type === '(') {
    const inner = nodes.find((n) => n.type === 'expression');
    base = inner ? readExpr(inner, depth + 1) : { kind: 'opaque', what: 'empty parentheses', span };
    i = nodes.findIndex((n) => n.type === ')') + 1;
  } else {
    base = readTerm(nodes[0], depth);
    i = 1;
  }
  const steps: Step[] = [];
  for (; i < nodes.length; i++) readStep(nodes[i], steps, depth);
  if (steps.length === 0) return base.kind === 'traversal' ? { ...base, span } : base;
  if (base.kind === 'traversal') return { kind: 'traversal', root: base.root, steps: [...base.steps, ...steps], span };
  return { kind: 'postfix', base, steps, span };
}

function readStep(n: SyntaxNode, steps: Step[], depth: number): void {
  switch (n.type) {
    case 'get_attr': {
      const id = named(n)[0];
      if (id) steps.push({ name: id.text });
      return;
    }
    case 'index': {
      const inner = named(n)[0];
      if (inner?.type === 'legacy_index') steps.push({ index: { kind: 'literal', value: Number(inner.text.slice(1)), span: spanOf(inner) } });
      else if (inner) {
        const e = named(inner)[0];
        if (e) steps.push({ index: readExpr(e, depth + 1) });
      }
      return;
    }
    case 'splat': {
      steps.push({ splat: true });
      const inner = named(n)[0];
      if (inner) for (const s of named(inner)) readStep(s, steps, depth);
      return;
    }
    default:
  }
}

function readTerm(n: SyntaxNode, depth: number): Expr {
  const span = spanOf(n);
  switch (n.type) {
    case 'literal_value':
      return readLiteral(named(n)[0] ?? n);
    case 'variable_expr':
      return { kind: 'traversal', root: n.text, steps: [], span };
    case 'template_expr': {
      const t = named(n)[0];
      return t ? readTemplate(t, depth) : { kind: 'opaque', what: 'an empty template', span };
    }
    case 'collection_value': {
      const c = named(n)[0];
      if (c?.type === 'tuple') return { kind: 'tuple', items: named(c).filter((e) => e.type === 'expression').map((e) => readExpr(e, depth + 1)), span };
      if (c?.type === 'object') {
        const items = named(c)
          .filter((e) => e.type === 'object_elem')
          .flatMap((e) => {
            const k = e.childForFieldName('key');
            const v = e.childForFieldName('val');
            return k && v ? [{ key: readExpr(k, depth + 1), value: readExpr(v, depth + 1), span: spanOf(e) }] : [];
          });
        return { kind: 'object', items, span };
      }
      return { kind: 'opaque', what: 'a collection', span };
    }
    case 'function_call': {
      const parts = named(n);
      const args = parts.find((p) => p.type === 'function_arguments');
      const list = args ? named(args).filter((a) => a.type === 'expression').map((a) => readExpr(a, depth + 1)) : [];
      const expandLast = !!args && named(args).some((a) => a.type === 'ellipsis');
      return { kind: 'call', name: parts[0]?.text ?? '', args: list, expandLast, span };
    }
    case 'operation': {
      const op = named(n)[0];
      if (!op) return { kind: 'opaque', what: 'an operation', span };
      const kids = op.children.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment');
      if (op.type === 'unary_operation') return { kind: 'unary', op: kids[0].type, operand: readTerms(kids.slice(1), spanOf(op), depth + 1), span };
      const at = kids.findIndex((c, i) => i > 0 && !c.isNamed && OPERATORS.has(c.type));
      if (at === -1) return { kind: 'opaque', what: 'an operation', span };
      const left = kids.slice(0, at);
      const right = kids.slice(at + 1);
      return {
        kind: 'binary',
        op: kids[at].type,
        left: readTerms(left, { start: left[0].startIndex, end: left[left.length - 1].endIndex }, depth + 1),
        right: readTerms(right, { start: right[0].startIndex, end: right[right.length - 1].endIndex }, depth + 1),
        span,
      };
    }
    case 'for_expr':
      return { kind: 'opaque', what: 'a for expression', span };
    case 'expression':
    case 'conditional':
      return readExpr(n, depth + 1);
    default:
      return { kind: 'opaque', what: n.type, span };
  }
}

const OPERATORS = new Set(['*', '/', '%', '+', '-', '>', '>=', '<', '<=', '==', '!=', '&&', '||']);

function readLiteral(n: SyntaxNode): Expr {
  const span = spanOf(n);
  switch (n.type) {
    case 'numeric_lit':
      return { kind: 'literal', value: Number(n.text), span };
    case 'bool_lit':
      return { kind: 'literal', value: n.text === 'true', span };
    case 'null_lit':
      return { kind: 'literal', value: null, span };
    case 'string_lit':
      return { kind: 'literal', value: unquote(n), span };
    default:
      return { kind: 'opaque', what: n.type, span };
  }
}

function readTemplate(t: SyntaxNode, depth: number): Expr {
  const span = spanOf(t);
  const heredoc = t.type === 'heredoc_template';
  const parts: (string | Expr)[] = [];
  for (const c of named(t)) {
    if (c.type === 'template_literal') parts.push(heredoc ? unescapeHeredoc(c.text) : unescapeQuoted(c.text));
    else if (c.type === 'template_interpolation') {
      const e = named(c).find((x) => x.type === 'expression');
      parts.push(e ? readExpr(e, depth + 1) : { kind: 'literal', value: '', span: spanOf(c) });
    } else if (c.type === 'template_directive') parts.push({ kind: 'opaque', what: 'a template directive', span: spanOf(c) });
  }
  if (heredoc && named(t).some((c) => c.type === 'heredoc_start' && c.text === '<<-')) stripIndent(parts);
  if (heredoc) trimHeredoc(parts);
  return { kind: 'template', parts, span };
}

/** `<<-` removes the smallest indentation of the literal lines (Terraform's indented heredoc). */
function stripIndent(parts: (string | Expr)[]): void {
  const text = parts.map((p) => (typeof p === 'string' ? p : '\u0000')).join('');
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const indent = Math.min(...lines.map((l) => /^[ \t]*/.exec(l)![0].length));
  if (!Number.isFinite(indent) || indent === 0) return;
  let atLineStart = true;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (typeof p !== 'string') {
      atLineStart = false;
      continue;
    }
    const pieces = p.split('\n');
    parts[i] = pieces.map((l, j) => ((j > 0 || atLineStart) ? l.replace(new RegExp(`^[ \\t]{0,${indent}}`), '') : l)).join('\n');
    atLineStart = p.endsWith('\n');
  }
}

/** The literal of a heredoc starts after the opening line and keeps its last newline (as Terraform does). */
function trimHeredoc(parts: (string | Expr)[]): void {
  if (typeof parts[0] === 'string') parts[0] = parts[0].replace(/^\r?\n/, '');
  const last = parts.length - 1;
  if (typeof parts[last] === 'string') parts[last] = (parts[last]).replace(/[ \t]*$/, '');
}

/** Escapes of quoted templates (https://developer.hashicorp.com/terraform/language/expressions/strings). */
export function unescapeQuoted(s: string): string {
  return s
    .replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[nrt"\\])/g, (_, e: string) => {
      switch (e[0]) {
        case 'n':
          return '\n';
        case 'r':
          return '\r';
        case 't':
          return '\t';
        case 'u':
        case 'U':
          return String.fromCodePoint(parseInt(e.slice(1), 16));
        default:
          return e;
      }
    })
    .replace(/\$\$\{/g, '${')
    .replace(/%%\{/g, '%{');
}

function unescapeHeredoc(s: string): string {
  return s.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}
