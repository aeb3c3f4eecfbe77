// `--format stylish` (default): ESLint-like text, grouped by file.
//
//   infra/app.yaml
//     12:5  error    DataBucket  DataBucket is shared with account 444455556666 but
//                                encrypts with alias/aws/s3, which other accounts
//                                cannot use.  cross-account-aws-managed-key
//           ↳ infra/app.yaml:40:7  DataBucketPolicy grants 444455556666 s3:GetObject
//
//   ✖ 3 problems (2 errors, 1 warning, 0 infos), 1 suppressed
//
// Position, severity and resource are columns; the message and the rule id after it are wrapped
// to `options.width` (default 80) with continuation lines under the message column. Suppressed
// findings are not listed, only counted. An input that could not be parsed is listed under its
// file as `file:line:column  error  <message>  parse-error` (once, even if the engine also
// produced a `parse-error` finding for it). A result with nothing to show and nothing suppressed
// prints nothing at all, like ESLint.
//
// Everything taken from the inputs (paths, ids, messages) goes through escapeControlChars: a
// newline prints as `\n` and ESC as `\u001b`, so a template cannot start a CI log line with a
// workflow command or drive the terminal, and guardCiCommands escapes what would still read as a
// CI command (a file named `::warning::x.yaml`). Colour codes are added only around kmslint's own text.
import { createColors } from 'picocolors';
import wrapAnsi from 'wrap-ansi';
import type { Finding, LintResult, Severity } from '../model/findings.js';
import type { LintFormatOptions } from './common.js';
import {
  branchSuffix,
  byPosition,
  displayPath,
  escapeControlChars,
  groupBy,
  guardCiCommands,
  plural,
  resourceLabel,
  TEXT_GUARD,
  unreportedInputErrors,
  visibleFindings,
} from './common.js';

const DEFAULT_WIDTH = 80;
/** Below this many columns for the message, lines run past the width rather than wrap word by word. */
const MIN_MESSAGE_WIDTH = 30;

interface Row {
  pos: string;
  severity: Severity;
  resource: string;
  message: string;
  ruleId: string;
  related: string[];
}

export function formatStylish(result: LintResult, options: LintFormatOptions): string {
  const c = createColors(options.color);
  const sevColor = (s: Severity, text: string) => (s === 'error' ? c.red(text) : s === 'warning' ? c.yellow(text) : c.blue(text));
  const path = (f: string) => escapeControlChars(displayPath(f, options.cwd));
  const width = options.width !== undefined && Number.isFinite(options.width) && options.width >= 1 ? Math.floor(options.width) : DEFAULT_WIDTH;
  /** `first` followed by `text` wrapped to the width, continuation lines indented by `indent` columns. */
  const hanging = (first: string, indent: number, text: string): string[] => {
    const lines = wrapAnsi(text, Math.max(MIN_MESSAGE_WIDTH, width - indent), { trim: true }).split('\n');
    return [first + lines[0], ...lines.slice(1).map((l) => ' '.repeat(indent) + l)];
  };

  const findings = visibleFindings(result);
  const inputErrors = unreportedInputErrors(result);

  // File order: first appearance among findings, then among failed inputs.
  const files: string[] = [];
  const rowsByFile = new Map<string, Row[]>();
  const errorsByFile = new Map<string, string[]>();
  const ensure = (file: string) => {
    if (!rowsByFile.has(file)) {
      files.push(file);
      rowsByFile.set(file, []);
      errorsByFile.set(file, []);
    }
  };

  for (const [file, group] of groupBy(findings, (f) => path(f.file))) {
    ensure(file);
    rowsByFile.get(file)!.push(...[...group].sort(byPosition).map((f) => toRow(f, path)));
  }
  for (const i of inputErrors) {
    const file = path(i.path);
    ensure(file);
    const lead = `  ${file}:${i.error.line}:${i.error.column}  ${c.red('error')}  `;
    const indent = 2 + `${file}:${i.error.line}:${i.error.column}`.length + 2 + 'error'.length + 2;
    errorsByFile.get(file)!.push(...hanging(lead, indent, `${escapeControlChars(i.error.message)}  ${c.dim('parse-error')}`));
  }

  const { errors, warnings, infos, suppressed } = result.summary;
  const problems = errors + warnings + infos;
  if (files.length === 0 && problems === 0 && suppressed === 0) return '';

  const out: string[] = [];
  for (const file of files) {
    out.push(c.underline(file));
    out.push(...errorsByFile.get(file)!);
    const rows = rowsByFile.get(file)!;
    const w = {
      pos: Math.max(0, ...rows.map((r) => r.pos.length)),
      sev: Math.max(0, ...rows.map((r) => r.severity.length)),
      res: Math.max(0, ...rows.map((r) => r.resource.length)),
    };
    const messageColumn = 2 + w.pos + 2 + w.sev + 2 + (w.res > 0 ? w.res + 2 : 0);
    const relatedColumn = 2 + w.pos + 2;
    for (const r of rows) {
      const lead =
        `  ${c.dim(r.pos.padEnd(w.pos))}  ${sevColor(r.severity, r.severity.padEnd(w.sev))}  ` +
        (w.res > 0 ? `${c.bold(r.resource.padEnd(w.res))}  ` : '');
      out.push(...hanging(lead, messageColumn, `${r.message}  ${c.dim(r.ruleId)}`));
      for (const rel of r.related) {
        // `↳` stays with the location, even when the location is longer than the line.
        out.push(...hanging(`${' '.repeat(relatedColumn)}↳ `, relatedColumn + 2, rel).map((l) => c.dim(l)));
      }
    }
    out.push('');
  }

  const summary: string[] = [];
  if (problems > 0 || suppressed > 0 || inputErrors.length > 0 || files.length > 0) {
    const failed = problems > 0 || inputErrors.length > 0;
    const text =
      `${failed ? '✖' : '✔'} ${plural(problems, 'problem')} ` +
      `(${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')})` +
      (suppressed > 0 ? `, ${suppressed} suppressed` : '');
    const color = errors > 0 ? c.red : warnings > 0 ? c.yellow : infos > 0 ? c.blue : failed ? c.red : c.green;
    summary.push(c.bold(color(text)));
  }
  const failedInputs = result.inputs.filter((i) => i.error !== null).length;
  if (failedInputs > 0) summary.push(c.bold(c.red(`✖ ${plural(failedInputs, 'input')} could not be parsed`)));
  out.push(...summary);
  return guardCiCommands(out.join('\n') + '\n', TEXT_GUARD);
}

function toRow(f: Finding, path: (f: string) => string): Row {
  return {
    pos: `${f.line}:${f.column}`,
    severity: f.severity,
    resource: escapeControlChars(resourceLabel(f) ?? ''),
    message: escapeControlChars(f.message + branchSuffix(f)),
    ruleId: escapeControlChars(f.ruleId),
    related: (f.related ?? []).map((r) => `${path(r.file)}:${r.line}:${r.column}  ${escapeControlChars(r.message)}`),
  };
}
