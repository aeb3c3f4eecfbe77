// Paths, directories and globs → the list of inputs to lint, each marked explicit or found.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import ignore, { type Ignore } from 'ignore';
import { inputAdapters, type InputAdapter } from './adapters.js';

export interface DiscoveredInput {
  /** As reported: relative to the working directory. */
  path: string;
  /** Absolute, for reading. */
  absolute: string;
  explicit: boolean;
  /** The adapter that already recognised this path during the walk (a CDK assembly directory). */
  adapter?: InputAdapter;
}

const CANDIDATE = /\.(json|ya?ml|template)$/i;
const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.terraform', '.hg', '.svn']);

export function discoverInputs(patterns: readonly string[], cwd = process.cwd()): { inputs: DiscoveredInput[]; missing: string[] } {
  const seen = new Set<string>();
  const inputs: DiscoveredInput[] = [];
  const missing: string[] = [];
  const add = (p: string, explicit: boolean, adapter?: InputAdapter) => {
    const abs = resolve(cwd, p);
    if (seen.has(abs)) return;
    seen.add(abs);
    inputs.push({ path: display(abs, cwd), absolute: abs, explicit, ...(adapter ? { adapter } : {}) });
  };
  for (const pattern of patterns.length ? patterns : ['.']) {
    if (isDynamicPattern(pattern) && !existsSync(resolve(cwd, pattern))) {
      const found = globSync(pattern, { cwd, ignore: ['**/node_modules/**', '**/.git/**'], absolute: true, onlyFiles: false }).sort();
      if (found.length === 0) missing.push(pattern);
      for (const f of found) {
        if (statSafe(f)?.isDirectory()) walk(f, cwd, add, makeIgnore(f));
        else if (CANDIDATE.test(f)) add(f, false);
      }
      continue;
    }
    const abs = resolve(cwd, pattern);
    const st = statSafe(abs);
    if (!st) {
      missing.push(pattern);
      continue;
    }
    if (st.isDirectory()) walk(abs, cwd, add, makeIgnore(abs));
    else add(abs, true);
  }
  return { inputs, missing };
}

function walk(dir: string, cwd: string, add: (p: string, explicit: boolean, adapter?: InputAdapter) => void, ig: { root: string; ig: Ignore }): void {
  const adapter = inputAdapters.find((a) => a.claimsPath?.(dir));
  if (adapter) {
    add(dir, false, adapter);
    return;
  }
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of entries) {
    if (ALWAYS_SKIPPED.has(name)) continue;
    const full = join(dir, name);
    const rel = relative(ig.root, full).split(sep).join('/');
    const st = statSafe(full);
    if (!st) continue;
    if (rel && ig.ig.ignores(st.isDirectory() ? rel + '/' : rel)) continue;
    if (st.isDirectory()) walk(full, cwd, add, ig);
    else if (CANDIDATE.test(name)) add(full, false);
  }
}

function makeIgnore(root: string): { root: string; ig: Ignore } {
  const ig = ignore();
  for (const f of ['.gitignore', '.kmslintignore']) {
    const p = join(root, f);
    if (existsSync(p)) {
      try {
        ig.add(readFileSync(p, 'utf8'));
      } catch {
        /* unreadable ignore file: lint everything */
      }
    }
  }
  return { root, ig };
}

function statSafe(p: string) {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

function display(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return rel ? rel.split(sep).join('/') : abs;
}
