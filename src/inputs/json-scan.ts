// Character-level walks over JSON text that JSON.parse has already accepted (so the text is valid
// and only its structure needs finding): no recursion, so any depth, and no tokens or trees, so a
// walk over tens of megabytes allocates little. Offsets are UTF-16 code units, as in the text.

import { KeyTable, decodeKey, grown, keyHash, keyReads, sameKey, stringHash } from './json-keys.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

/**
 * Containers at least this long (in characters) have their end recorded by the shape scan, so a
 * later walk steps over them without reading them again; shorter ones are cheap to re-read.
 */
const RECORDED_LENGTH = 512;
/** Keys of one object kept in a list (compared one by one) before they move to a KeyTable. */
const LISTED_KEYS = 12;

/** A key written twice in one object, by offsets into the text. */
export interface JsonDuplicate {
  path: (string | number)[];
  first: [start: number, end: number];
  second: [start: number, end: number];
}

export interface JsonShape {
  maxDepth: number;
  duplicates: JsonDuplicate[];
  /** Start offset → end offset (exclusive) of every container of at least RECORDED_LENGTH characters. */
  containerEnds: Map<number, number>;
}

/** One open container of the shape scan; frames are reused by depth, so a walk allocates per level, not per container. */
interface Frame {
  object: boolean;
  /** Object: offset of the key of the value being read; array: the index. */
  at: number;
  expectKey: boolean;
  start: number;
  /** Object keys seen so far, first occurrences only, as offsets and hashes: a list while short, then a table. */
  keyStarts: number[];
  keyEnds: number[];
  hashes: number[];
  table: KeyTable | undefined;
}

/** Depth, duplicate keys and the ends of large containers of valid JSON `text`, in one pass. */
export function scanJsonShape(text: string): JsonShape {
  const frames: Frame[] = [];
  const duplicates: JsonDuplicate[] = [];
  const containerEnds = new Map<number, number>();
  let depth = 0;
  let maxDepth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    switch (text.charCodeAt(i)) {
      case QUOTE: {
        const end = stringEnd(text, i);
        const top = depth > 0 ? frames[depth - 1] : undefined;
        if (top?.object && top.expectKey) {
          const hash = keyHash(text, i, end);
          const first = firstOffset(text, top, hash, i, end);
          // Only the offset of the first occurrence is kept per key; key text is decoded only for a repeat.
          if (first >= 0) duplicates.push({ path: [...pathTo(text, frames, depth - 1), decodeKey(text, i, end)], first: [first, stringEnd(text, first)], second: [i, end] });
          else addKey(text, top, hash, i, end);
          top.at = i;
          top.expectKey = false;
        }
        i = end - 1;
        break;
      }
      case OPEN_BRACE:
      case OPEN_BRACKET: {
        const object = text.charCodeAt(i) === OPEN_BRACE;
        const frame = (frames[depth] ??= { object, at: 0, expectKey: false, start: 0, keyStarts: [], keyEnds: [], hashes: [], table: undefined });
        frame.object = object;
        frame.at = object ? -1 : 0;
        frame.expectKey = object;
        frame.start = i;
        frame.keyStarts.length = 0;
        frame.keyEnds.length = 0;
        frame.hashes.length = 0;
        frame.table = undefined;
        if (++depth > maxDepth) maxDepth = depth;
        break;
      }
      case CLOSE_BRACE:
      case CLOSE_BRACKET: {
        const frame = frames[--depth];
        if (i + 1 - frame.start >= RECORDED_LENGTH) containerEnds.set(frame.start, i + 1);
        break;
      }
      case COMMA: {
        const top = frames[depth - 1];
        if (!top) break;
        if (top.object) top.expectKey = true;
        else top.at++;
        break;
      }
      default:
        break;
    }
  }
  return { maxDepth, duplicates, containerEnds };
}

/** Offset of the first occurrence in the frame's object of the key literal text[start, end), or -1. */
function firstOffset(text: string, frame: Frame, hash: number, start: number, end: number): number {
  if (frame.table) {
    const e = frame.table.find(hash, start, end);
    return e < 0 ? -1 : frame.table.startOf(e);
  }
  for (let k = 0; k < frame.hashes.length; k++) {
    if (frame.hashes[k] === hash && sameKey(text, frame.keyStarts[k], frame.keyEnds[k], start, end)) return frame.keyStarts[k];
  }
  return -1;
}

function addKey(text: string, frame: Frame, hash: number, start: number, end: number): void {
  if (frame.table) {
    frame.table.add(hash, start, end);
    return;
  }
  frame.keyStarts.push(start);
  frame.keyEnds.push(end);
  frame.hashes.push(hash);
  if (frame.hashes.length > LISTED_KEYS) {
    const table = new KeyTable(text);
    for (let k = 0; k < frame.hashes.length; k++) table.add(frame.hashes[k], frame.keyStarts[k], frame.keyEnds[k]);
    frame.table = table;
  }
}

/** The path of keys and indexes to the value being read in `frames[depth]` (keys decoded here, for a duplicate's report). */
function pathTo(text: string, frames: Frame[], depth: number): (string | number)[] {
  return frames.slice(0, depth).map((f) => (f.object ? decodeKey(text, f.at, stringEnd(text, f.at)) : f.at));
}

