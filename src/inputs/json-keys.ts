// The keys of one JSON object held as offsets into the text instead of as strings: an
// open-addressing hash table over typed arrays. An object of a million keys then costs a few flat
// arrays, not a million strings and Map entries that the garbage collector copies and marks over and
// over as the heap grows (issue 14: that made locating every key of a 1M-key mapping super-linear).
// Keys compare as JSON.parse reads them: `"a"` and `"\u0061"` are one key.
//
// The input may be hostile (a template in a pull request): with a fixed hash, keys can be made to
// collide and every lookup walks all of them. So the hash is seeded per process and mixed before
// it picks a slot, and a table whose probes still run long moves to a Map (whose hash V8 seeds).

const BACKSLASH = 0x5c;
/** Per-process offset basis: keys chosen to collide under a known basis do not collide under this one. */
const SEED = (0x811c9dc5 ^ Math.floor(Math.random() * 0x100000000)) | 0;
/** Slots probed in one lookup past which a table stops hashing itself; at most half full, a good hash needs a few. */
const PROBE_LIMIT = 64;

/** Seeded FNV-1a over the UTF-16 code units of the decoded key whose literal (quotes included) is text[start, end). */
export function keyHash(text: string, start: number, end: number): number {
  let h = SEED;
  for (let i = start + 1; i < end - 1; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) return stringHash(decodeKey(text, start, end));
    h = Math.imul(h ^ c, 0x01000193);
  }
  return mixed(h);
}

/** The same hash of a key given as a string. */
export function stringHash(key: string): number {
  let h = SEED;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return mixed(h);
}

/**
 * MurmurHash3's finaliser: FNV-1a's low bits depend only on the low bits of the characters, so
 * keys differing only in high bits would share slots whatever the seed; this spreads every bit.
 */
function mixed(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The text of the key literal at text[start, end): escapes decoded only where there are any. */
export function decodeKey(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  return raw.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : raw;
}

/** Whether the key literals text[a, aEnd) and text[b, bEnd) read as one key. */
export function sameKey(text: string, a: number, aEnd: number, b: number, bEnd: number): boolean {
  const length = aEnd - a;
  if (length === bEnd - b) {
    let i = 1;
    while (i < length && text.charCodeAt(a + i) === text.charCodeAt(b + i)) i++;
    if (i === length) return true;
  }
  // Different literals may still be one key when either holds an escape.
  return decodeKey(text, a, aEnd) === decodeKey(text, b, bEnd);
}

/** Whether the key literal at text[start, end) reads as `key`. */
export function keyReads(text: string, start: number, end: number, key: string): boolean {
  // Same characters and no escape in the literal: equal without decoding (the common case).
  if (end - start - 2 === key.length && text.startsWith(key, start + 1) && !key.includes('\\')) return true;
  return decodeKey(text, start, end) === key;
}

/** Entries are numbered 0, 1, … in the order added; callers keep what belongs to an entry in their own arrays by that number. */
export class KeyTable {
  /** Entry number + 1 per slot, 0 for an empty slot; the length is a power of two, at most half full. */
  private slots = new Int32Array(64);
  private hashes = new Int32Array(32);
  private starts = new Int32Array(32);
  private ends = new Int32Array(32);
  /** Set once a probe ran past PROBE_LIMIT: decoded key (prefixed, see `mapKey`) → entry; the slots are then unused. */
  private byKey: Map<string, number> | undefined;
  size = 0;

  constructor(private readonly text: string) {}

  /** Whether this table has moved to a Map because its keys collide. */
  get flooded(): boolean {
    return this.byKey !== undefined;
  }

  /** The entry of the key written as the literal text[start, end) (`hash` = keyHash of it), or -1. */
  find(hash: number, start: number, end: number): number {
    if (this.byKey) return this.byKey.get(mapKey(decodeKey(this.text, start, end))) ?? -1;
    const mask = this.slots.length - 1;
    for (let s = hash & mask, probes = 0; ; s = (s + 1) & mask) {
      const e = this.slots[s] - 1;
      if (e < 0) return -1;
      if (this.hashes[e] === hash && this.sameKey(e, start, end)) return e;
      if (++probes > PROBE_LIMIT) return this.flood().find(hash, start, end);
    }
  }

  /** The entry of `key`, or -1. */
  findKey(key: string): number {
    if (this.byKey) return this.byKey.get(mapKey(key)) ?? -1;
    const hash = stringHash(key);
    const mask = this.slots.length - 1;
    for (let s = hash & mask, probes = 0; ; s = (s + 1) & mask) {
      const e = this.slots[s] - 1;
      if (e < 0) return -1;
      if (this.hashes[e] === hash && keyReads(this.text, this.starts[e], this.ends[e], key)) return e;
      if (++probes > PROBE_LIMIT) return this.flood().findKey(key);
    }
  }

  /** Add a key known not to be in the table; returns its entry number. */
  add(hash: number, start: number, end: number): number {
    if (this.size === this.hashes.length) {
      this.hashes = grown(this.hashes);
      this.starts = grown(this.starts);
      this.ends = grown(this.ends);
    }
    const e = this.size++;
    this.hashes[e] = hash;
    this.starts[e] = start;
    this.ends[e] = end;
    if (this.byKey) this.byKey.set(mapKey(decodeKey(this.text, start, end)), e);
    else if (2 * this.size > this.slots.length) this.rehash();
    else if (!this.place(e)) this.flood();
    return e;
  }

  /** Offset of the opening quote of the key of entry `e`, as added (the shape scan adds first occurrences). */
  startOf(e: number): number {
    return this.starts[e];
  }

  private sameKey(e: number, start: number, end: number): boolean {
    return sameKey(this.text, this.starts[e], this.ends[e], start, end);
  }

  /** Put entry `e` in its slot; false when that took more than PROBE_LIMIT probes (it is placed all the same). */
  private place(e: number): boolean {
    const mask = this.slots.length - 1;
    let s = this.hashes[e] & mask;
    let probes = 0;
    while (this.slots[s] !== 0) {
      s = (s + 1) & mask;
      probes++;
    }
    this.slots[s] = e + 1;
    return probes <= PROBE_LIMIT;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    let short = true;
    for (let e = 0; e < this.size; e++) short = this.place(e) && short;
    if (!short) this.flood();
  }

  /** Move every entry to a Map of decoded keys: linear whatever the keys, at the cost of a string per key. */
  private flood(): this {
    const byKey = new Map<string, number>();
    for (let e = 0; e < this.size; e++) byKey.set(mapKey(decodeKey(this.text, this.starts[e], this.ends[e])), e);
    this.byKey = byKey;
    this.slots = new Int32Array(0);
    return this;
  }
}

/** A Map key for `key` that is never an array index: V8 hashes a string like "123" by its value, unseeded. */
function mapKey(key: string): string {
  return '$' + key;
}

/** The array with twice the room, same contents. */
export function grown(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
