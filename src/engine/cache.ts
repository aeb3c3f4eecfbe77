// `--cache`: the findings of each input from the last run, reused while nothing they depend on changed.
//
// What an input's findings depend on: its own bytes (a content hash; for a CDK assembly, every JSON
// file of the assembly outside its asset directories), the run's settings (config, overrides,
// accounts, baseline, rule set, working directory, kmslint version: one run key), and — only for
// inputs linked to others — the other inputs. An input is linked when a template of it exports a
// value (Outputs.*.Export), imports one (Fn::ImportValue), or is a Terraform configuration (its
// directory is one module). Analysis crosses inputs only through these (evaluate.ts), so an input
// with none of them has the same findings whatever else is in the run. Linked inputs are reused only
// when every input of the run is unchanged and the linked inputs are the same as last time;
// otherwise all linked inputs are analysed again, together with every changed input. A run with an
// input that is not a discovered file (standard input, an editor's text) reuses no linked input and
// leaves none reusable: that input is never hashed, yet may export or import what they do.
// A Terraform HCL file (`*.tf`, `*.tfvars`) is never reused: its findings depend on files that are
// not inputs (its directory's other files, tfvars, local modules called from anywhere), so it is
// always analysed, and being linked, every linked input of its run with it.
//
// The file starts with a magic line; a file without it is not ours and is neither read nor
// overwritten. A file with it that does not parse, or of another format version, is ignored with a
// warning and replaced. It is written to a temp file and renamed, so a killed run leaves the old one.
import { nodeCrypto } from '../util/node-on-first-use.js';
import { shortDigest } from '../util/short-digest.js';
import { tempBeside } from '../util/temp-beside.js';
import { readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, type Dirent } from 'node:fs';
import { basename, dirname, join, relative, isAbsolute, resolve } from 'node:path';
import type { Finding, InputReport } from '../model/findings.js';
import type { KeyRow } from '../analysis/key-rows.js';

/** The first line of every cache file: a file without it is not a kmslint cache. */
const MAGIC = 'kmslint-cache';
const FORMAT_VERSION = 1;
export const DEFAULT_CACHE_FILE = '.kmslintcache';

/** What one input contributed to the last run. */
export interface CachedInput {
  digest: string;
  linked: boolean;
  /** The input as reported (absent: a skipped input that is not counted). */
  report?: InputReport;
  /** A file found by a walk that is not an input: skipped, nothing to report. */
  skipped: boolean;
  findings: Finding[];
  keys: KeyRow[];
  /** Files reported for this input (its templates), so no output is written over them. */
  files: string[];
}

interface CacheFile {
  version: number;
  runKey: string;
  /** Digest of the linked inputs (paths and digests) of the run that wrote it. */
  linkedSet: string;
  entries: Record<string, CachedInput>;
}

/** Counts of the last `plan`: tests assert reuse through them, never through time. */
export const cacheStats = { reused: 0, analysed: 0 };

export class LintCache {
  private entries: Record<string, CachedInput> = {};
  private linkedSet = '';
  /** Whether the file at `location` may be replaced (absent, or ours). */
  private writable = true;
  /** The planned run has inputs that are not discovered files: what its linked inputs gave is not reused later. */
  private mixed = false;

  private constructor(
    readonly location: string,
    private readonly runKey: string,
    /** Where the cache's problems go (the CLI: a `kmslint: warning:` line). */
    readonly warn: (message: string) => void,
  ) {}

  /** Opens the cache at `location` for a run with `runKey`; problems become `warn` lines, never errors. */
  static open(location: string, runKey: string, warn: (message: string) => void): LintCache {
    const cache = new LintCache(location, runKey, warn);
    let text: string;
    try {
      text = readFileSync(location, 'utf8');
    } catch {
      return cache; // no cache yet
    }
    const newline = text.indexOf('\n');
    if (text.slice(0, newline === -1 ? undefined : newline).trim() !== MAGIC) {
      warn(`${location} is not a kmslint cache: not read, and not overwritten (choose another --cache-location)`);
      cache.writable = false;
      return cache;
    }
    try {
      const data = JSON.parse(text.slice(newline + 1)) as CacheFile;
      if (data.version !== FORMAT_VERSION || typeof data.entries !== 'object' || data.entries === null || typeof data.runKey !== 'string') {
        warn(`${location}: cache of another format version, ignored`);
        return cache;
      }
      if (data.runKey !== runKey) return cache; // settings or kmslint changed: every input is analysed again
      cache.entries = Object.assign(Object.create(null) as Record<string, CachedInput>, data.entries);
      cache.linkedSet = data.linkedSet;
    } catch {
      warn(`${location}: cache file is corrupt, ignored`);
    }
    return cache;
  }

