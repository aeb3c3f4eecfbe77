// What identifies the running kmslint code, for the cache's run key: the version alone misses a
// checkout's edits and a local build of an unchanged version.
//
// The bundle (dist/cli/kmslint.cjs, where `import.meta.url` is the bundle's) starts with a line
// holding the sha256 of the rest (scripts/bundle.ts): read those few bytes. Run module by module
// (tsx on src/, or tsc's dist/src), the stamp is the name, size and date of every file under the
// code's `src` and `rules` directories: a stat walk, no file is read.
import { closeSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeCrypto } from '../util/node-on-first-use.js';

let stamp: string | undefined;

/** A digest that changes whenever the running kmslint code does; computed once per process. */
export function codeStamp(): string {
  if (stamp === undefined) {
    try {
      stamp = codeStampOf(fileURLToPath(import.meta.url));
    } catch {
      stamp = 'unknown';
    }
  }
  return stamp;
}

/** The stamp of the code whose module `self` is (this file, or the bundle holding it). */
export function codeStampOf(self: string): string {
  if (/\.cjs$/.test(self)) return bundleHeader(self) ?? statStamp([self]);
  // This file is <root>/src/engine/code-stamp.(ts|js); the rules are <root>/rules.
  const root = join(self, '..', '..', '..');
  return statStamp([join(root, 'src'), join(root, 'rules')]);
}

function bundleHeader(file: string): string | undefined {
  const buf = Buffer.alloc(128);
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const line = buf.toString('utf8', 0, readSync(fd, buf, 0, buf.length, 0)).split('\n')[0];
    return /^\/\/ kmslint-bundle [0-9a-f]{64}$/.test(line) ? line : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function statStamp(paths: readonly string[]): string {
  const hash = nodeCrypto().createHash('sha256');
  const visit = (path: string) => {
    try {
      const st = statSync(path);
      if (st.isDirectory()) {
        for (const name of readdirSync(path).sort()) visit(join(path, name));
      } else {
        hash.update(`${path}\u0000${st.size}\u0000${st.mtimeMs}\u0000`);
      }
    } catch {
      hash.update(`${path}\u0000missing\u0000`);
    }
  };
  paths.forEach(visit);
  return hash.digest('hex').slice(0, 32);
}
