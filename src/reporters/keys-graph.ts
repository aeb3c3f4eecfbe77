// `kmslint keys` as a picture: a Mermaid flowchart (resources → the key each uses) and an HTML page.
import type { KeyRow } from '../analysis/key-rows.js';
import type { KeysResult } from './keys.js';
import { escapeControlChars, guardCiCommands, MARKUP_GUARD } from './common.js';
import { escapeHtml as escapeMarkup } from './html.js';

/** HTML text with control characters from the inputs shown as escapes (`\n`, `\u001b`). */
function escapeHtml(s: string): string {
  return escapeMarkup(escapeControlChars(s));
}

/** A stable node id for Mermaid (letters, digits and underscores only). */
function nodeId(prefix: string, name: string, ids: Map<string, string>): string {
  const k = `${prefix}:${name}`;
  let id = ids.get(k);
  if (!id) ids.set(k, (id = `${prefix}${ids.size}`));
  return id;
}

/**
 * Mermaid labels are quoted; quotes and angle brackets must be entities. Line breaks become
 * `<br/>`; other control characters print as escapes (`\u001b`).
 */
function mermaidLabel(s: string): string {
  return s
    .split('\n')
    .map((line) => escapeControlChars(line).replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;'))
    .join('<br/>');
}

function keyNode(row: KeyRow): { key: string; label: string; cls: string } {
  const k = row.key;
  switch (k.kind) {
    case 'aws-managed':
      return { key: `aws-managed:${k.alias}`, label: `${k.alias}\nAWS managed`, cls: 'managed' };
    case 'customer-managed':
      return { key: `cmk:${row.file}:${k.keyRef}`, label: `${k.keyRef}\ncustomer managed${k.external ? ', external' : ''}`, cls: 'customer' };
    case 'aws-owned':
      return { key: 'aws-owned', label: 'AWS owned / service keys', cls: 'owned' };
    case 'none':
      return { key: 'none', label: 'not encrypted', cls: 'none' };
    case 'unknown':
      return { key: 'unknown', label: 'unresolved', cls: 'unknown' };
  }
}

export function formatMermaid(r: KeysResult): string {
  const ids = new Map<string, string>();
  const lines = ['flowchart LR'];
  const keys = new Map<string, { label: string; cls: string }>();
  const byStack = new Map<string, KeyRow[]>();
  for (const row of r.rows) byStack.set(`${row.file} (${row.stack})`, [...(byStack.get(`${row.file} (${row.stack})`) ?? []), row]);
  let n = 0;
  for (const [stack, rows] of byStack) {
    lines.push(`  subgraph S${n++}["${mermaidLabel(stack)}"]`);
    const seen = new Set<string>();
    for (const row of rows) {
      const rid = nodeId('R', `${row.file}:${row.id}`, ids);
      if (!seen.has(rid)) lines.push(`    ${rid}["${mermaidLabel(`${row.path ?? row.id}\n${row.type}`)}"]`);
      seen.add(rid);
    }
    lines.push('  end');
  }
  const edges: string[] = [];
  for (const row of r.rows) {
    const k = keyNode(row);
    const kid = nodeId('K', k.key, ids);
    keys.set(kid, k);
    const style = row.key.kind === 'aws-managed' && row.key.origin === 'implicit' ? '-.->' : '-->';
    const label = [row.key.origin === 'implicit' ? 'implicit' : '', row.branch ?? ''].filter(Boolean).join(', ');
    edges.push(`  ${nodeId('R', `${row.file}:${row.id}`, ids)} ${style}${label ? `|"${mermaidLabel(label)}"|` : ''} ${kid}`);
  }
  for (const [kid, k] of keys) lines.push(`  ${kid}(["${mermaidLabel(k.label)}"]):::${k.cls}`);
  lines.push(...edges);
  lines.push(
    '  classDef managed fill:#fde68a,stroke:#b45309',
    '  classDef customer fill:#bbf7d0,stroke:#15803d',
    '  classDef owned fill:#e5e7eb,stroke:#6b7280',
    '  classDef none fill:#fecaca,stroke:#b91c1c',
    '  classDef unknown fill:#e9d5ff,stroke:#7e22ce',
  );
  // Mermaid's entity syntax is `#<code>;`.
  return guardCiCommands(lines.join('\n') + '\n', { hash: '#35;', colon: '#58;' });
}

export function formatKeysHtml(r: KeysResult): string {
  const counts = new Map<string, number>();
  for (const row of r.rows) counts.set(row.key.kind, (counts.get(row.key.kind) ?? 0) + 1);
  const keyText = (row: KeyRow) =>
    row.key.kind === 'aws-managed' ? `${row.key.alias} (${row.key.origin})` : row.key.kind === 'customer-managed' ? `${row.key.keyRef}${row.key.external ? ' (external)' : ''}` : row.key.kind;
  const rows = r.rows
    .map((row) => `<tr class="${row.key.kind}"><td>${escapeHtml(row.file)}:${row.line}</td><td>${escapeHtml(row.stack)}</td><td>${escapeHtml(row.path ?? row.id)}</td><td>${escapeHtml(row.type)}</td><td>${escapeHtml(keyText(row))}${row.branch ? `<br><small>${escapeHtml(row.branch)}</small>` : ''}</td><td>${escapeHtml(row.reason)}</td></tr>`)
    .join('\n');
  const errors = r.inputs.filter((i) => i.error).map((i) => `<li>${escapeHtml(i.path)}:${i.error!.line}:${i.error!.column} ${escapeHtml(i.error!.message)}</li>`).join('\n');
  return guardCiCommands(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kmslint keys</title>
<style>
body{font:14px system-ui,sans-serif;margin:2rem;color:#111}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f4f6}tr.aws-managed td:nth-child(5){background:#fef3c7}tr.customer-managed td:nth-child(5){background:#dcfce7}
tr.none td:nth-child(5){background:#fee2e2}tr.unknown td:nth-child(5){background:#f3e8ff}
</style></head><body>
<h1>Effective KMS keys</h1>
<p>${r.rows.length} encryptable resources: ${[...counts].map(([k, v]) => `${v} ${escapeHtml(k)}`).join(', ') || 'none'}</p>
${errors ? `<h2>Inputs that could not be read</h2><ul>\n${errors}\n</ul>` : ''}
<table><thead><tr><th>Location</th><th>Stack</th><th>Resource</th><th>Type</th><th>Key</th><th>Why</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body></html>
`, MARKUP_GUARD);
}
