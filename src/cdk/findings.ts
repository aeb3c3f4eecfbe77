// One lint run over an assembly's templates, and how a finding reads in CDK's output.
import type { LoadedInput } from '../inputs/load.js';
import { lint } from '../engine/lint.js';
import { allRules } from '../../rules/index.js';
import { verdictOf, type Verdict } from '../engine/verdict.js';
import type { Finding, LintResult } from '../model/findings.js';
import { resolveCdkConfig, type KmsLintOptions } from './options.js';

export interface CdkLintRun {
  result: LintResult;
  verdict: Verdict;
  /** The findings to show: not suppressed, and info ones only when asked. */
  shown: Finding[];
}

export function lintForCdk(inputs: LoadedInput[], options: KmsLintOptions): CdkLintRun {
  const config = resolveCdkConfig(options);
  const { result } = lint(inputs, { config, accounts: options.accounts, cwd: options.cwd, rules: options.rules }, allRules);
  const shown = result.findings.filter((f) => !f.suppressed && (f.severity !== 'info' || options.reportInfo));
  return { result, verdict: verdictOf(result, { allowEmpty: true }), shown };
}

/** `[kmslint/<rule>] <message> (<docs>)`: the rule id first, as cdk-nag writes `AwsSolutions-S1: …`. */
export function findingText(f: Finding, result: LintResult): string {
  const docs = result.rules.find((r) => r.id === f.ruleId)?.docsUrl;
  const branch = f.branch ? ` [when ${f.branch}]` : '';
  return `[kmslint/${f.ruleId}] ${f.message}${branch}${docs ? ` (${docs})` : ''}`;
}
