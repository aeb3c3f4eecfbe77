// Helpers shared by the lint reporters (stylish, json, sarif, github, junit, codeclimate, html).
// Everything here is pure: no file system, no environment, no clock.
import type { KeyMap } from '../analysis/key-map.js';
import type { Finding, InputReport, LintResult, RuleDescriptor, Severity } from '../model/findings.js';

export interface LintFormatOptions {
  /** Emit ANSI colour codes (stylish only; every other format ignores it). */
  color: boolean;
  /** Working directory: absolute paths under it are printed relative to it; SARIF also records it as `%SRCROOT%`. */
  cwd?: string;
  /** Terminal columns for formats that wrap (stylish); 80 when not given. */
  width?: number;
  /** The run's key map, made only when a format draws it (html). */
  keyMap?: () => KeyMap;
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

const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Characters that can move the cursor, end a log line, drive a terminal or reorder text:
 * C0 and C1 controls, DEL, line and paragraph separators, bidirectional overrides and isolates,
 * lone surrogates and the two non-characters XML cannot carry.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text from inputs (ids, paths, messages quoting template values) made safe to print on one
 * line: each unsafe character becomes a visible escape (`\n`, `\t`, `\u001b`), so a logical id
 * cannot start a CI log line, inject ANSI sequences or break a report's structure.
 */
export function escapeControlChars(s: string): string {
  return s.replace(UNSAFE, (ch) => NAMED_ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Only absolute http(s) URLs are linked or emitted as URIs. */
export function isWebUrl(s: string | undefined): s is string {
  return typeof s === 'string' && /^https?:\/\/[^\s]+$/i.test(s);
}

/** How a format writes `#` and `:` without changing what a reader of that format gets. */
export interface CommandGuard {
  hash: string;
  colon: string;
}

/** Plain text: visible escapes. JSON: the same spelling is a JSON string escape, so data is unchanged. */
export const TEXT_GUARD: CommandGuard = { hash: '\\u0023', colon: '\\u003a' };
export const JSON_GUARD: CommandGuard = TEXT_GUARD;
/** XML and HTML: character references. */
export const MARKUP_GUARD: CommandGuard = { hash: '&#35;', colon: '&#58;' };

/**
 * Output printed into a CI log must not hold a line the CI reads as a command. The GitHub runner
 * takes a line whose first non-blank characters are `::` as a workflow command, and `##[command]`
 * anywhere in a line as a legacy one (Azure Pipelines: `##vso[`). Escaping control characters
 * is not enough: a file may be named `::warning::x.yaml`. So the first `:` of a leading `::`, and the
 * first `#` of every `##[` (or `##vso[`, …), are written escaped the format's own way.
 */
export function guardCiCommands(text: string, guard: CommandGuard): string {
  return text.replace(/^(\s*):(?=:)/gm, (_m, blank: string) => blank + guard.colon).replace(/#(?=#[A-Za-z]*\[)/g, () => guard.hash);
}

/**
 * Characters JSON.stringify leaves raw but a terminal acts on: C1 controls, DEL, line and
 * paragraph separators, bidirectional marks, overrides and isolates.
 */
const JSON_RAW_UNSAFE = /[\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/**
 * A JSON document, pretty-printed, ending in a newline, for output that may be printed to a
 * terminal or a CI log: the characters above as `\uXXXX` escapes and guardCiCommands applied.
 * Both only occur inside strings and use JSON's own escapes, so the parsed data is unchanged.
 */
export function jsonText(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(JSON_RAW_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return guardCiCommands(text + '\n', JSON_GUARD);
}