/** Offset just past the string literal whose opening quote is at `start`. */
export function stringEnd(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote === -1) return text.length;
    // A quote after an odd number of backslashes is part of the string.
    let slash = quote - 1;
    while (text.charCodeAt(slash) === BACKSLASH) slash--;
    if ((quote - 1 - slash) % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/** Offset of the first character at or after `i` that is not JSON whitespace. */
export function skipWhitespace(text: string, i: number): number {
  let j = i;
  for (let c = text.charCodeAt(j); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = text.charCodeAt(++j));
  return j;
}

/** Offset just past the value that starts at `start`; `ends` (from the shape scan) lets it step over large containers. */
export function valueEnd(text: string, start: number, ends: ReadonlyMap<number, number>): number {
  const c = text.charCodeAt(start);
  if (c === QUOTE) return stringEnd(text, start);
  if (c === OPEN_BRACE || c === OPEN_BRACKET) return ends.get(start) ?? containerEnd(text, start);
  // A number, true, false or null: up to the next delimiter.
  let j = start + 1;
  for (let d = text.charCodeAt(j); j < text.length && !isDelimiter(d); d = text.charCodeAt(++j));
  return j;
}

function isDelimiter(c: number): boolean {
  return c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Offset just past the container opened at `start` (read to its end; for containers the shape scan did not record). */
function containerEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) i = stringEnd(text, i) - 1;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0) return i + 1;
  }
  return text.length;
}

/** Where one member of a container is written: its value's [start, end), and the offset of its key (-1 in an array). */
export interface JsonMember {
  start: number;
  end: number;
  keyStart: number;
}

/** Numbers kept per member: key start and end (-1 in an array), value start and end, key hash (0 in an array). */
const SPAN = 5;

/**
 * The members of one container, SPAN numbers each in one flat array: by index for an array; for an
 * object, one per distinct key (a repeated key keeps its last member, as JSON.parse does). An
 * object's keys are compared one by one, hash first, while it has few (most have), then through a
 * KeyTable: a large plan indexes thousands of small containers, and a table of typed arrays each
 * cost more memory than their members.
 */
export interface JsonMembers {
  object: boolean;
  count: number;
  spans: Int32Array;
  keys: KeyTable | undefined;
}

/** The members of the container opened at `open`. */
export function membersOf(text: string, open: number, ends: ReadonlyMap<number, number>): JsonMembers {
  const object = text.charCodeAt(open) === OPEN_BRACE;
  const close = object ? CLOSE_BRACE : CLOSE_BRACKET;
  const m: JsonMembers = { object, count: 0, spans: new Int32Array(SPAN * 8), keys: undefined };
  let i = skipWhitespace(text, open + 1);
  while (i < text.length && text.charCodeAt(i) !== close) {
    let keyStart = -1;
    let keyEnd = -1;
    let hash = 0;
    if (object) {
      keyStart = i;
      keyEnd = stringEnd(text, i);
      hash = keyHash(text, keyStart, keyEnd);
      i = skipWhitespace(text, keyEnd);
      if (text.charCodeAt(i) === COLON) i = skipWhitespace(text, i + 1);
    }
    const end = valueEnd(text, i, ends);
    const repeated = object ? memberWithKey(text, m, hash, keyStart, keyEnd) : -1;
    const at = repeated >= 0 ? repeated : m.count++;
    if (SPAN * m.count > m.spans.length) m.spans = grown(m.spans);
    const o = SPAN * at;
    m.spans[o] = keyStart;
    m.spans[o + 1] = keyEnd;
    m.spans[o + 2] = i;
    m.spans[o + 3] = end;
    m.spans[o + 4] = hash;
    if (object && repeated < 0) indexKey(text, m, at);
    i = skipWhitespace(text, end);
    if (text.charCodeAt(i) === COMMA) i = skipWhitespace(text, i + 1);
  }
  return m;
}

/**
 * The member of object `m` whose key reads as the literal text[start, end) (`hash` = keyHash of it),
 * or -1. Hashes are compared first: comparing two different keys may decode them, which costs their
 * length, and a hostile object of a few long keys would otherwise pay it at every repeat.
 */
function memberWithKey(text: string, m: JsonMembers, hash: number, start: number, end: number): number {
  if (m.keys) return m.keys.find(hash, start, end);
  for (let k = 0; k < m.count; k++) {
    const o = SPAN * k;
    if (m.spans[o + 4] === hash && sameKey(text, m.spans[o], m.spans[o + 1], start, end)) return k;
  }
  return -1;
}

/** Records the key of new member `at` (the last): in the table, or in one built once the object has many. */
function indexKey(text: string, m: JsonMembers, at: number): void {
  if (m.keys) {
    const o = SPAN * at;
    m.keys.add(m.spans[o + 4], m.spans[o], m.spans[o + 1]);
  } else if (m.count > LISTED_KEYS) {
    // Entries are numbered in the order added, so entry k is member k. A repeated key's member holds
    // its last spelling, which the table then compares with: the same key, decoded.
    const table = new KeyTable(text);
    for (let o = 0; o < SPAN * m.count; o += SPAN) table.add(m.spans[o + 4], m.spans[o], m.spans[o + 1]);
    m.keys = table;
  }
}

/** Member `seg` of the container `m` of `text` (a key of an object, an index of an array), or undefined. */
export function memberAt(text: string, m: JsonMembers, seg: string | number): JsonMember | undefined {
  let at = -1;
  if (m.object) {
    if (typeof seg === 'string') at = m.keys ? m.keys.findKey(seg) : listedMember(text, m, seg);
  } else if (typeof seg === 'number' && Number.isInteger(seg) && seg >= 0 && seg < m.count) at = seg;
  return at < 0 ? undefined : { start: m.spans[SPAN * at + 2], end: m.spans[SPAN * at + 3], keyStart: m.spans[SPAN * at] };
}

/** The member of a small object (no table) whose key reads as `key`, or -1 (hashes first, as above). */
function listedMember(text: string, m: JsonMembers, key: string): number {
  const hash = stringHash(key);
  for (let k = 0; k < m.count; k++) {
    const o = SPAN * k;
    if (m.spans[o + 4] === hash && keyReads(text, m.spans[o], m.spans[o + 1], key)) return k;
  }
  return -1;
}
