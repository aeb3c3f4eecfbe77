// The parse pool (src/engine/worker-pool.ts): whatever thread reads a file, the run's result is the
// one-thread result, finding for finding and key row for key row; a thread that dies loses nothing.
import { describe, expect, it } from 'vitest';
import { lintSources } from '../src/engine/lint-sources.js';
import { discoverInputs } from '../src/inputs/discover.js';
import { loadInPool, poolStats, workerEntry } from '../src/engine/worker-pool.js';
import { loadInputs, threadsFor } from '../src/engine/load-inputs.js';
import { lint } from '../src/engine/lint.js';
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

describe('parse pool', () => {
  it('gives the one-thread result on a mixed set, with files read by workers', async () => {
    const one = await lintSources({ paths: MIXED, noConfig: true, concurrency: 'off' });
    const pooled = await lintSources({ paths: MIXED, noConfig: true, concurrency: 3 });
    // Under a TypeScript runner a worker starts slowly, and the main thread may read everything first.
    expect(poolStats.byMain + poolStats.byWorkers + poolStats.redone).toBe(one.result.inputs.length + skippedIn(MIXED));
    // The set has what crosses threads: parse errors, a finding that needs an import, located findings.
    expect(one.result.findings.some((f) => f.ruleId === 'parse-error')).toBe(true);
    expect(one.keys.find((k) => k.file.endsWith('rebuilt-key-arn/app.yaml') && k.id === 'OrdersTable')?.key).toEqual({ kind: 'customer-managed', keyRef: 'TableKey' });
    expect(JSON.stringify(pooled.result)).toBe(JSON.stringify(one.result));
    expect(JSON.stringify(pooled.keys)).toBe(JSON.stringify(one.keys));
  });

  it('gives the one-thread inputs when workers read every file', async () => {
    const files = discoverInputs(MIXED).inputs;
    const config = configFrom({});
    const one = lint(loadInputs(MIXED).inputs, { config }).result;
    const { inputs: loaded, release } = await loadInPool(files, { threads: 2, mainReads: false });
    expect(poolStats.byMain).toBe(0);
    // Terraform is read on the main thread (its unknown values do not survive a copy); the rest by workers.
    expect(poolStats.byWorkers).toBeGreaterThan(files.length / 2);
    expect(JSON.stringify(lint(loaded, { config }).result)).toBe(JSON.stringify(one));
    await release();
  });

  it('loses no file when a worker dies mid-run: what it did not deliver is read on the main thread', async () => {
    const files = discoverInputs(MIXED).inputs;
    const config = configFrom({});
    const one = lint(loadInputs(MIXED).inputs, { config }).result;
    const { inputs: loaded, release } = await loadInPool(files, { threads: 1, crashOn: 'duplicate-key/fail-repeated-output.yaml', mainReads: false });
    expect(poolStats.redone).toBeGreaterThan(0);
    expect(JSON.stringify(lint(loaded, { config }).result)).toBe(JSON.stringify(one));
    await release();
  });

  it('answers positions of a dead worker by reading the file again here', async () => {
    const paths = ['fixtures/cloudformation/unresolved-key-reference'];
    const files = discoverInputs(paths).inputs;
    const config = configFrom({});
    const one = lint(loadInputs(paths).inputs, { config }).result;
    const { inputs: loaded, release } = await loadInPool(files, { threads: 1, mainReads: false });
    expect(poolStats.byWorkers).toBe(files.length);
    await release();
    expect(JSON.stringify(lint(loaded, { config }).result)).toBe(JSON.stringify(one));
    expect(poolStats.relocated).toBeGreaterThan(0);
  });

  it('uses a pool under auto only above its threshold, and never for off', () => {
    const few = discoverInputs(['fixtures/cloudformation/duplicate-key']).inputs;
    expect(threadsFor('auto', few)).toBe(1);
    expect(threadsFor('off', few)).toBe(1);
    expect(threadsFor(2, few)).toBe(2);
  });

  it('finds its worker module beside the code, compiled or TypeScript', () => {
    const entry = workerEntry();
    expect(entry.url.pathname).toMatch(/parse-worker\.(js|ts)$/);
    expect(entry.eval).toBe(entry.url.pathname.endsWith('.ts'));
  });
});

function skippedIn(paths: string[]): number {
  return loadInputs(paths).inputs.filter((i) => i.skipped && !i.error).length;
}

