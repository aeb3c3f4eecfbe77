// `--format stylish` (default): ESLint-like text, grouped by file.
//
//   infra/app.yaml
//     12:5  error    DataBucket  The bucket is shared with 444455556666 ...  cross-account-aws-managed-key
//           ↳ infra/app.yaml:40:7  bucket policy grants 444455556666
//
//   ✖ 3 problems (2 errors, 1 warning, 0 infos), 1 suppressed
//
// Suppressed findings are not listed, only counted. An input that could not be parsed is listed
// under its file as `file:line:column  error  <message>  parse-error` (once, even if the engine
// also produced a `parse-error` finding for it). A result with nothing to show and nothing
// suppressed prints nothing at all, like ESLint.
import { createColors } from 'picocolors';
import type { Finding, LintResult, Severity } from '../model/findings.js';
import type { LintFormatOptions } from './common.js';
import { branchSuffix, byPosition, displayPath, groupBy, plural, resourceLabel, unreportedInputErrors, visibleFindings } from './common.js';

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
  const path = (f: string) => clean(displayPath(f, options.cwd));

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
    errorsByFile
      .get(file)!
      .push(`  ${file}:${i.error.line}:${i.error.column}  ${c.red('error')}  ${oneLine(i.error.message)}  ${c.dim('parse-error')}`);
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
      msg: Math.max(0, ...rows.map((r) => r.message.length)),
    };
    for (const r of rows) {
      const cells = [
        c.dim(r.pos.padEnd(w.pos)),
        sevColor(r.severity, r.severity.padEnd(w.sev)),
        ...(w.res > 0 ? [c.bold(r.resource.padEnd(w.res))] : []),
        r.message.padEnd(w.msg),
        c.dim(r.ruleId),
      ];
      out.push(`  ${cells.join('  ')}`.trimEnd());
      const indent = ' '.repeat(2 + w.pos + 2);
      for (const rel of r.related) out.push(c.dim(`${indent}↳ ${rel}`));
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
  return out.join('\n') + '\n';
}

function toRow(f: Finding, path: (f: string) => string): Row {
  return {
    pos: `${f.line}:${f.column}`,
    severity: f.severity,
    resource: clean(resourceLabel(f) ?? ''),
    message: oneLine(f.message + branchSuffix(f)),
    ruleId: clean(f.ruleId),
    related: (f.related ?? []).map((r) => `${path(r.file)}:${r.line}:${r.column}  ${oneLine(r.message)}`),
  };
}

/** Terminal rows are one line each. */
function oneLine(s: string): string {
  return clean(s.replace(/\s*[\r\n]+\s*/g, ' ').trim());
}

/** Text from templates must not drive the terminal: drop control characters (ESC, BEL, …). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
function clean(s: string): string {
  return s.replace(CONTROL, '');
}
