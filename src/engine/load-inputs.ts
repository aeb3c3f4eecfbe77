// Discover and load every input of a run; problems become input errors, never exceptions.
import { availableParallelism } from 'node:os';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { discoverInputs, type DiscoveredInput, type Discovery } from '../inputs/discover.js';
import { loadText, type LoadedInput } from '../inputs/load.js';
import { joinTerraformModules } from '../inputs/terraform/module-scope.js';
import { loadOne, settleOne, type Outcome } from './pool-protocol.js';
import { startPool, type LintPool } from './worker-pool.js';
import { inputDigest, type CachedInput, type LintCache } from './cache.js';
import { soloAllowed, type SoloPlan } from './cached-lint.js';
import type { OnProgress } from './progress.js';

export interface LoadedSet {
  /** The inputs loaded, to be linted together (with a solo plan: only those that could not be linted alone). */
  inputs: LoadedInput[];
  /** Named paths or globs that do not exist or match nothing (a usage error for the CLI). */
  missing: string[];
  /** What discovery skipped and why, one line each. */
  warnings: string[];
  /** Absolute paths of every file or directory read, so outputs never overwrite an input. */
  readPaths: string[];
  /** The named paths (a glob: the directory it starts from), absolute: what a walk covers. */
  roots?: string[];
  /**
   * Inputs whose findings are known without the joint lint, at their place in the run's order:
   * reused from the cache, or (with a solo plan) linted alone as they were read.
   */
  settled?: SettledInput[];
  /** With a cache: the content digest of each input in `inputs` (undefined: could not be hashed). */
  digests?: (string | undefined)[];
}

export interface SettledInput {
  /** Position among all inputs of the run (loaded and settled), in discovery order. */
  at: number;
  path: string;
  /** Its findings and report; `digest` is '' when it is not to be cached (not hashed, or no cache). */
  entry: CachedInput;
}

export interface StdinDocument {
  text: string;
  /** `--stdin-filename`: used for format detection, config overrides and reporting. */
  path: string;
}

export interface LoadInputsOptions {
  cwd?: string;
  /** `--shard i/n`: keep every n-th input starting at i (1-based). */
  shard?: { index: number; count: number };
  /** One document read from standard input, linted beside the paths. */
  stdin?: StdinDocument;
  /** `--ignore-unknown`: a named file that is not a template is skipped silently (hooks pass every staged file). */
  ignoreUnknown?: boolean;
  /** Called as discovery starts and after each file is read (the CLI's progress line). */
  onProgress?: OnProgress;
}

/**
 * Below this much input, `auto` lints on the main thread alone. A worker costs its start and a
 * second warm-up of the parsers and rules (measured: some 0.5 s of CPU on 300 corpus templates,
 * 1.2 MB, which ran slower with one than without; docs/cache.md). A directory counts as this much.
 */
export const POOL_MIN_BYTES = 2 * 1024 * 1024;
/** Most of the gain is the second core; beyond four, start-up outweighs it. */
const MAX_THREADS = 4;
/**
 * `auto` starts workers only with this many cores. On two, V8's own garbage-collector and compiler
 * threads already keep the second core about 40% busy, and a worker's extra CPU (its start, a second
 * warm-up) made the corpus no faster and often slower (docs/benchmarks.md, "corpus").
 */
export const POOL_MIN_CORES = 3;

/** A number of threads in all (main thread included), `auto`, or `off` (one thread). */
export type Concurrency = number | 'auto' | 'off';

export interface ParallelLoadOptions extends LoadInputsOptions {
  /** `--concurrency`: threads in all; used only with `solo` (threads lint inputs alone); `auto` (the default) only where they pay. */
  concurrency?: Concurrency;
  /** `--cache`: inputs unchanged since the cached run are not read again. */
  cache?: LintCache;
  /** The caller lints inputs besides these (texts, templates): with a cache, no linked input is reused. */
  otherInputs?: boolean;
  /**
   * Lint each input that may be (lintAlone) as soon as it is read, and keep only its findings: the
   * set then holds it in `settled`, not in `inputs`. Without it every input is loaded and kept.
   */
  solo?: SoloPlan;
}

export function loadInputs(patterns: readonly string[], options: LoadInputsOptions = {}): LoadedSet {
  const { discovery, selected } = discover(patterns, options);
  const inputs: LoadedInput[] = [];
  if (options.stdin) inputs.push(loadText(options.stdin.path, options.stdin.text, { explicit: true }));
  const total = selected.length + inputs.length;
  for (const f of selected) {
    inputs.push(loadOne(toPoolFile(f), f.adapter));
    options.onProgress?.({ phase: 'reading', done: inputs.length, total });
  }
  return finish(discovery, selected, inputs, options);
}

