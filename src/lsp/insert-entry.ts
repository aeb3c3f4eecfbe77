// One text edit that appends an entry to a list nested under mappings (`Metadata.kmslint.ignore`,
// a config's `overrides`), creating the mappings and the list that are missing. It writes in the
// style around it: YAML block or flow, JSON pretty or inline, at the indentation already used.
import type { TextEdit } from 'vscode-languageserver';
import type { DocPath, SourceDocument } from '../index.js';

type Entry = Record<string, unknown>;

export interface InsertRequest {
  doc: SourceDocument;
  /** The mapping that holds the first of `keys` (the resource entry; `[]` for the document root). */
  at: DocPath;
  /** Mapping keys down to the list, e.g. `['Metadata', 'kmslint', 'ignore']`. */
  keys: readonly string[];
  entry: Entry;
  /** A YAML comment put after the entry's last line (block style only). */
  comment?: string;
}

export function insertListEntry(req: InsertRequest): TextEdit | undefined {
  const yaml = !isJsonText(req.doc);
  let path: DocPath = req.at;
  let value = valueAt(req.doc.root, path);
  for (let i = 0; i < req.keys.length; i++) {
    if (!isRecord(value)) return undefined; // written as something else: not ours to rewrite
    const key = req.keys[i];
    if (!Object.prototype.hasOwnProperty.call(value, key)) {
      const rest = nest(req.keys.slice(i + 1), [req.entry]);
      return insertKey(req.doc, path, value, key, rest, yaml, req.comment);
    }
    path = [...path, key];
    value = value[key];
  }
  return Array.isArray(value) ? appendItem(req.doc, path, value, req.entry, yaml, req.comment) : undefined;
}

function nest(keys: readonly string[], leaf: unknown): unknown {
  return keys.reduceRight<unknown>((inner, k) => ({ [k]: inner }), leaf);
}

