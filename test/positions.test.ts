// JSON positions without a parse tree (issue 14): the lazy member index must give exactly the
// ranges jsonc-parser's tree gave (the reference below is the tree walk kmslint used before), and
// the character scan exactly the duplicate keys jsonc-parser's visitor sees, on documents with
// escaped and non-ASCII keys, CRLF line ends, a byte order mark, repeated keys and deep nesting.
import { describe, expect, it } from 'vitest';
import { parseTree, visit, type Node } from 'jsonc-parser';
import { makeJsonDocument, parseJsonDocument } from '../src/inputs/json-document.js';
import { scanJsonShape } from '../src/inputs/json-scan.js';
import { LineIndex } from '../src/inputs/line-index.js';
import type { DocPath, SourceRange } from '../src/model/types.js';

/** The range jsonc-parser's tree gives for `path` (kmslint's lookup before issue 14). */
function treeLocate(text: string, path: DocPath, key: boolean): SourceRange {
  const offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (parsed?.text !== text) parsed = { text, tree: parseTree(text.slice(offset), [], { allowTrailingComma: false, disallowComments: true })!, lines: new LineIndex(text) };
  const { tree, lines } = parsed;
  const child = (node: Node, seg: string | number): Node | undefined => {
    if (node.type === 'array') return typeof seg === 'number' ? node.children?.[seg] : undefined;
    if (node.type !== 'object' || typeof seg !== 'string') return undefined;
    let found: Node | undefined;
    for (const p of node.children ?? []) if (p.children?.[0]?.value === seg && p.children[1]) found = p.children[1];
    return found;
  };
  let node: Node = tree;
  let absent = false;
  for (const seg of path) {
    if (node.type === 'object' && typeof seg === 'number') continue;
    const next = child(node, seg);
    if (!next) {
      absent = true;
      break;
    }
    node = next;
  }
  const start = (key || absent) && node.parent?.type === 'property' ? node.parent : node;
  return lines.range(start.offset + offset, node.offset + node.length + offset);
}
let parsed: { text: string; tree: Node; lines: LineIndex } | undefined;

/** Every path of `value`, and beside each some that are not there (a missing key, an index past the end, a step through a scalar). */
function pathsOf(value: unknown, prefix: DocPath = [], out: DocPath[] = []): DocPath[] {
  out.push(prefix);
  if (Array.isArray(value)) {
    value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
    out.push([...prefix, value.length], [...prefix, 'x'], [...prefix, -1]);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
    out.push([...prefix, 'absent'], [...prefix, 0], [...prefix, 0, 'absent'], [...prefix, 'absent', 'deeper']);
  } else {
    out.push([...prefix, 'below'], [...prefix, 0]);
  }
  return out;
}

function expectSameRanges(text: string, paths?: DocPath[]): number {
  const doc = parseJsonDocument('t.json', text);
  const all = paths ?? pathsOf(doc.root);
  const actual: unknown[] = [];
  const expected: unknown[] = [];
  for (const path of all) {
    for (const key of [false, true]) {
      actual.push({ path, key, range: doc.locate(path, key) });
      expected.push({ path, key, range: treeLocate(text, path, key) });
    }
  }
  expect(actual).toEqual(expected);
  return all.length;
}

/** Deterministic pseudo-random numbers (a fixed seed: a failure reproduces). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const KEYS = ['Type', 'Properties', 'a"b', 'back\\slash', 'tab\there', '\u00e9t\u00e9', 'ключ', '\u{1f511}key', '', 'Resources', '__proto__', 'end\\'];
const STRINGS = ['text', 'quote " inside', 'ends with backslash \\', '\u2028line separator', '\u{1f600}', 'arn:aws:kms:eu-west-1:111122223333:key/x', ''];

function randomValue(next: () => number, depth: number): unknown {
  const r = next();
  if (depth > 5 || r < 0.35) {
    const s = next();
    if (s < 0.4) return STRINGS[Math.floor(next() * STRINGS.length)];
    if (s < 0.6) return [0, -1.5e-7, 123456789, 3.25, -0][Math.floor(next() * 5)];
    return [true, false, null][Math.floor(next() * 3)];
  }
  if (r < 0.6) return Array.from({ length: Math.floor(next() * 5) }, () => randomValue(next, depth + 1));
  const out: Record<string, unknown> = {};
  for (let i = Math.floor(next() * 6); i > 0; i--) out[KEYS[Math.floor(next() * KEYS.length)] + (next() < 0.5 ? '' : String(i))] = randomValue(next, depth + 1);
  return out;
}

/** JSON text of `value` with keys escaped in the ways JSON allows (`\u0041` for `A`) and repeated keys added. */
function writeJson(value: unknown, next: () => number, indent: string, newline: string): string {
  const pad = (d: number) => (indent ? newline + indent.repeat(d) : '');
  const key = (k: string) => (next() < 0.3 ? JSON.stringify(k).replace(/[A-Za-z]/, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : JSON.stringify(k));
  const write = (v: unknown, d: number): string => {
    if (Array.isArray(v)) return v.length ? `[${v.map((x) => pad(d + 1) + write(x, d + 1)).join(',')}${pad(d)}]` : '[]';
    if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v);
      // A key written twice, the first time with another value: the last one is read.
      if (entries.length > 0 && next() < 0.3) entries.unshift([entries[0][0], 'overwritten']);
      return entries.length ? `{${entries.map(([k, x]) => `${pad(d + 1)}${key(k)}:${indent ? ' ' : ''}${write(x, d + 1)}`).join(',')}${pad(d)}}` : '{}';
    }
    return JSON.stringify(v);
  };
  return write(value, 0);
}

