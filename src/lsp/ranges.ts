// kmslint's 1-based line/column ranges and LSP's 0-based positions (both count UTF-16 code units).
import type { Position, Range } from 'vscode-languageserver';
import type { SourceRange } from '../index.js';

export function toRange(r: SourceRange): Range {
  const start = { line: Math.max(0, r.line - 1), character: Math.max(0, r.column - 1) };
  const end = { line: Math.max(0, r.endLine - 1), character: Math.max(0, r.endColumn - 1) };
  // An end before the start would be refused by some clients: collapse it onto the start.
  return before(end, start) ? { start, end: start } : { start, end };
}

export function pointRange(line: number, column: number): Range {
  return toRange({ line, column, endLine: line, endColumn: column });
}

export function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Whether the range contains the position (ends inclusive, so a cursor just after a word counts). */
export function contains(r: Range, p: Position): boolean {
  return !before(p, r.start) && !before(r.end, p);
}

/** Whether two ranges share at least one position (touching counts). */
export function overlaps(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}
