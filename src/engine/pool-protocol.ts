// What the main thread and the lint threads exchange, and the one step every thread runs on a file,
// so an input read (and linted) by a thread is what the main thread would have made of it.
import type { InputFormat } from '../model/types.js';
import { loadFile, type LoadedInput } from '../inputs/load.js';
import type { InputAdapter } from '../inputs/adapters.js';
import type { LintOptions } from './lint.js';
import type { CachedInput } from './cache.js';
import { lintAlone, type SoloPlan } from './cached-lint.js';

/** One discovered file, as a thread receives it (the adapter by its format: adapters are not cloneable). */
export interface PoolFile {
  absolute: string;
  path: string;
  explicit: boolean;
  adapter?: InputFormat;
}

/** A SoloPlan as data: the rules by id (rule objects hold functions). */
export interface PlanData {
  options: LintOptions;
  ruleIds: string[];
  withKeys: boolean;
}

/** What a worker starts with; it then waits for one `WorkerFiles` message (started before discovery ends). */
export interface WorkerStart {
  plan: PlanData;
  ignoreUnknown: boolean;
  /** Tests only: a file whose path ends with this makes the thread exit mid-run. */
  crashOn?: string;
}

export interface WorkerFiles {
  files: PoolFile[];
  /** Int32 [next file index]; shared by every thread of the pool. */
  counter: SharedArrayBuffer;
}

/** `entry`: the file linted alone; `joint`: it is linted with the others, so the main thread reads it. */
export type WorkerReply = { index: number; entry: CachedInput } | { index: number; joint: true } | { done: true };

/** What a thread made of a file: its findings (the input dropped), or the input for the joint lint. */
export type Outcome = { entry: CachedInput } | { input: LoadedInput };

/** Reads one discovered file; a bug of ours becomes an input error, so it loses no other input's results. */
export function loadOne(file: PoolFile, adapter: InputAdapter | undefined): LoadedInput {
  try {
    return loadFile(file.absolute, { explicit: file.explicit, display: file.path, adapter });
  } catch (err) {
    return { path: file.path, format: null, error: { message: `internal error while reading: ${(err as Error).message.split('\n')[0]}`, line: 1, column: 1 }, templates: [] };
  }
}

/**
 * Reads a file and, with a plan, lints it alone when it may be (lintAlone). `ignoreUnknown`
 * (`--ignore-unknown`): a file that is not a template is skipped without an error.
 */
export function settleOne(file: PoolFile, adapter: InputAdapter | undefined, plan: SoloPlan | undefined, ignoreUnknown: boolean): Outcome {
  const loaded = loadOne(file, adapter);
  const input = ignoreUnknown && loaded.skipped ? { ...loaded, error: null } : loaded;
  const entry = plan ? lintAlone(input, plan) : undefined;
  return entry ? { entry } : { input };
}
