// A thread of the lint pool (worker-pool.ts): once given the run's files, takes the next file index
// from a shared counter, reads the file exactly as the main thread would, lints it alone when it may
// be (settleOne), and posts back only its findings, key rows and report: the parse tree never leaves
// this thread. A file that must be linted with the others (linked, or not certainly its own) is
// left to the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { inputAdapters } from '../inputs/adapters.js';
import { allRules } from '../../rules/index.js';
import { settleOne, type WorkerFiles, type WorkerReply, type WorkerStart } from './pool-protocol.js';
import type { SoloPlan } from './cached-lint.js';

const start = workerData as WorkerStart;
const plan: SoloPlan = {
  options: start.plan.options,
  rules: start.plan.ruleIds.map((id) => allRules.find((r) => r.meta.id === id)!),
  withKeys: start.plan.withKeys,
};

// The files come once discovery is done; this thread starts (and loads its modules) meanwhile.
parentPort!.once('message', ({ files, counter }: WorkerFiles) => {
  const next = new Int32Array(counter);
  for (;;) {
    const index = Atomics.add(next, 0, 1);
    if (index >= files.length) break;
    const file = files[index];
    if (start.crashOn && file.absolute.endsWith(start.crashOn)) process.exit(70);
    const outcome = settleOne(file, inputAdapters.find((a) => a.format === file.adapter), plan, start.ignoreUnknown);
    let reply: WorkerReply = 'entry' in outcome ? { index, entry: outcome.entry } : { index, joint: true };
    try {
      parentPort!.postMessage(reply);
    } catch {
      // Not structured-cloneable after all: the main thread reads this file itself.
      reply = { index, joint: true };
      parentPort!.postMessage(reply);
    }
  }
  parentPort!.postMessage({ done: true } satisfies WorkerReply);
});
