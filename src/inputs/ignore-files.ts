// .gitignore and .kmslintignore as git reads them: the files of every directory on the way down
// (and of the repository's directories above the walk), deeper files overriding shallower ones.
// The two are kept apart because a cloud assembly that git ignores is still linted.
import { closeSync, existsSync, fstatSync, openSync, readSync, constants } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

interface Layer {
  base: string;
  git?: Ignore;
  kmslint?: Ignore;
}

/** Who ignores a path: `.kmslintignore`, git only, or nobody. */
export type IgnoreVerdict = 'kmslint' | 'git' | undefined;

/** Largest ignore file read; past that it is read only up to here. */
const MAX_IGNORE_FILE_BYTES = 1024 * 1024;

export class IgnoreStack {
  constructor(private readonly layers: readonly Layer[] = []) {}

  /**
   * The stack inside `dir`: its own ignore files on top. `names`, when the caller has listed the
   * directory, spares trying to open ignore files that are not there.
   */
  enter(dir: string, names?: ReadonlySet<string>): IgnoreStack {
    if (names && !names.has('.gitignore') && !names.has('.kmslintignore')) return this;
    const layer = readLayer(dir);
    return layer ? new IgnoreStack([...this.layers, layer]) : this;
  }

  verdict(path: string, isDirectory: boolean): IgnoreVerdict {
    const kmslint = this.decide(path, isDirectory, 'kmslint');
    if (kmslint !== undefined) return kmslint ? 'kmslint' : undefined; // a `!pattern` in .kmslintignore wins over git
    return this.decide(path, isDirectory, 'git') ? 'git' : undefined;
  }

  /** The deepest file with an opinion decides (true: ignored, false: re-included). */
  private decide(path: string, isDirectory: boolean, which: 'git' | 'kmslint'): boolean | undefined {
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const layer = this.layers[i];
      const ig = layer[which];
      if (!ig) continue;
      const rel = relative(layer.base, path).split(sep).join('/');
      if (!rel || rel.startsWith('..')) continue;
      const r = ig.test(isDirectory ? `${rel}/` : rel);
      if (r.ignored) return true;
      if (r.unignored) return false;
    }
    return undefined;
  }
}

/** The ignore files above `root` up to the enclosing repository's top (none outside a repository). */
export function ignoreStackFor(root: string): IgnoreStack {
  const above: string[] = [];
  let dir = dirname(root);
  let inRepository = existsSync(join(root, '.git'));
  while (!inRepository) {
    above.unshift(dir);
    if (existsSync(join(dir, '.git'))) inRepository = true;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (!inRepository) return new IgnoreStack();
  let stack = new IgnoreStack();
  for (const d of above) stack = stack.enter(d);
  return stack;
}

function readLayer(dir: string): Layer | undefined {
  const git = readIgnoreFile(join(dir, '.gitignore'));
  const kmslint = readIgnoreFile(join(dir, '.kmslintignore'));
  if (git === undefined && kmslint === undefined) return undefined;
  return {
    base: dir,
    ...(git !== undefined ? { git: ignore().add(git) } : {}),
    ...(kmslint !== undefined ? { kmslint: ignore().add(kmslint) } : {}),
  };
}

/** Only a regular file is read (a FIFO named .gitignore must not hang the walk), and only so much of it. */
function readIgnoreFile(path: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    if (!fstatSync(fd).isFile()) return undefined;
    const buf = Buffer.alloc(MAX_IGNORE_FILE_BYTES);
    let length = 0;
    for (let n = 1; n > 0 && length < buf.length; length += n) n = readSync(fd, buf, length, buf.length - length, null);
    return buf.subarray(0, length).toString('utf8');
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
