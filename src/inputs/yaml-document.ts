// YAML documents with CloudFormation short-form tags, converted to the long (JSON) form. Positions are
// found lazily by walking the YAML AST along a path, so converting pays for no position table.
import {
  Document,
  LineCounter,
  parseDocument,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type CollectionTag,
  type Node,
  type Pair,
} from 'yaml';
import type { DocPath, SourceDocument, SourceRange } from '../model/types.js';
import { LineIndex } from './line-index.js';
import { DocumentParseError } from './errors.js';
import { setOwn } from '../util/objects.js';

const INTRINSICS = [
  'Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub',
  'Transform', 'And', 'Equals', 'If', 'Not', 'Or', 'ToJsonString', 'Length', 'ForEach',
];
const TAG_NAMES = ['Ref', 'Condition', ...INTRINSICS];

// One tag object per intrinsic and node kind; `resolve` keeps the node so the tag survives.
const cfnTags = TAG_NAMES.flatMap((n) => [
  { tag: `!${n}`, resolve: (s: string) => s },
  { tag: `!${n}`, collection: 'seq', resolve: (c: unknown) => c } as unknown as CollectionTag,
  { tag: `!${n}`, collection: 'map', resolve: (c: unknown) => c } as unknown as CollectionTag,
]);

/** Most values a document may expand to: stops alias bombs (`&a [*b,*b,…]`) long before memory runs out. */
const MAX_NODES = 2_000_000;
/** CloudFormation accepts templates up to 1 MB; YAML parsing is slow, so refuse what is far beyond. */
export const MAX_YAML_BYTES = 16 * 1024 * 1024;

export function parseYamlDocument(file: string, text: string): SourceDocument {
  if (text.length > MAX_YAML_BYTES) {
    throw new DocumentParseError(file, `YAML file is ${Math.round(text.length / 1048576)} MB; kmslint reads YAML templates up to ${MAX_YAML_BYTES / 1048576} MB (CloudFormation's own limit is 1 MB)`, 1, 1);
  }
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { customTags: cfnTags, lineCounter, uniqueKeys: true, prettyErrors: true, strict: false });
  } catch (err) {
    throw new DocumentParseError(file, `invalid YAML: ${err instanceof RangeError ? 'nesting too deep' : String(err)}`, 1, 1);
  }
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
    throw new DocumentParseError(file, `invalid YAML: ${firstLine(e.message)}`, pos.line, pos.col);
  }
  let root: unknown;
  try {
    root = new Converter(doc, lineCounter).convert(doc.contents);
  } catch (err) {
    if (err instanceof DocumentParseError) throw new DocumentParseError(file, err.message, err.line, err.column);
    if (err instanceof RangeError) throw new DocumentParseError(file, 'invalid YAML: nesting too deep', 1, 1);
    throw err;
  }
  let lines: LineIndex | undefined;
  return {
    file,
    text,
    root,
    locate(path: DocPath, key = false): SourceRange | undefined {
      lines ??= new LineIndex(text);
      // The deepest existing ancestor stands in for a path that is absent (a property not written).
      for (let n = path.length; n >= 0; n--) {
        const found = walk(doc, path.slice(0, n));
        if (!found) continue;
        const [node, pair] = found;
        const start = (key || n < path.length) && pair && isNodeWithRange(pair.key) ? pair.key.range![0] : tagStart(text, node.range![0]);
        return lines.range(start, node.range![1]);
      }
      return undefined;
    },
  };
}

function firstLine(s: string): string {
  // The position goes in line/column; drop the library's own " at line L, column C:" suffix.
  return s.split('\n')[0].replace(/ at line \d+, column \d+:?\s*$/, '');
}

function isNodeWithRange(n: unknown): n is Node {
  return typeof n === 'object' && n !== null && 'range' in n && Array.isArray((n as Node).range);
}

/** A node's range starts after its tag; include the tag (`!GetAtt …`) in the reported range. */
function tagStart(text: string, start: number): number {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  let j = i;
  while (j >= 0 && /[A-Za-z:!]/.test(text[j])) j--;
  return text[j + 1] === '!' && j < i ? j + 1 : start;
}

function intrinsicKey(tag: string | undefined): string | undefined {
  if (!tag || !tag.startsWith('!')) return undefined;
  const name = tag.slice(1);
  if (name === 'Ref' || name === 'Condition') return name;
  return INTRINSICS.includes(name) ? `Fn::${name}` : undefined;
}

class Converter {
  private count = 0;
  private readonly active = new Set<Node>();
  // Alias.resolve() searches the whole document each time; resolve each alias node once.
  private readonly targets = new Map<Node, Node | undefined>();

  constructor(
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  convert(node: Node | null | undefined): unknown {
    if (node == null) return null;
    if (++this.count > MAX_NODES) {
      const pos = this.position(node);
      throw new DocumentParseError('', `document expands to more than ${MAX_NODES} values (YAML aliases?)`, pos.line, pos.column);
    }
    if (isAlias(node)) {
      let target = this.targets.get(node);
      if (!this.targets.has(node)) this.targets.set(node, (target = node.resolve(this.doc) as Node | undefined));
      if (!target) return null;
      if (this.active.has(target)) {
        const pos = this.position(node);
        throw new DocumentParseError('', 'YAML alias refers to itself', pos.line, pos.column);
      }
      this.active.add(target);
      try {
        return this.convert(target);
      } finally {
        this.active.delete(target);
      }
    }
    const value = this.plain(node);
    const fn = intrinsicKey(node.tag);
    if (!fn) return value;
    if (fn === 'Fn::GetAtt' && typeof value === 'string') {
      const dot = value.indexOf('.');
      return { [fn]: dot === -1 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
    }
    return { [fn]: value };
  }

  private plain(node: Node): unknown {
    if (isScalar(node)) return normaliseScalar(node.value);
    if (isSeq(node)) return node.items.map((item) => this.convert(item as Node));
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        const k = isScalar(pair.key) ? String(pair.key.value) : isAlias(pair.key) ? String(this.convert(pair.key)) : String(pair.key);
        setOwn(out, k, this.convert(pair.value as Node));
      }
      return out;
    }
    return null;
  }

  private position(node: Node): { line: number; column: number } {
    const offset = node.range?.[0] ?? 0;
    const pos = this.lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  }
}

function normaliseScalar(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return v;
}

/** Follow `path` through the AST; an intrinsic's own key (`Fn::If`, `Ref`) stays on the tagged node. */
function walk(doc: Document.Parsed, path: DocPath): [Node, Pair | undefined] | undefined {
  let node = doc.contents as Node | null;
  let pair: Pair | undefined;
  for (let i = 0; i < path.length && node; i++) {
    if (isAlias(node)) node = node.resolve(doc) as Node | null;
    if (!node) return undefined;
    const seg = path[i];
    const fn = intrinsicKey(node.tag);
    if (fn && seg === fn) continue;
    if (isMap(node)) {
      const p = node.items.find((it) => isPair(it) && (isScalar(it.key) ? String(it.key.value) : String(it.key)) === String(seg));
      if (!p) return undefined;
      pair = p;
      node = p.value as Node | null;
    } else if (isSeq(node) && typeof seg === 'number') {
      pair = undefined;
      node = node.items[seg] as Node | null;
    } else if (isScalar(node) && fn) {
      // `!GetAtt A.B` → path into the generated list stays on the scalar.
      return [node, pair];
    } else {
      return undefined;
    }
  }
  if (node && isAlias(node)) node = node.resolve(doc) as Node | null;
  return node && node.range ? [node, pair] : undefined;
}
