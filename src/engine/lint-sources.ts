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
import { joinTerraformModules, unfetchedModuleWarnings } from '../inputs/terraform/module-scope.js';
import { loadInputsAsync, type Concurrency, type LoadedSet } from './load-inputs.js';
import { LintCache, cacheFileFor } from './cache.js';
import { lintSet, runKeyOf } from './cached-lint.js';
import { loadHclReader, needsHclParser, readPendingHcl } from '../inputs/terraform/hcl/pending.js';
import { allRules } from '../../rules/index.js';
import type { Rule } from '../rule-kit/types.js';
import { verdictOf, type Verdict } from './verdict.js';
import type { OnProgress } from './progress.js';

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
  /** Called between steps (discovering, reading each file, analysing); never awaited. */
  onProgress?: OnProgress;
  /**
   * Threads reading `paths` (main thread included): `auto` uses workers only where they pay; `off`
   * (the default here, unlike the CLI) reads on the calling thread. Other than `off`, each input
   * that is not linked to another is linted alone as it is read, and `analysis` then holds only the
   * inputs linted together (the findings and key rows are those of every input, as with `off`).
   * Workers end before this returns.
   */
  concurrency?: Concurrency;
  /**
   * Reuse the findings and key rows of `paths` inputs unchanged since the last cached call
   * (docs/cache.md); `analysis` then holds only the inputs analysed again. Cache problems go to `warnings`.
   */
  cache?: boolean | { location?: string };
}

export interface LintSourcesResult {
  result: LintResult;
  keys: KeyRow[];
  verdict: Verdict;
  config: ResolvedConfig;
  /** What discovery skipped or could not find (non-regular files, missing paths), and Terraform modules not fetched. */
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
  const lintOptions = {
    config,
    cwd,
    accounts: [...(request.accounts ?? [])],
    ruleOverrides: request.ruleOverrides,
    rules: request.rules,
    baseline: request.baseline ? new Set(request.baseline) : undefined,
  };
  const cache = request.cache && request.paths?.length
    ? LintCache.open(cacheFileFor(typeof request.cache === 'object' ? request.cache.location : undefined, cwd), runKeyOf({ options: lintOptions, rules: allRules, cwd, withKeys: true }), (m) => warnings.push(m))
    : undefined;
  let pathSet: LoadedSet | undefined;
  if (request.paths?.length) {
    const concurrency = request.concurrency ?? 'off';
    const solo = concurrency === 'off' ? undefined : { options: lintOptions, rules: allRules, withKeys: true };
    const set = (pathSet = await loadInputsAsync(request.paths, { cwd, onProgress: request.onProgress, concurrency, cache, solo, otherInputs: Boolean(request.texts?.length || request.templates?.length) }));
    if (await readPendingHcl(set.inputs, cwd)) joinTerraformModules(set.inputs.flatMap((i) => i.templates));
    inputs.push(...set.inputs);
    warnings.push(...set.warnings, ...set.missing.map((m) => `${m}: no such file or directory`));
  }
  if (needsHclParser((request.texts ?? []).map((t) => t.path))) await loadHclReader();
  for (const t of request.texts ?? []) inputs.push(loadText(t.path, t.text, { explicit: t.explicit ?? true }));
  // A parsed object is linted as the JSON it would be written as, so positions point into that text.
  for (const t of request.templates ?? []) inputs.push(loadText(/\.json$/i.test(t.name) ? t.name : `${t.name}.json`, JSON.stringify(t.template, null, 2), { explicit: true }));
  if (request.texts?.length || request.templates?.length) joinTerraformModules(inputs.flatMap((i) => i.templates));
  warnings.push(...unfetchedModuleWarnings(inputs.flatMap((i) => i.templates)));

  request.onProgress?.({ phase: 'analysing', done: 0, total: inputs.length });
  const set: LoadedSet = { ...(pathSet ?? { missing: [], warnings: [], readPaths: [] }), inputs };
  const run = lintSet(set, lintOptions, allRules, cache, true);
  const missingPaths = (request.paths ?? []).filter((p) => warnings.some((w) => w.startsWith(`${p}: no such file`)));
  const verdict = missingPaths.length
    ? { exitCode: 2 as const, reason: 'unreadable-input' as const, message: `no such file or directory: ${missingPaths.map((p) => resolve(cwd, p)).join(', ')}` }
    : verdictOf(run.result, { maxWarnings: request.maxWarnings, allowEmpty: request.allowEmpty });
  return { result: run.result, keys: run.keys ?? keyRows(run.analysis), verdict, config, warnings, analysis: run.analysis };
}
