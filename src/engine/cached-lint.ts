// Lint of a loaded set whose inputs are partly settled already: reused from the cache, or linted
// alone as they were read (load-inputs.ts). The inputs still loaded are linted together (so
// everything that crosses inputs among them is seen), the settled inputs' findings are merged in, and
// the result is put in the order a run of every input together gives. With a cache, the run's
// inputs are then written to it.
//
// Why settled findings may be merged: an input that is not linked (`isLinked`) has findings that
// depend only on itself (cache.ts), and findings of different inputs are in different files, so the
// order of a merged list sorted with `compareFindings` (stable) is the order of a joint run.
import { nodeCrypto } from '../util/node-on-first-use.js';
import type { Finding, LintResult } from '../model/findings.js';
import type { LoadedInput } from '../inputs/load.js';
import type { Rule } from '../rule-kit/types.js';
import { keyRows, type KeyRow } from '../analysis/key-rows.js';
import { allRules } from '../../rules/index.js';
import { version } from '../version.js';
import { codeStamp } from './code-stamp.js';
import { lint, prepareRun, summaryOf, type LintOptions, type LintRun, type PreparedRun } from './lint.js';
import { compareFindings } from './order.js';
import type { LoadedSet } from './load-inputs.js';
import type { CachedInput, LintCache } from './cache.js';

export interface SetRun extends LintRun {
  /** Key rows of every input (loaded and settled), when asked for. */
  keys?: KeyRow[];
}

/**
 * `lint` over a loaded set; settled inputs are merged in, and with `cache` the inputs of the run are
 * recorded. Without settled inputs and a cache, this is `lint` itself.
 */
export function lintSet(set: LoadedSet, options: LintOptions, builtins: readonly Rule[] = allRules, cache?: LintCache, withKeys = false): SetRun {
  const run = lint(set.inputs, options, builtins);
  const keys = withKeys ? keyRows(run.analysis) : undefined;
  const settled = set.settled ?? [];
  if (!cache && settled.length === 0) return { ...run, keys };

  const fresh = attribute(set.inputs, run, keys);
  // Places of every input, in the order of a joint run: settled ones where they were discovered.
  const total = set.inputs.length + settled.length;
  const order = new Array<CachedInput | undefined>(total);
  for (const s of settled) order[s.at] = s.entry;
  const slots: CachedInput[] = [];
  let k = 0;
  for (let at = 0; at < total; at++) slots.push(order[at] ?? fresh[k++].entry);

  // The joint run's own list, not its attribution: a finding no input owns is still reported.
  const findings: Finding[] = [...settled.flatMap((s) => s.entry.findings), ...run.result.findings];
  findings.sort(compareFindings); // stable: equal findings are of one file, so of one input, in their own order
  const reports = slots.flatMap((s) => (s.report ? [s.report] : []));
  const result: LintResult = { ...run.result, inputs: reports, findings, summary: summaryOf(findings, reports.length) };

  // Engine failures may depend on the whole set: such a run is not recorded. Settled inputs are
  // trusted: reused ones were, and one linted alone is settled only when its own run is (lintAlone).
  const trusted = run.analysis.failures.length === 0 && !run.result.findings.some((f) => f.ruleId === 'internal-error') && fresh.every((f) => f.owned);
  if (cache && trusted) {
    const entries = new Map<string, CachedInput>();
    for (const s of settled) if (s.entry.digest !== '') entries.set(s.path, s.entry);
    fresh.forEach((f, n) => {
      const digest = set.digests?.[n];
      if (digest !== undefined && f.path !== undefined) entries.set(f.path, { ...f.entry, digest });
    });
    const warning = cache.save(entries, [...set.readPaths, ...(set.roots ?? [])]);
    if (warning) cache.warn(warning);
  }
  return { ...run, result, keys: keys && slots.flatMap((s) => s.keys) };
}

/** What lints an input alone: the run's options and rules, and whether key rows are wanted. */
export interface SoloPlan {
  options: LintOptions;
  /** The built-in rules of the run (lintSet's `builtins`). */
  rules: readonly Rule[];
  withKeys: boolean;
}

/**
 * Whether inputs of a run with these settings may be linted alone: custom rules may look across
 * inputs, and `kmslint diff` compares whole sets.
 */
export function soloAllowed(options: LintOptions, rules: readonly Rule[]): boolean {
  return !options.rules?.length && !options.changeOf && rules.every((r) => allRules.includes(r));
}

