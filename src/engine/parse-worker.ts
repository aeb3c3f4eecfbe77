// A thread of the parse pool (worker-pool.ts): takes the next file index from a shared counter, reads
// and parses it exactly as the main thread would (loadFile), and posts the input back with each
// document replaced by plain data. The documents stay here, so the main thread's `locate` calls are
// answered from this thread's parse trees instead of parsing the text a second time.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { SourceDocument } from '../model/types.js';
import { inputAdapters } from '../inputs/adapters.js';
import { type LoadedInput } from '../inputs/load.js';
import { loadOne, type PoolFile, type RemoteDocument, type WorkerReply, type LocateReply, type LocateRequest, isThreadSafeFormat } from './pool-protocol.js';

interface WorkerStart {
  files: PoolFile[];
  /** Int32 [next file index]; shared by every thread of the pool. */
  counter: SharedArrayBuffer;
  /** Int32 [answer ready]; the main thread waits on it while a `locate` is answered. */
  flag: SharedArrayBuffer;
  locatePort: MessagePort;
  /** Tests only: a file whose basename this is makes the thread exit mid-run. */
  crashOn?: string;
}

const start = workerData as WorkerStart;
const next = new Int32Array(start.counter);
const ready = new Int32Array(start.flag);
const documents: SourceDocument[] = [];

function detach(input: LoadedInput): LoadedInput {
  const ids = new Map<SourceDocument, RemoteDocument>();
  for (const t of input.templates) {
    let remote = ids.get(t.doc);
    if (!remote) {
      const doc = t.doc;
      remote = { file: doc.file, text: doc.text, root: doc.root, ...(doc.duplicateKeys ? { duplicateKeys: doc.duplicateKeys } : {}), remoteId: documents.push(doc) - 1 };
      ids.set(doc, remote);
    }
    // The templates are this thread's own and are not used here again: only the copy posted lives on.
    (t as { doc: unknown }).doc = remote;
  }
  return input;
}

for (;;) {
  const index = Atomics.add(next, 0, 1);
  if (index >= start.files.length) break;
  const file = start.files[index];
  if (start.crashOn && file.absolute.endsWith(start.crashOn)) process.exit(70);
  if (file.adapter && !isThreadSafeFormat(file.adapter)) {
    parentPort!.postMessage({ index, redo: true } satisfies WorkerReply);
    continue;
  }
  const input = loadOne(file, inputAdapters.find((a) => a.format === file.adapter));
  let reply: WorkerReply;
  if (!isThreadSafeFormat(input.format)) reply = { index, redo: true };
  else reply = { index, input: detach(input) };
  try {
    parentPort!.postMessage(reply);
  } catch {
    // Not structured-cloneable after all: the main thread reads this file itself.
    parentPort!.postMessage({ index, redo: true } satisfies WorkerReply);
  }
}
parentPort!.postMessage({ done: true } satisfies WorkerReply);

start.locatePort.on('message', (request: LocateRequest) => {
  let reply: LocateReply;
  try {
    reply = { range: documents[request.remoteId].locate(request.path, request.key) };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    reply = { error: { name: e.name, message: e.message } };
  }
  start.locatePort.postMessage(reply);
  Atomics.store(ready, 0, 1);
  Atomics.notify(ready, 0);
});
