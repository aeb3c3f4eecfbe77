// Reads and lints files on several threads: the main thread and the workers take file indexes from
// one shared counter, so a slow file never holds the others back, and outcomes are placed by index,
// so the order is the discovery order whoever read a file. Each thread lints an input alone where it
// may (settleOne) and hands back only findings; parse trees are never copied between threads. A file
// a worker leaves to the joint lint, or did not deliver (it died), is read on the main thread
// afterwards, so nothing is lost. Workers are started before the files are known (startPool), so
// they load their modules while the main thread discovers the inputs.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { nodeWorkerThreads } from '../util/node-on-first-use.js';
import type { InputAdapter } from '../inputs/adapters.js';
import { settleOne, type Outcome, type PoolFile, type WorkerFiles, type WorkerReply, type WorkerStart } from './pool-protocol.js';
import type { SoloPlan } from './cached-lint.js';

export interface PoolOptions {
  /** Worker threads besides the main thread (at least 1). */
  threads: number;
  plan: SoloPlan;
  ignoreUnknown?: boolean;
  /** Tests only: a worker exits when it reaches a file whose path ends with this. */
  crashOn?: string;
  /** Whether the main thread reads files too (default); tests turn it off so workers read everything. */
  mainReads?: boolean;
}

type DiscoveredFile = { absolute: string; path: string; explicit: boolean; adapter?: InputAdapter };

/** Started workers, waiting for their files. */
export interface LintPool {
  /** Reads `files` on this thread and the workers; the outcomes are in the order of `files`. Once only. */
  run(files: readonly DiscoveredFile[]): Promise<Outcome[]>;
  /** Ends the workers without a run (the run turned out too small for them). */
  stop(): Promise<void>;
}

/** Counts of the last pool run (tests assert on them). */
export const poolStats = { byWorkers: 0, byMain: 0, redone: 0 };

/**
 * Starts `options.threads` workers. Throws when one cannot be started (its module is missing, the
 * plan is not cloneable).
 */
export function startPool(options: PoolOptions): LintPool {
  const entry = workerEntry();
  const ignoreUnknown = options.ignoreUnknown === true;
  const { plan } = options;
  const start: WorkerStart = { plan: { options: plan.options, ruleIds: plan.rules.map((r) => r.meta.id), withKeys: plan.withKeys }, ignoreUnknown, crashOn: options.crashOn };
  const workers: Worker[] = [];
  try {
    const { Worker } = nodeWorkerThreads();
    for (let i = 0; i < options.threads; i++) workers.push(new Worker(entry.script, { eval: entry.eval, workerData: start, stdout: false, stderr: false }));
  } catch (err) {
    void Promise.all(workers.map((w) => w.terminate()));
    throw err;
  }
  // Listened to from the start: a worker that fails while loading is done before it was given files.
  const replies = workers.map((worker) => {
    const handlers: { message?: (reply: Exclude<WorkerReply, { done: true }>) => void } = {};
    const ended = new Promise<void>((done) => {
      worker.on('message', (reply: WorkerReply) => {
        if ('done' in reply) {
          // Its loop has ended; it exits by itself and must not keep the process waiting.
          worker.unref();
          return done();
        }
        handlers.message?.(reply);
      });
      worker.on('error', () => done());
      worker.on('exit', () => done());
    });
    return { handlers, ended };
  });

  return {
    async run(files) {
      const list: PoolFile[] = files.map((f) => ({ absolute: f.absolute, path: f.path, explicit: f.explicit, ...(f.adapter ? { adapter: f.adapter.format } : {}) }));
      const adapters = files.map((f) => f.adapter);
      const counter = new SharedArrayBuffer(4);
      const next = new Int32Array(counter);
      const results = new Array<Outcome | undefined>(files.length);
      Object.assign(poolStats, { byWorkers: 0, byMain: 0, redone: 0 });
      for (const r of replies) {
        r.handlers.message = (reply) => {
          if ('joint' in reply) return; // read below, on this thread
          results[reply.index] = { entry: reply.entry };
          poolStats.byWorkers++;
        };
      }
      for (const w of workers) w.postMessage({ files: list, counter } satisfies WorkerFiles);

      // The main thread reads too, from the same counter.
      while (options.mainReads !== false) {
        const index = Atomics.add(next, 0, 1);
        if (index >= list.length) break;
        results[index] = settleOne(list[index], adapters[index], plan, ignoreUnknown);
        poolStats.byMain++;
      }
      await Promise.all(replies.map((r) => r.ended));
      // Files a worker left to the joint lint or did not deliver (it died).
      for (let i = 0; i < results.length; i++) {
        if (results[i]) continue;
        results[i] = settleOne(list[i], adapters[i], plan, ignoreUnknown);
        poolStats.redone++;
      }
      return results as Outcome[];
    },
    async stop() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** Reads `files` on the main thread and `options.threads` workers started for them. */
export function settleInPool(files: readonly DiscoveredFile[], options: PoolOptions): Promise<Outcome[]> {
  return startPool(options).run(files);
}

/**
 * How to start a worker: `parse-worker.js` beside this file when compiled (dist/src/engine/, or
 * beside a bundle that emits it as its own entry), else the TypeScript source under a TypeScript
 * runner (vitest, tsx), through a small bootstrap that registers tsx's loader in the worker first
 * (`execArgv: ['--import', 'tsx']` does not reach a worker's entry module on Node 20).
 */
export function workerEntry(): { url: URL; script: string | URL; eval: boolean } {
  const js = new URL('./parse-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return { url: js, script: js, eval: false };
  const ts = new URL('./parse-worker.ts', import.meta.url);
  if (existsSync(fileURLToPath(ts))) {
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
    const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => m.register()).then(() => import(${JSON.stringify(ts.href)}))`;
    return { url: ts, script: bootstrap, eval: true };
  }
  throw new Error(`kmslint: the lint thread's module is missing (looked for ${fileURLToPath(js)})`);
}
