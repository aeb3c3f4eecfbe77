// JSON documents: JSON.parse for the values (fast, and iterative, so any depth), one character scan
// for depth, duplicate keys and the ends of large containers, and positions only when asked for, by
// indexing the containers along the located paths (json-positions.ts): no second parse tree.
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { DocPath, DuplicateKey, SourceDocument, SourceRange } from '../model/types.js';
import { LineIndex } from './line-index.js';
import { DocumentParseError } from './errors.js';
import { scanJsonShape } from './json-scan.js';
import { JsonPositions } from './json-positions.js';

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
  let positions: JsonPositions | undefined;
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
      return range(...(positions ??= new JsonPositions(body, shape.containerEnds)).locate(path, key));
    },
  };
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
