// YAML documents with CloudFormation short-form tags, converted to the long (JSON) form. Positions are
// found lazily by walking the YAML AST along a path, so converting pays for no position table.
//
// Read as CloudFormation reads YAML (contract §1): YAML 1.1 scalars as PyYAML resolves them (see
// yaml-schema.ts), no timestamp/binary/omap/pairs/set types and no `<<` merges (AWS lists all of
// them as unsupported), and the continuation-line indentation PyYAML accepts (yaml-leniency.ts).
// Aliases are expanded although CloudFormation refuses them: `aws cloudformation package` and
// `sam package` expand them before upload, so the keys they carry are deployed.
//
// Hostile input: the library's unique-key check is quadratic in the keys of one mapping, so it is off
// and duplicates are found here with a Set per mapping (the last value wins, as CloudFormation
// deploys it; each repeat is recorded on the document). The library composes recursively, so the
// nesting depth is checked on its (iterative) token stream first, and deeper input is refused with
// a position instead of a stack overflow.
import {
  Composer,
  Document,
  Parser,
  Schema,
  YAMLParseError,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type CollectionTag,
  type DocumentOptions,
  type ParseOptions,
  type SchemaOptions,
  type CST,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';
import type { DocPath, DuplicateKey, SourceDocument, SourceRange } from '../model/types.js';
import { LineIndex } from './line-index.js';
import { DocumentParseError } from './errors.js';
import { setOwn } from '../util/objects.js';
import { preview } from '../util/bounded.js';
import { UNSUPPORTED_TAGS, cloudFormationScalars } from './yaml-schema.js';
import { reindentFlowContinuations, type ReindentedText } from './yaml-leniency.js';

const INTRINSICS = [
  'Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub',
  'Transform', 'And', 'Equals', 'If', 'Not', 'Or', 'ToJsonString', 'Length', 'ForEach',
  // Functions of the Rules section (template rule assertions).
  'Contains', 'EachMemberEquals', 'EachMemberIn', 'RefAll', 'ValueOf', 'ValueOfAll',
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
/**
 * Deepest YAML nesting read. CloudFormation documents no nesting limit (only 1 MB per template);
 * real templates stay under 30 levels. The library's recursive composer overflows the default stack
 * at about 800 levels, so this leaves room for the call stack below it.
 */
export const MAX_YAML_DEPTH = 500;
/** Deepest value after aliases are expanded (an alias to a deep node, used deep, nests both). */
const MAX_VALUE_DEPTH = 2 * MAX_YAML_DEPTH;

/** Offset in the text read → 1-based position in the file. */
type Position = (offset: number) => { line: number; column: number };

/**
 * Documents kept by path for a long-lived process (the editor server analyses every open document of
 * a folder, and the files on disk they share exports with, after each edit): a text unchanged since
 * its last parse is not parsed again. Off unless turned on: a one-shot run parses each file once.
 * Sharing a document between analyses is safe because nothing writes to one (roots are plain data
 * read by the rules; test/yaml.test.ts lints a frozen one).
 */
const remembered = new Map<string, SourceDocument>();
let rememberedBytes = 0;
let rememberLimit = { bytes: 0, documents: 0 };
/**
 * Heap a remembered document holds per character of its text: the text, the syntax tree `locate`
 * walks, the line and pair indexes and the converted root. Measured after a forced GC: 18 over the
 * corpus' YAML templates, 25 over large generated ones (test/yaml.test.ts checks the budget holds).
 */
export const RETAINED_BYTES_PER_CHAR = 25;

/** Keep up to `documents` parsed documents holding about `bytes` of heap in all (0 turns it off and forgets them). */
export function rememberYamlDocuments(bytes: number, documents: number): void {
  rememberLimit = { bytes, documents };
  remembered.clear();
  rememberedBytes = 0;
}

export function parseYamlDocument(file: string, text: string): SourceDocument {
  if (rememberLimit.documents === 0) return parseYaml(file, text);
  const hit = remembered.get(file);
  if (hit && hit.text === text) {
    // Most recently used last: the first entry is the one to forget.
    remembered.delete(file);
    remembered.set(file, hit);
    return hit;
  }
  if (hit) forget(file, hit);
  const doc = parseYaml(file, text);
  const bytes = retained(text);
  if (bytes <= rememberLimit.bytes) {
    remembered.set(file, doc);
    rememberedBytes += bytes;
    for (const [oldest, d] of remembered) {
      if (rememberedBytes <= rememberLimit.bytes && remembered.size <= rememberLimit.documents) break;
      forget(oldest, d);
    }
  }
  return doc;
}

function retained(text: string): number {
  return text.length * RETAINED_BYTES_PER_CHAR;
}

function forget(file: string, doc: SourceDocument): void {
  remembered.delete(file);
  rememberedBytes -= retained(doc.text);
}

function parseYaml(file: string, text: string): SourceDocument {
  if (text.length > MAX_YAML_BYTES) {
    throw new DocumentParseError(file, `YAML file is ${Math.round(text.length / 1048576)} MB; kmslint reads YAML templates up to ${MAX_YAML_BYTES / 1048576} MB (CloudFormation's own limit is 1 MB)`, 1, 1);
  }
  const lines = new LineIndex(text);
  let source: ReindentedText = { text, toOriginal: (o) => o };
  let doc = compose(file, text, (o) => lines.position(o));
  if (doc.errors.length > 0) {
    // What the strict reader refuses may be indentation PyYAML accepts: read it again re-indented.
    const lenient = reindentFlowContinuations(text);
    const again = lenient && composeOrUndefined(file, lenient.text, (o) => lines.position(lenient.toOriginal(o)));
    if (lenient && again && again.errors.length === 0) [source, doc] = [lenient, again];
  }
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const pos = lines.position(e.pos[0]);
    throw new DocumentParseError(file, `invalid YAML: ${firstLine(e.message)}`, pos.line, pos.column);
  }
  const position: Position = (o) => lines.position(source.toOriginal(o));
  let root: unknown;
  const aliases = new AliasTargets(doc);
  const converter = new Converter(aliases, source.text, position);
  try {
    root = converter.convert(doc.contents);
  } catch (err) {
    if (err instanceof DocumentParseError) throw new DocumentParseError(file, err.message, err.line, err.column);
    if (err instanceof RangeError) throw new DocumentParseError(file, 'invalid YAML: nesting too deep', 1, 1);
    throw err;
  }
  const pairs = new PairIndex();
  return {
    file,
    text,
    root,
    ...(converter.duplicates.length > 0 ? { duplicateKeys: converter.duplicates } : {}),
    locate(path: DocPath, key = false): SourceRange | undefined {
      // The deepest existing ancestor stands in for a path that is absent (a property not written).
      for (let n = path.length; n >= 0; n--) {
        const found = walk(doc, path.slice(0, n), aliases, pairs);
        if (!found) continue;
        const [node, pair] = found;
        const start = (key || n < path.length) && pair && isNodeWithRange(pair.key) ? pair.key.range![0] : tagStart(source.text, node.range![0]);
        return lines.range(source.toOriginal(start), source.toOriginal(node.range![1]));
      }
      return undefined;
    },
  };
}

/**
 * A plain scalar no scalar tag matches is text. The library finds a plain scalar's tag by testing the
 * schema's tags in order, so this ends the search before the 78 short-form tags, which are only ever
 * named. It resolves as the failsafe schema's text tag does, and sets no tag on the node.
 */
const PLAIN_TEXT = { tag: 'tag:yaml.org,2002:str', default: true, test: /(?:)/, resolve: (s: string) => s };

/**
 * The schema CloudFormation reads with (YAML 1.1 scalars, short-form tags), built once: given a
 * schema object, the library uses it as it is instead of building one with every tag per document.
 * Sharing it is safe: the library adds tags to a schema only for its known tags, and there are none
 * (`resolveKnownTags: false`).
 */
const SCHEMA = new Schema({ schema: 'failsafe', customTags: [...cloudFormationScalars, PLAIN_TEXT, ...cfnTags], merge: false, resolveKnownTags: false });

/** Duplicate keys are found by the converter (the library's check compares each key with every earlier one). */
const COMPOSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  schema: SCHEMA,
  version: '1.1',
  uniqueKeys: false,
  strict: false,
};

