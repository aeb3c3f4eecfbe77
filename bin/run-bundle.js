// Runs the bundled command line (dist/cli/kmslint.cjs, scripts/bundle.ts) as a classic script, from a
// V8 code cache when there is one: compiling the bundle's code is about a fifth of a one-file run.
// A cache is made after a run, so it holds the functions that run compiled, lazily compiled ones
// included; a lint run and, say, `--version` compile different functions, so each command has a
// cache of its own (cacheKind), and a lint of named files one apart from a lint of trees. The
// caches are kept in $XDG_CACHE_HOME/kmslint or ~/.cache/kmslint, never beside the inputs. A name
// holds a CRC-32 of the bundle's bytes, one of its path and Node's version and architecture, so an
// upgrade or any edit of the bundle reads a new file (V8 itself checks only the source's length),
// and two installations (a project's and a global one) keep a cache each instead of replacing each
// other's every run. V8 checks its own version and flags and rejects what does not fit; then the
// run compiles from source and writes the cache anew.
// V8 in release builds does not check the payload, and damaged bytes of the right length abort the
// process (a fatal error, exit 133), so the file starts with a CRC-32 of the payload and a file
// whose sum does not match is not handed to V8 but written anew (CRC-32 rather than a cryptographic
// hash: it catches damage, and node:crypto alone takes longer to load than the whole check).
// Any failure to read or write a cache is silent: it only saves time. KMSLINT_NO_CODE_CACHE=1
// turns it off.
'use strict';
const { appendFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { homedir } = require('node:os');
const { isAbsolute, join } = require('node:path');
const { pathToFileURL } = require('node:url');
const vm = require('node:vm');
const { crc32 } = require('node:zlib');

/** The first line the build writes (scripts/bundle.ts): only such a bundle gets a cache. */
const HEADER = /^\/\/ kmslint-bundle [0-9a-f]{64}\n/;

/** The directory the caches live in, or undefined without an absolute home. */
function cacheDirectory(env) {
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return join(env.XDG_CACHE_HOME, 'kmslint');
  let home;
  try {
    // Throws when HOME is unset and the user has no passwd entry (a container's arbitrary uid).
    home = homedir();
  } catch {
    return undefined;
  }
  // A relative HOME would put the cache beside the inputs.
  return home && isAbsolute(home) ? join(home, '.cache', 'kmslint') : undefined;
}

/** Commands that get a cache of their own; anything else is a lint run (src/cli/main.ts). */
const COMMANDS = new Set(['keys', 'rules', 'explain', 'init', 'diff', 'lsp', 'help']);

/**
 * Which cache a command line reads: its command, or `lint`. A guess that is wrong (an option value
 * that happens to be a command name) only picks a cache that fits the run less well.
 */
function cacheKind(argv) {
  if (argv.includes('--version') || argv.includes('-v')) return 'version';
  return argv.find((a) => COMMANDS.has(a)) ?? lintKind(argv);
}

/** Operands looked at to tell a lint of named files from one of trees; a hook may name thousands. */
const OPERANDS_LOOKED_AT = 64;

/**
 * `lint` for named files (a pre-commit hook), `lint-tree` for a directory, a glob or none (`.`). A
 * cache made by a run over a big tree holds far more compiled code, and loading it made a one-file
 * run about 20 ms slower (150 -> 170 ms) while the tree run gained nothing from it over the smaller one.
 * Option values (`--format json`) are taken as operands too: a value is seldom a directory.
 */
function lintKind(argv) {
  const operands = argv.filter((a) => !a.startsWith('-')).slice(0, OPERANDS_LOOKED_AT);
  const tree = operands.length === 0 || operands.some((a) => /[*?[{]/.test(a) || isDirectory(a));
  return tree ? 'lint-tree' : 'lint';
}

function isDirectory(path) {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false;
  }
}

const SUM_BYTES = 4;

/** The cached data of `file` if its checksum matches, else undefined. A cache read is dated now: its date is its last use. */
function readCache(file) {
  let stored;
  try {
    stored = readFileSync(file);
  } catch {
    return undefined;
  }
  if (stored.length <= SUM_BYTES) return undefined;
  const data = stored.subarray(SUM_BYTES);
  if (crc32(data) !== stored.readUInt32LE(0)) return undefined;
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    /* a read-only cache still serves */
  }
  return data;
}

/** The installation sum in a cache's name: this scheme (`cli-<bundle>-<install>-v…`) and the one before (`cli-<hash>-<install>-<size>-<date>-v…`). */
const INSTALL_IN_NAME = /^cli-(?:[0-9a-f]{8}|[0-9a-f]{32})-([0-9a-f]{8})-(?:\d+-\d+-)?v\d/;
/** A name from before caches were kept per installation (`cli-<hash>-<size>-<date>-v…`): that kmslint removed every other cache itself. */
const SHARED_NAME = /^cli-[0-9a-f]{32}-\d+-\d+-v\d/;
/** Caches of other installations are removed once unused this long: they may be in use. */
const UNUSED_MS = 30 * 24 * 3600 * 1000;
/** A temp file this old was left by a writer that died: a write takes milliseconds. */
const ABANDONED_MS = 10 * 60 * 1000;

/**
 * Writes the cache atomically and removes this installation's caches of other bundles and Node
 * versions, and other installations' caches untouched for a month.
 */
function writeCache(dir, install, prefix, name, data) {
  // Pids repeat across containers that share a cache directory: the random part keeps two
  // writers off one temp file.
  const temp = join(dir, `${name}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    const sum = Buffer.alloc(SUM_BYTES);
    sum.writeUInt32LE(crc32(data));
    writeFileSync(temp, Buffer.concat([sum, data]));
    renameSync(temp, join(dir, name));
    // The other commands' caches of this bundle stay; temp files are another writer's, not yet
    // renamed, unless they are older than any write takes (left by a writer that was killed).
    const now = Date.now();
    for (const other of readdirSync(dir)) {
      if (!other.startsWith('cli-')) continue;
      const file = join(dir, other);
      const age = () => now - (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? now);
      const stale = other.endsWith('.tmp')
        ? age() > ABANDONED_MS
        : !other.startsWith(prefix) && (INSTALL_IN_NAME.exec(other)?.[1] === install || SHARED_NAME.test(other) || age() > UNUSED_MS);
      if (stale) rmSync(file, { force: true });
    }
  } catch {
    // Not writable, or the disk is full: the next run compiles from source again.
    try {
      rmSync(temp, { force: true });
    } catch {
      /* no directory to remove it from */
    }
  }
}

/**
 * What the bundle calls as each of its modules is first evaluated (scripts/bundle.ts): with
 * KMSLINT_TRACE_MODULES=<file>, their paths are appended to that file, one a line, as the process
 * exits (test/startup.test.ts); otherwise nothing.
 */
function moduleTracer(file) {
  if (!file) return () => {};
  const loaded = [];
  process.on('exit', () => appendFileSync(file, loaded.map((m) => `${m}\n`).join('')));
  return (path) => loaded.push(path);
}

/** Runs the bundle at `filename` and resolves to the exit code. */
async function runBundle(filename) {
  // The build keeps the bundle to ASCII (scripts/bundle.ts), and Latin-1 is the fastest decoding
  // of ASCII.
  const bytes = readFileSync(filename);
  const source = bytes.toString('latin1');
  const dir = HEADER.test(source) && !process.env.KMSLINT_NO_CODE_CACHE ? cacheDirectory(process.env) : undefined;
  const hex = (n) => n.toString(16).padStart(8, '0');
  const install = hex(crc32(filename));
  // The sum of the bytes run, not the build's header or the file's date: a hand edit changes it.
  const prefix = `cli-${hex(crc32(bytes))}-${install}-${process.version}-${process.arch}`;
  const name = `${prefix}-${cacheKind(process.argv.slice(2))}.v8`;
  const cachedData = dir ? readCache(join(dir, name)) : undefined;
  const script = new vm.Script(source, { filename, cachedData });
  const module = { exports: {} };
  const url = pathToFileURL(filename);
  // The bundle imports only packages (cosmiconfig, web-tree-sitter, ...) this way: from here they
  // resolve in the same node_modules as from dist/cli.
  script.runInThisContext()(module, module.exports, createRequire(filename), url.href, (specifier) => import(specifier), moduleTracer(process.env.KMSLINT_TRACE_MODULES));
  const code = await module.exports.runProcess();
  if (dir && (cachedData === undefined || script.cachedDataRejected)) writeCache(dir, install, `${prefix}-`, name, script.createCachedData());
  return code;
}

module.exports = { runBundle };
