// `kmslint keys` output formats: table (default), json (contract §4), csv, mermaid (./mermaid.ts), html.
// Every format lists the secondary keys (contract §2) beside the primary one: JSON under `secondary`,
// the table as indented lines under the resource, CSV as one more row per key with its `purpose`.
// The table prints text from the inputs through escapeControlChars (a newline in an id shows as
// `\n`, ESC as `\u001b`), and so do CSV cells: a newline inside a quoted cell would start a new
// line of the log. JSON keeps the data exactly (jsonText). guardCiCommands keeps CI runner commands
// (`::warning::` at a line start, `##[error]`) out of every format.
import { createColors } from 'picocolors';
import type { KeyRow } from '../analysis/key-rows.js';
import { keyJson } from '../analysis/key-rows.js';
import type { InputReport } from '../model/findings.js';
import { escapeControlChars, guardCiCommands, jsonText, TEXT_GUARD } from './common.js';
import type { KeyMap } from '../analysis/key-map.js';
import { formatKeyMapHtml } from './html.js';
import { formatMermaid } from './mermaid.js';

export interface KeysResult {
  inputs: InputReport[];
  rows: KeyRow[];
  /** The key map (relations with their sites, declared keys), made only when a format draws it (mermaid, html). */
  keyMap?: () => KeyMap;
}

export interface KeysFormatOptions {
  color: boolean;
  /** Terminal width for the table. */
  width?: number;
  /** Mermaid: the node budget before stacks collapse into counts (default 200). */
  maxNodes?: number;
}

export const keysFormatters: Record<string, (r: KeysResult, o: KeysFormatOptions) => string> = {
  table: formatTable,
  json: formatJson,
  csv: formatCsv,
  mermaid: (r, o) => formatMermaid(r, { maxNodes: o.maxNodes }),
  html: formatKeyMapHtml,
};

function describeKey(row: { key: KeyRow['key'] }): string {
  const k = row.key;
  switch (k.kind) {
    case 'aws-managed':
      return `${k.alias ?? 'aws-managed'} (${k.origin ?? 'explicit'})`;
    case 'customer-managed':
      return `customer ${k.keyRef ?? ''}${k.external ? ' (external)' : ''}`.trim();
    default:
      return k.kind;
  }
}

