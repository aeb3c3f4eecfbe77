// Markdown: a summary a reviewer reads in a pull request comment (`kmslint diff --format markdown`),
// findings by severity in one table, each rule linked to its page. Text from the inputs is escaped
// so it cannot close the table, start a heading or inject HTML.
import type { Finding, LintResult } from '../model/findings.js';
import { displayPath, escapeControlChars, isWebUrl, resourceLabel, type LintFormatOptions } from './common.js';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
const SEVERITY_TITLE = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

export function formatMarkdown(result: LintResult, options: LintFormatOptions): string {
  const active = result.findings.filter((f) => !f.suppressed);
  const { errors, warnings, infos, suppressed } = result.summary;
  const unreadable = result.inputs.filter((i) => i.error);
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}`;
  const lines = [`### kmslint: ${active.length === 0 && unreadable.length === 0 ? 'no findings' : counts}`, ''];
  if (suppressed) lines.push(`${plural(suppressed, 'finding')} suppressed.`, '');
  const docs = new Map(result.rules.map((r) => [r.id, r.docsUrl]));
  const rows = [...active].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  if (rows.length) {
    lines.push('| Severity | Rule | Resource | Where | Finding |', '| --- | --- | --- | --- | --- |');
    for (const f of rows) lines.push(row(f, docs.get(f.ruleId), options));
    lines.push('');
  }
  for (const i of unreadable) lines.push(`- **Could not read** \`${code(displayPath(i.path, options.cwd))}\`: ${text(i.error!.message)} (line ${i.error!.line}, column ${i.error!.column})`);
  return lines.join('\n').trimEnd() + '\n';
}

function row(f: Finding, docsUrl: string | undefined, options: LintFormatOptions): string {
  const rule = isWebUrl(docsUrl) ? `[${text(f.ruleId)}](${docsUrl})` : `\`${code(f.ruleId)}\``;
  const resource = resourceLabel(f);
  const where = `\`${code(displayPath(f.file, options.cwd))}:${f.line}:${f.column}\``;
  const branch = f.branch ? ` _(when ${text(f.branch)})_` : '';
  return `| ${SEVERITY_TITLE[f.severity]} | ${rule} | ${resource ? `\`${code(resource)}\`` : ''} | ${where} | ${text(f.message)}${branch} |`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Text in a table cell: no pipes, no HTML, no line breaks, no Markdown that changes the page. */
function text(s: string): string {
  return escapeControlChars(s).replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
}

/** Text inside a code span: backticks cannot close it and pipes cannot split the cell. */
function code(s: string): string {
  return escapeControlChars(s).replace(/`/g, "'").replace(/\|/g, '\\|');
}