function composeOrUndefined(file: string, text: string, position: Position): Document.Parsed | undefined {
  try {
    return compose(file, text, position);
  } catch {
    return undefined;
  }
}

/** `parseDocument` of the library, with the depth check between its token stream and its composer. */
function compose(file: string, text: string, position: Position): Document.Parsed {
  const parser = new Parser();
  const composer = new Composer(COMPOSE_OPTIONS);
  let doc: Document.Parsed | undefined;
  try {
    for (const d of composer.compose(depthChecked(file, position, parser.parse(text)), true, text.length)) {
      if (!doc) doc = d;
      else {
        doc.errors.push(new YAMLParseError([d.range[0], d.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; a template is one document'));
        break;
      }
    }
  } catch (err) {
    if (err instanceof DocumentParseError) throw err;
    throw new DocumentParseError(file, `invalid YAML: ${err instanceof RangeError ? 'nesting too deep' : String(err)}`, 1, 1);
  }
  return doc!;
}

/** Pass the parser's tokens through, refusing one nested deeper than MAX_YAML_DEPTH (walked without recursion). */
function* depthChecked(file: string, position: Position, tokens: Generator<CST.Token>): Generator<CST.Token> {
  // Two parallel stacks rather than a [token, depth] pair per token: this walk visits every token.
  const pending: CST.Token[] = [];
  const depths: number[] = [];
  const push = (t: CST.Token, depth: number) => {
    pending.push(t);
    depths.push(depth);
  };
  for (const token of tokens) {
    push(token, 0);
    while (pending.length > 0) {
      const t = pending.pop()!;
      const depth = depths.pop()!;
      if (depth > MAX_YAML_DEPTH) {
        const pos = position(t.offset);
        throw new DocumentParseError(file, `YAML nested deeper than ${MAX_YAML_DEPTH} levels; kmslint reads templates nested up to ${MAX_YAML_DEPTH} levels`, pos.line, pos.column);
      }
      if (t.type === 'document' && t.value) push(t.value, depth);
      if ('items' in t) {
        for (const item of t.items) {
          if ('key' in item && item.key) push(item.key, depth + 1);
          if (item.value) push(item.value, depth + 1);
        }
      }
    }
    yield token;
  }
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
  /** Path of the value being converted, for duplicate keys. */
  private readonly path: (string | number)[] = [];
  readonly duplicates: DuplicateKey[] = [];
  private readonly active = new Set<Node>();

  constructor(
    private readonly aliases: AliasTargets,
    private readonly text: string,
    private readonly at: Position,
  ) {}

  convert(node: Node | null | undefined): unknown {
    if (node == null) return null;
    if (++this.count > MAX_NODES) {
      const pos = this.position(node);
      throw new DocumentParseError('', `document expands to more than ${MAX_NODES} values (YAML aliases?)`, pos.line, pos.column);
    }
    if (this.path.length > MAX_VALUE_DEPTH) {
      const pos = this.position(node);
      throw new DocumentParseError('', `YAML nested deeper than ${MAX_VALUE_DEPTH} levels once aliases are expanded`, pos.line, pos.column);
    }
    if (node.tag && UNSUPPORTED_TAGS.has(node.tag)) {
      const pos = this.position(node);
      throw new DocumentParseError('', `the !!${node.tag.slice(node.tag.lastIndexOf(':') + 1)} tag is not supported by CloudFormation`, pos.line, pos.column);
    }
    if (isAlias(node)) {
      const target = this.aliases.target(node);
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
    if (isSeq(node)) {
      return node.items.map((item, i) => {
        this.path.push(i);
        try {
          return this.convert(item as Node);
        } finally {
          this.path.pop();
        }
      });
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      // First key node of each name in this mapping: a repeat is recorded and its value wins.
      const seen = new Map<string, unknown>();
      for (const pair of node.items) {
        const k = this.keyOf(pair.key);
        const first = seen.get(k);
        if (first === undefined) seen.set(k, pair.key ?? null);
        else this.duplicate(k, first, pair.key);
        this.path.push(k);
        try {
          setOwn(out, k, this.convert(pair.value as Node));
        } finally {
          this.path.pop();
        }
      }
      return out;
    }
    return null;
  }

  /** A mapping key as text. CloudFormation keys are text: an intrinsic or a collection as a key is refused, as PyYAML refuses it. */
  private keyOf(key: unknown): string {
    if (isScalar(key) && !intrinsicKey(key.tag)) return String(key.value);
    if (isAlias(key)) return keyText(this.convert(key));
    const pos = isNodeWithRange(key) ? this.at(tagStart(this.text, key.range![0])) : { line: 1, column: 1 };
    const what = isNodeWithRange(key) && intrinsicKey(key.tag) ? `the function ${key.tag}` : isMap(key) ? 'a mapping' : isSeq(key) ? 'a list' : 'empty';
    throw new DocumentParseError('', `a mapping key is ${what}; keys of a template are text`, pos.line, pos.column);
  }

  private duplicate(key: string, first: unknown, second: unknown): void {
    const range = (n: unknown): SourceRange => {
      const [start, end] = isNodeWithRange(n) ? n.range! : [0, 0];
      const a = this.at(start);
      const b = this.at(Math.max(start, end));
      return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
    };
    this.duplicates.push({ path: [...this.path, key], first: range(first), second: range(second) });
  }

  private position(node: Node): { line: number; column: number } {
    return this.at(node.range?.[0] ?? 0);
  }
}

/** A key that an alias stands for: text for scalars, a bounded preview otherwise. */
function keyText(v: unknown): string {
  return typeof v === 'object' && v !== null ? preview(v, 200) : String(v);
}

function normaliseScalar(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  return v;
}

/** Alias.resolve() searches the whole document each time; each alias node is resolved once. */
class AliasTargets {
  private readonly targets = new Map<Node, Node | undefined>();

  constructor(private readonly doc: Document.Parsed) {}

  target(alias: Node): Node | undefined {
    if (this.targets.has(alias)) return this.targets.get(alias);
    const found = isAlias(alias) ? ((alias.resolve(this.doc) as Node | undefined) ?? undefined) : undefined;
    this.targets.set(alias, found);
    return found;
  }
}

/** Mappings up to this many pairs are searched in place; larger ones get a Map (a template's Resources). */
const SEARCHED_PAIRS = 16;

/** The pair of each key of a large mapping, built the first time a located path passes through the mapping. */
class PairIndex {
  private readonly byMap = new WeakMap<YAMLMap, Map<string, Pair>>();

  /** The pair whose key reads as `key`; a repeated key resolves to its last occurrence, the value that is read. */
  get(map: YAMLMap, key: string): Pair | undefined {
    if (map.items.length <= SEARCHED_PAIRS) {
      let found: Pair | undefined;
      for (const it of map.items) if (isPair(it) && keyName(it) === key) found = it;
      return found;
    }
    let pairs = this.byMap.get(map);
    if (!pairs) {
      pairs = new Map();
      for (const it of map.items) if (isPair(it)) pairs.set(keyName(it), it);
      this.byMap.set(map, pairs);
    }
    return pairs.get(key);
  }
}

function keyName(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

/** Follow `path` through the AST; an intrinsic's own key (`Fn::If`, `Ref`) stays on the tagged node. */
function walk(doc: Document.Parsed, path: DocPath, aliases: AliasTargets, pairs: PairIndex): [Node, Pair | undefined] | undefined {
  let node = doc.contents as Node | null | undefined;
  let pair: Pair | undefined;
  for (let i = 0; i < path.length && node; i++) {
    if (isAlias(node)) node = aliases.target(node);
    if (!node) return undefined;
    const seg = path[i];
    const fn = intrinsicKey(node.tag);
    if (fn && seg === fn) continue;
    if (isMap(node)) {
      const p = pairs.get(node, String(seg));
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
  if (node && isAlias(node)) node = aliases.target(node);
  return node && node.range ? [node, pair] : undefined;
}
