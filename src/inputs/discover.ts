// Paths, directories and globs → the list of inputs to lint, each marked explicit or found.
// Walks like git: every .gitignore / .kmslintignore on the way down is honoured, but a cloud
// assembly git ignores (cdk.out) is still linted — it is build output made to be checked — unless
// .kmslintignore names it. Only regular files are read; each directory is walked once, by real path.
import { existsSync, readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { inputAdapters, type InputAdapter } from './adapters.js';
import { type IgnoreStack, ignoreStackFor } from './ignore-files.js';
import { compareCodePoints } from '../util/code-points.js';
import { realOrSelf } from '../util/real-path.js';

export interface DiscoveredInput {
  /** As reported: relative to the working directory. */
  path: string;
  /** Absolute, for reading. */
  absolute: string;
  explicit: boolean;
  /** The adapter that already recognised this path during the walk (a CDK assembly directory). */
  adapter?: InputAdapter;
}

export interface Discovery {
  inputs: DiscoveredInput[];
  /** Named paths (or globs) that do not exist or match nothing. */
  missing: string[];
  /** One line each: what was skipped and why (FIFOs, devices, links out of the walked roots). */
  warnings: string[];
}

const CANDIDATE = /\.(json|ya?ml|template|tf)$/i;
/** Terraform variable files: read with their module's `*.tf` files, not inputs of their own. */
const WITH_MODULE = /\.tfvars$/i;
const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.terraform', '.hg', '.svn']);

export function discoverInputs(patterns: readonly string[], cwd = process.cwd()): Discovery {
  const out: Discovery = { inputs: [], missing: [], warnings: [] };
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();
  const roots: string[] = [];
  const display = (abs: string) => displayPath(abs, cwd);
  const add = (abs: string, explicit: boolean, adapter?: InputAdapter, real = realOrSelf(abs)) => {
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    out.inputs.push({ path: display(abs), absolute: abs, explicit, ...(adapter ? { adapter } : {}) });
  };
  const addFile = (abs: string, st: Stats, explicit: boolean) => {
    if (!st.isFile()) {
      out.warnings.push(`skipped ${display(abs)}: ${kindOf(st)}, not a regular file`);
      return;
    }
    if (!WITH_MODULE.test(abs) && (explicit || CANDIDATE.test(abs))) add(abs, explicit);
  };

  // `knownReal`: the real path when the walk already knows it (an entry that is not a link, inside a
  // directory whose real path is known), which saves a realpath call per file and directory.
  const walk = (dir: string, ignores: IgnoreStack, knownReal?: string) => {
    const real = knownReal ?? realOrSelf(dir);
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    const adapter = inputAdapters.find((a) => a.claimsPath?.(dir));
    if (adapter) return add(dir, false, adapter, real);
    let entries: Dirent[];
    try {
      // The entries' types come with the listing (a link is stat-ed to follow it), no lstat per entry.
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareCodePoints(a.name, b.name));
    } catch (err) {
      out.warnings.push(`skipped ${display(dir)}: cannot read the directory (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
      return;
    }
    const here = ignores.enter(dir, new Set(entries.map((e) => e.name)));
    for (const entry of entries) {
      const name = entry.name;
      if (ALWAYS_SKIPPED.has(name)) continue;
      const full = join(dir, name);
      const linked = entry.isSymbolicLink();
      const st: FileKind | undefined = linked ? statSafe(full) : entry;
      if (!st) continue; // a dangling link
      const isDir = st.isDirectory();
      const verdict = here.verdict(full, isDir);
      if (verdict === 'kmslint') continue;
      if (verdict === 'git' && !(isDir && inputAdapters.some((a) => a.claimsPath?.(full)))) continue;
      const entryReal = linked ? realOrSelf(full) : join(real, name);
      if (linked && !insideRoots(entryReal, roots)) {
        out.warnings.push(`skipped ${display(full)}: a link to ${entryReal}, outside the paths being linted (name it to lint it)`);
        continue;
      }
      if (isDir) walk(full, here, entryReal);
      else if (st.isFile()) {
        if (CANDIDATE.test(name)) add(full, false, undefined, entryReal);
      } else if (CANDIDATE.test(name) || WITH_MODULE.test(name) || name.startsWith('.kmslint')) {
        out.warnings.push(`skipped ${display(full)}: ${kindOf(st)}, not a regular file`);
      }
    }
  };

  const list = patterns.length ? patterns : ['.'];
  for (const pattern of list) {
    const abs = resolve(cwd, pattern);
    if (isDynamicPattern(pattern) && !existsSync(abs)) continue;
    if (existsSync(abs)) roots.push(realOrSelf(abs));
  }
  for (const pattern of list) {
    const abs = resolve(cwd, pattern);
    if (isDynamicPattern(pattern) && !existsSync(abs)) {
      const found = globSync(pattern, { cwd, ignore: ['**/node_modules/**', '**/.git/**'], absolute: true, onlyFiles: false, followSymbolicLinks: false }).sort(compareCodePoints);
      if (found.length === 0) out.missing.push(pattern);
      for (const f of found) {
        const st = statSafe(f);
        if (!st) continue;
        if (st.isDirectory()) {
          roots.push(realOrSelf(f));
          walk(f, ignoreStackFor(f));
        } else addFile(f, st, false);
      }
      continue;
    }
    const st = statSafe(abs);
    if (!st) {
      out.missing.push(pattern);
      continue;
    }
    if (st.isDirectory()) walk(abs, ignoreStackFor(abs));
    else addFile(abs, st, true);
  }
  return out;
}

/** What a directory entry or a followed link is: a `Dirent` or a `Stats`. */
type FileKind = Pick<Stats, 'isFile' | 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>;

function kindOf(st: FileKind): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isDirectory()) return 'a directory';
  return 'not a regular file';
}

function insideRoots(real: string, roots: readonly string[]): boolean {
  return roots.some((r) => real === r || real.startsWith(r.endsWith(sep) ? r : r + sep));
}



function statSafe(p: string): Stats | undefined {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}


function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return rel ? rel.split(sep).join('/') : abs;
}

