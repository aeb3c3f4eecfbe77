// Files kmslint replaces (reports, baselines, the cache) are written to a temp file in the same
// directory and renamed over the target, so a rename never crosses file systems and a killed run
// leaves the old file whole. The pid and random part keep concurrent runs off each other's temp.
import { basename, dirname, join } from 'node:path';
import { nodeCrypto } from './node-on-first-use.js';

/** A fresh temp file name beside `target`: `.<name>.<pid>.<random>.tmp`. */
export function tempBeside(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${nodeCrypto().randomBytes(4).toString('hex')}.tmp`);
}
