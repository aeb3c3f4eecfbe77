// `npm run bench [-- options]`: every figure of issue 14, set by set, beside its peer (cfn-lint,
// `node -e 0`) or floor (parse-only), as wall, CPU (user + system of the child), peak RSS, inputs/s
// and ratios, each with its target. The machine is shared and noisy: commands of a set run
// interleaved, each figure is the median of several runs, and what matters is the ratio taken in one
// run. Writes the same as JSON. Needs a build (`npm run build`) and ../shared/corpus. See docs/benchmarks.md.
//
//   --quick                 one run, small samples and scale sets at a tenth (a fast check, not a figure)
//   --only <set,set…>       corpus, cfn300, single, cdk-nag, scale, cache, lsp, cdk-synth, linear-parse
//   --bin <path>            the kmslint entry measured (default bin/kmslint.js)
//   --baseline-bin <path>   a second kmslint (e.g. a build of an older commit) measured side by side
//   --json <file>           where the results go (default bench/results.json)
//   --save-baseline <file>  also write kmslint's figures as "today" (bench/baseline.json): the
//                           --baseline-bin build's when given, else the measured one's
//   KMSLINT_BENCH_RUNS (default 3; --quick 1), KMSLINT_BENCH_PEER_RUNS (cfn-lint on 300 templates, default 1),
//   KMSLINT_BENCH_SCALE_RUNS (default RUNS), KMSLINT_BENCH_HUGE_TIMEOUT (seconds for the 100,000-resource run, 1200),
//   KMSLINT_CORPUS (default ../shared/corpus), KMSLINT_BENCH_SAMPLE (default 300)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { globSync } from 'tinyglobby';
import { transformSync } from 'esbuild';
import { gnuTimeAvailable, interleaved, runOnce, withInputs, type Command, type Measurement } from './measure.js';
import { writeCloudFormationTemplate, writeMonorepo, writeTerraformPlan } from './generate-scale.js';
import { lspRelint } from './lsp-relint.js';
import { bundleParsers } from '../scripts/bundle.js';

const SETS = ['corpus', 'cfn300', 'single', 'cdk-nag', 'scale', 'cache', 'lsp', 'cdk-synth', 'linear-parse'] as const;
type SetName = (typeof SETS)[number];

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    bin: { type: 'string', default: 'bin/kmslint.js' },
    'baseline-bin': { type: 'string' },
    json: { type: 'string', default: 'bench/results.json' },
    'save-baseline': { type: 'string' },
  },
});
const QUICK = opts.quick;
const RUNS = Number(process.env.KMSLINT_BENCH_RUNS ?? (QUICK ? 1 : 3));
const PEER_RUNS = Number(process.env.KMSLINT_BENCH_PEER_RUNS ?? 1);
const CORPUS = resolve(process.env.KMSLINT_CORPUS ?? '../shared/corpus');
const SAMPLE = Number(process.env.KMSLINT_BENCH_SAMPLE ?? (QUICK ? 30 : 300));
const SCALE = QUICK ? 0.1 : 1;
/** The scale sets take minutes a run: their own count (KMSLINT_BENCH_SCALE_RUNS, default RUNS). */
const SCALE_RUNS = Number(process.env.KMSLINT_BENCH_SCALE_RUNS ?? RUNS);
const BIN = resolve(opts.bin);
const BASE_BIN = opts['baseline-bin'] ? resolve(opts['baseline-bin']) : undefined;
const only = new Set((opts.only ?? SETS.join(',')).split(',').map((s) => s.trim()));
for (const s of only) if (!SETS.includes(s as SetName)) throw new Error(`bench: unknown set ${s} (sets: ${SETS.join(', ')})`);

for (const bin of [BIN, BASE_BIN]) if (bin && !existsSync(bin)) throw new Error(`bench: ${bin} not found (npm run build?)`);
if (!existsSync(CORPUS)) throw new Error(`bench: ${CORPUS} not found`);

// ---- figures ----------------------------------------------------------------------------------------

interface Figure {
  name: string;
  value: number | null;
  unit: '×' | 'ms' | 'MiB' | 's';
  /** e.g. "≤ 1.3×"; empty for an informative figure. */
  target: string;
  met: boolean | null;
  note?: string;
}

interface SetResult {
  title: string;
  measurements: Measurement[];
  figures: Figure[];
  notes: string[];
  skipped?: string;
}

