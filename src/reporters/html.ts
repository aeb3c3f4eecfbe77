// `--format html`: one self-contained page (inline CSS, no scripts, no external resources).
// Summary counts, inputs that could not be parsed, then a table per file. Suppressed findings
// are listed too, greyed and marked with their justification, so a reviewer can audit them.
// Every dynamic string is HTML-escaped, its control characters (newlines included) first made
// visible escapes (`\n`, `\u001b`) as in the other reporters; rule links are emitted only for
// http(s) URLs. guardCiCommands keeps CI runner commands out of the page's lines.
import type { Finding, LintResult, RuleDescriptor } from '../model/findings.js';
import type { LintFormatOptions } from './common.js';
import {
  byPosition,
  displayPath,
  escapeControlChars,
  groupBy,
  guardCiCommands,
  isWebUrl,
  MARKUP_GUARD,
  plural,
  resourceLabel,
  ruleMap,
  severityOrder,
  unreportedInputErrors,
} from './common.js';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Text from the inputs or the result, ready for an HTML text node or attribute value. */
function text(s: string): string {
  return escapeHtml(escapeControlChars(s));
}

const CSS = `
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#1f2328;background:#fff}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.1rem;margin:2rem 0 .5rem;font-family:ui-monospace,monospace}
.meta{color:#59636e;margin:0 0 1rem}
.summary{display:flex;gap:.75rem;flex-wrap:wrap;margin:1rem 0}
.count{border:1px solid #d1d9e0;border-radius:6px;padding:.5rem .9rem;min-width:6rem}
.count b{display:block;font-size:1.4rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border-bottom:1px solid #d1d9e0;padding:.4rem .6rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}
td.loc,td.res{font-family:ui-monospace,monospace;white-space:nowrap}
.sev{font-weight:600;border-radius:4px;padding:.1rem .4rem;font-size:.8rem}
.sev-error{background:#ffebe9;color:#cf222e}.sev-warning{background:#fff8c5;color:#9a6700}.sev-info{background:#ddf4ff;color:#0969da}
tr.suppressed td{color:#818b98}tr.suppressed .sev{background:#eff2f5;color:#59636e}
.note{color:#59636e;font-size:.85rem;margin-top:.2rem}
.ok{color:#1a7f37}
`;

export function formatHtml(result: LintResult, options: LintFormatOptions): string {
  const path = (p: string) => displayPath(p, options.cwd);
  const rules = ruleMap(result.rules);
  const s = result.summary;
  const failedInputs = result.inputs.filter((i) => i.error !== null);

  const parts: string[] = [];
  parts.push(`<h1>kmslint report</h1>`);
  parts.push(
    `<p class="meta">${text(result.tool.name)} ${text(result.tool.version)} · ${plural(s.inputs, 'input')}</p>`,
  );
  parts.push('<div class="summary">');
  for (const [label, n, cls] of [
    ['errors', s.errors, 'sev-error'],
    ['warnings', s.warnings, 'sev-warning'],
    ['infos', s.infos, 'sev-info'],
    ['suppressed', s.suppressed, ''],
    ['inputs not parsed', failedInputs.length, failedInputs.length ? 'sev-error' : ''],
  ] as const) {
    parts.push(`<div class="count ${cls}"><b>${n}</b>${text(label)}</div>`);
  }
  parts.push('</div>');

  const inputErrors = unreportedInputErrors(result);
  const findingsByFile = groupBy(result.findings, (f) => path(f.file));
  const errorsByFile = groupBy(inputErrors, (i) => path(i.path));
  const files = [...new Set([...errorsByFile.keys(), ...findingsByFile.keys()])];

  if (files.length === 0) parts.push('<p class="ok">No problems found.</p>');

  for (const file of files) {
    parts.push(`<h2>${text(file)}</h2>`);
    parts.push('<table>');
    parts.push('<thead><tr><th>Severity</th><th>Rule</th><th>Resource</th><th>Message</th><th>Location</th></tr></thead><tbody>');
    for (const i of errorsByFile.get(file) ?? []) {
      parts.push(
        '<tr>' +
          `<td><span class="sev sev-error">error</span></td>` +
          `<td>${ruleCell('parse-error', rules.get('parse-error'))}</td>` +
          '<td class="res"></td>' +
          `<td>${text(i.error.message)}</td>` +
          `<td class="loc">${i.error.line}:${i.error.column}</td>` +
          '</tr>',
      );
    }
    const findings = [...(findingsByFile.get(file) ?? [])].sort(
      (a, b) => Number(a.suppressed) - Number(b.suppressed) || byPosition(a, b) || severityOrder[a.severity] - severityOrder[b.severity],
    );
    for (const f of findings) parts.push(row(f, rules.get(f.ruleId), path));
    parts.push('</tbody></table>');
  }

  return guardCiCommands(
    [
      '<!DOCTYPE html>',
      '<html lang="en">',
      '<head>',
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      `<title>kmslint report</title>`,
      `<style>${CSS}</style>`,
      '</head>',
      '<body>',
      ...parts,
      '</body>',
      '</html>',
      '',
    ].join('\n'),
    MARKUP_GUARD,
  );
}

function ruleCell(id: string, rule: RuleDescriptor | undefined): string {
  const label = text(id);
  const title = rule?.description ? ` title="${text(rule.description)}"` : '';
  return rule && isWebUrl(rule.docsUrl) ? `<a href="${escapeHtml(rule.docsUrl)}"${title}>${label}</a>` : `<span${title}>${label}</span>`;
}

function row(f: Finding, rule: RuleDescriptor | undefined, path: (p: string) => string): string {
  const resource = resourceLabel(f);
  const notes: string[] = [];
  if (f.branch) notes.push(`when ${text(f.branch)}`);
  for (const r of f.related ?? []) {
    notes.push(`related: <code>${text(`${path(r.file)}:${r.line}:${r.column}`)}</code> ${text(r.message)}`);
  }
  if (f.suppressed) {
    notes.push(`suppressed${f.suppression?.justification ? `: ${text(f.suppression.justification)}` : ''}`);
  }
  const resourceCell = resource
    ? `${text(resource)}${f.resource?.type ? `<div class="note">${text(f.resource.type)}</div>` : ''}`
    : '';
  return (
    `<tr${f.suppressed ? ' class="suppressed"' : ''}>` +
    `<td><span class="sev sev-${text(f.severity)}">${text(f.severity)}</span></td>` +
    `<td>${ruleCell(f.ruleId, rule)}</td>` +
    `<td class="res">${resourceCell}</td>` +
    `<td>${text(f.message)}${notes.map((n) => `<div class="note">${n}</div>`).join('')}</td>` +
    `<td class="loc">${f.line}:${f.column}</td>` +
    '</tr>'
  );
}
