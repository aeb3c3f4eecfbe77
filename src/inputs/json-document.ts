// JSON documents: JSON.parse for the values (fast, and iterative, so any depth), one scanner pass for
// depth and duplicate keys, and positions only when asked for: jsonc-parser's tree for documents of
// ordinary depth, an iterative scan along the path for deeper ones (the tree parser recurses).
import { parseTree, parse as parseJsonc, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { DocPath, DuplicateKey, SourceDocument, SourceRange } from '../model/types.js';
import { LineIndex } from './line-index.js';
import { DocumentParseError } from './errors.js';
import { locateJsonPath, scanJsonShape } from './json-scan.js';

/** Deepest document whose positions come from jsonc-parser's (recursive) tree. */
const MAX_TREE_DEPTH = 500;

export function parseJsonDocument(file: string, text: string): SourceDocument {
  let root: unknown;
  try {
    root = JSON.parse(stripBom(text));
  } catch (err) {
    throw jsonError(file, text, err);
  }
  return makeJsonDocument(file, text, root);
}

export function makeJsonDocument(file: string, text: string, root: unknown): SourceDocument {
  let tree: Node | undefined;
  let lines: LineIndex | undefined;
  const offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = offset ? text.slice(offset) : text;
  const shape = scanJsonShape(body);
  const range = (start: number, end: number): SourceRange => (lines ??= new LineIndex(text)).range(start + offset, end + offset);
  const duplicateKeys: DuplicateKey[] = shape.duplicates.map((d) => ({ path: d.path, first: range(...d.first), second: range(...d.second) }));
  return {
    file,
    text,
    root,
    ...(duplicateKeys.length > 0 ? { duplicateKeys } : {}),
    locate(path: DocPath, key = false): SourceRange | undefined {
      if (shape.maxDepth > MAX_TREE_DEPTH) {
        const found = locateJsonPath(body, path);
        if (!found) return undefined;
        const start = (key || found.depth < path.length) && found.propertyStart !== undefined ? found.propertyStart : found.start;
        return range(start, found.end);
      }
      tree ??= parseTree(body, [], { allowTrailingComma: false, disallowComments: true });
      if (!tree) return undefined;
      // Inputs may present one object as a one-element list (a Terraform block written as an
      // object): an index step onto an object stays on the object.
      const real = physicalPath(tree, path);
      // The deepest existing ancestor stands in for a path that is absent.
      const nodes = nodesAlong(tree, real);
      const node = nodes[nodes.length - 1];
      const start = (key || nodes.length - 1 < real.length) && node.parent?.type === 'property' ? node.parent : node;
      return range(start.offset, node.offset + node.length);
    },
  };
}

/** The property value under `seg`; a repeated key resolves to its last occurrence, as JSON.parse does. */
function childAt(node: Node, seg: string | number): Node | undefined {
  if (node.type === 'array') return typeof seg === 'number' ? node.children?.[seg] : undefined;
  if (node.type !== 'object' || typeof seg !== 'string') return undefined;
  let found: Node | undefined;
  for (const property of node.children ?? []) {
    const [k, v] = property.children ?? [];
    if (k?.value === seg && v) found = v;
  }
  return found;
}

/** The nodes from the root along `path`, as far as they exist. */
function nodesAlong(tree: Node, path: readonly (string | number)[]): Node[] {
  const out = [tree];
  for (const seg of path) {
    const next = childAt(out[out.length - 1], seg);
    if (!next) break;
    out.push(next);
  }
  return out;
}

function physicalPath(tree: Node, path: DocPath): (string | number)[] {
  const out: (string | number)[] = [];
  let node: Node | undefined = tree;
  for (const seg of path) {
    if (node?.type === 'object' && typeof seg === 'number') continue;
    out.push(seg);
    node = node ? childAt(node, seg) : undefined;
  }
  return out;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Locate a JSON syntax error: jsonc-parser reports offsets where JSON.parse messages vary by engine. */
function jsonError(file: string, text: string, cause: unknown): DocumentParseError {
  const errors: ParseError[] = [];
  parseJsonc(stripBom(text), errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  const lines = new LineIndex(text);
  if (errors.length > 0) {
    const e = errors[0];
    const pos = lines.position(e.offset + (text.charCodeAt(0) === 0xfeff ? 1 : 0));
    return new DocumentParseError(file, `invalid JSON: ${describeJsonError(printParseErrorCode(e.error))}`, pos.line, pos.column);
  }
  // JSON.parse failed where the tolerant parser did not (e.g. nesting too deep).
  const message = cause instanceof Error ? cause.message : String(cause);
  return new DocumentParseError(file, `invalid JSON: ${message}`, 1, 1);
}

function describeJsonError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
