// Character-level walks over JSON text that JSON.parse has already accepted (so the text is valid
// and only its structure needs finding): no recursion, so any depth, and no tokens or trees, so a
// walk over tens of megabytes allocates little. Offsets are UTF-16 code units, as in the text.

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
/** Keys of one object kept in a list (compared one by one) before they move to a Map. */
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
  /** Object: the key of the value being read; array: the index. */
  at: string | number;
  expectKey: boolean;
  start: number;
  /** Object keys seen so far with the offset of their first occurrence: a list while short, then a Map. */
  names: string[];
  offsets: number[];
  byName: Map<string, number> | undefined;
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
          const key = stringValue(text, i, end);
          const first = firstOffset(top, key);
          // Only the offset of the first occurrence is kept per key (one number, not a list per key).
          if (first !== undefined) duplicates.push({ path: [...frames.slice(0, depth - 1).map((f) => f.at), key], first: [first, stringEnd(text, first)], second: [i, end] });
          else addKey(top, key, i);
          top.at = key;
          top.expectKey = false;
        }
        i = end - 1;
        break;
      }
      case OPEN_BRACE:
      case OPEN_BRACKET: {
        const object = text.charCodeAt(i) === OPEN_BRACE;
        const frame = (frames[depth] ??= { object, at: 0, expectKey: false, start: 0, names: [], offsets: [], byName: undefined });
        frame.object = object;
        frame.at = object ? '' : 0;
        frame.expectKey = object;
        frame.start = i;
        frame.names.length = 0;
        frame.offsets.length = 0;
        frame.byName = undefined;
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
        else top.at = (top.at as number) + 1;
        break;
      }
      default:
        break;
    }
  }
  return { maxDepth, duplicates, containerEnds };
}

function firstOffset(frame: Frame, key: string): number | undefined {
  if (frame.byName) return frame.byName.get(key);
  const at = frame.names.indexOf(key);
  return at === -1 ? undefined : frame.offsets[at];
}

function addKey(frame: Frame, key: string, offset: number): void {
  if (frame.byName) {
    frame.byName.set(key, offset);
    return;
  }
  frame.names.push(key);
  frame.offsets.push(offset);
  if (frame.names.length > LISTED_KEYS) {
    frame.byName = new Map(frame.names.map((name, k) => [name, frame.offsets[k]]));
    frame.names.length = 0;
    frame.offsets.length = 0;
  }
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

/** The text of the string literal at [start, end): escapes decoded only where there are any. */
export function stringValue(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  return raw.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : raw;
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

/** The members of the container opened at `open`: by key for an object (a repeated key keeps its last member, as JSON.parse does), by index for an array. */
export function membersOf(text: string, open: number, ends: ReadonlyMap<number, number>): Map<string, JsonMember> | JsonMember[] {
  const object = text.charCodeAt(open) === OPEN_BRACE;
  const close = object ? CLOSE_BRACE : CLOSE_BRACKET;
  const byKey = new Map<string, JsonMember>();
  const items: JsonMember[] = [];
  let i = skipWhitespace(text, open + 1);
  while (i < text.length && text.charCodeAt(i) !== close) {
    let keyStart = -1;
    let key = '';
    if (object) {
      keyStart = i;
      const keyEnd = stringEnd(text, i);
      key = stringValue(text, i, keyEnd);
      i = skipWhitespace(text, keyEnd);
      if (text.charCodeAt(i) === COLON) i = skipWhitespace(text, i + 1);
    }
    const end = valueEnd(text, i, ends);
    if (object) byKey.set(key, { start: i, end, keyStart });
    else items.push({ start: i, end, keyStart });
    i = skipWhitespace(text, end);
    if (text.charCodeAt(i) === COMMA) i = skipWhitespace(text, i + 1);
  }
  return object ? byKey : items;
}
