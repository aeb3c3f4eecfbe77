// Reports and baselines are written to a temp file beside the target and renamed over it, so a
// killed run leaves the old file whole; the rename replaces a symlink rather than writing through
// it, and no input is ever overwritten.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { tempBeside } from '../util/temp-beside.js';
import { UsageError } from './options.js';
import { realOrSelf } from '../util/real-path.js';

export function writeFileAtomic(flag: string, file: string, text: string, cwd: string, inputs: readonly string[]): void {
  const target = resolve(cwd, file);
  const real = realOrSelf(target);
  if (inputs.some((i) => i === target || realOrSelf(i) === real)) throw new UsageError(`${flag} ${file}: refusing to overwrite an input of this run`);
  const temp = tempBeside(target);
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(temp, text, { flag: 'wx' });
    renameSync(temp, target);
  } catch (err) {
    try {
      rmSync(temp, { force: true });
    } catch {
      /* the directory itself could not be made */
    }
    throw new UsageError(`${flag} ${file}: cannot write (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}
