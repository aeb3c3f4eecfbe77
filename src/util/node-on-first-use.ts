// Node built-ins that most runs never call, required on first use rather than at start-up. A lint
// of one template with no finding hashes nothing (fingerprints, --cache and the code stamp do) and
// starts no worker, yet loading node:crypto and node:worker_threads up front took about 2.5 and
// 0.9 ms of the ~40 ms kmslint adds to Node's own start.
import { createRequire } from 'node:module';

type Crypto = typeof import('node:crypto');
type WorkerThreads = typeof import('node:worker_threads');

const requireHere = createRequire(import.meta.url);

/** A function that requires `specifier` on its first call and returns that module ever after. */
function onFirstUse<T>(specifier: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requireHere(specifier) as T);
}

export const nodeCrypto = onFirstUse<Crypto>('node:crypto');
export const nodeWorkerThreads = onFirstUse<WorkerThreads>('node:worker_threads');