/** Adds `key: value` as the first key of the mapping at `path`. */
function insertKey(doc: SourceDocument, path: DocPath, mapping: Entry, key: string, value: unknown, yaml: boolean, comment?: string): TextEdit | undefined {
  const keys = Object.keys(mapping);
  if (keys.length === 0) {
    const loc = doc.locate(path);
    if (!loc) return undefined;
    // `{}`: write inside the braces.
    const open = { line: loc.line - 1, character: loc.column };
    if (charAt(doc.text, open, -1) !== '{') return undefined;
    return insertAt(open, yaml ? ` ${key}: ${yamlFlow(value)} ` : `${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  }
  const first = doc.locate([...path, keys[0]], true);
  if (!first) return undefined;
  const start = { line: first.line - 1, character: first.column - 1 };
  const lead = lineText(doc.text, start.line).slice(0, start.character);
  if (!/^\s*$/.test(lead)) {
    const own = doc.locate(path);
    const flow = !yaml || (own !== undefined && charAt(doc.text, { line: own.line - 1, character: own.column - 1 }, 0) === '{');
    // A flow mapping (or inline JSON): one line, before the first key.
    if (flow) return insertAt(start, yaml ? `${key}: ${yamlFlow(value)}, ` : `${JSON.stringify(key)}: ${JSON.stringify(value)}, `);
    // A block mapping that starts on a list item's line (`- first: x`).
    if (/^\s*-\s+$/.test(lead)) return blockYamlKey(doc, start, lead.length, key, value, comment, true);
    return undefined;
  }
  if (yaml) return blockYamlKey(doc, start, lead.length, key, value, comment, false);
  const unit = indentUnit(doc, path, lead.length);
  const pretty = JSON.stringify({ [key]: value }, null, unit).split('\n').slice(1, -1).map((l) => l.slice(unit.length));
  return insertAt(start, `${pretty.map((l, i) => (i === 0 ? l : lead + l)).join('\n')},\n${lead}`);
}

/** A block YAML key written on its own lines before the mapping's first key (or on a `- ` line, right after the dash). */
function blockYamlKey(doc: SourceDocument, start: { line: number; character: number }, column: number, key: string, value: unknown, comment: string | undefined, onDashLine: boolean): TextEdit {
  const unit = ' '.repeat(yamlIndentUnit(doc.text));
  const pad = ' '.repeat(column);
  const lines = yamlBlock({ [key]: value }, unit, comment);
  if (onDashLine) {
    // `- first: x` → `- key: …\n  first: x`: the new key takes the dash, the old first key moves down.
    return insertAt(start, `${lines.map((l, i) => (i === 0 ? l : pad + l)).join('\n')}\n${pad}`);
  }
  return insertAt({ line: start.line, character: 0 }, lines.map((l) => pad + l).join('\n') + '\n');
}

function appendItem(doc: SourceDocument, path: DocPath, list: unknown[], entry: Entry, yaml: boolean, comment?: string): TextEdit | undefined {
  if (list.length === 0) {
    const loc = doc.locate(path);
    if (!loc) return undefined;
    const open = { line: loc.line - 1, character: loc.column };
    if (charAt(doc.text, open, -1) !== '[') return undefined;
    return insertAt(open, yaml ? ` ${yamlFlow(entry)} ` : JSON.stringify(entry));
  }
  const last = doc.locate([...path, list.length - 1]);
  if (!last) return undefined;
  const lastStart = { line: last.line - 1, character: last.column - 1 };
  const lead = lineText(doc.text, lastStart.line).slice(0, lastStart.character);
  const end = { line: last.endLine - 1, character: last.endColumn - 1 };
  if (yaml && /^\s*-\s+$/.test(lead)) {
    const dash = ' '.repeat(lead.indexOf('-'));
    const item = yamlBlock(entry, ' '.repeat(yamlIndentUnit(doc.text)), comment).map((l, i) => `${dash}${i === 0 ? '- ' : '  '}${l}`);
    // A block node's range runs to the start of the next line; else the item ends the file without a newline.
    if (end.character === 0 && end.line > lastStart.line) return insertAt(end, item.join('\n') + '\n');
    return insertAt(end, '\n' + item.join('\n'));
  }
  if (!yaml && /^\s*$/.test(lead)) {
    const unit = indentUnit(doc, path, lead.length);
    const pretty = JSON.stringify(entry, null, unit).split('\n').map((l, i) => (i === 0 ? l : lead + l));
    return insertAt(end, `,\n${lead}${pretty.join('\n')}`);
  }
  return insertAt(end, `, ${yaml ? yamlFlow(entry) : JSON.stringify(entry)}`);
}

function insertAt(position: { line: number; character: number }, newText: string): TextEdit {
  return { range: { start: position, end: position }, newText };
}

/** Block YAML lines (without base indentation) for a value made of mappings, lists and strings. */
function yamlBlock(value: unknown, unit: string, comment?: string): string[] {
  const lines: string[] = [];
  const write = (v: unknown, pad: string) => {
    if (Array.isArray(v)) {
      for (const item of v) {
        if (!isRecord(item) && !Array.isArray(item)) {
          lines.push(`${pad}- ${yamlScalar(item)}`);
          continue;
        }
        const inner: string[] = [];
        const saved = lines.length;
        write(item, '');
        inner.push(...lines.splice(saved));
        inner.forEach((l, i) => lines.push(`${pad}${i === 0 ? '- ' : '  '}${l}`));
      }
      return;
    }
    for (const [k, x] of Object.entries(v as Entry)) {
      if (isRecord(x) || Array.isArray(x)) {
        lines.push(`${pad}${k}:`);
        write(x, pad + unit);
      } else lines.push(`${pad}${k}: ${yamlScalar(x)}`);
    }
  };
  write(value, '');
  if (comment && lines.length) lines[lines.length - 1] += ` # ${comment}`;
  return lines;
}

function yamlFlow(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(yamlFlow).join(', ')}]`;
  if (isRecord(value)) return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${yamlFlow(v)}`).join(', ')} }`;
  return yamlScalar(value);
}

/** Plain when it is a simple word (rule ids, resource addresses), else double-quoted (JSON string syntax is valid YAML). */
function yamlScalar(v: unknown): string {
  const s = String(v);
  return /^[A-Za-z][\w.\-/]*$/.test(s) && !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(s) ? s : JSON.stringify(s);
}

/** Indentation step of the document's block mappings (the smallest indentation used), 2 if none. */
function yamlIndentUnit(text: string): number {
  let unit = Infinity;
  for (const m of text.matchAll(/^( +)[^\s#-]/gm)) unit = Math.min(unit, m[1].length);
  return Number.isFinite(unit) ? unit : 2;
}

/** JSON indentation step: the mapping's child column minus the mapping's own key column. */
function indentUnit(doc: SourceDocument, path: DocPath, childColumn: number): string {
  const own = path.length ? doc.locate(path, true) : undefined;
  const step = own ? childColumn - (lineText(doc.text, own.line - 1).length - lineText(doc.text, own.line - 1).trimStart().length) : childColumn;
  return ' '.repeat(step > 0 && step <= 8 ? step : 2);
}

function lineText(text: string, line: number): string {
  let start = 0;
  for (let i = 0; i < line; i++) {
    const next = text.indexOf('\n', start);
    if (next === -1) return '';
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '');
}

function charAt(text: string, p: { line: number; character: number }, delta: number): string {
  return lineText(text, p.line).charAt(p.character + delta);
}

function isJsonText(doc: SourceDocument): boolean {
  return /\.json$/i.test(doc.file) || (!/\.ya?ml$/i.test(doc.file) && /^\s*[{[]/.test(doc.text));
}

function valueAt(root: unknown, path: DocPath): unknown {
  let cur = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

function isRecord(v: unknown): v is Entry {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
