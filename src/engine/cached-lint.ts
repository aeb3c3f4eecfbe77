// Lint of a loaded set with a cache: the inputs read are linted together (so everything that crosses
// inputs among them is seen), the reused inputs' findings are taken from the cache, and the result is
// put in the order a run without a cache gives. The inputs read are then written to the cache.
import { createHash } from 'node:crypto';
import type { Finding, LintResult } from '../model/findings.js';
import type { LoadedInput } from '../inputs/load.js';
import type { Rule } from '../rule-kit/types.js';
import { keyRows, type KeyRow } from '../analysis/key-rows.js';
import { allRules } from '../../rules/index.js';
import { version } from '../version.js';
import { codeStamp } from './code-stamp.js';
import { lint, summaryOf, type LintOptions, type LintRun } from './lint.js';
import { compareFindings } from './order.js';
import type { LoadedSet } from './load-inputs.js';
import type { CachedInput, LintCache } from './cache.js';

export interface SetRun extends LintRun {
  /** Key rows of every input (read and reused), when asked for. */
  keys?: KeyRow[];
}

/** `lint` over a loaded set; with `cache`, reused inputs are merged in and the inputs read are recorded. */
export function lintSet(set: LoadedSet, options: LintOptions, builtins: readonly Rule[] = allRules, cache?: LintCache, withKeys = false): SetRun {
  const run = lint(set.inputs, options, builtins);
  const keys = withKeys ? keyRows(run.analysis) : undefined;
  if (!cache) return { ...run, keys };

  const fresh = attribute(set.inputs, run, keys);
  const reused = set.reused ?? [];
  // Places of every input, in the order of a run without a cache: reused ones where they were.
  const total = set.inputs.length + reused.length;
  const order = new Array<CachedInput | undefined>(total);
  for (const r of reused) order[r.at] = r.entry;
  const slots: CachedInput[] = [];
  let k = 0;
  for (let at = 0; at < total; at++) slots.push(order[at] ?? fresh[k++].entry);

  const findings: Finding[] = slots.flatMap((s) => s.findings);
  findings.sort(compareFindings); // stable: equal findings are of one input, in their own order
  const reports = slots.flatMap((s) => (s.report ? [s.report] : []));
  const result: LintResult = { ...run.result, inputs: reports, findings, summary: summaryOf(findings, reports.length) };

  // Engine failures may depend on the whole set: such a run is not recorded.
  const trusted = run.analysis.failures.length === 0 && !run.result.findings.some((f) => f.ruleId === 'internal-error') && fresh.every((f) => f.owned);
  if (trusted) {
    const entries = new Map<string, CachedInput>();
    for (const r of reused) entries.set(r.path, r.entry);
    fresh.forEach((f, n) => {
      const digest = set.digests?.[n];
      if (digest !== undefined && f.path !== undefined) entries.set(f.path, { ...f.entry, digest });
    });
    const warning = cache.save(entries, [...set.readPaths, ...(set.roots ?? [])]);
    if (warning) cache.warn(warning);
  }
  return { ...run, result, keys: keys && slots.flatMap((s) => s.keys) };
}

interface FreshInput {
  /** Path the input is cached under (`undefined`: standard input, never cached). */
  path: string | undefined;
  entry: CachedInput;
  /** Every finding and key row of the run belongs to one input (always, unless a rule reports oddly). */
  owned: boolean;
}

/** Each input read, with the findings and key rows located in its files. */
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
  return createHash('sha256')
    .update(JSON.stringify(settings))
    .digest('hex');
}
