// Discover and load every input of a run; problems become input errors, never exceptions.
import { availableParallelism } from 'node:os';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { discoverInputs, type DiscoveredInput, type Discovery } from '../inputs/discover.js';
import { loadText, type LoadedInput } from '../inputs/load.js';
import { joinTerraformModules } from '../inputs/terraform/module-scope.js';
import { loadOne } from './pool-protocol.js';
import { loadInPool } from './worker-pool.js';
import { inputDigest, type CachedInput, type LintCache } from './cache.js';
import type { OnProgress } from './progress.js';

export interface LoadedSet {
  inputs: LoadedInput[];
  /** Named paths or globs that do not exist or match nothing (a usage error for the CLI). */
  missing: string[];
  /** What discovery skipped and why, one line each. */
  warnings: string[];
  /** Absolute paths of every file or directory read, so outputs never overwrite an input. */
  readPaths: string[];
  /** The named paths (a glob: the directory it starts from), absolute: what a walk covers. */
  roots?: string[];
  /** With a cache: inputs not read again, their findings taken from the cache, at their place in the run's order. */
  reused?: ReusedInput[];
  /** With a cache: the content digest of each input in `inputs` (undefined: could not be hashed). */
  digests?: (string | undefined)[];
  /** With worker threads: ends them (a long-lived caller calls it once done with the set's findings). */
  release?: () => Promise<void>;
}

export interface ReusedInput {
  /** Position among all inputs of the run (read and reused), in discovery order. */
  at: number;
  path: string;
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
 * Below these, `auto` reads on the main thread: starting a worker and loading its modules costs
 * about what reading this much costs (measured on the corpus: docs/cache.md).
 */
export const POOL_MIN_FILES = 48;
export const POOL_MIN_BYTES = 2 * 1024 * 1024;

/** A number of threads in all (main thread included), `auto`, or `off` (one thread). */
export type Concurrency = number | 'auto' | 'off';

export interface ParallelLoadOptions extends LoadInputsOptions {
  /** `--concurrency`: threads for reading files; `auto` (the default) uses workers only where they pay. */
  concurrency?: Concurrency;
  /** `--cache`: inputs unchanged since the cached run are not read again. */
  cache?: LintCache;
  /** The caller lints inputs besides these (texts, templates): with a cache, no linked input is reused. */
  otherInputs?: boolean;
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

/** `loadInputs` with worker threads and a cache: the same set, input for input, as `loadInputs` reads. */
export async function loadInputsAsync(patterns: readonly string[], options: ParallelLoadOptions = {}): Promise<LoadedSet> {
  const { discovery, selected } = discover(patterns, options);
  const inputs: LoadedInput[] = [];
  if (options.stdin) inputs.push(loadText(options.stdin.path, options.stdin.text, { explicit: true }));
  const offset = inputs.length;
  let toRead: readonly DiscoveredInput[] = selected;
  let reused: ReusedInput[] | undefined;
  let digests: (string | undefined)[] | undefined;
  if (options.cache) {
    const all = selected.map((f) => ({ path: f.path, digest: inputDigest(f.absolute) }));
    const reusable = options.cache.plan(all, offset > 0 || options.otherInputs === true);
    reused = [...reusable].map((n) => ({ at: n + offset, path: all[n].path, entry: options.cache!.entry(all[n].path) }));
    toRead = selected.filter((_, n) => !reusable.has(n));
    digests = [...inputs.map(() => undefined), ...all.filter((_, n) => !reusable.has(n)).map((a) => a.digest)];
  }
  const threads = threadsFor(options.concurrency ?? 'auto', toRead);
  let loaded: LoadedInput[] | undefined;
  let release: (() => Promise<void>) | undefined;
  if (threads > 1) {
    try {
      ({ inputs: loaded, release } = await loadInPool(toRead, { threads: threads - 1 }));
    } catch {
      loaded = undefined; // no worker could start (its module is missing): read here
    }
  }
  const total = toRead.length + inputs.length;
  if (loaded) {
    inputs.push(...loaded);
    options.onProgress?.({ phase: 'reading', done: total, total });
  } else {
    for (const f of toRead) {
      inputs.push(loadOne(toPoolFile(f), f.adapter));
      options.onProgress?.({ phase: 'reading', done: inputs.length, total });
    }
  }
  const roots = patterns.map((p) => resolve(options.cwd ?? process.cwd(), p.replace(/(^|[\\/])[^\\/]*[*?[{].*$/, '$1') || '.'));
  return { ...finish(discovery, selected, inputs, options), roots, ...(reused ? { reused, digests } : {}), ...(release ? { release } : {}) };
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
export function threadsFor(concurrency: Concurrency, files: readonly DiscoveredInput[]): number {
  if (concurrency === 'off') return 1;
  if (typeof concurrency === 'number') return Math.max(1, Math.min(concurrency, files.length));
  const cores = availableParallelism();
  if (cores < 2 || files.length < 2) return 1;
  if (files.length < POOL_MIN_FILES && bytesOf(files, POOL_MIN_BYTES) < POOL_MIN_BYTES) return 1;
  // Most of the gain is the second core; beyond four, start-up and copying outweigh it.
  return Math.min(cores, 4, files.length);
}

/** Bytes of the plain files among `files`, counted up to `limit` (a directory counts as `limit`). */
function bytesOf(files: readonly DiscoveredInput[], limit: number): number {
  let total = 0;
  for (const f of files) {
    try {
      const st = statSync(f.absolute);
      total += st.isFile() ? st.size : limit;
    } catch {
      /* its problem is reported when it is read */
    }
    if (total >= limit) break;
  }
  return total;
}

/** Inputs that count as linted: recognised ones, ones that failed to load, and reused ones that were either. */
export function countedInputs(set: LoadedSet): { path: string }[] {
  return [...set.inputs.filter((i) => !i.skipped || i.error), ...(set.reused ?? []).filter((r) => r.entry.report).map((r) => ({ path: r.path }))];
}