  /**
   * Which inputs (by index) can be reused, given each input's path and current digest
   * (`undefined`: cannot be hashed, so analysed). `others`: the run also has inputs that are not
   * discovered files (standard input, texts), which linked inputs may depend on.
   */
  plan(inputs: readonly { path: string; digest: string | undefined }[], others = false): Set<number> {
    this.mixed = others;
    const reusable = new Set<number>();
    const hit = inputs.map((i) => {
      const e = this.entries[i.path];
      return e !== undefined && i.digest !== undefined && e.digest === i.digest ? e : undefined;
    });
    const allUnchanged = hit.every((e) => e !== undefined);
    const linkedNow = linkedSetOf(inputs.flatMap((i, n) => (hit[n]?.linked ? [{ path: i.path, digest: i.digest! }] : [])));
    const linkedReusable = !others && allUnchanged && linkedNow === this.linkedSet;
    hit.forEach((e, n) => {
      if (e && (!e.linked || linkedReusable)) reusable.add(n);
    });
    cacheStats.reused = reusable.size;
    cacheStats.analysed = inputs.length - reusable.size;
    return reusable;
  }

  entry(path: string): CachedInput {
    return this.entries[path];
  }

  /**
   * Replaces the entries with those of this run (inputs not in the run are dropped) and writes the
   * file atomically. Returns a warning when it is not written.
   */
  save(entries: ReadonlyMap<string, CachedInput>, readPaths: readonly string[]): string | undefined {
    if (!this.writable) return undefined; // warned when opened
    const refusal = refuseLocation(this.location, readPaths);
    if (refusal) return refusal;
    const data: CacheFile = {
      version: FORMAT_VERSION,
      runKey: this.runKey,
      // '' matches no run's linked set: linked inputs analysed beside unhashed inputs are not reused.
      linkedSet: this.mixed ? '' : linkedSetOf([...entries].flatMap(([path, e]) => (e.linked ? [{ path, digest: e.digest }] : []))),
      entries: Object.fromEntries(entries),
    };
    const temp = tempBeside(this.location);
    try {
      writeFileSync(temp, `${MAGIC}\n${JSON.stringify(data)}`, { flag: 'wx' });
      renameSync(temp, this.location);
    } catch (err) {
      rmSync(temp, { force: true });
      return `cannot write the cache ${this.location} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
    }
    return undefined;
  }
}

function linkedSetOf(inputs: readonly { path: string; digest: string }[]): string {
  return shortDigest(JSON.stringify(inputs.map((i) => [i.path, i.digest]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))));
}

/** The cache must not be an input, nor a file a walk of an input directory would read as one. */
function refuseLocation(location: string, readPaths: readonly string[]): string | undefined {
  // The extensions discovery reads (src/inputs/discover.ts, the adapters' claimsPath), `*.tf.json` included.
  const looksLikeInput = /\.(json|ya?ml|template|tf|tfvars)$/i.test(location);
  for (const p of readPaths) {
    if (p === location) return `not writing the cache over an input of this run (${location})`;
    const r = relative(p, location);
    if (looksLikeInput && r && !r.startsWith('..') && !isAbsolute(r)) return `not writing the cache ${location} inside an input directory, where it would be linted`;
  }
  return undefined;
}

/** The cache file for `--cache-location` (a directory, or a path ending in a separator, holds `.kmslintcache`). */
export function cacheFileFor(location: string | undefined, cwd: string): string {
  if (location === undefined) return resolve(cwd, DEFAULT_CACHE_FILE);
  const target = resolve(cwd, location);
  if (/[\\/]$/.test(location)) return join(target, DEFAULT_CACHE_FILE);
  try {
    if (statSync(target).isDirectory()) return join(target, DEFAULT_CACHE_FILE);
  } catch {
    /* a file that does not exist yet */
  }
  return target;
}

/** Terraform HCL files: their findings depend on files their own bytes do not cover. */
const HCL_INPUT = /\.(tf|tfvars)$/i;

/**
 * The content hash of a discovered input: its bytes, or for a directory (a CDK assembly) the names
 * and bytes of every JSON file in it, outside `asset.*` directories (assets are never read). Any
 * problem reading, or a Terraform HCL file, gives `undefined`: the input is then simply analysed.
 */
export function inputDigest(absolute: string): string | undefined {
  if (HCL_INPUT.test(absolute)) return undefined;
  try {
    const st = statSync(absolute);
    if (st.isFile()) {
      // A named manifest.json stands for its assembly directory.
      if (basename(absolute) === 'manifest.json') return treeDigest(dirname(absolute));
      return shortDigest(readFileSync(absolute));
    }
    if (st.isDirectory()) return treeDigest(absolute);
  } catch {
    /* unreadable: analysed, and its problem reported as usual */
  }
  return undefined;
}

function treeDigest(dir: string): string {
  const hash = nodeCrypto().createHash('sha256');
  const visit = (at: string, rel: string) => {
    const entries: Dirent[] = readdirSync(at, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const path = join(at, e.name);
      const name = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!e.name.startsWith('asset.')) visit(path, name);
      } else if (/\.json$/i.test(e.name)) {
        hash.update(`${name}\u0000`).update(readFileSync(path)).update('\u0000');
      } else if (e.isSymbolicLink()) {
        // The reader follows links that stay inside the assembly: hash what a linked JSON file holds.
        let target: ReturnType<typeof statSync> | undefined;
        try {
          target = statSync(path);
        } catch {
          target = undefined;
        }
        hash.update(`${name}\u0000link\u0000`);
        if (target?.isFile() && /\.json$/i.test(e.name)) hash.update(readFileSync(path)).update('\u0000');
      }
    }
  };
  visit(dir, '');
  return hash.digest('hex').slice(0, 32);
}
