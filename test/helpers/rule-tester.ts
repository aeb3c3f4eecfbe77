// A rule tester after ESLint's RuleTester: each fixture case under fixtures/<format>/<rule>/ names
// the exact findings of that rule as whole tuples, and the test compares the sorted lists whole.
//
// cases.json: `{ "config"?: {...}, "cases": { "<fail-|pass-case>": [ExpectedEntry, …] } }`.
// A CloudFormation or Terraform entry gives its position as numbers. A CDK assembly is regenerated
// by `npx tsx test/helpers/cdk-fixtures.ts`, so its lines move: a CDK entry names instead the JSON
// path of the reported node in the stack template (`at`), and the tester computes its position from
// the template text.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { loadFile } from '../../src/inputs/load.js';
import { lint } from '../../src/engine/lint.js';
import { resolveConfig, validateConfig } from '../../src/config/load.js';
import { allRules } from '../../rules/index.js';
import type { Finding, LintResult } from '../../src/model/findings.js';

export const FORMATS = ['cloudformation', 'terraform', 'cdk'] as const;
export type FixtureFormat = (typeof FORMATS)[number];

/** One finding as the tester compares it. */
export interface FindingTuple {
  ruleId: string;
  resource: string | null;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  messageId: string | null;
  severity: string;
}

/** A CDK entry: the position is that of the node at `at` in the case's stack template. */
export interface CdkLocatedEntry extends Omit<FindingTuple, 'line' | 'column' | 'endLine' | 'endColumn'> {
  /** JSON path of the reported node in the template, e.g. `["Resources", "Data666C94C7", "Properties", "BucketEncryption"]`. */
  at: (string | number)[];
  /** `property`: from the key to the end of the value (the default); `value`: the value alone. */
  span?: 'property' | 'value';
  /** The template file in the case directory, when the assembly has more than one stack. */
  template?: string;
}

export type ExpectedEntry = FindingTuple | CdkLocatedEntry;

export interface CaseFile {
  config?: unknown;
  cases: Record<string, ExpectedEntry[]>;
}

export function casesPath(format: FixtureFormat, ruleId: string): string {
  return join('fixtures', format, ruleId, 'cases.json');
}

export function loadCases(format: FixtureFormat, ruleId: string): CaseFile | undefined {
  const file = casesPath(format, ruleId);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as CaseFile) : undefined;
}

export function casePath(format: FixtureFormat, ruleId: string, name: string): string {
  return join('fixtures', format, ruleId, name);
}

/** Lint one case in place with the case file's config, as the CLI would with that config. */
export function lintCase(format: FixtureFormat, ruleId: string, name: string, config?: unknown): LintResult {
  const input = loadFile(casePath(format, ruleId, name), { explicit: true });
  // The rules, not only their ids: a case file's rule options are checked against their schemas, as the CLI does.
  return lint([input], { config: resolveConfig(validateConfig(config ?? {}, allRules), process.cwd()) }).result;
}

export function tupleOf(f: Finding): FindingTuple {
  return {
    ruleId: f.ruleId,
    resource: f.resource?.id ?? null,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    messageId: f.messageId ?? null,
    severity: f.severity,
  };
}

/** The findings of `ruleId` on the case, as sorted tuples. */
export function actualTuples(result: LintResult, ruleId: string): FindingTuple[] {
  return sortTuples(result.findings.filter((f) => f.ruleId === ruleId).map(tupleOf));
}

/** The case's expected tuples, CDK positions computed from the template, sorted. */
export function expectedTuples(format: FixtureFormat, ruleId: string, name: string, entries: readonly ExpectedEntry[]): FindingTuple[] {
  return sortTuples(entries.map((e) => ('at' in e ? locateCdkEntry(casePath(format, ruleId, name), e) : e)));
}

export function sortTuples(list: FindingTuple[]): FindingTuple[] {
  const key = (t: FindingTuple) => [t.line, t.column, t.endLine, t.endColumn] as const;
  return [...list].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
    return JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0;
  });
}

/** The stack template of a CDK case directory: the one named, or the only `*.template.json`. */
export function cdkTemplateFile(caseDir: string, named?: string): string {
  if (named) return join(caseDir, named);
  const templates = readdirSync(caseDir).filter((n) => n.endsWith('.template.json'));
  if (templates.length !== 1) throw new Error(`${caseDir}: ${templates.length} stack templates; name one with "template"`);
  return join(caseDir, templates[0]);
}

/** A CDK entry with the position of its node in the template text (1-based lines, 1-based columns). */
export function locateCdkEntry(caseDir: string, entry: CdkLocatedEntry): FindingTuple {
  const file = cdkTemplateFile(caseDir, entry.template);
  const text = readFileSync(file, 'utf8');
  const tree = parseTree(text);
  const value = tree && findNodeAtLocation(tree, entry.at);
  if (!value) throw new Error(`${file}: no node at ${JSON.stringify(entry.at)}`);
  const node: Node = (entry.span ?? 'property') === 'property' && value.parent?.type === 'property' ? value.parent : value;
  const start = positionAt(text, node.offset);
  const end = positionAt(text, value.offset + value.length);
  return { ruleId: entry.ruleId, resource: entry.resource, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, messageId: entry.messageId, severity: entry.severity };
}

/** Counted here rather than by the engine's line index, so the two can disagree. */
function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}
