// Reads files on several threads: the main thread and `threads` workers take file indexes from one
// shared counter, so a slow file never holds the others back, and results are placed by index, so
// the order is the discovery order whoever read a file. A thread that dies loses nothing: every
// index it did not deliver is read on the main thread afterwards.
//
// Documents read by a worker keep their parse trees there; `locate` asks that worker synchronously
// (Atomics.wait on a shared flag, then receiveMessageOnPort). A worker that is gone by then is
// replaced by reading its file again on the main thread, with the same code, so positions are the same.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { DocPath, SourceDocument, SourceRange } from '../model/types.js';
import type { InputAdapter } from '../inputs/adapters.js';
import { loadText, type LoadedInput } from '../inputs/load.js';
import { loadOne, type LocateReply, type PoolFile, type RemoteDocument, type WorkerReply } from './pool-protocol.js';

export interface PoolOptions {
  /** Worker threads besides the main thread (at least 1). */
  threads: number;
  /** Tests only: a worker exits when it reaches a file whose path ends with this. */
  crashOn?: string;
  /** Whether the main thread reads files too (default); tests turn it off so workers read everything. */
  mainReads?: boolean;
}

/** How long a `locate` waits for a worker before reading the file again here. */
const LOCATE_TIMEOUT_MS = 30_000;

interface PoolWorker {
  worker: Worker;
  port: MessagePort;
  flag: Int32Array;
  alive: boolean;
}

/** Counts of the last pool run (tests assert on them; `--debug`-style figures for the report). */
export const poolStats = { byWorkers: 0, byMain: 0, redone: 0, relocated: 0 };

export interface PoolRun {
  /** In the order of the files given. */
  inputs: LoadedInput[];
  /** Ends this run's workers; positions in what they read are then found by reading again here. */
  release: () => Promise<void>;
}

/** Loads `files` (discovered inputs) on the main thread and `options.threads` workers. */
export async function loadInPool(files: readonly { absolute: string; path: string; explicit: boolean; adapter?: InputAdapter }[], options: PoolOptions): Promise<PoolRun> {
  const list: PoolFile[] = files.map((f) => ({ absolute: f.absolute, path: f.path, explicit: f.explicit, ...(f.adapter ? { adapter: f.adapter.format } : {}) }));
  const adapters = files.map((f) => f.adapter);
  const counter = new SharedArrayBuffer(4);
  const next = new Int32Array(counter);
  const results = new Array<LoadedInput | undefined>(files.length);
  const entry = workerEntry();
  Object.assign(poolStats, { byWorkers: 0, byMain: 0, redone: 0, relocated: 0 });

  const finished: Promise<void>[] = [];
  const workers: PoolWorker[] = [];
  for (let i = 0; i < options.threads; i++) {
    const channel = new MessageChannel();
    const flag = new SharedArrayBuffer(4);
    const worker = new Worker(entry.script, {
      eval: entry.eval,
      workerData: { files: list, counter, flag, locatePort: channel.port2, crashOn: options.crashOn },
      transferList: [channel.port2],
      stdout: false,
      stderr: false,
    });
    const w: PoolWorker = { worker, port: channel.port1, flag: new Int32Array(flag), alive: true };
    workers.push(w);
    finished.push(
      new Promise<void>((done) => {
        worker.on('message', (reply: WorkerReply) => {
          if ('done' in reply) return done();
          if ('redo' in reply) return; // read below, on this thread
          const file = list[reply.index];
          results[reply.index] = attach(reply.input, w, (input) => rereadOf(input, file, adapters[reply.index]));
          poolStats.byWorkers++;
        });
        worker.on('error', () => {
          w.alive = false;
          done();
        });
        worker.on('exit', () => {
          w.alive = false;
          done();
        });
      }),
    );
  }

  // The main thread reads too, from the same counter.
  while (options.mainReads !== false) {
    const index = Atomics.add(next, 0, 1);
    if (index >= list.length) break;
    results[index] = loadOne(list[index], adapters[index]);
    poolStats.byMain++;
  }
  await Promise.all(finished);
  for (const w of workers) {
    // Idle workers stay to answer `locate`; they must not keep the process alive.
    w.worker.unref();
    w.port.unref();
  }
  // Files a worker declined (not cloneable, Terraform) or did not deliver (it died).
  for (let i = 0; i < results.length; i++) {
    if (results[i]) continue;
    results[i] = loadOne(list[i], adapters[i]);
    poolStats.redone++;
  }
  const release = async () => {
    for (const w of workers) w.alive = false;
    await Promise.all(workers.map((w) => w.worker.terminate()));
  };
  return { inputs: results as LoadedInput[], release };
}

/**
 * The input read again on this thread: from the text the worker read when it is one document (so
 * a file changed since gives the same positions), else from disk (a CDK assembly).
 */
function rereadOf(input: LoadedInput, file: PoolFile, adapter: InputAdapter | undefined): LoadedInput {
  if (input.format === 'cloudformation' && input.templates.length === 1) return loadText(file.path, input.templates[0].doc.text, { explicit: file.explicit });
  return loadOne(file, adapter);
}

/** Gives each document of a worker's input a `locate` answered by that worker. */
function attach(input: LoadedInput, w: PoolWorker, reread: (input: LoadedInput) => LoadedInput): LoadedInput {
  const docs = new Map<RemoteDocument, SourceDocument>();
  const order: RemoteDocument[] = [];
  let local: SourceDocument[] | undefined;
  // The same document, read here: the i-th distinct document of the input read again.
  const localDoc = (remote: RemoteDocument): SourceDocument => {
    if (!local) {
      const seen = new Set<SourceDocument>();
      local = reread(input).templates.map((t) => t.doc).filter((d) => !seen.has(d) && seen.add(d));
      poolStats.relocated++;
    }
    return local[order.indexOf(remote)];
  };
  for (const t of input.templates) {
    const remote = t.doc as unknown as RemoteDocument;
    let doc = docs.get(remote);
    if (!doc) {
      order.push(remote);
      const { remoteId, ...data } = remote;
      doc = {
        ...data,
        locate(path: DocPath, key?: boolean): SourceRange | undefined {
          if (!w.alive) return localDoc(remote).locate(path, key);
          const reply = ask(w, { remoteId, path, key });
          if (!reply) return localDoc(remote).locate(path, key);
          if ('error' in reply) throw Object.assign(new Error(reply.error.message), { name: reply.error.name });
          return reply.range;
        },
      };
      docs.set(remote, doc);
    }
    t.doc = doc;
  }
  return input;
}

function ask(w: PoolWorker, request: { remoteId: number; path: DocPath; key?: boolean }): LocateReply | undefined {
  Atomics.store(w.flag, 0, 0);
  w.port.postMessage(request);
  if (Atomics.wait(w.flag, 0, 0, LOCATE_TIMEOUT_MS) === 'timed-out') {
    w.alive = false;
    return undefined;
  }
  return receiveMessageOnPort(w.port)?.message as LocateReply | undefined;
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
  throw new Error(`kmslint: the parse thread's module is missing (looked for ${fileURLToPath(js)})`);
}
