// Runs the bundled command line (dist/cli/kmslint.cjs, scripts/bundle.ts) as a classic script, from a
// V8 code cache when there is one: compiling the bundle's code is about a fifth of a one-file run.
// The cache is made after the first run (it then holds the functions that run used) and is kept
// in $XDG_CACHE_HOME/kmslint or ~/.cache/kmslint, never beside the inputs. Its name holds the
// bundle's hash, size and date and Node's version and architecture, so an upgrade of either reads
// a new file; V8 checks its own version and flags too and rejects what does not fit, and then the
// run compiles from source and writes the cache anew. Any failure to read or write it is silent:
// the cache only saves time. KMSLINT_NO_CODE_CACHE=1 turns it off.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const HEADER = /^\/\/ kmslint-bundle ([0-9a-f]{64})\n/;

/** The directory the cache lives in, or undefined without a home. */
function cacheDirectory(env) {
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return join(env.XDG_CACHE_HOME, 'kmslint');
  const home = homedir();
  return home ? join(home, '.cache', 'kmslint') : undefined;
}

function readCache(file) {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes the cache atomically and removes the caches of other bundles and Node versions. */
function writeCache(dir, name, data) {
  try {
    mkdirSync(dir, { recursive: true });
    const temp = join(dir, `${name}.${process.pid}.tmp`);
    writeFileSync(temp, data);
    renameSync(temp, join(dir, name));
    for (const other of readdirSync(dir)) if (other.startsWith('cli-') && other !== name) rmSync(join(dir, other), { force: true });
  } catch {
    /* not writable: the next run compiles from source again */
  }
}

/** Runs the bundle at `url` (its stat in `stat`) and resolves to the exit code. */
export async function runBundle(url, stat) {
  const filename = fileURLToPath(url);
  const source = readFileSync(filename, 'utf8');
  const hash = HEADER.exec(source)?.[1];
  const dir = hash && !process.env.KMSLINT_NO_CODE_CACHE ? cacheDirectory(process.env) : undefined;
  const name = `cli-${hash?.slice(0, 32)}-${stat.size}-${Math.trunc(stat.mtimeMs)}-${process.version}-${process.arch}.v8`;
  const cachedData = dir ? readCache(join(dir, name)) : undefined;
  const script = new vm.Script(source, { filename, cachedData });
  const module = { exports: {} };
  // The bundle imports only packages (cosmiconfig, web-tree-sitter, ...) this way: from here they
  // resolve in the same node_modules as from dist/cli.
  script.runInThisContext()(module, module.exports, createRequire(url), url.href, (specifier) => import(specifier));
  const code = await module.exports.runProcess();
  if (dir && (cachedData === undefined || script.cachedDataRejected)) writeCache(dir, name, script.createCachedData());
  return code;
}
