// What lint and keys share before they diverge: standard input, discovery, the usage errors and
// warnings of discovery, and the rule that a run on nothing is not a pass.
import leven from 'leven';
import { loadInputsAsync, countedInputs, type Concurrency, type LoadedSet } from '../engine/load-inputs.js';
import { LintCache, cacheFileFor } from '../engine/cache.js';
import { runKeyOf, type SoloPlan } from '../engine/cached-lint.js';
import type { LintOptions } from '../engine/lint.js';
import { allRules } from '../../rules/index.js';
import { UsageError, type CliValues } from './options.js';
import type { CliIO } from './main.js';
import { loadHclReader, needsHclParser, readPendingHcl } from '../inputs/terraform/hcl/pending.js';
import { joinTerraformModules, unfetchedModuleWarnings } from '../inputs/terraform/module-scope.js';
import type { OnProgress } from '../engine/progress.js';

export interface Gathered {
  set: LoadedSet;
  /** 0 when nothing was found: the caller reports, then exits with `emptyExit`. */
  counted: number;
  emptyExit: 0 | 2;
}

/** `solo`: lint each input that may be alone as it is read (lint), instead of keeping it (keys, html). */
export async function gatherInputs(positionals: readonly string[], values: CliValues, io: CliIO, onProgress?: OnProgress, cache?: LintCache, solo?: SoloPlan): Promise<Gathered> {
  const stdinNamed = positionals.includes('-');
  const paths = positionals.filter((p) => p !== '-');
  if (values['stdin-filename'] !== undefined && !values.stdin && !stdinNamed) throw new UsageError('--stdin-filename names the standard input document: use it with --stdin or -');
  let stdin: { text: string; path: string } | undefined;
  if (values.stdin || stdinNamed) {
    if (!io.readStdin) throw new UsageError('standard input is not available here');
    let text: string;
    try {
      text = await io.readStdin();
    } catch (err) {
      throw new UsageError(`cannot read standard input: ${(err as Error).message}`);
    }
    stdin = { text, path: values['stdin-filename'] ?? '<stdin>' };
  }
  if (stdin && needsHclParser([stdin.path])) await loadHclReader();
  const set = await loadInputsAsync(paths, { cwd: io.cwd, shard: parseShard(values.shard), stdin, ignoreUnknown: values['ignore-unknown'], onProgress, concurrency: parseConcurrency(values.concurrency), cache, solo });
  if (await readPendingHcl(set.inputs, io.cwd)) joinTerraformModules(set.inputs.flatMap((i) => i.templates));
  if (set.missing.length) {
    throw new UsageError(set.missing.map((m) => `${m}: no such file or directory${/[*?[{]/.test(m) ? ' (the glob matches nothing)' : commandHint(m)}`).join('; '));
  }
  for (const w of set.warnings) io.stderr(`kmslint: warning: ${w}\n`);
  for (const w of unfetchedModuleWarnings(set.inputs.flatMap((i) => i.templates))) io.stderr(`kmslint: warning: ${w}\n`);
  const counted = countedInputs(set).length;
  if (counted === 0 && !values['allow-empty']) {
    const where = paths.length ? paths.join(' ') : stdin ? 'standard input' : '.';
    io.stderr(`kmslint: no inputs found under ${where} (CloudFormation, CDK assemblies, Terraform plan JSON, *.tf or *.tf.json); --allow-empty to pass on none\n`);
  }
  return { set, counted, emptyExit: values['allow-empty'] ? 0 : 2 };
}

const COMMAND_NAMES = ['lint', 'keys', 'rules', 'explain', 'init', 'help'];

/** `kmslint lnit`: a bare word one or two edits from a command was probably meant as that command. */
function commandHint(path: string): string {
  if (!/^[a-z]+$/.test(path)) return '';
  const near = COMMAND_NAMES.find((c) => leven(c, path) <= (c.length > 4 ? 2 : 1));
  return near ? ` (did you mean the command ${near}?)` : '';
}

export function parseShard(value: string | undefined): { index: number; count: number } | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`--shard takes <i>/<n> with 1 ≤ i ≤ n, got "${value}"`);
  return { index, count };
}

/** Every file this run read (or took from the cache), so an output path can be checked against them. */
export function inputPaths(set: LoadedSet): string[] {
  return [...set.readPaths, ...set.inputs.flatMap((i) => i.templates.map((t) => t.doc.file)), ...(set.settled ?? []).flatMap((s) => s.entry.files)];
}

/** `--concurrency <n|auto|off>`: threads in all, the main one included. */
export function parseConcurrency(value: string | undefined): Concurrency {
  if (value === undefined || value === 'auto') return 'auto';
  if (value === 'off') return 'off';
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--concurrency takes a number of threads (1 or more), auto or off, got "${value}"`);
  return Number(value);
}

/**
 * The cache of `kmslint lint --cache`, opened for this run's settings; undefined without --cache.
 * A report that needs the whole analysis (the HTML key map) is made without it.
 */
export function openRunCache(values: CliValues, io: CliIO, options: LintOptions): LintCache | undefined {
  if (!values.cache) {
    if (values['cache-location'] !== undefined) io.stderr('kmslint: warning: --cache-location has no effect without --cache\n');
    return undefined;
  }
  if (values.format === 'html') {
    io.stderr('kmslint: warning: --cache is not used with --format html (its key map needs every input analysed)\n');
    return undefined;
  }
  const location = cacheFileFor(values['cache-location'], io.cwd);
  return LintCache.open(location, runKeyOf({ options, rules: allRules, cwd: io.cwd, withKeys: false, ignoreUnknown: values['ignore-unknown'] }), (m) => io.stderr(`kmslint: warning: ${m}\n`));
}
