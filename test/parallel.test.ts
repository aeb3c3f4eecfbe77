// The lint pool (src/engine/worker-pool.ts) and linting alone as files are read (load-inputs.ts,
// cached-lint.ts): whatever thread reads a file, and whether an input is linted alone or with the
// others, the run's result is the one of linting every input together, finding for finding and key
// row for key row, in the same order; a thread that dies loses nothing.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintSources } from '../src/engine/lint-sources.js';
import { discoverInputs } from '../src/inputs/discover.js';
import { poolStats, settleInPool, workerEntry } from '../src/engine/worker-pool.js';
import { settleOne, type Outcome } from '../src/engine/pool-protocol.js';
import { loadInputs, loadInputsAsync, POOL_MIN_CORES, threadsFor } from '../src/engine/load-inputs.js';
import { lintSet, type SoloPlan } from '../src/engine/cached-lint.js';
import { lint } from '../src/engine/lint.js';
import { allRules } from '../rules/index.js';
import { main } from '../src/cli/main.js';
import { formatJson } from '../src/reporters/json.js';
import { configFrom } from './helpers/lint-files.js';

/** Cross-file imports (keys.yaml → app.yaml), an import cycle, parse errors, CDK assemblies with nested stacks, SAM, Terraform. */
const MIXED = [
  'fixtures/cloudformation/unresolved-key-reference',
  'fixtures/cloudformation/duplicate-key',
  'fixtures/cloudformation/sam',
  'fixtures/hostile',
  'fixtures/cdk',
  'fixtures/terraform/implicit-aws-managed-key',
];

const plan = (withKeys = false): SoloPlan => ({ options: { config: configFrom({}) }, rules: allRules, withKeys });

/** What a run of these outcomes says: every entry, and the lint result of the inputs kept. */
function described(outcomes: readonly Outcome[]): string {
  const kept = outcomes.flatMap((o) => ('input' in o ? [o.input] : []));
  const entries = outcomes.map((o, n) => ('entry' in o ? { n, entry: o.entry } : { n, kept: o.input.path }));
  return JSON.stringify({ entries, joint: lint(kept, { config: configFrom({}) }).result });
}

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: process.cwd(), isTTY: false, env: {} });
  return { code, stdout, stderr };
}

