// What the main thread and the parse threads exchange, and the one function both use to read a file,
// so an input read by a thread is the input the main thread would have read.
import type { InputFormat, DuplicateKey, SourceRange } from '../model/types.js';
import { loadFile, type LoadedInput } from '../inputs/load.js';
import type { InputAdapter } from '../inputs/adapters.js';

/** One discovered file, as a thread receives it (the adapter by its format: adapters are not cloneable). */
export interface PoolFile {
  absolute: string;
  path: string;
  explicit: boolean;
  adapter?: InputFormat;
}

/** A document whose parse tree stayed in thread: plain data, its `locate` answered by that thread. */
export interface RemoteDocument {
  file: string;
  text: string;
  root: unknown;
  duplicateKeys?: DuplicateKey[];
  remoteId: number;
}

export type WorkerReply = { index: number; input: LoadedInput } | { index: number; redo: true } | { done: true };

export interface LocateRequest {
  remoteId: number;
  path: readonly (string | number)[];
  key?: boolean;
}

export type LocateReply = { range: SourceRange | undefined } | { error: { name: string; message: string } };

/**
 * Formats whose templates survive a structured clone unchanged. Terraform values "known only after
 * apply" are symbol-branded objects, which a clone would turn into empty objects: those inputs are
 * read on the main thread.
 */
export function isThreadSafeFormat(format: InputFormat | null): boolean {
  return format === null || format === 'cloudformation' || format === 'cdk';
}

/** Reads one discovered file; a bug of ours becomes an input error, so it loses no other input's results. */
export function loadOne(file: PoolFile, adapter: InputAdapter | undefined): LoadedInput {
  try {
    return loadFile(file.absolute, { explicit: file.explicit, display: file.path, adapter });
  } catch (err) {
    return { path: file.path, format: null, error: { message: `internal error while reading: ${(err as Error).message.split('\n')[0]}`, line: 1, column: 1 }, templates: [] };
  }
}
