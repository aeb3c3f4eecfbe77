// Lints a JSON rule fixture and its HCL twin the same way (the case file's config), for
// test/hcl-twins.test.ts and the --cases writer of hcl-twins.ts.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { loadFile } from '../../src/inputs/load.js';
import { lint } from '../../src/engine/lint.js';
import { joinTerraformModules } from '../../src/inputs/terraform/module-scope.js';
import { resolveConfig, validateConfig } from '../../src/config/load.js';
import { allRules } from '../../rules/index.js';
import { actualTuples, type FindingTuple } from './rule-tester.js';
import type { LintResult } from '../../src/model/findings.js';

export function twinDir(rule: string, jsonCase: string): string {
  return join('fixtures', 'terraform-hcl', rule, jsonCase.replace(/\.tf\.json$/, ''));
}

/** Lint the twin's main.tf (its directory is its module). The HCL reader must be loaded. */
export function lintTwin(rule: string, jsonCase: string, config?: unknown): LintResult {
  const input = loadFile(join(twinDir(rule, jsonCase), 'main.tf'), { explicit: true });
  joinTerraformModules(input.templates);
  return lint([input], { config: resolveConfig(validateConfig(config ?? {}, allRules), process.cwd()) }).result;
}

export function twinTuples(rule: string, jsonCase: string, config?: unknown): FindingTuple[] {
  return actualTuples(lintTwin(rule, jsonCase, config), rule);
}

/** What must be equal between a JSON case and its twin: everything but the position. */
export function identity(t: FindingTuple): string {
  return JSON.stringify([t.ruleId, t.resource, t.severity, t.messageId]);
}

/** The word a finding's position starts at in a text: a key (quotes removed), a block keyword, or the first character. */
export function wordAt(file: string, line: number, column: number): string {
  const text = readFileSync(file, 'utf8').split('\n')[line - 1] ?? '';
  const rest = text.slice(column - 1);
  const m = /^"((?:[^"\\]|\\.)*)"|^([A-Za-z_][A-Za-z0-9_-]*)/.exec(rest);
  return m ? (m[1] ?? m[2]) : rest.slice(0, 1);
}
