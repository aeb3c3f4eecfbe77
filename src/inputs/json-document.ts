// JSON documents: JSON.parse for the values (fast path), jsonc-parser's tree only when a position is
// asked for, so a file without findings never pays for positions.
import { parseTree, findNodeAtLocation, parse as parseJsonc, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { DocPath, SourceDocument, SourceRange } from '../model/types.js';
import { LineIndex } from './line-index.js';
import { DocumentParseError } from './errors.js';

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
  return {
    file,
    text,
    root,
    locate(path: DocPath, key = false): SourceRange | undefined {
      tree ??= parseTree(text.slice(offset), [], { allowTrailingComma: false, disallowComments: true });
      if (!tree) return undefined;
      lines ??= new LineIndex(text);
      // Inputs may present one object as a one-element list (a Terraform block written as an
      // object): an index step onto an object stays on the object.
      const real = physicalPath(tree, path);
      // findNodeAtLocation needs the exact path; walk up until a node exists.
      for (let n = real.length; n >= 0; n--) {
        const node = findNodeAtLocation(tree, real.slice(0, n));
        if (!node) continue;
        const start = (key || n < real.length) && node.parent?.type === 'property' ? node.parent : node;
        return lines.range(start.offset + offset, node.offset + node.length + offset);
      }
      return undefined;
    },
  };
}

function physicalPath(tree: Node, path: DocPath): (string | number)[] {
  const out: (string | number)[] = [];
  let node: Node | undefined = tree;
  for (const seg of path) {
    if (node?.type === 'object' && typeof seg === 'number') continue;
    out.push(seg);
    node = node ? findNodeAtLocation(node, [seg]) : undefined;
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
