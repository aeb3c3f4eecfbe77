// Where each part of an evaluated value was written: a tree that mirrors the value (object keys,
// list indexes, `Fn::If` branches), each node with the span of its expression and, for a property,
// the span from its name to the end of its value. Values taken from elsewhere (a variable, a local
// in another file) are leaves at the place that refers to them.
import type { Span } from './syntax.js';

export interface RangeNode {
  span: Span;
  /** From the attribute name or block type to the end (for `locate(path, true)`). */
  property?: Span;
  children?: Map<string | number, RangeNode>;
}

export function leaf(span: Span, property?: Span): RangeNode {
  return property ? { span, property } : { span };
}

export function withChildren(span: Span, children: Map<string | number, RangeNode>, property?: Span): RangeNode {
  return { span, ...(property ? { property } : {}), children };
}

/** The node at `path` (or the deepest that exists) and whether the whole path was found. */
export function nodeAt(root: RangeNode, path: readonly (string | number)[]): { node: RangeNode; complete: boolean } {
  let node = root;
  for (const seg of path) {
    const next = node.children?.get(seg);
    if (!next) return { node, complete: false };
    node = next;
  }
  return { node, complete: true };
}
