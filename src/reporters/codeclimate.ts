// `--format codeclimate`: GitLab Code Quality report (a JSON array of Code Climate issues).
// Severity: error -> critical, warning -> minor, info -> info. Suppressed findings are left out.
// `fingerprint` is the md5 hex of the finding's fingerprint; GitLab needs it unique within a
// report, so a repeated fingerprint (same finding in two condition branches, say) is salted with
// its occurrence number. Inputs that could not be parsed are `parse-error` issues (critical).
// jsonText escapes control characters and keeps CI runner commands out (data unchanged).
import { nodeCrypto } from '../util/node-on-first-use.js';
import type { LintResult, Severity } from '../model/findings.js';
import type { LintFormatOptions } from './common.js';
import { displayPath, jsonText, messageWithContext, pos, unreportedInputErrors, visibleFindings } from './common.js';

export type CodeClimateSeverity = 'blocker' | 'critical' | 'major' | 'minor' | 'info';

export interface CodeClimateIssue {
  type: 'issue';
  check_name: string;
  description: string;
  categories: string[];
  fingerprint: string;
  severity: CodeClimateSeverity;
  location: { path: string; lines: { begin: number; end: number } };
}

const SEVERITY: Record<Severity, CodeClimateSeverity> = { error: 'critical', warning: 'minor', info: 'info' };

export function formatCodeclimate(result: LintResult, options: LintFormatOptions): string {
  return jsonText(toCodeClimate(result, options));
}

export function toCodeClimate(result: LintResult, options: LintFormatOptions = { color: false }): CodeClimateIssue[] {
  const seen = new Map<string, number>();
  const unique = (raw: string): string => {
    const n = seen.get(raw) ?? 0;
    seen.set(raw, n + 1);
    return md5(n === 0 ? raw : `${raw}\u0000${n}`);
  };
  const issues: CodeClimateIssue[] = [];
  for (const i of unreportedInputErrors(result)) {
    const path = displayPath(i.path, options.cwd);
    issues.push({
      type: 'issue',
      check_name: 'parse-error',
      description: `Could not parse ${path}: ${i.error.message}`,
      categories: ['Bug Risk'],
      fingerprint: unique(`parse-error\u0000${path}\u0000${i.error.message}`),
      severity: 'critical',
      location: { path, lines: { begin: pos(i.error.line), end: pos(i.error.line) } },
    });
  }
  for (const f of visibleFindings(result)) {
    const begin = pos(f.line);
    issues.push({
      type: 'issue',
      check_name: f.ruleId,
      description: messageWithContext(f),
      categories: ['Security'],
      fingerprint: unique(f.fingerprint || `${f.ruleId}\u0000${f.file}\u0000${f.line}\u0000${f.column}\u0000${f.message}`),
      severity: SEVERITY[f.severity] ?? 'minor',
      location: { path: displayPath(f.file, options.cwd), lines: { begin, end: Math.max(begin, pos(f.endLine)) } },
    });
  }
  return issues;
}

function md5(s: string): string {
  return nodeCrypto().createHash('md5').update(s).digest('hex');
}