const results: Partial<Record<SetName, SetResult>> = {};
const scratch = mkdtempSync(join(tmpdir(), 'kmslint-bench-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || b === 0 ? null : a / b);
/** a − b, undefined when a is (CPU is n/a without GNU time). */
const minus = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : a - b);
function atMost(name: string, value: number | null, limit: number, unit: Figure['unit'] = '×', note?: string): Figure {
  return { name, value, unit, target: `≤ ${limit}${unit === '×' ? '×' : ` ${unit}`}`, met: value === null ? null : value <= limit, ...(note ? { note } : {}) };
}
function atLeast(name: string, value: number | null, limit: number, note?: string): Figure {
  return { name, value, unit: '×', target: `≥ ${limit}×`, met: value === null ? null : value >= limit, ...(note ? { note } : {}) };
}
function info(name: string, value: number | null, unit: Figure['unit'] = '×', note?: string): Figure {
  return { name, value, unit, target: '', met: null, ...(note ? { note } : {}) };
}

const kmslint = (bin: string, label: string, args: string[], extra: Partial<Command> = {}): Command => ({ label, cmd: process.execPath, args: [bin, ...args], ...extra });
/** The measured kmslint and, with --baseline-bin, the same command on the baseline build. */
function kmslintPair(label: string, args: string[], extra: Partial<Command> = {}): [Command] | [Command, Command] {
  const measured = kmslint(BIN, label, args, extra);
  return BASE_BIN ? [measured, kmslint(BASE_BIN, `${label} (baseline)`, args, extra)] : [measured];
}
/** kmslint ÷ baseline for wall and CPU, informative unless a target is given. */
function baselineFigures(current: Measurement | undefined, base: Measurement | undefined): Figure[] {
  if (!current || !base) return [];
  return [info('wall ÷ baseline-bin wall (same run)', ratio(current.wallMs, base.wallMs)), info('CPU ÷ baseline-bin CPU (same run)', ratio(current.cpuMs, base.cpuMs))];
}

/** V8 flag that runs its optimising compiler on the main thread instead of a helper thread. */
const COMPILE_ON_MAIN = '--no-concurrent-recompilation';

/**
 * Node flag that cuts its pool of V8 helper threads (default four) to one, as the GitHub Action
 * starts kmslint on two cores or fewer (action/run.sh): there, four helpers take the main thread's core.
 */
const ONE_HELPER_THREAD = '--v8-pool-size=1';

/** `c` (a node command) run with a Node or V8 flag before its script, under `label`. */
const withNodeFlag = (c: Command, flag: string, label: string): Command => ({ ...c, label, args: [flag, ...c.args] });

/** Bare Node's start and exit: the floor of any run of a Node program. */
const BARE_NODE: Command = { label: 'node -e 0', cmd: process.execPath, args: ['-e', '0'] };

/** Each command's measurement, found by the command rather than by its place (which --baseline-bin shifts). */
function measurementOf(commands: Command[], ms: Measurement[]): { (c: Command): Measurement; (c: Command | undefined): Measurement | undefined } {
  function of(c: Command): Measurement;
  function of(c: Command | undefined): Measurement | undefined;
  function of(c: Command | undefined): Measurement | undefined {
    return c ? ms[commands.indexOf(c)] : undefined;
  }
  return of;
}

function hasCommand(cmd: string, args: string[]): string | undefined {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.status === 0 ? (r.stdout || r.stderr).trim() : undefined;
}
const cfnLintVersion = hasCommand('cfn-lint', ['--version']);

/** Counts the inputs a lint run reports (one extra, untimed run with the JSON report). */
function inputsOf(bin: string, args: string[]): number | undefined {
  const out = join(scratch, 'report.json');
  runOnce(kmslint(bin, 'count', ['--no-config', '--format', 'json', ...args]), out);
  try {
    return (JSON.parse(readFileSync(out, 'utf8')) as { summary?: { inputs?: number } }).summary?.inputs;
  } catch {
    return undefined;
  } finally {
    rmSync(out, { force: true });
  }
}

/** Saved "today" figures (bench/baseline.json), keyed by set and measurement label. */
interface SavedBaseline {
  date: string;
  commit: string;
  note: string;
  runs: number;
  measurements: Record<string, Measurement>;
}
const savedBaselinePath = 'bench/baseline.json';
const saved: SavedBaseline | undefined = existsSync(savedBaselinePath) ? (JSON.parse(readFileSync(savedBaselinePath, 'utf8')) as SavedBaseline) : undefined;

// ---- sets -------------------------------------------------------------------------------------------

const cfnFiles = globSync('cloudformation/**/*.{yaml,yml,json,template}', { cwd: CORPUS }).sort();

/** The measured build's two parsers, bundled as its command line bundles them (for the floor). */
const floorParsers = join(scratch, 'parsers.mjs');
if (only.has('corpus') || only.has('cfn300')) await bundleParsers(join(dirname(BIN), '..', 'dist'), floorParsers);

/**
 * The parse-only floor over `paths` (bench/parse-only.ts, types stripped by esbuild so no
 * TypeScript loader is in its time, with the measured build's parsers).
 */
function floorCommand(label: string, paths: string[]): Command {
  const script = join(scratch, 'parse-only.mjs');
  if (!existsSync(script)) writeFileSync(script, transformSync(readFileSync('bench/parse-only.ts', 'utf8'), { loader: 'ts', format: 'esm' }).code);
  return { label, cmd: process.execPath, args: [script, '--parsers', floorParsers, ...paths] };
}

function corpusSet(): SetResult {
  const paths = [join(CORPUS, 'cloudformation'), join(CORPUS, 'cdk')];
  const floorOut = join(scratch, 'floor.json');
  runOnce(floorCommand('floor count', paths), floorOut);
  const floorCount = JSON.parse(readFileSync(floorOut, 'utf8')) as { files: number; inputs: number; bytes: number };
  const inputs = inputsOf(BIN, paths);
  const pair = kmslintPair('kmslint lint (json report)', ['--no-config', '--format', 'json', ...paths]);
  const [lint, baseLint] = pair;
  // The default beside two threads forced: what a worker pool gives on this machine (auto uses
  // none below three cores).
  const twoThreads = kmslint(BIN, 'kmslint lint, --concurrency 2', ['--no-config', '--format', 'json', '--concurrency', '2', ...paths]);
  const floorRun = floorCommand('parse-only floor', paths);
  // V8 optimises on a helper thread, so its compiling is CPU but not wall. With compiles on the
  // main thread (--no-concurrent-recompilation) the wall grows by about their time: how much of
  // the CPU gap to the floor is the optimising compiler rather than kmslint's own work.
  const onMainThread = (c: Command, name: string) => withNodeFlag(c, COMPILE_ON_MAIN, `${name}, compiles on main thread`);
  const [lintCompiling, floorCompiling] = [onMainThread(lint, 'kmslint'), onMainThread(floorRun, 'floor')];
  const oneHelper = withNodeFlag(lint, ONE_HELPER_THREAD, `kmslint lint, ${ONE_HELPER_THREAD}`);
  const commands = [...pair, twoThreads, oneHelper, floorRun, lintCompiling, floorCompiling];
  const of = measurementOf(commands, interleaved(commands, RUNS));
  const [k, base, pooled, helper, floor] = [of(lint), of(baseLint), of(twoThreads), of(oneHelper), of(floorRun)];
  const compiling = (slow: Measurement, fast: Measurement) => Math.max(0, slow.wallMs - fast.wallMs);
  const [kCompile, floorCompile] = [compiling(of(lintCompiling), k), compiling(of(floorCompiling), floor)];
  const figures: Figure[] = [atMost('kmslint CPU ÷ parse-only CPU', ratio(k.cpuMs, floor.cpuMs), 1.3)];
  const today = saved?.measurements[`corpus/${k.label}`];
  figures.push(atMost(`wall ÷ today's wall (bench/baseline.json: ${saved ? `${saved.commit}, ${saved.date.slice(0, 10)}` : 'none saved'})`, ratio(k.wallMs, today?.wallMs), 0.6));
  if (base) figures.push(atMost('wall ÷ baseline-bin wall (same run)', ratio(k.wallMs, base.wallMs), 0.6), info('CPU ÷ baseline-bin CPU (same run)', ratio(k.cpuMs, base.cpuMs)));
  figures.push(info('two threads (--concurrency 2) wall ÷ default wall', ratio(pooled.wallMs, k.wallMs)), info('two threads CPU ÷ parse-only CPU', ratio(pooled.cpuMs, floor.cpuMs)));
  figures.push(info('one V8 helper thread wall ÷ default wall', ratio(helper.wallMs, k.wallMs)), info('one V8 helper thread CPU ÷ default CPU', ratio(helper.cpuMs, k.cpuMs)));
  if (base) figures.push(info('one V8 helper thread wall ÷ baseline-bin wall (same run)', ratio(helper.wallMs, base.wallMs)));
  figures.push(info('kmslint peak RSS', k.rssMiB ?? null, 'MiB'));
  figures.push(
    info('V8 optimising compiler, kmslint', kCompile, 'ms'),
    info('V8 optimising compiler, parse-only floor', floorCompile, 'ms'),
    info("compiler's share of kmslint's CPU over the floor's", ratio(kCompile - floorCompile, minus(k.cpuMs, floor.cpuMs))),
    info('kmslint CPU ÷ floor CPU, compiling out of both', ratio(minus(k.cpuMs, kCompile), minus(floor.cpuMs, floorCompile))),
  );
  return {
    title: `whole CFN + CDK corpus (${inputs ?? '?'} inputs kmslint reports; floor parses ${floorCount.files} files, ${(floorCount.bytes / 2 ** 20).toFixed(1)} MiB)`,
    measurements: [withInputs(k, inputs), ...(base ? [withInputs(base, inputs)] : []), withInputs(pooled, inputs), withInputs(helper, inputs), withInputs(floor, inputs), withInputs(of(lintCompiling), inputs), withInputs(of(floorCompiling), inputs)],
    figures,
    notes: [
      'parse-only: bench/parse-only.ts — parseYamlDocument / parseJsonDocument of the same build over the same files, nothing else',
      `V8 optimising compiler: wall with node ${COMPILE_ON_MAIN} (compiles on the main thread, not a helper) − wall; an estimate, a little low (optimised code then arrives sooner)`,
    ],
  };
}

/** An even spread over the corpus, not its first files (as the issue's measurement took it). */
function corpusSample(n: number): string[] {
  const step = Math.max(1, Math.floor(cfnFiles.length / n));
  return cfnFiles.filter((_, i) => i % step === 0).slice(0, n).map((p) => join(CORPUS, p));
}

function cfn300Set(): SetResult {
  const sample = corpusSample(SAMPLE);
  const inputs = sample.length;
  const empty = join(scratch, 'no-templates');
  mkdirSync(empty, { recursive: true });
  // What parsing alone costs one thread: the floor over the sample less the floor over no file (its
  // own start and module loading), with bare Node's start added back: about the soonest a run that
  // parses the sample with these parsers on one thread can end. About: the floor compiles the parser
  // from source as it goes, where kmslint loads it from its code cache (at most the ~25 ms that
  // compiling costs a one-file run), so a small sample can beat it.
  const pair = kmslintPair(`kmslint on ${inputs} templates`, ['--no-config', '--format', 'json', ...sample]);
  const [lint, baseLint] = pair;
  const twoThreads = kmslint(BIN, `kmslint on ${inputs} templates, --concurrency 2`, ['--no-config', '--format', 'json', '--concurrency', '2', ...sample]);
  const floorRun = floorCommand(`parse-only floor on ${inputs} templates`, sample);
  const floorStartRun = floorCommand('parse-only floor on no file', [empty]);
  const cfnLint: Command | undefined = cfnLintVersion ? { label: `cfn-lint on ${inputs} templates`, cmd: 'cfn-lint', args: ['--', ...sample], runs: PEER_RUNS } : undefined;
  const oneHelper = withNodeFlag(lint, ONE_HELPER_THREAD, `${lint.label}, ${ONE_HELPER_THREAD}`);
  const commands = [...pair, twoThreads, oneHelper, floorRun, floorStartRun, BARE_NODE, ...(cfnLint ? [cfnLint] : [])];
  // cfn-lint exits with a bit mask of what it found (2 error, 4 warning, 8 informational).
  const ms = interleaved(commands, RUNS, (s) => s !== null && s < 16);
  const of = measurementOf(commands, ms);
  const [k, base, pooled, helper, floor, floorStart, node, cfn] = [of(lint), of(baseLint), of(twoThreads), of(oneHelper), of(floorRun), of(floorStartRun), of(BARE_NODE), of(cfnLint)];
  const parseAlone = floor.wallMs - floorStart.wallMs;
  return {
    title: `${inputs} corpus CloudFormation templates`,
    measurements: ms.map((m) => withInputs(m, inputs)),
    figures: [
      atLeast('cfn-lint wall ÷ kmslint wall', ratio(cfn?.wallMs, k.wallMs), 60, cfn ? undefined : 'cfn-lint not installed'),
      info('cfn-lint CPU ÷ kmslint CPU', ratio(cfn?.cpuMs, k.cpuMs)),
      info('cfn-lint wall ÷ kmslint wall, two threads (--concurrency 2)', ratio(cfn?.wallMs, pooled.wallMs)),
      info('cfn-lint wall ÷ kmslint wall, one V8 helper thread', ratio(cfn?.wallMs, helper.wallMs)),
      info('parsing alone, one thread (floor − floor on no file)', parseAlone, 'ms'),
      info('cfn-lint wall ÷ (parsing alone + node -e 0): about the most a one-thread run can reach', ratio(cfn?.wallMs, parseAlone + node.wallMs), '×', cfn ? undefined : 'cfn-lint not installed'),
      info('kmslint wall ÷ (parsing alone + node -e 0)', ratio(k.wallMs, parseAlone + node.wallMs)),
      ...baselineFigures(k, base),
    ],
    notes: [cfnLintVersion ? `${cfnLintVersion}, ${PEER_RUNS} run(s) (KMSLINT_BENCH_PEER_RUNS)` : 'cfn-lint: not installed (pip install cfn-lint)'],
  };
}

/** A small real template: the corpus file nearest to 2 KiB among the sample. */
function smallTemplate(): string {
  const sample = corpusSample(300);
  return sample.map((f) => ({ f, d: Math.abs(statSync(f).size - 2048) })).sort((a, b) => a.d - b.d)[0].f;
}

function singleSet(): SetResult {
  const file = smallTemplate();
  const rounds = Math.max(RUNS, QUICK ? 3 : 7);
  // The pre-commit hook's command line (.pre-commit-hooks.yaml), config discovery included.
  const args = ['--ignore-unknown', '--allow-empty', file];
  const pair = kmslintPair('kmslint, one template', args);
  const [lint, baseLint] = pair;
  const cfnLint: Command | undefined = cfnLintVersion ? { label: 'cfn-lint, one template', cmd: 'cfn-lint', args: ['--', file], runs: Math.min(rounds, 3) } : undefined;
  const commands = [...pair, BARE_NODE, ...(cfnLint ? [cfnLint] : [])];
  // One untimed round first: the first start of a process reads its files from disk.
  for (const c of commands) runOnce(c);
  const ms = interleaved(commands, rounds, (s) => s !== null && s < 16);
  const of = measurementOf(commands, ms);
  const [k, base, node, cfn] = [of(lint), of(baseLint), of(BARE_NODE), of(cfnLint)];
  return {
    title: `one small template, process start to exit (${file.slice(CORPUS.length + 1)}, ${statSync(file).size} B)`,
    measurements: ms,
    figures: [
      atMost('kmslint wall ÷ node -e 0 wall', ratio(k.wallMs, node.wallMs), 1.6),
      atLeast('cfn-lint wall ÷ kmslint wall', ratio(cfn?.wallMs, k.wallMs), 15, cfn ? undefined : 'cfn-lint not installed'),
      ...baselineFigures(k, base),
    ],
    notes: [`kmslint ${args.slice(0, 2).join(' ')} <file> (the pre-commit hook's entry), ${rounds} rounds after one untimed warm-up`],
  };
}

function cdkNagSet(): SetResult {
  let why = 'cdk-nag is not installed (not a dependency of kmslint); the previous bench (git log -p bench/) never had this case — the issue\'s figure came from a one-off run through CfnInclude';
  try {
    createRequire(import.meta.url).resolve('cdk-nag');
    why = 'cdk-nag is installed, but this case (20 AWS Solutions templates through CfnInclude) is not implemented yet';
  } catch {
    // Not installed: the reason above stands.
  }
  return { title: '20 templates, AWS Solutions pack vs cdk-nag', measurements: [], figures: [info('cdk-nag ÷ kmslint wall', null, '×', why)], notes: [], skipped: why };
}

interface ScalePair {
  name: string;
  small: string;
  large: string;
  smallLabel: string;
  largeLabel: string;
  rssLimitMiB?: number;
}

function scaleSet(): SetResult {
  const dir = join(scratch, 'scale');
  mkdirSync(dir);
  const n = (x: number) => Math.round(x * SCALE);
  const sizes: string[] = [];
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  const pairs: ScalePair[] = [];
  {
    const [a, b] = [join(dir, `cfn-${n(5000)}.yaml`), join(dir, `cfn-${n(10000)}.yaml`)];
    sizes.push(`CloudFormation YAML ${n(10000)} resources ${mib(writeCloudFormationTemplate(b, n(10000)))}, ${n(5000)}: ${mib(writeCloudFormationTemplate(a, n(5000)))}`);
    pairs.push({ name: 'template', small: a, large: b, smallLabel: `${n(5000)}-resource template`, largeLabel: `${n(10000)}-resource template` });
  }
  {
    const [a, b] = [join(dir, `mono-${n(2500)}`), join(dir, `mono-${n(5000)}`)];
    sizes.push(`monorepo ${n(5000)} templates ${mib(writeMonorepo(b, n(5000)))}, ${n(2500)}: ${mib(writeMonorepo(a, n(2500)))}`);
    pairs.push({ name: 'monorepo', small: a, large: b, smallLabel: `${n(2500)}-template monorepo`, largeLabel: `${n(5000)}-template monorepo` });
  }
  {
    const [a, b] = [join(dir, `plan-${n(10000)}.json`), join(dir, `plan-${n(20000)}.json`)];
    sizes.push(`Terraform plan ${n(20000)} resources ${mib(writeTerraformPlan(b, n(20000)))}, ${n(10000)}: ${mib(writeTerraformPlan(a, n(10000)))}`);
    pairs.push({ name: 'plan', small: a, large: b, smallLabel: `${n(10000)}-resource plan`, largeLabel: `${n(20000)}-resource plan`, rssLimitMiB: QUICK ? undefined : 250 });
  }
  const measurements: Measurement[] = [];
  const figures: Figure[] = [];
  const args = (p: string) => ['--no-config', '--format', 'json', p];
  for (const p of pairs) {
    const ms = interleaved([...kmslintPair(p.smallLabel, args(p.small)), ...kmslintPair(p.largeLabel, args(p.large))], SCALE_RUNS);
    const [small, large] = BASE_BIN ? [ms[0], ms[2]] : [ms[0], ms[1]];
    measurements.push(...ms);
    figures.push(
      atMost(`${p.name}: CPU ×2 input`, ratio(large.cpuMs, small.cpuMs), 2.1),
      atMost(`${p.name}: peak RSS ×2 input`, ratio(large.rssMiB, small.rssMiB), 2.1),
      info(`${p.name}: wall ×2 input`, ratio(large.wallMs, small.wallMs)),
    );
    if (p.rssLimitMiB) figures.push(atMost(`${p.largeLabel}: peak RSS`, large.rssMiB ?? null, p.rssLimitMiB, 'MiB'));
    if (BASE_BIN) figures.push(...baselineFigures(large, ms[3]).map((f) => ({ ...f, name: `${p.largeLabel}: ${f.name}` })));
    rmSync(p.small, { recursive: true, force: true });
  }
  // The largest: must run to the end (JSON: 100,000 resources in YAML pass kmslint's 16 MiB YAML cap).
  const huge = join(dir, `cfn-${n(100000)}.json`);
  sizes.push(`CloudFormation JSON ${n(100000)} resources ${mib(writeCloudFormationTemplate(huge, n(100000)))}`);
  const hugeLimit = Number(process.env.KMSLINT_BENCH_HUGE_TIMEOUT ?? 1200) * 1000;
  const [h, hb] = interleaved(kmslintPair(`${n(100000)}-resource template`, args(huge), { timeoutMs: hugeLimit }), 1);
  measurements.push(h, ...(hb ? [hb] : []));
  figures.push({ name: `${n(100000)}-resource template runs to the end`, value: h.wallMs / 1000, unit: 's', target: 'completes', met: !h.failed, note: `${h.rssMiB?.toFixed(0) ?? '?'} MiB peak RSS${h.failed ? `; ${h.failed}` : ''}` });
  rmSync(dir, { recursive: true, force: true });
  return { title: `generated scale sets${QUICK ? ' (--quick: a tenth of the sizes)' : ''}, medians of ${SCALE_RUNS} run(s)`, measurements, figures, notes: sizes };
}

function cacheSet(): SetResult {
  const help = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' }).stdout ?? '';
  if (!/--cache\b/.test(help)) {
    const why = 'this build has no --cache option (kmslint --help)';
    return { title: 'warm --cache vs cold, corpus', measurements: [], figures: [atMost('warm ÷ cold wall', null, 0.25, '×', why)], notes: [], skipped: why };
  }
  const location = join(scratch, 'cache');
  const clear = () => rmSync(location, { recursive: true, force: true });
  const paths = [join(CORPUS, 'cloudformation'), join(CORPUS, 'cdk')];
  const args = ['--no-config', '--format', 'json', '--cache', '--cache-location', location, ...paths];
  // Cold then warm in every round: the cold run clears the cache first and fills it for the warm one.
  const [cold, warm] = interleaved([kmslint(BIN, 'cold (empty cache)', args, { before: clear }), kmslint(BIN, 'warm (unchanged corpus)', args)], RUNS);
  clear();
  return {
    title: 'warm --cache vs cold over the CFN + CDK corpus',
    measurements: [cold, warm],
    figures: [atMost('warm ÷ cold wall', ratio(warm.wallMs, cold.wallMs), 0.25), info('warm ÷ cold CPU', ratio(warm.cpuMs, cold.cpuMs))],
    notes: ['each round clears the cache before the cold run; a reversed round runs warm on the cache the previous round left'],
  };
}

async function lspSet(): Promise<SetResult> {
  const largest = cfnFiles.map((f) => join(CORPUS, f)).map((f) => ({ f, size: statSync(f).size })).sort((a, b) => b.size - a.size)[0].f;
  const edits = QUICK ? 5 : 20;
  const figures: Figure[] = [];
  const measurements: Measurement[] = [];
  const notes: string[] = [];
  for (const [bin, suffix] of [[BIN, ''], ...(BASE_BIN ? [[BASE_BIN, ' (baseline)']] : [])] as [string, string][]) {
    try {
      const r = await lspRelint(bin, largest, edits);
      measurements.push({ label: `didChange → publishDiagnostics${suffix}`, runs: edits, wallMs: r.latencyMs, ...(r.serverCpuPerEditMs !== undefined ? { cpuMs: r.serverCpuPerEditMs } : {}), ...(r.rssMiB !== undefined ? { rssMiB: r.rssMiB } : {}), statuses: [] });
      if (!suffix) figures.push(atMost('re-lint after a change (latency − debounce)', r.relintMs, 50, 'ms'), info('server CPU per edit', r.serverCpuPerEditMs ?? null, 'ms'));
      else figures.push(info('baseline re-lint (latency − debounce)', r.relintMs, 'ms'));
      notes.push(`${suffix ? 'baseline: ' : ''}${r.edits} edits, median ${r.latencyMs.toFixed(0)} ms (min ${r.minMs.toFixed(0)}, max ${r.maxMs.toFixed(0)}) including the ${r.debounceMs} ms debounce`);
    } catch (err) {
      figures.push(atMost(`re-lint after a change${suffix}`, null, 50, 'ms', (err as Error).message.slice(0, 200)));
    }
  }
  return { title: `editor server, largest corpus template (${largest.slice(CORPUS.length + 1)}, ${(statSync(largest).size / 1024).toFixed(0)} KiB)`, measurements, figures, notes };
}

async function cdkSynthSet(): Promise<SetResult> {
  // In-process (CDK from the TypeScript sources), as before this bench grew: the Aspect's own cost.
  const { cdkSynthTimes } = await import('./cdk-synth.js');
  const t = cdkSynthTimes(RUNS);
  return {
    title: 'CDK synth of a 100-resource app, with and without the KmsLintAspect (in process)',
    measurements: [
      { label: 'synth without the Aspect', runs: RUNS, wallMs: t.withoutMs, statuses: [] },
      { label: 'synth with the Aspect', runs: RUNS, wallMs: t.withMs, statuses: [] },
    ],
    figures: [info('with ÷ without', ratio(t.withMs, t.withoutMs))],
    notes: [],
  };
}

async function linearParseSet(): Promise<SetResult> {
  const { MAX_RATIO, linearParseCases } = await import('./linear-parse.js');
  const keys = Number(process.env.KMSLINT_BENCH_LINEAR_KEYS ?? (QUICK ? 5_000 : 50_000));
  const cases = linearParseCases(keys, RUNS);
  return {
    title: 'parsing one wide mapping (CPU of the parse alone)',
    measurements: cases.flatMap((c) => [
      { label: `${c.name}: small`, runs: RUNS, wallMs: c.smallMs, cpuMs: c.smallMs, statuses: [] },
      { label: `${c.name}: large`, runs: RUNS, wallMs: c.largeMs, cpuMs: c.largeMs, statuses: [] },
    ]),
    figures: cases.map((c) => atMost(`${c.name}: CPU ×2 keys`, c.ratio, MAX_RATIO)),
    notes: ['bench/linear-parse.ts (speed-parse), dist/src/inputs/load.js of this checkout'],
  };
}

// ---- output -----------------------------------------------------------------------------------------

const fmtMs = (ms: number | undefined) => (ms === undefined ? 'n/a' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
function fmtValue(f: Figure): string {
  if (f.value === null) return 'n/a';
  if (f.unit === '×') return `${f.value.toFixed(2)}×`;
  if (f.unit === 's') return `${f.value.toFixed(1)} s`;
  return `${f.value.toFixed(f.unit === 'ms' && f.value < 10 ? 1 : 0)} ${f.unit}`;
}

function print(name: SetName, r: SetResult): void {
  console.log(`\n## ${name}: ${r.title}`);
  if (r.measurements.length) {
    console.log(`${'run'.padEnd(44)}${'wall'.padStart(10)}${'CPU'.padStart(10)}${'RSS'.padStart(10)}${'inputs/s'.padStart(10)}  runs`);
    for (const m of r.measurements) {
      const rss = m.rssMiB === undefined ? 'n/a' : `${m.rssMiB.toFixed(0)} MiB`;
      const ips = m.inputsPerSecond === undefined ? '' : m.inputsPerSecond.toFixed(0);
      console.log(`${m.label.slice(0, 43).padEnd(44)}${fmtMs(m.wallMs).padStart(10)}${fmtMs(m.cpuMs).padStart(10)}${rss.padStart(10)}${ips.padStart(10)}  ${m.runs}${m.failed ? `  FAILED ${m.failed}` : ''}`);
    }
  }
  console.log(`${'figure'.padEnd(64)}${'value'.padStart(10)}${'target'.padStart(12)}  met?`);
  for (const f of r.figures) {
    const met = f.met === null ? (f.target ? 'n/a' : '') : f.met ? 'yes' : 'NO';
    console.log(`${f.name.padEnd(64)}${fmtValue(f).padStart(10)}${f.target.padStart(12)}  ${met}${f.note ? `  (${f.note})` : ''}`);
  }
  for (const n of r.notes) console.log(`  · ${n}`);
}

function git(args: string[], cwd: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '?';
  }
}
const describe = (bin: string) => {
  const root = join(dirname(bin), '..');
  const commit = git(['rev-parse', '--short', 'HEAD'], root);
  const dirty = git(['status', '--porcelain', '--untracked-files=no'], root);
  return `${commit}${dirty && dirty !== '?' ? ' + working-tree changes' : ''}`;
};

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const startLoad = load();
console.log(`kmslint bench — ${new Date().toISOString()}, node ${process.version}, ${cpus().length} CPUs, load ${startLoad}`);
console.log(`bin ${BIN} (${describe(BIN)})${BASE_BIN ? `; baseline ${BASE_BIN} (${describe(BASE_BIN)})` : ''}`);
console.log(`medians of ${RUNS} interleaved run(s)${QUICK ? ' (--quick)' : ''}; CPU = user + system of the child${gnuTimeAvailable ? '' : ' (n/a: no /usr/bin/time)'}; a shared machine is noisy: read the ratios`);

const runners: Record<SetName, () => SetResult | Promise<SetResult>> = {
  corpus: corpusSet,
  cfn300: cfn300Set,
  single: singleSet,
  'cdk-nag': cdkNagSet,
  scale: scaleSet,
  cache: cacheSet,
  lsp: lspSet,
  'cdk-synth': cdkSynthSet,
  'linear-parse': linearParseSet,
};
for (const name of SETS) {
  if (!only.has(name)) continue;
  try {
    results[name] = await runners[name]();
  } catch (err) {
    results[name] = { title: name, measurements: [], figures: [], notes: [], skipped: `failed: ${(err as Error).message.slice(0, 300)}` };
  }
  const r = results[name];
  if (r.skipped && !r.figures.length) console.log(`\n## ${name}: ${r.title}\n  n/a: ${r.skipped}`);
  else print(name, r);
}

const missed = Object.values(results).flatMap((r) => r.figures.filter((f) => f.met === false).map((f) => f.name));
console.log(`\nload average at start ${startLoad}, at end ${load()}; targets missed: ${missed.length ? missed.join('; ') : 'none'}`);

const report = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  load: { start: startLoad, end: load() },
  runs: RUNS,
  quick: QUICK,
  bin: { path: BIN, commit: describe(BIN) },
  ...(BASE_BIN ? { baselineBin: { path: BASE_BIN, commit: describe(BASE_BIN) } } : {}),
  cfnLint: cfnLintVersion ?? null,
  sets: results,
};
mkdirSync(dirname(resolve(opts.json)), { recursive: true });
writeFileSync(opts.json, JSON.stringify(report, null, 2) + '\n');
console.log(`results: ${opts.json}`);

if (opts['save-baseline']) {
  const measurements: Record<string, Measurement> = {};
  // With --baseline-bin, "today" is that build (the older commit); otherwise the measured one.
  const todayBin = BASE_BIN ?? BIN;
  for (const [name, r] of Object.entries(results)) {
    for (const m of r.measurements) {
      const isBase = m.label.endsWith(' (baseline)');
      if (BASE_BIN ? isBase : !isBase) measurements[`${name}/${m.label.replace(/ \(baseline\)$/, '')}`] = { ...m, label: m.label.replace(/ \(baseline\)$/, '') };
    }
  }
  const out: SavedBaseline = {
    date: report.date,
    commit: describe(todayBin),
    note: `kmslint at ${describe(todayBin)} (${todayBin}), ${RUNS} interleaved runs, load ${startLoad} → ${load()} on a shared ${cpus().length}-CPU machine`,
    runs: RUNS,
    measurements,
  };
  writeFileSync(opts['save-baseline'], JSON.stringify(out, null, 2) + '\n');
  console.log(`"today" figures: ${opts['save-baseline']}`);
}