function formatTable(r: KeysResult, o: KeysFormatOptions): string {
  const c = createColors(o.color);
  const width = Math.max(60, o.width ?? 80);
  const out: string[] = [];
  const groups = new Map<string, KeyRow[]>();
  for (const row of r.rows) {
    const g = `${row.file}\u0000${row.stack}`;
    groups.set(g, [...(groups.get(g) ?? []), row]);
  }
  const kindColor = (row: { key: KeyRow['key'] }, s: string) =>
    row.key.kind === 'aws-managed' ? c.yellow(s) : row.key.kind === 'customer-managed' ? c.green(s) : row.key.kind === 'unknown' ? c.magenta(s) : c.dim(s);
  const e = escapeControlChars;
  for (const rows of groups.values()) {
    const { file, stack } = rows[0];
    out.push(c.underline(e(file)) + (stack ? c.dim(`  (stack ${e(stack)})`) : ''));
    const idWidth = Math.min(Math.max(...rows.map((x) => e(x.path ?? x.id).length), 8), Math.floor(width * 0.45));
    for (const row of rows) {
      const name = clip(e(row.path ?? row.id), idWidth).padEnd(idWidth);
      const key = e(describeKey(row) + (row.branch ? ` [${row.branch}]` : ''));
      out.push(`  ${name}  ${kindColor(row, clip(key, width - idWidth - 4))}`);
      out.push(c.dim(wrap(e(`${row.type}: ${row.reason}`), width - 6).map((l) => `      ${l}`).join('\n')));
      for (const s of row.secondary) {
        const head = `      secondary ${e(s.purpose)}: `;
        out.push(head + kindColor(s, clip(e(describeKey(s)), Math.max(20, width - head.length))));
        out.push(c.dim(wrap(e(s.reason), width - 8).map((l) => `        ${l}`).join('\n')));
      }
    }
    out.push('');
  }
  for (const i of r.inputs) if (i.error) out.push(`${e(i.path)}:${i.error.line}:${i.error.column}  ${c.red('error')}  ${e(i.error.message)}`);
  const counts = new Map<string, number>();
  for (const row of r.rows) counts.set(row.key.kind, (counts.get(row.key.kind) ?? 0) + 1);
  const summary = [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
  const secondaryCounts = new Map<string, number>();
  for (const s of r.rows.flatMap((row) => row.secondary)) secondaryCounts.set(s.key.kind, (secondaryCounts.get(s.key.kind) ?? 0) + 1);
  const secondaryTotal = [...secondaryCounts.values()].reduce((a, b) => a + b, 0);
  const secondary = secondaryTotal ? `; ${secondaryTotal} secondary key${secondaryTotal === 1 ? '' : 's'}: ${[...secondaryCounts].map(([k, n]) => `${n} ${k}`).join(', ')}` : '';
  out.push(`${r.rows.length} encryptable resource${r.rows.length === 1 ? '' : 's'} in ${r.inputs.filter((i) => i.format).length} input(s)${summary ? `: ${summary}` : ''}${secondary}`);
  return guardCiCommands(out.join('\n') + '\n', TEXT_GUARD);
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : '…' + s.slice(s.length - n + 1);
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const word of text.split(' ')) {
    if (cur && cur.length + 1 + word.length > width) {
      lines.push(cur);
      cur = word;
    } else cur = cur ? `${cur} ${word}` : word;
  }
  if (cur) lines.push(cur);
  return lines;
}

function formatJson(r: KeysResult): string {
  const resources = r.rows.map((row) => {
    const o: Record<string, unknown> = { file: row.file, stack: row.stack, id: row.id, type: row.type };
    if (row.path) o.path = row.path;
    if (row.branch) o.branch = row.branch;
    o.key = keyJson(row.key);
    o.reason = row.reason;
    if (row.secondary.length) o.secondary = row.secondary.map((s) => ({ purpose: s.purpose, key: keyJson(s.key), reason: s.reason }));
    return o;
  });
  const errors = r.inputs.filter((i) => i.error).map((i) => ({ path: i.path, error: i.error }));
  return jsonText({ version: 1, resources, ...(errors.length ? { errors } : {}) });
}

function csvCell(v: unknown): string {
  const raw = v === undefined || v === null ? '' : typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
  const s = escapeControlChars(raw);
  // Leading = + - @ would be formulas in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  // A quoted cell also keeps a line from starting with `::` (a CI workflow command).
  return /[",]|^:/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * One row per key of a resource: `purpose` is `primary` for the data-at-rest key (as in the corpus
 * snapshots) and the slot's purpose for a secondary key, whose `line` is where that key is chosen.
 * `purpose` is the last column, so the columns before it keep their places.
 */
function formatCsv(r: KeysResult): string {
  const head = ['file', 'line', 'stack', 'id', 'type', 'path', 'branch', 'kind', 'alias', 'keyRef', 'origin', 'external', 'reason', 'purpose'];
  const lines = [head.join(',')];
  for (const row of r.rows) {
    const keys = [{ purpose: 'primary', key: row.key, reason: row.reason, line: row.line }, ...row.secondary.map((s) => ({ ...s, line: s.line ?? row.line }))];
    for (const k of keys) {
      lines.push([row.file, k.line, row.stack, row.id, row.type, row.path, row.branch, k.key.kind, k.key.alias, k.key.keyRef, k.key.origin, k.key.external, k.reason, k.purpose].map(csvCell).join(','));
    }
  }
  return guardCiCommands(lines.join('\n') + '\n', TEXT_GUARD);
}
