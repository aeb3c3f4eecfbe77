// Helpers shared by the lint reporters (stylish, json, sarif, github, junit, codeclimate, html).
// Everything here is pure: no file system, no environment, no clock.
import type { Finding, InputReport, LintResult, RuleDescriptor, Severity } from '../model/findings.js';

export interface LintFormatOptions {
  /** Emit ANSI colour codes (stylish only; every other format ignores it). */
  color: boolean;
  /** Working directory: absolute paths under it are printed relative to it; SARIF also records it as `%SRCROOT%`. */
  cwd?: string;
}

export type LintFormatter = (result: LintResult, options: LintFormatOptions) => string;

/** Forward slashes, no leading `./`; relative to `cwd` when the path is absolute and under it. */
export function displayPath(file: string, cwd?: string): string {
  let p = file.replace(/\\/g, '/');
  if (cwd !== undefined && isAbsolutePath(p)) {
    const base = cwd.replace(/\\/g, '/').replace(/\/+$/, '');
    // Windows drive paths compare case-insensitively.
    const fold = /^[A-Za-z]:/.test(base) ? (s: string) => s.toLowerCase() : (s: string) => s;
    if (fold(p) === fold(base)) return '.';
    if (base !== '' && fold(p).startsWith(fold(base) + '/')) p = p.slice(base.length + 1);
  }
  while (p.startsWith('./')) p = p.slice(2);
  return p === '' ? '.' : p;
}

/** `/x`, `//server/share` or `C:/x` (after backslashes became slashes). */
export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:\//.test(p);
}

/** What a user recognises: the CDK construct path when known, else the logical id / Terraform address. */
export function resourceLabel(f: Finding): string | undefined {
  if (!f.resource) return undefined;
  return f.resource.path || f.resource.id;
}

/**
 * The message for one-line formats (github, codeclimate): prefixed with the resource label unless
 * the message already starts with it (CloudFormation messages begin with the logical id; for CDK
 * the construct path is added), and followed by the condition branch.
 */
export function messageWithContext(f: Finding): string {
  const label = resourceLabel(f);
  const prefix = label && !f.message.startsWith(label) ? `${label}: ` : '';
  return prefix + f.message + branchSuffix(f);
}

/** Fully qualified resource name: construct path, else `stack/id` (or `id` when there is no stack). */
export function resourceQualifiedName(f: Finding): string | undefined {
  const r = f.resource;
  if (!r) return undefined;
  if (r.path) return r.path;
  return r.stack ? `${r.stack}/${r.id}` : r.id;
}

export function visibleFindings(result: LintResult): Finding[] {
  return result.findings.filter((f) => !f.suppressed);
}

/**
 * Inputs that failed to parse and are not already represented by a `parse-error` finding for the
 * same file (the engine may report both; human-facing formats print the problem once).
 */
export function unreportedInputErrors(result: LintResult): (InputReport & { error: NonNullable<InputReport['error']> })[] {
  const covered = new Set(result.findings.filter((f) => f.ruleId === 'parse-error').map((f) => normalise(f.file)));
  return result.inputs.filter(
    (i): i is InputReport & { error: NonNullable<InputReport['error']> } => i.error !== null && !covered.has(normalise(i.path)),
  );
}

function normalise(p: string): string {
  return displayPath(p);
}

/** Stable sort by file position. */
export function byPosition(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn;
}

/** Group items by a key, keeping the order in which keys first appear. */
export function groupBy<T>(items: Iterable<T>, key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

export function ruleMap(rules: RuleDescriptor[]): Map<string, RuleDescriptor> {
  const m = new Map<string, RuleDescriptor>();
  for (const r of rules) if (!m.has(r.id)) m.set(r.id, r);
  return m;
}

export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}

/** Short context for one-line formats: ` (when UseCmk=false)`, or ''. */
export function branchSuffix(f: Finding): string {
  return f.branch ? ` (when ${f.branch})` : '';
}

/** 1-based, at least 1. */
export function pos(n: number | undefined): number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 1 ? Math.floor(n) : 1;
}

/** A region whose end never precedes its start. */
export function normalisedRange(f: Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>): {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
} {
  const line = pos(f.line);
  const column = pos(f.column);
  let endLine = pos(f.endLine);
  let endColumn = pos(f.endColumn);
  if (endLine < line || (f.endLine === undefined && f.endColumn === undefined)) {
    endLine = line;
    endColumn = column;
  }
  if (endLine === line && endColumn < column) endColumn = column;
  return { line, column, endLine, endColumn };
}

export const severityOrder: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Only absolute http(s) URLs are linked or emitted as URIs. */
export function isWebUrl(s: string | undefined): s is string {
  return typeof s === 'string' && /^https?:\/\/[^\s]+$/i.test(s);
}