/** What each plan's settings fix, made once: a run lints thousands of inputs alone. */
const preparedRuns = new WeakMap<SoloPlan, PreparedRun>();

/**
 * The input linted on its own, as the entry the cache would record for it (digest ''), or
 * `undefined` when it must be linted with the others: it is linked, or its own run is not one whose
 * findings are certainly its alone (an engine failure, a finding outside its files).
 */
export function lintAlone(input: LoadedInput, plan: SoloPlan): CachedInput | undefined {
  if (isLinked(input)) return undefined;
  let prepared = preparedRuns.get(plan);
  if (!prepared) preparedRuns.set(plan, (prepared = prepareRun(plan.options, plan.rules)));
  const run = lint([input], plan.options, plan.rules, prepared);
  if (run.analysis.failures.length > 0 || run.result.findings.some((f) => f.ruleId === 'internal-error')) return undefined;
  const [only] = attribute([input], run, plan.withKeys ? keyRows(run.analysis) : undefined);
  return only.owned ? only.entry : undefined;
}

interface FreshInput {
  /** Path the input is cached under (`undefined`: standard input, never cached). */
  path: string | undefined;
  entry: CachedInput;
  /** Every finding and key row of the run belongs to one input (always, unless a rule reports oddly). */
  owned: boolean;
}

/** Each input linted, with the findings and key rows located in its files. */
function attribute(inputs: readonly LoadedInput[], run: LintRun, keys: readonly KeyRow[] | undefined): FreshInput[] {
  const ownerOf = new Map<string, number>();
  inputs.forEach((input, n) => {
    ownerOf.set(input.path, n);
    for (const t of input.templates) ownerOf.set(t.doc.file, n);
  });
  const findings = inputs.map((): Finding[] => []);
  const rows = inputs.map((): KeyRow[] => []);
  let owned = true;
  for (const f of run.result.findings) {
    const n = ownerOf.get(f.file);
    if (n === undefined || (f.related ?? []).some((r) => ownerOf.get(r.file) !== n)) owned = false;
    if (n !== undefined) findings[n].push(f);
  }
  for (const row of keys ?? []) {
    const n = ownerOf.get(row.file);
    if (n === undefined) owned = false;
    else rows[n].push(row);
  }
  return inputs.map((input, n) => ({
    path: input.path === '<stdin>' ? undefined : input.path,
    owned,
    entry: {
      digest: '',
      linked: isLinked(input),
      ...(!input.skipped || input.error ? { report: { path: input.path, format: input.format, error: input.error } } : {}),
      skipped: Boolean(input.skipped),
      findings: findings[n],
      keys: rows[n],
      files: [...new Set(input.templates.map((t) => t.doc.file))],
    },
  }));
}

/**
 * Whether an input's findings may depend on other inputs, or theirs on it: it exports or imports a
 * CloudFormation value, or is a Terraform configuration (a directory is one module).
 */
export function isLinked(input: LoadedInput): boolean {
  if (input.format === 'terraform-config') return true;
  return input.templates.some((t) => t.format === 'terraform-config' || /ImportValue/.test(t.doc.text) || Object.values(t.outputs).some((o) => typeof o === 'object' && o !== null && 'Export' in o));
}

/**
 * The run key: everything besides the inputs that findings depend on. A cache written under another
 * key is not used at all.
 */
export function runKeyOf(parts: { options: LintOptions; rules: readonly Rule[]; cwd: string; withKeys: boolean; ignoreUnknown?: boolean }): string {
  const { config, ruleOverrides, accounts, baseline } = parts.options;
  const rules = [...parts.rules, ...(parts.options.rules ?? [])].map((r) => [r.meta.id, r.meta.defaultSeverity, r.meta.group, r.meta.description]);
  // `ignoreUnknown` decides whether a file that is not a template is stored as an error or as nothing.
  const settings = { version, code: codeStamp(), config, ruleOverrides: ruleOverrides ?? null, accounts: accounts ?? [], baseline: baseline ? [...baseline].sort() : null, rules, cwd: parts.cwd, withKeys: parts.withKeys, ignoreUnknown: parts.ignoreUnknown === true };
  return nodeCrypto()
    .createHash('sha256')
    .update(JSON.stringify(settings))
    .digest('hex');
}