describe('lint pool', () => {
  it('the CLI prints the same report with --concurrency off, auto and 4, and every input together', async () => {
    const args = ['lint', '--no-config', '--format', 'json', ...MIXED];
    const off = await cli([...args, '--concurrency', 'off']);
    // Every input loaded and linted together: the result that linting alone must reproduce.
    const together = lint(loadInputs(MIXED).inputs, { config: configFrom({}), cwd: process.cwd() }).result;
    expect(off.stdout).toBe(formatJson(together));
    // The set has what crosses inputs and threads: an import between files, parse errors, Terraform.
    expect(together.findings.some((f) => f.ruleId === 'parse-error')).toBe(true);
    expect(together.inputs.some((i) => i.format === 'terraform-config')).toBe(true);
    for (const concurrency of ['auto', '4']) {
      const run = await cli([...args, '--concurrency', concurrency]);
      expect(run).toEqual(off);
    }
    expect(off.code).toBe(2);
  });

  it('lintSources gives the one-thread result and key rows with workers, linked inputs with the others', async () => {
    const one = await lintSources({ paths: MIXED, noConfig: true, concurrency: 'off' });
    const pooled = await lintSources({ paths: MIXED, noConfig: true, concurrency: 3 });
    expect(one.keys.find((k) => k.file.endsWith('rebuilt-key-arn/app.yaml') && k.id === 'OrdersTable')?.key).toEqual({ kind: 'customer-managed', keyRef: 'TableKey' });
    expect(JSON.stringify(pooled.result)).toBe(JSON.stringify(one.result));
    expect(JSON.stringify(pooled.keys)).toBe(JSON.stringify(one.keys));
    // Only the inputs linked to others (the export and its import, Terraform modules) are in the joint analysis.
    const joint = new Set(pooled.analysis.templates.map((t) => t.doc.file));
    expect([...joint].filter((f) => f.includes('rebuilt-key-arn/')).sort()).toEqual(['fixtures/cloudformation/unresolved-key-reference/rebuilt-key-arn/app.yaml', 'fixtures/cloudformation/unresolved-key-reference/rebuilt-key-arn/keys.yaml']);
    expect([...joint].some((f) => f.endsWith('.template.json'))).toBe(false);
  });

  it('loading with a solo plan settles the unlinked inputs and keeps the rest, in discovery order', async () => {
    const set = await loadInputsAsync(MIXED, { concurrency: 'off', solo: plan() });
    const all = loadInputs(MIXED).inputs.map((i) => i.path);
    const settled = (set.settled ?? []).map((s) => [s.at, s.path] as const);
    expect(settled.map(([at]) => at)).toEqual([...settled.map(([at]) => at)].sort((a, b) => a - b));
    for (const [at, path] of settled) expect(all[at]).toBe(path);
    expect(set.inputs.map((i) => i.path)).toEqual(all.filter((_, at) => !settled.some(([s]) => s === at)));
    expect(set.inputs.map((i) => i.path)).toContain('fixtures/cloudformation/unresolved-key-reference/rebuilt-key-arn/keys.yaml');
    expect(set.inputs.every((i) => i.format === 'terraform-config' || i.templates.some((t) => /ImportValue|Export/.test(t.doc.text)))).toBe(true);
    expect(JSON.stringify(lintSet(set, plan().options).result)).toBe(JSON.stringify(lint(loadInputs(MIXED).inputs, plan().options).result));
  });

  it('gives the one-thread outcomes when workers read every file, the same on every run', async () => {
    const files = discoverInputs(MIXED).inputs;
    const serial = described(files.map((f) => settleOne({ absolute: f.absolute, path: f.path, explicit: f.explicit }, f.adapter, plan(), false)));
    const pooled = await settleInPool(files, { threads: 2, plan: plan(), mainReads: false });
    expect(poolStats.byMain).toBe(0);
    const joint = pooled.filter((o) => 'input' in o).length;
    // Workers settle every input that may be linted alone and leave the rest to this thread.
    expect(poolStats).toEqual({ byWorkers: files.length - joint, byMain: 0, redone: joint });
    expect(joint).toBeGreaterThan(0);
    expect(described(pooled)).toBe(serial);
    expect(described(await settleInPool(files, { threads: 2, plan: plan(), mainReads: false }))).toBe(serial);
  });

  it('loses no file when a worker dies mid-run: what it did not deliver is read on the main thread', async () => {
    const files = discoverInputs(MIXED).inputs;
    const serial = described(files.map((f) => settleOne({ absolute: f.absolute, path: f.path, explicit: f.explicit }, f.adapter, plan(), false)));
    const pooled = await settleInPool(files, { threads: 1, plan: plan(), crashOn: 'duplicate-key/fail-repeated-output.yaml', mainReads: false });
    expect(poolStats.byWorkers).toBeGreaterThan(0);
    expect(poolStats.redone).toBeGreaterThan(pooled.filter((o) => 'input' in o).length);
    expect(described(pooled)).toBe(serial);
  });

  it('uses a pool under auto only above its threshold, and never for off', () => {
    const few = discoverInputs(['fixtures/cloudformation/duplicate-key']).inputs;
    expect(threadsFor('auto', few)).toBe(1);
    expect(threadsFor('off', few)).toBe(1);
    expect(threadsFor(2, few)).toBe(2);
    // Many small files are not enough: a worker's start and warm-up cost more than it saves.
    const many = discoverInputs(['fixtures/cloudformation']).inputs;
    expect(many.length).toBeGreaterThan(48);
    expect(threadsFor('auto', many)).toBe(1);
    // Enough input (a directory counts as the whole threshold): a pool on four cores, none on two.
    const large = [...many.slice(0, 3), { ...many[0], absolute: resolve('fixtures/cdk'), path: 'fixtures/cdk' }];
    expect(threadsFor('auto', large, 4)).toBe(4);
    expect(threadsFor('auto', large, 3)).toBe(3);
    expect(threadsFor('auto', large, POOL_MIN_CORES - 1)).toBe(1);
    expect(threadsFor(2, large, 2)).toBe(2);
  });

  it('finds its worker module beside the code, compiled or TypeScript', () => {
    const entry = workerEntry();
    expect(entry.url.pathname).toMatch(/parse-worker\.(js|ts)$/);
    expect(entry.eval).toBe(entry.url.pathname.endsWith('.ts'));
  });
});
