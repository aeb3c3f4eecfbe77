// Iterative walks over JSON text with jsonc-parser's scanner (a tokenizer, no recursion), for input
// that JSON.parse accepts but a recursive walk cannot: any depth, and duplicate keys that JSON.parse
// silently resolves (the last wins, as CloudFormation deploys it).
import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { DocPath } from '../model/types.js';

/** A key written twice in one object, by offsets into the text. */
export interface JsonDuplicate {
  path: (string | number)[];
  first: [start: number, end: number];
  second: [start: number, end: number];
}

export interface JsonShape {
  maxDepth: number;
  duplicates: JsonDuplicate[];
}

interface Frame {
  object: boolean;
  /** Object: the key of the value being read; array: the index. */
  at: string | number;
  expectKey: boolean;
  /** Object: offset of the first occurrence of each key. */
  keys?: Map<string, number>;
  /** Offset where the value started, and where its property (key) started. */
  start: number;
  propertyStart: number | undefined;
}

/** Depth and duplicate keys of valid JSON `text` (already accepted by JSON.parse). */
export function scanJsonShape(text: string): JsonShape {
  const scanner = createScanner(text, true);
  const stack: Frame[] = [];
  const duplicates: JsonDuplicate[] = [];
  let maxDepth = 0;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    const top = stack[stack.length - 1];
    switch (kind) {
      case SyntaxKind.OpenBraceToken:
      case SyntaxKind.OpenBracketToken: {
        const object = kind === SyntaxKind.OpenBraceToken;
        stack.push({ object, at: object ? '' : 0, expectKey: object, keys: object ? new Map() : undefined, start: scanner.getTokenOffset(), propertyStart: undefined });
        if (stack.length > maxDepth) maxDepth = stack.length;
        break;
      }
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        stack.pop();
        break;
      case SyntaxKind.CommaToken:
        if (top?.object) top.expectKey = true;
        else if (top) top.at = (top.at as number) + 1;
        break;
      case SyntaxKind.StringLiteral:
        if (top?.object && top.expectKey) {
          const key = scanner.getTokenValue();
          const offset = scanner.getTokenOffset();
          const first = top.keys!.get(key);
          // Only the offset is kept per key (one number, not an array per key of a huge object).
          if (first !== undefined) duplicates.push({ path: [...stack.slice(0, -1).map((f) => f.at), key], first: [first, first + tokenLength(text, first)], second: [offset, offset + scanner.getTokenLength()] });
          else top.keys!.set(key, offset);
          top.at = key;
          top.expectKey = false;
        }
        break;
      default:
        break;
    }
  }
  // Frames name the key each container is read under; the path of a frame is its parents' `at`.
  return { maxDepth, duplicates };
}

/** Length of the token that starts at `offset`. */
function tokenLength(text: string, offset: number): number {
  const scanner = createScanner(text, true);
  scanner.setPosition(offset);
  scanner.scan();
  return scanner.getTokenLength();
}

/**
 * Offsets of the value at `path` (or of its deepest existing ancestor) and of the property holding
 * it, without building a tree. A numeric step onto an object stays on the object (a Terraform block
 * written as an object). Repeated keys resolve to the last, as the parsed value does.
 */
export function locateJsonPath(text: string, path: DocPath): { depth: number; start: number; end: number; propertyStart: number | undefined } | undefined {
  const scanner = createScanner(text, true);
  // found[n]: the value at the first n steps of `path`, once its start (and later its end) is seen.
  const found: { start: number; end: number; propertyStart: number | undefined }[] = [];
  const stack: (Frame & { matched: number })[] = [];
  let pendingKeyStart: number | undefined;
  let done = false;

  // Steps of `path` a value at this point of the walk matches (-1: off the path).
  const matchedHere = (): number => {
    if (stack.length === 0) return 0;
    const top = stack[stack.length - 1];
    if (top.matched < 0) return -1;
    const seg = path[top.matched];
    if (top.matched >= path.length) return -1;
    const hit = top.object ? typeof seg === 'string' && seg === top.at : typeof seg === 'number' && seg === top.at;
    return hit ? top.matched + 1 : -1;
  };
  // After matching n steps at an object, numeric steps are skipped.
  function skipObjectIndexes(n: number, isObject: boolean): number {
    let m = n;
    while (isObject && m < path.length && typeof path[m] === 'number') m++;
    return m;
  }
  const startValue = (start: number, end: number | undefined, container: boolean | undefined): void => {
    const n = matchedHere();
    if (n >= 0) {
      found[n] = { start, end: end ?? start, propertyStart: stack.length > 0 && stack[stack.length - 1].object ? pendingKeyStart : undefined };
      found.length = n + 1; // a later repeat of a key replaces what was found under the earlier one
    }
    if (container !== undefined) {
      const matched = n >= 0 ? skipObjectIndexes(n, container) : -1;
      stack.push({ object: container, at: container ? '' : 0, expectKey: container, start, propertyStart: pendingKeyStart, matched: n >= 0 ? matched : -1 });
      // The numeric steps skipped on an object stand for the object itself.
      if (n >= 0) for (let m = n + 1; m <= matched; m++) found[m] = found[n];
    } else if (n >= 0 && n >= path.length) done = true;
  };

  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF && !done; kind = scanner.scan()) {
    const top = stack[stack.length - 1];
    const offset = scanner.getTokenOffset();
    switch (kind) {
      case SyntaxKind.OpenBraceToken:
      case SyntaxKind.OpenBracketToken:
        startValue(offset, undefined, kind === SyntaxKind.OpenBraceToken);
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken: {
        const closed = stack.pop()!;
        if (closed.matched < 0) break;
        // Close every entry this container stands for (itself and the numeric steps skipped on it).
        for (const f of found) if (f && f.start === closed.start) f.end = offset + 1;
        if (closed.matched >= path.length) done = true;
        break;
      }
      case SyntaxKind.CommaToken:
        if (top?.object) top.expectKey = true;
        else if (top) top.at = (top.at as number) + 1;
        break;
      case SyntaxKind.ColonToken:
        break;
      case SyntaxKind.StringLiteral:
        if (top?.object && top.expectKey) {
          top.at = scanner.getTokenValue();
          top.expectKey = false;
          pendingKeyStart = offset;
          break;
        }
        startValue(offset, offset + scanner.getTokenLength(), undefined);
        break;
      case SyntaxKind.NumericLiteral:
      case SyntaxKind.TrueKeyword:
      case SyntaxKind.FalseKeyword:
      case SyntaxKind.NullKeyword:
        startValue(offset, offset + scanner.getTokenLength(), undefined);
        break;
      default:
        break;
    }
  }
  for (let n = found.length - 1; n >= 0; n--) if (found[n]) return { depth: n, ...found[n] };
  return undefined;
}
