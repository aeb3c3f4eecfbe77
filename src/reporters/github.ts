// `--format github`: GitHub Actions workflow commands, one annotation per line:
//   ::error file=infra/app.yaml,line=12,col=5,endLine=12,endColumn=30,title=cross-account-aws-managed-key::<message>
// error -> ::error, warning -> ::warning, info -> ::notice. Suppressed findings are left out.
// The message names the resource (construct path for CDK) when it does not already start with
// it, and the condition branch.
// Inputs that could not be parsed are ::error annotations titled `parse-error`.
//
// Escaping follows the runner's command parser: in data `%`, CR and LF are percent-encoded; in
// property values also `:` and `,`. So every finding is one line, and text from a template cannot
// start a second command. Other control characters (ESC, BEL, …, which the runner would pass to
// the log raw) print as visible escapes such as `\u001b`. Each line starts with `::<command>`, which
// the runner parses first, so a legacy `##[command]` inside the data is never read as a command.
import type { LintResult, Severity } from '../model/findings.js';
import type { LintFormatOptions } from './common.js';
import { displayPath, escapeControlChars, messageWithContext, normalisedRange, pos, unreportedInputErrors, visibleFindings } from './common.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escaping of a command's data (the part after `::`), as in @actions/core `escapeData`, plus visible escapes for other controls. */
export function escapeData(s: string): string {
  return escapeControlChars(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** Escaping of a property value, as in @actions/core `escapeProperty`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, props: [string, string | number][], message: string): string {
  const p = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  return `::${name} ${p}::${escapeData(message)}`;
}

export function formatGithub(result: LintResult, options: LintFormatOptions): string {
  const lines: string[] = [];
  for (const i of unreportedInputErrors(result)) {
    const file = displayPath(i.path, options.cwd);
    lines.push(
      command('error', [['file', file], ['line', pos(i.error.line)], ['col', pos(i.error.column)], ['title', 'parse-error']], i.error.message),
    );
  }
  for (const f of visibleFindings(result)) {
    const r = normalisedRange(f);
    const message = messageWithContext(f);
    lines.push(
      command(
        COMMAND[f.severity] ?? 'warning',
        [
          ['file', displayPath(f.file, options.cwd)],
          ['line', r.line],
          ['col', r.column],
          ['endLine', r.endLine],
          ['endColumn', r.endColumn],
          ['title', f.ruleId],
        ],
        message,
      ),
    );
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}