/**
 * `loadInputs` with a cache, a solo plan and worker threads: `inputs` and `settled` together are
 * the inputs `loadInputs` reads, in its order, and `lintSet` on them gives the result of `lint` on those.
 */
export async function loadInputsAsync(patterns: readonly string[], options: ParallelLoadOptions = {}): Promise<LoadedSet> {
  const solo = options.solo && soloAllowed(options.solo.options, options.solo.rules) ? options.solo : undefined;
  const early = solo && !options.cache ? earlyPool(patterns, options.concurrency ?? 'auto', solo, options) : undefined;
  const { discovery, selected } = discover(patterns, options);
  const front: LoadedInput[] = [];
  if (options.stdin) front.push(loadText(options.stdin.path, options.stdin.text, { explicit: true }));
  const offset = front.length;
  let toRead = selected.map((_, n) => n);
  let all: { path: string; digest: string | undefined }[] | undefined;
  const settled: SettledInput[] = [];
  if (options.cache) {
    all = selected.map((f) => ({ path: f.path, digest: inputDigest(f.absolute) }));
    const reusable = options.cache.plan(all, offset > 0 || options.otherInputs === true);
    for (const n of reusable) settled.push({ at: n + offset, path: all[n].path, entry: options.cache.entry(all[n].path) });
    toRead = toRead.filter((n) => !reusable.has(n));
  }
  const files = toRead.map((n) => selected[n]);
  const outcomes = await settle(files, solo, options, early);

  const kept = new Map<number, LoadedInput>();
  outcomes.forEach((o, k) => {
    const n = toRead[k];
    if ('input' in o) kept.set(n, o.input);
    else settled.push({ at: n + offset, path: selected[n].path, entry: { ...o.entry, digest: all?.[n].digest ?? '' } });
  });
  // A settled input that shares a file with another input would not be merged with it as a joint
  // run merges equal findings: it is read again and linted with the others.
  const again = new Set(shared(settled, [...front, ...kept.values()]));
  for (const at of again) kept.set(at - offset, loadOne(toPoolFile(selected[at - offset]), selected[at - offset].adapter));
  const keptOrder = [...kept.keys()].sort((a, b) => a - b);
  const inputs = [...front, ...keptOrder.map((n) => kept.get(n)!)];
  const placed = settled.filter((s) => !again.has(s.at)).sort((a, b) => a.at - b.at);
  const roots = patterns.map((p) => resolve(options.cwd ?? process.cwd(), p.replace(/(^|[\\/])[^\\/]*[*?[{].*$/, '$1') || '.'));
  const digests = all ? [...front.map(() => undefined), ...keptOrder.map((n) => all[n].digest)] : undefined;
  return { ...finish(discovery, selected, inputs, options), roots, ...(placed.length ? { settled: placed } : {}), ...(digests ? { digests } : {}) };
}

/** Reads (and with a plan, lints alone) `files` on the threads `options.concurrency` allows. */
async function settle(files: readonly DiscoveredInput[], solo: SoloPlan | undefined, options: ParallelLoadOptions, early: LintPool | undefined): Promise<Outcome[]> {
  const ignoreUnknown = options.ignoreUnknown === true;
  // Workers send back findings only: a run that keeps its inputs reads them all here.
  const threads = solo ? threadsFor(options.concurrency ?? 'auto', files) : 1;
  if (early && threads <= 1) await early.stop();
  if (solo && threads > 1) {
    try {
      const pool = early ?? startPool({ threads: threads - 1, plan: solo, ignoreUnknown });
      const outcomes = await pool.run(files);
      options.onProgress?.({ phase: 'reading', done: files.length, total: files.length });
      return outcomes;
    } catch {
      /* no worker could start (its module is missing, the plan is not data): read here */
    }
  }
  return files.map((f, k) => {
    const outcome = settleOne(toPoolFile(f), f.adapter, solo, ignoreUnknown);
    options.onProgress?.({ phase: 'reading', done: k + 1, total: files.length });
    return outcome;
  });
}

/**
 * Workers started before discovery, so they load their modules meanwhile, when the named paths
 * already promise a run that `threadsFor` gives a pool: a number of threads, or under `auto` a
 * directory or glob to walk, or named files of POOL_MIN_BYTES (a walk that finds little stops them).
 */
function earlyPool(patterns: readonly string[], concurrency: Concurrency, plan: SoloPlan, options: ParallelLoadOptions): LintPool | undefined {
  if (concurrency === 'off' || concurrency === 1) return undefined;
  let threads: number;
  if (typeof concurrency === 'number') threads = concurrency;
  else {
    const cores = availableParallelism();
    const cwd = options.cwd ?? process.cwd();
    if (cores < POOL_MIN_CORES || !(patterns.some((p) => /[*?[{]/.test(p)) || bytesOf(patterns.map((p) => resolve(cwd, p)), POOL_MIN_BYTES) >= POOL_MIN_BYTES)) return undefined;
    threads = Math.min(cores, MAX_THREADS);
  }
  try {
    return startPool({ threads: threads - 1, plan, ignoreUnknown: options.ignoreUnknown === true });
  } catch {
    return undefined;
  }
}

/** Places (`at`) of settled inputs that have a file another input of the run also has. */
function shared(settled: readonly SettledInput[], loaded: readonly LoadedInput[]): number[] {
  const filesOf = (path: string, files: readonly string[]) => new Set([path, ...files]);
  const count = new Map<string, number>();
  const add = (files: Set<string>) => {
    for (const f of files) count.set(f, (count.get(f) ?? 0) + 1);
  };
  for (const s of settled) add(filesOf(s.path, s.entry.files));
  for (const i of loaded) add(filesOf(i.path, i.templates.map((t) => t.doc.file)));
  return settled.filter((s) => [...filesOf(s.path, s.entry.files)].some((f) => count.get(f)! > 1)).map((s) => s.at);
}

function discover(patterns: readonly string[], options: LoadInputsOptions): { discovery: Discovery; selected: DiscoveredInput[] } {
  options.onProgress?.({ phase: 'discovering', done: 0, total: 0 });
  const discovery = patterns.length || !options.stdin ? discoverInputs(patterns, options.cwd) : { inputs: [], missing: [], warnings: [] };
  const selected = options.shard ? discovery.inputs.filter((_, i) => i % options.shard!.count === options.shard!.index - 1) : discovery.inputs;
  return { discovery, selected };
}

function finish(discovery: Discovery, selected: readonly DiscoveredInput[], loaded: LoadedInput[], options: LoadInputsOptions): LoadedSet {
  // --ignore-unknown: a named file that is not a template is skipped without an error.
  const inputs = options.ignoreUnknown ? loaded.map((i) => (i.skipped ? { ...i, error: null } : i)) : loaded;
  joinTerraformModules(inputs.flatMap((i) => i.templates));
  return {
    inputs,
    missing: discovery.missing,
    warnings: discovery.warnings,
    readPaths: selected.map((f) => f.absolute),
  };
}

function toPoolFile(f: DiscoveredInput): { absolute: string; path: string; explicit: boolean } {
  return { absolute: f.absolute, path: f.path, explicit: f.explicit };
}

/** Threads in all for reading `files`: 1 unless asked for, or (auto) when a pool pays for itself. */
export function threadsFor(concurrency: Concurrency, files: readonly DiscoveredInput[], cores = availableParallelism()): number {
  if (concurrency === 'off') return 1;
  if (typeof concurrency === 'number') return Math.max(1, Math.min(concurrency, files.length));
  if (cores < POOL_MIN_CORES || files.length < 2) return 1;
  if (bytesOf(files.map((f) => f.absolute), POOL_MIN_BYTES) < POOL_MIN_BYTES) return 1;
  return Math.min(cores, MAX_THREADS, files.length);
}

/** Bytes of the plain files among `paths`, counted up to `limit` (a directory counts as `limit`). */
function bytesOf(paths: readonly string[], limit: number): number {
  let total = 0;
  for (const p of paths) {
    try {
      const st = statSync(p);
      total += st.isFile() ? st.size : st.isDirectory() ? limit : 0;
    } catch {
      /* its problem is reported when it is read */
    }
    if (total >= limit) break;
  }
  return total;
}

/** Inputs that count as linted: recognised ones, ones that failed to load, and settled ones that were either. */
export function countedInputs(set: LoadedSet): { path: string }[] {
  return [...set.inputs.filter((i) => !i.skipped || i.error), ...(set.settled ?? []).filter((s) => s.entry.report).map((s) => ({ path: s.path }))];
}
