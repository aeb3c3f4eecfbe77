// `kmslint diff <before> <after>`, `kmslint diff plan.json` and `kmslint diff --base <ref> [paths…]`:
// read the two sides, hand them to the engine's lintDiff, print with the lint formatters, exit as lint.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { loadFile, loadText, type LoadedInput } from '../inputs/load.js';
import { loadInputs } from '../engine/load-inputs.js';
import { lintDiff, type DiffInputs } from '../engine/lint-diff.js';
import { verdictOf } from '../engine/verdict.js';
import { planBeforeText } from '../diff/terraform-changes.js';
import { UsageError, type CliValues } from './options.js';
import type { CliIO } from './main.js';
import { readBaseline } from './baseline.js';
import { loadCommandConfig, parseReportOptions, printReport } from './gated-report.js';

export async function runDiffCommand(positionals: string[], values: CliValues, io: CliIO, color: boolean): Promise<number> {
  const options = parseReportOptions(values);
  const sides = values.base !== undefined ? fromGit(values.base, positionals, io.cwd) : fromPaths(positionals, io.cwd);
  const config = await loadCommandConfig(values, io);
  if (!config) return 2;
  const baseline = values.baseline ? readBaseline(values.baseline, io.cwd) : undefined;
  const { ruleOverrides, accounts } = options;
  const { result } = await lintDiff(sides, { config, ruleOverrides, accounts, baseline, cwd: io.cwd, all: values.all });
  await printReport(result, options, values, io, color, readPaths(sides, io.cwd));
  if (sides.before.length + sides.after.length === 0) {
    // A pull request that changes no template has nothing to gate; two named sides without a template are a mistake.
    if (values.base !== undefined) {
      io.stderr(`kmslint: no template changed since ${values.base}\n`);
      return 0;
    }
    io.stderr('kmslint: no inputs found in either side\n');
    return values['allow-empty'] ? 0 : 2;
  }
  const verdict = verdictOf(result, { maxWarnings: options.maxWarnings, allowEmpty: true });
  if (verdict.reason === 'too-many-warnings') io.stderr(`kmslint: ${verdict.message}\n`);
  return verdict.exitCode;
}

/** `diff <before> <after>` (files, directories, CDK assemblies) or `diff plan.json`. */
function fromPaths(positionals: string[], cwd: string): DiffInputs {
  if (positionals.length === 1) return fromPlan(positionals[0], cwd);
  if (positionals.length !== 2) throw new UsageError('diff takes <before> <after>, one Terraform plan, or --base <git-ref> [paths…]');
  const [before, after] = positionals.map((p) => {
    const set = loadInputs([p], { cwd });
    if (set.missing.length) throw new UsageError(`${p}: no such file or directory`);
    return { root: resolve(cwd, p), inputs: set.inputs.filter((i) => !i.skipped || i.error) };
  });
  const roots = { before: before.root, after: after.root };
  return {
    before: before.inputs,
    after: after.inputs,
    pairKey: (t, side) => (t.format === 'cdk' ? `cdk:${t.stack}` : underRoot(roots[side], resolve(cwd, t.file))),
  };
}

/** One plan: its prior state is the before side. */
function fromPlan(path: string, cwd: string): DiffInputs {
  const absolute = resolve(cwd, path);
  if (!existsSync(absolute)) throw new UsageError(`${path}: no such file or directory`);
  const after = loadFile(absolute, { explicit: true, display: path });
  if (after.format !== 'terraform-plan' && !after.error) throw new UsageError(`diff with one argument takes a Terraform plan (terraform show -json); ${path} is ${after.format ?? 'not a template'} — give <before> <after>`);
  const beforeText = after.error ? undefined : planBeforeText(after.templates[0]?.doc.text ?? '');
  const before = beforeText === undefined ? undefined : loadText(`${path} (prior state)`, beforeText, { explicit: true });
  return {
    before: before ? [before] : [],
    after: [after],
    pairKey: (t) => t.stack,
    plans: before ? [{ before, after }] : [],
  };
}

/** `--base <ref>`: every template changed since the ref, its before side read with `git show`. */
function fromGit(ref: string, paths: string[], cwd: string): DiffInputs {
  const git = (args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new UsageError(`--base: ${ref} is not a commit of the repository at ${cwd}`);
  }
  const top = git(['rev-parse', '--show-toplevel']).trim();
  const scope = paths.length ? paths : ['.'];
  // Tracked changes since the ref (working tree included) and new untracked files, as paths from the top.
  const changed = new Map<string, string>();
  const status = git(['diff', '--name-status', '-z', '--no-renames', ref, '--', ...scope]).split('\0');
  for (let i = 0; i + 1 < status.length; i += 2) if (status[i]) changed.set(status[i + 1], status[i][0]);
  for (const p of git(['ls-files', '--others', '--exclude-standard', '-z', '--full-name', '--', ...scope]).split('\0')) if (p) changed.set(p, 'A');
  const before: LoadedInput[] = [];
  const after: LoadedInput[] = [];
  for (const [fromTop, kind] of [...changed].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const absolute = resolve(top, fromTop);
    const shown = relative(cwd, absolute).replace(/\\/g, '/') || basename(absolute);
    if (kind !== 'D' && existsSync(absolute) && statSync(absolute).isFile()) {
      const a = loadFile(absolute, { explicit: false, display: shown });
      if (!a.skipped || a.error) after.push(a);
    }
    if (kind !== 'A') {
      let text: string;
      try {
        text = git(['show', `${ref}:${fromTop}`]);
      } catch {
        continue; // not in the ref (added in the working tree)
      }
      const b = loadText(`${ref}:${shown}`, text, { explicit: false });
      if (!b.skipped || b.error) before.push(b);
    }
  }
  const prefix = `${ref}:`;
  return {
    before,
    after,
    pairKey: (t, side) => (side === 'before' && t.file.startsWith(prefix) ? t.file.slice(prefix.length) : t.file),
  };
}

function underRoot(root: string, file: string): string {
  const r = relative(root, file).replace(/\\/g, '/');
  return r === '' ? basename(file) : r;
}

function readPaths(sides: DiffInputs, cwd: string): string[] {
  return [...sides.before, ...sides.after].map((i) => resolve(cwd, i.path));
}
