// The SourceDocument of one `*.tf` file: `root` holds the evaluated blocks under the paths the JSON
// configuration would give them (`resource.<type>.<name>`, with the instance key after the name
// when there is one), and `locate` walks the range trees recorded while evaluating.
import type { DocPath, SourceDocument, SourceRange } from '../../../model/types.js';
import { LineIndex } from '../../line-index.js';
import { setOwn, isRecord, own } from '../../../util/objects.js';
import { nodeAt, type RangeNode } from './ranges.js';

export interface HclDocument extends SourceDocument {
  /** Record the evaluated value and range tree of a block at its path. */
  place(path: DocPath, value: unknown, node: RangeNode): void;
}

export function hclDocument(file: string, text: string): HclDocument {
  const lines = new LineIndex(text);
  const roots = new Map<string, RangeNode>();
  const root: Record<string, unknown> = {};
  const key = (path: DocPath) => JSON.stringify(path);
  return {
    file,
    text,
    root,
    place(path, value, node) {
      roots.set(key(path), node);
      let cur: Record<string, unknown> = root;
      path.forEach((seg, i) => {
        const k = String(seg);
        if (i === path.length - 1) return setOwn(cur, k, value);
        const next = own(cur, k);
        if (!isRecord(next)) setOwn(cur, k, {});
        cur = own(cur, k) as Record<string, unknown>;
      });
    },
    locate(path: DocPath, wantKey = false): SourceRange | undefined {
      // The block of the longest prefix, then the range tree inside it.
      for (let n = Math.min(path.length, 4); n >= 2; n--) {
        const top = roots.get(key(path.slice(0, n)));
        if (!top) continue;
        const rest = physical(top, path.slice(n));
        const { node, complete } = nodeAt(top, rest);
        const span = (wantKey || !complete) && node.property ? node.property : node.span;
        return lines.range(span.start, span.end);
      }
      return undefined;
    },
  };
}

/** Inputs may present one object as a one-element list (catalog paths step into blocks with an index). */
function physical(top: RangeNode, path: DocPath): DocPath {
  const out: (string | number)[] = [];
  let node: RangeNode | undefined = top;
  for (const seg of path) {
    if (typeof seg === 'number' && node?.children && !node.children.has(seg) && [...node.children.keys()].every((k) => typeof k === 'string')) continue;
    out.push(seg);
    node = node?.children?.get(seg);
  }
  return out;
}