describe('JSON positions from the member index are the ranges of the parse tree', () => {
  it.each([
    ['compact', '', '\n'],
    ['indented, LF', '  ', '\n'],
    ['indented, CRLF', '\t', '\r\n'],
  ])('100 generated documents, %s: every path, with and without the key', (_name, indent, newline) => {
    const next = random(indent.length * 7 + newline.length);
    let paths = 0;
    for (let i = 0; i < 100; i++) {
      const value = { Resources: randomValue(next, 0), Outputs: randomValue(next, 0) };
      paths += expectSameRanges(writeJson(value, next, indent, newline));
    }
    expect(paths).toBeGreaterThan(2500);
  });

  it('a byte order mark, space around the root and a scalar root', () => {
    expectSameRanges('\ufeff  {"A": {"B": [1, {"C": "d"}]}}  \n');
    expectSameRanges(' "just text" ');
    expectSameRanges('[]');
  });

  it('large containers, which the shape scan records so lookups step over them, give the same ranges', () => {
    const members = Array.from({ length: 400 }, (_, i) => `"Queue${i}": {"Type": "AWS::SQS::Queue", "Properties": {"KmsMasterKeyId": "alias/aws/sqs", "Tags": [{"Key": "k", "Value": "${'v'.repeat(300 + i)}"}]}}`);
    const text = `{\r\n "Resources": {\r\n  ${members.join(',\r\n  ')}\r\n },\r\n "Outputs": {"Arn": {"Value": {"Fn::GetAtt": ["Queue7", "Arn"]}}}\r\n}`;
    expect(scanJsonShape(text).containerEnds.size).toBeGreaterThan(200);
    expect(expectSameRanges(text)).toBeGreaterThan(4000);
  });

  it('a numeric step onto an object stays on the object (a Terraform block written as an object)', () => {
    const text = '{"resource": {"aws_sqs_queue": {"q": {"kms_master_key_id": "alias/aws/sqs"}}}}';
    const doc = parseJsonDocument('t.tf.json', text);
    expect(doc.locate(['resource', 'aws_sqs_queue', 'q', 0, 'kms_master_key_id'], true)).toEqual({ line: 1, column: 39, endLine: 1, endColumn: 75 });
    expectSameRanges(text, [['resource', 0, 'aws_sqs_queue', 0, 'q', 0, 'kms_master_key_id'], ['resource', 'aws_sqs_queue', 'q', 0, 0], ['resource', 0, 'absent', 0]]);
  });

  it('objects on both sides of the short key list (1–30 keys), keys repeated in other spellings before and after it', () => {
    const next = random(30);
    const spell = (k: string) => (next() < 0.5 ? JSON.stringify(k) : JSON.stringify(k).replace(/[a-z]/, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
    let paths = 0;
    for (let size = 1; size <= 30; size++) {
      const keys = Array.from({ length: size }, (_, i) => `${KEYS[i % KEYS.length]}k${i}`);
      // Every third key is written again later, with another spelling and value: the last one is read.
      const members = keys.map((k, i) => `${spell(k)}: {"v": ${i}}`);
      for (let i = 0; i < size; i += 3) members.splice(Math.floor(next() * (members.length + 1)), 0, `${spell(keys[i])}: {"again": [${i}]}`);
      paths += expectSameRanges(`{"Resources": {${members.join(', ')}}}`);
    }
    expect(paths).toBeGreaterThan(900);
  });

  it('a repeated key resolves to its last occurrence, as JSON.parse reads it', () => {
    const text = '{\n  "Key": {"A": 1},\n  "Key": {"A": 2}\n}';
    expect(parseJsonDocument('t.json', text).locate(['Key', 'A'], true)).toEqual({ line: 3, column: 11, endLine: 3, endColumn: 17 });
    expectSameRanges(text);
  });

  it('nesting deeper than the old tree limit (500): ranges along a 1,200-level path are the tree\'s', () => {
    const depth = 1200; // the oracle, jsonc-parser's recursive parseTree, overflowed the stack now and then at 2,000
    const text = `{"Resources": ${'{"a": ['.repeat(depth)}"leaf"${']}'.repeat(depth)}}`;
    const path: (string | number)[] = ['Resources'];
    for (let i = 0; i < depth; i++) path.push('a', 0);
    expectSameRanges(text, [path, path.slice(0, 1001), [...path.slice(0, 600), 'absent'], [...path, 'below']]);
  });
});

/** Duplicate keys as jsonc-parser's visitor reports them: path, first and repeated key offsets. */
function visitedDuplicates(text: string): unknown[] {
  const out: unknown[] = [];
  const open: Map<string, [number, number]>[] = [];
  visit(text, {
    onObjectBegin: () => void open.push(new Map()),
    onObjectEnd: () => void open.pop(),
    onObjectProperty: (property, offset, length, _line, _column, pathSupplier) => {
      const seen = open[open.length - 1];
      const first = seen.get(property);
      if (first) out.push({ path: [...pathSupplier(), property], first, second: [offset, offset + length] });
      else seen.set(property, [offset, offset + length]);
    },
  });
  return out;
}

describe('duplicate keys from the character scan are those of a tokenising visitor', () => {
  it('300 generated documents with repeated and escaped keys', () => {
    const next = random(99);
    let found = 0;
    for (let i = 0; i < 300; i++) {
      const text = writeJson({ Resources: randomValue(next, 0) }, next, i % 2 ? '  ' : '', '\n');
      const expected = visitedDuplicates(text);
      expect(scanJsonShape(text).duplicates).toEqual(expected);
      found += expected.length;
    }
    expect(found).toBeGreaterThan(100);
  });

  it('"A" and "\\u0041" are one key; the positions are those of the two key tokens', () => {
    const text = '{\r\n  "Resources": {"Q": {"Type": "x", "\\u0054ype": "y"}}\r\n}';
    const doc = makeJsonDocument('t.json', text, JSON.parse(text));
    expect(doc.duplicateKeys).toEqual([{ path: ['Resources', 'Q', 'Type'], first: { line: 2, column: 23, endLine: 2, endColumn: 29 }, second: { line: 2, column: 36, endLine: 2, endColumn: 47 } }]);
  });

  it('a key repeated 20 times in a mapping of 5,000 keys (past the short list, into the map) is reported each time against the first', () => {
    const entries = Array.from({ length: 5000 }, (_, i) => `"k${i}": ${i}`);
    for (let i = 0; i < 20; i++) entries.push(`"k${i * 7}": "again"`);
    const text = `{"Metadata": {${entries.join(', ')}}}`;
    const shape = scanJsonShape(text);
    expect(shape.duplicates).toEqual(visitedDuplicates(text));
    expect(shape.duplicates.map((d) => d.path)).toEqual(Array.from({ length: 20 }, (_, i) => ['Metadata', `k${i * 7}`]));
  });

  it('a wide mapping whose keys are repeated in other spellings ("k5" and "\\u006b5", the empty key, a quote): duplicates and ranges are the tokeniser\'s', () => {
    const keys = ['', 'a"b', 'été', ...Array.from({ length: 60 }, (_, i) => `k${i}`)];
    const escaped = (k: string) => JSON.stringify(k).replace(/[a-z]/, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const entries = keys.map((k, i) => `${i % 3 ? JSON.stringify(k) : escaped(k)}: {"v": ${i}}`);
    for (const [i, k] of keys.entries()) if (i % 4 === 0) entries.push(`${i % 3 ? escaped(k) : JSON.stringify(k)}: [${i}]`);
    const text = `{"Metadata": {\n  ${entries.join(',\n  ')}\n}}`;
    const shape = scanJsonShape(text);
    expect(shape.duplicates).toEqual(visitedDuplicates(text));
    expect(shape.duplicates).toHaveLength(16);
    expect(expectSameRanges(text)).toBeGreaterThan(250);
  });
});
