// A `*.tf.json` sibling's top-level blocks as an HCL body, so the `*.tf` files of the same module
// see its variables, locals and addresses. Values are taken as written (a `${…}` string stays
// text): the JSON file's own resources are read by the JSON configuration reader.
import type { Expr, HclBlock, HclBody, Span } from './syntax.js';
import { isRecord } from '../../../util/objects.js';

const NOWHERE: Span = { start: 0, end: 0 };

export function jsonBody(root: unknown): HclBody {
  const body: HclBody = { attributes: [], blocks: [] };
  if (!isRecord(root)) return body;
  const labelled = (type: string, depth: number) => {
    const walk = (value: unknown, labels: string[]) => {
      for (const v of Array.isArray(value) ? value : [value]) {
        if (!isRecord(v)) continue;
        if (labels.length === depth) {
          body.blocks.push(block(type, labels, v));
          continue;
        }
        for (const [k, inner] of Object.entries(v)) if (k !== '//') walk(inner, [...labels, k]);
      }
    };
    walk(root[type], []);
  };
  labelled('resource', 2);
  labelled('data', 2);
  labelled('module', 1);
  labelled('variable', 1);
  labelled('output', 1);
  if (root.locals !== undefined) for (const l of Array.isArray(root.locals) ? root.locals : [root.locals]) if (isRecord(l)) body.blocks.push(block('locals', [], l));
  return body;
}

function block(type: string, labels: string[], v: Record<string, unknown>): HclBlock {
  return { type, labels, body: { attributes: Object.entries(v).filter(([k]) => k !== '//').map(([name, x]) => ({ name, expr: literal(x), span: NOWHERE })), blocks: [] }, span: NOWHERE };
}

function literal(v: unknown, depth = 0): Expr {
  if (depth > 64) return { kind: 'opaque', what: 'a value nested too deeply', span: NOWHERE };
  if (Array.isArray(v)) return { kind: 'tuple', items: v.map((x) => literal(x, depth + 1)), span: NOWHERE };
  if (isRecord(v)) return { kind: 'object', items: Object.entries(v).map(([k, x]) => ({ key: { kind: 'literal', value: k, span: NOWHERE }, value: literal(x, depth + 1), span: NOWHERE })), span: NOWHERE };
  return { kind: 'literal', value: v === undefined ? null : (v as string | number | boolean | null), span: NOWHERE };
}
