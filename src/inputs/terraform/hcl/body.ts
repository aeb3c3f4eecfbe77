// A block body → an attribute object, as the JSON configuration holds it: attributes as values,
// nested blocks as lists of objects (Terraform nested blocks are lists or sets,
// https://developer.hashicorp.com/terraform/language/syntax/configuration#blocks), `dynamic` blocks
// expanded over their `for_each` where it is known
// (https://developer.hashicorp.com/terraform/language/expressions/dynamic-blocks).
import { isUnknownValue, unknownValue } from '../../../model/types.js';
import { isRecord, setOwn } from '../../../util/objects.js';
import type { HclBlock, HclBody, Span } from './syntax.js';
import type { ExpressionEvaluator, Evaluated } from './evaluate.js';
import { withChildren, type RangeNode } from './ranges.js';

/** Arguments Terraform itself reads on resources and module calls, not the provider. */
export const META_ARGUMENTS = new Set(['count', 'for_each', 'provider', 'providers', 'depends_on', 'lifecycle', 'provisioner', 'connection', 'source', 'version']);

const MAX_DYNAMIC = 256;

export function evaluateBody(body: HclBody, span: Span, ev: ExpressionEvaluator, skip: ReadonlySet<string> = new Set(), depth = 0): Evaluated {
  const value: Record<string, unknown> = {};
  const children = new Map<string | number, RangeNode>();
  for (const a of body.attributes) {
    if (skip.has(a.name)) continue;
    const e = ev.evaluate(a.expr, a.span);
    setOwn(value, a.name, e.value);
    children.set(a.name, e.node);
  }
  const lists = new Map<string, { items: unknown[]; nodes: RangeNode[]; span: Span }>();
  const push = (type: string, e: Evaluated, blockSpan: Span) => {
    let l = lists.get(type);
    if (!l) lists.set(type, (l = { items: [], nodes: [], span: { ...blockSpan } }));
    l.items.push(e.value);
    l.nodes.push({ ...e.node, property: blockSpan });
    l.span.end = blockSpan.end;
  };
  for (const b of body.blocks) {
    if (skip.has(b.type) || depth > 32) continue;
    if (b.type === 'dynamic' && b.labels[0]) {
      for (const e of dynamicBlocks(b, ev, depth)) push(b.labels[0], e, b.span);
    } else push(b.type, evaluateBody(b.body, b.span, ev, new Set(), depth + 1), b.span);
  }
  for (const [type, l] of lists) {
    setOwn(value, type, l.items);
    children.set(type, withChildren(l.span, new Map(l.nodes.map((n, i) => [i, n])), l.span));
  }
  return { value, node: withChildren(span, children) };
}

/** The blocks a `dynamic` block generates: one per element of a known for_each, else one with an unknown iterator. */
function dynamicBlocks(b: HclBlock, ev: ExpressionEvaluator, depth: number): Evaluated[] {
  const name = b.labels[0];
  const iteratorName = b.body.attributes.find((a) => a.name === 'iterator');
  const iterator = iteratorName?.expr.kind === 'traversal' ? iteratorName.expr.root : name;
  const content = b.body.blocks.find((x) => x.type === 'content');
  if (!content) return [];
  const forEach = b.body.attributes.find((a) => a.name === 'for_each');
  const collection = forEach ? ev.value(forEach.expr) : undefined;
  const entries = iterationEntries(collection, false);
  const read = (key: unknown, value: unknown) => evaluateBody(content.body, content.span, ev.with({ iterators: new Map([[iterator, { key, value }]]) }), new Set(), depth + 1);
  if (!entries) {
    const why = unknownValue(`the for_each of dynamic "${name}" is computed by Terraform`);
    return [read(why, why)];
  }
  return entries.slice(0, MAX_DYNAMIC).map(([k, v]) => read(k, v));
}

/**
 * Keys and values of a known for_each collection, else undefined: a map's keys; a set of strings
 * keyed by its values (resources), a list by its indexes (dynamic blocks).
 */
export function iterationEntries(collection: unknown, setKeys: boolean): [unknown, unknown][] | undefined {
  if (isUnknownValue(collection)) return undefined;
  if (Array.isArray(collection)) return collection.map((v, i) => [setKeys && typeof v === 'string' ? v : i, v]);
  if (isRecord(collection) && !Object.keys(collection).some((k) => k === 'Ref' || k.startsWith('Fn::'))) return Object.entries(collection);
  return undefined;
}
