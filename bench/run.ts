// `npm run bench`: kmslint beside cfn-lint on the same real templates, in one run, as ratios.
// The machine is shared and noisy: each figure is the median of several runs, and what matters is
// the ratio, not a lone time. Needs a build (`npm run build`) and ../shared/corpus.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { MAX_RATIO, linearParseCases } from './linear-parse.js';
import { cdkSynthTimes } from './cdk-synth.js';

const CORPUS = process.env.KMSLINT_CORPUS ?? '../shared/corpus';
const SAMPLE = Number(process.env.KMSLINT_BENCH_SAMPLE ?? 300);
const RUNS = Number(process.env.KMSLINT_BENCH_RUNS ?? 3);
const BIN = 'bin/kmslint.js';

if (!existsSync(CORPUS)) throw new Error(`bench: ${CORPUS} not found`);
if (!existsSync('dist/src/cli/run.js')) throw new Error('bench: run `npm run build` first');

function time(cmd: string, args: string[]): { ms: number; status: number | null } {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, status: r.status };
}

function median(cmd: string, args: string[], runs = RUNS): number {
  const t = Array.from({ length: runs }, () => time(cmd, args).ms).sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)];
}

function hasCfnLint(): boolean {
  return spawnSync('cfn-lint', ['--version'], { stdio: 'ignore' }).status === 0;
}

const all = globSync('cloudformation/**/*.{yaml,yml,json,template}', { cwd: CORPUS }).sort();
// An even spread over the corpus, not its first files.
const step = Math.max(1, Math.floor(all.length / SAMPLE));
const sample = all.filter((_, i) => i % step === 0).slice(0, SAMPLE).map((p) => join(CORPUS, p));

const rows: [string, number, number | undefined][] = [];
const kmsSingle = median('node', [BIN, 'keys', '--no-config', sample[0]]);
const kmsSample = median('node', [BIN, '--no-config', '--format', 'json', ...sample]);
const kmsKeysAll = median('node', [BIN, 'keys', '--no-config', '--format', 'json', join(CORPUS, 'cloudformation'), join(CORPUS, 'cdk')]);
let cfnSingle: number | undefined;
let cfnSample: number | undefined;
if (hasCfnLint()) {
  cfnSingle = median('cfn-lint', [sample[0]]);
  cfnSample = median('cfn-lint', sample, 1);
}
rows.push(['one template (start-up included)', kmsSingle, cfnSingle]);
rows.push([`${sample.length} corpus templates`, kmsSample, cfnSample]);

const fmt = (ms: number | undefined) => (ms === undefined ? 'n/a' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
console.log(`kmslint vs cfn-lint (median of ${RUNS} for kmslint, 1 for cfn-lint on the sample)\n`);
console.log('case'.padEnd(36) + 'kmslint'.padStart(12) + 'cfn-lint'.padStart(12) + 'ratio'.padStart(10));
for (const [name, k, c] of rows) {
  console.log(name.padEnd(36) + fmt(k).padStart(12) + fmt(c).padStart(12) + (c ? `${(c / k).toFixed(1)}×`.padStart(10) : ''.padStart(10)));
}
console.log(`\nkmslint keys over the whole corpus (${all.length} CloudFormation files + every CDK assembly): ${fmt(kmsKeysAll)}`);

// The CDK Aspect's cost inside synthesis (issue 10): the same app with and without it.
const synth = cdkSynthTimes(RUNS);
console.log(`\nCDK synth of a 100-resource app: without the Aspect ${fmt(synth.withoutMs)}, with it ${fmt(synth.withMs)} (${(synth.withMs / synth.withoutMs).toFixed(2)}×)`);

// Hostile input (issue 8): twice the keys in one mapping must take at most MAX_RATIO times the time.
const LINEAR_KEYS = Number(process.env.KMSLINT_BENCH_LINEAR_KEYS ?? 50_000);
console.log(`\nparsing one wide mapping (CPU time of the parse, median of ${RUNS}; linear means a ratio ≤ ${MAX_RATIO})\n`);
let linear = true;
for (const c of linearParseCases(LINEAR_KEYS, RUNS)) {
  const ok = c.ratio <= MAX_RATIO;
  linear &&= ok;
  console.log(`${c.name.padEnd(42)}${fmt(c.smallMs).padStart(10)}${fmt(c.largeMs).padStart(10)}${`${c.ratio.toFixed(2)}×`.padStart(9)}  ${ok ? 'ok' : 'SUPER-LINEAR'}`);
}
if (!linear) process.exitCode = 1;
