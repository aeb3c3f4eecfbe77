// The one library call front ends share (contract §7): lint what the caller already holds — paths,
// text buffers or parsed template objects — with a config given inline, named or discovered, and
// get back the findings, the effective keys and the gate's verdict.
import { resolve } from 'node:path';
import type { LintResult, SeveritySetting } from '../model/findings.js';
import type { ResolvedConfig, UserConfig } from '../config/types.js';
import { loadConfig, resolveConfig, validateConfig } from '../config/load.js';
import { keyRows, type KeyRow } from '../analysis/key-rows.js';
import type { Analysis } from '../analysis/analyse.js';
import { loadText, type LoadedInput } from '../inputs/load.js';
import { joinTerraformModules } from '../inputs/terraform/module-scope.js';
import { loadInputs } from './load-inputs.js';
import { lint } from './lint.js';
import { allRules } from '../../rules/index.js';
import type { Rule } from '../rule-kit/types.js';
import { verdictOf, type Verdict } from './verdict.js';

export interface LintSourcesRequest {
  /** Files, directories and globs, as on the command line. */
  paths?: readonly string[];
  /**
   * Text buffers (an editor's open documents); `path` names each for detection, overrides and reports.
   * `explicit: false` treats a buffer like a file a walk found: one that is not a template is skipped quietly.
   */
  texts?: readonly { path: string; text: string; explicit?: boolean }[];
  /** Parsed templates (CloudFormation objects, Terraform plan JSON), each with a name to report it by. */
  templates?: readonly { name: string; template: unknown }[];
  /** An inline config object, a config file path, or nothing to discover one from `cwd`. */
  config?: UserConfig | string;
  /** A config already loaded and resolved (the editor server keeps one per workspace folder); wins over `config`. */
  resolvedConfig?: ResolvedConfig;
  /** Ignore config files (with no inline config, the defaults apply). */
  noConfig?: boolean;
  /** Refuse JavaScript config files. */
  noConfigJs?: boolean;
  cwd?: string;
  accounts?: readonly string[];
  ruleOverrides?: Record<string, SeveritySetting>;
  /** Custom rules (a plugin point); their ids may be configured like built-in ones. */
  rules?: readonly Rule[];
  /** Fingerprints of accepted findings. */
  baseline?: ReadonlySet<string>;
  maxWarnings?: number;
  allowEmpty?: boolean;
}

export interface LintSourcesResult {
  result: LintResult;
  keys: KeyRow[];
  verdict: Verdict;
  config: ResolvedConfig;
  /** What discovery skipped or could not find (non-regular files, missing paths, *.tf not read yet). */
  warnings: string[];
  /** The model the findings came from (the editor server's hover and quick fixes read it). */
  analysis: Analysis;
}

export async function lintSources(request: LintSourcesRequest): Promise<LintSourcesResult> {
  const cwd = request.cwd ?? process.cwd();
  // The rules themselves, not just their ids: the config's options are checked against their schemas.
  const knownRules = [...allRules, ...(request.rules ?? [])];
  const config =
    request.resolvedConfig ??
    (typeof request.config === 'object' && request.config !== null
      ? resolveConfig(validateConfig(request.config, knownRules), cwd)
      : await loadConfig({ cwd, configFile: request.config, noConfig: request.noConfig, noConfigJs: request.noConfigJs, knownRules }));

  const inputs: LoadedInput[] = [];
  const warnings: string[] = [];
  if (request.paths?.length) {
    const set = loadInputs(request.paths, { cwd });
    inputs.push(...set.inputs);
    warnings.push(...set.warnings, ...set.missing.map((m) => `${m}: no such file or directory`));
    if (set.notReadYet.length) warnings.push(`${set.notReadYet.length} Terraform HCL file(s) not read: ${set.notReadYet.join(', ')}`);
  }
  for (const t of request.texts ?? []) inputs.push(loadText(t.path, t.text, { explicit: t.explicit ?? true }));
  // A parsed object is linted as the JSON it would be written as, so positions point into that text.
  for (const t of request.templates ?? []) inputs.push(loadText(/\.json$/i.test(t.name) ? t.name : `${t.name}.json`, JSON.stringify(t.template, null, 2), { explicit: true }));
  if (request.texts?.length || request.templates?.length) joinTerraformModules(inputs.flatMap((i) => i.templates));

  const run = lint(inputs, {
    config,
    cwd,
    accounts: [...(request.accounts ?? [])],
    ruleOverrides: request.ruleOverrides,
    rules: request.rules,
    baseline: request.baseline ? new Set(request.baseline) : undefined,
  }, allRules);
  const missingPaths = (request.paths ?? []).filter((p) => warnings.some((w) => w.startsWith(`${p}: no such file`)));
  const verdict = missingPaths.length
    ? { exitCode: 2 as const, reason: 'unreadable-input' as const, message: `no such file or directory: ${missingPaths.map((p) => resolve(cwd, p)).join(', ')}` }
    : verdictOf(run.result, { maxWarnings: request.maxWarnings, allowEmpty: request.allowEmpty });
  return { result: run.result, keys: keyRows(run.analysis), verdict, config, warnings, analysis: run.analysis };
}
