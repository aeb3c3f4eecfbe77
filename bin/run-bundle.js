// Runs the bundled command line (dist/cli/kmslint.cjs, scripts/bundle.ts) as a classic script, from a
// V8 code cache when there is one: compiling the bundle's code is about a fifth of a one-file run.
// The cache is made after the first run (it then holds the functions that run used) and is kept
// in $XDG_CACHE_HOME/kmslint or ~/.cache/kmslint, never beside the inputs. Its name holds the
// bundle's hash, size and date and Node's version and architecture, so an upgrade of either reads
// a new file; V8 checks its own version and flags too and rejects what does not fit, and then the
// run compiles from source and writes the cache anew. V8 in release builds does not check the
// payload, and damaged bytes of the right length abort the process (a fatal error, exit 133), so
// the file starts with a sha256 of the payload and a file whose sum does not match is not handed to
// V8 but written anew. Any failure to read or write it is silent: the cache only saves time.
// KMSLINT_NO_CODE_CACHE=1 turns it off.
import { createHash, randomBytes } from 'node:crypto';
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

const DIGEST_BYTES = 32;
const digestOf = (data) => createHash('sha256').update(data).digest();

/** The cached data of `file` if its checksum matches, else undefined. */
function readCache(file) {
  let stored;
  try {
    stored = readFileSync(file);
  } catch {
    return undefined;
  }
  if (stored.length <= DIGEST_BYTES) return undefined;
  const data = stored.subarray(DIGEST_BYTES);
  return digestOf(data).equals(stored.subarray(0, DIGEST_BYTES)) ? data : undefined;
}

/** Writes the cache atomically and removes the caches of other bundles and Node versions. */
function writeCache(dir, name, data) {
  try {
    mkdirSync(dir, { recursive: true });
    // Pids repeat across containers that share a cache directory: the random part keeps two
    // writers off one temp file.
    const temp = join(dir, `${name}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
    writeFileSync(temp, Buffer.concat([digestOf(data), data]));
    renameSync(temp, join(dir, name));
    // Temp files of this name are another writer's, not yet renamed: left alone.
    for (const other of readdirSync(dir)) if (other.startsWith('cli-') && other !== name && !other.startsWith(`${name}.`)) rmSync(join(dir, other), { force: true });
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
