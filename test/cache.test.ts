// `--cache` (src/engine/cache.ts, cached-lint.ts): a warm run reuses every unchanged input and gives
// the result of a run without the cache; a changed input, a changed setting, or a change to an input
// another one imports from is analysed again; a cache file that is broken or not ours is not trusted.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintSources, type LintSourcesRequest } from '../src/engine/lint-sources.js';
import { cacheStats } from '../src/engine/cache.js';
import { codeStampOf } from '../src/engine/code-stamp.js';
import { main } from '../src/cli/main.js';

const root = mkdtempSync(join(tmpdir(), 'kmslint-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let dir: string;
let n = 0;
beforeEach(() => {
  // keys.yaml exports the key app.yaml imports; the other two are on their own.
  dir = join(root, `run${n++}`);
  cpSync('fixtures/cloudformation/unresolved-key-reference/rebuilt-key-arn', join(dir, 'stacks'), { recursive: true });
  cpSync('fixtures/cloudformation/unresolved-key-reference/fail-getatt-non-key.yaml', join(dir, 'stacks', 'alone.yaml'));
  writeFileSync(join(dir, 'stacks', 'broken.yaml'), 'AWSTemplateFormatVersion: "2010-09-09"\nResources: [\n');
});

const request = (extra: Partial<LintSourcesRequest> = {}): LintSourcesRequest => ({ paths: ['stacks'], cwd: dir, noConfig: true, concurrency: 'off', ...extra });
const cached = (extra: Partial<LintSourcesRequest> = {}) => lintSources(request({ cache: { location: join(dir, 'cache') }, ...extra }));
const plain = (extra: Partial<LintSourcesRequest> = {}) => lintSources(request(extra));
const same = (a: Awaited<ReturnType<typeof lintSources>>, b: Awaited<ReturnType<typeof lintSources>>) => {
  expect(JSON.stringify(a.result)).toBe(JSON.stringify(b.result));
  expect(JSON.stringify(a.keys)).toBe(JSON.stringify(b.keys));
};

describe('--cache', () => {
  it('reuses every unchanged input on a warm run, with the result of a run without it', async () => {
    const expected = await plain();
    same(await cached(), expected);
    expect(cacheStats).toEqual({ reused: 0, analysed: 4 });
    const warm = await cached();
    expect(cacheStats).toEqual({ reused: 4, analysed: 0 });
    same(warm, expected);
    expect(warm.result.findings.map((f) => [f.file, f.ruleId, f.line])).toEqual([
      ['stacks/alone.yaml', 'unresolved-key-reference', 12],
      ['stacks/broken.yaml', 'parse-error', 3],
    ]);
    expect(warm.warnings).toEqual([]);
  });

  it('analyses a changed input again, and reuses the inputs on their own', async () => {
    await cached();
    writeFileSync(join(dir, 'stacks', 'broken.yaml'), readFileSync('fixtures/cloudformation/unresolved-key-reference/fail-import-value.json', 'utf8'));
    const warm = await cached();
    // alone.yaml is reused; broken.yaml changed; keys.yaml and app.yaml are linked, so analysed again with it.
    expect(cacheStats).toEqual({ reused: 1, analysed: 3 });
    same(warm, await plain());
    expect(warm.result.findings.filter((f) => f.file === 'stacks/broken.yaml').map((f) => f.ruleId)).toEqual(['unresolved-key-reference']);
  });

  it('analyses the importing stack again when the exporting stack changes', async () => {
    const before = await cached();
    expect(before.keys.find((k) => k.file === 'stacks/app.yaml' && k.id === 'OrdersTable')?.key.kind).toBe('customer-managed');
    const keys = join(dir, 'stacks', 'keys.yaml');
    writeFileSync(keys, readFileSync(keys, 'utf8').replace('Name: shared-table-key-id', 'Name: renamed-key-id'));
    const warm = await cached();
    expect(cacheStats).toEqual({ reused: 2, analysed: 2 });
    same(warm, await plain());
    // app.yaml itself is unchanged, but its import no longer resolves.
    expect(warm.keys.find((k) => k.file === 'stacks/app.yaml' && k.id === 'OrdersTable')?.key.kind).toBe('unknown');
  });

  it('analyses everything again when a setting changes', async () => {
    await cached();
    const overrides = { ruleOverrides: { 'unresolved-key-reference': 'off' as const } };
    const warm = await cached(overrides);
    expect(cacheStats).toEqual({ reused: 0, analysed: 4 });
    same(warm, await plain(overrides));
    await cached({ accounts: ['111122223333'] });
    expect(cacheStats.reused).toBe(0);
  });

  it('ignores a corrupt cache with a warning and replaces it', async () => {
    writeFileSync(join(dir, 'cache'), 'kmslint-cache\n{"version":1,"entr');
    const run = await cached();
    expect(run.warnings).toEqual([`${join(dir, 'cache')}: cache file is corrupt, ignored`]);
    expect(cacheStats.reused).toBe(0);
    same(run, await plain());
    await cached();
    expect(cacheStats.reused).toBe(4);
  });

  it('neither reads nor overwrites a file that is not a kmslint cache', async () => {
    writeFileSync(join(dir, 'cache'), '{"name": "not a cache"}\n');
    const run = await cached();
    expect(run.warnings).toEqual([`${join(dir, 'cache')} is not a kmslint cache: not read, and not overwritten (choose another --cache-location)`]);
    same(run, await plain());
    expect(readFileSync(join(dir, 'cache'), 'utf8')).toBe('{"name": "not a cache"}\n');
  });

  it('is not written where a walk of the inputs would read it', async () => {
    const run = await cached({ cache: { location: join(dir, 'stacks', 'cache.json') } });
    expect(run.warnings).toEqual([`not writing the cache ${join(dir, 'stacks', 'cache.json')} inside an input directory, where it would be linted`]);
  });

  it('is not written as a Terraform file in an input directory either', async () => {
    for (const name of ['cache.tf', 'terraform.tfvars', 'cache.tf.json']) {
      const run = await cached({ cache: { location: join(dir, 'stacks', name) } });
      expect(run.warnings).toEqual([`not writing the cache ${join(dir, 'stacks', name)} inside an input directory, where it would be linted`]);
    }
  });

  it('analyses a Terraform HCL file again when a file of its module that is not an input changes', async () => {
    // Named alone, main.tf is the only input; its findings depend on variables.tf beside it.
    mkdirSync(join(dir, 'tf'));
    writeFileSync(join(dir, 'tf', 'main.tf'), 'resource "aws_sns_topic" "t" {\n  name              = "t"\n  kms_master_key_id = var.key\n}\n');
    writeFileSync(join(dir, 'tf', 'variables.tf'), 'variable "key" {\n  type    = string\n  default = "alias/aws/sns"\n}\n');
    const tf = (extra: Partial<LintSourcesRequest> = {}) => request({ paths: ['tf/main.tf'], ...extra });
    const cachedTf = () => lintSources(tf({ cache: { location: join(dir, 'cache') } }));
    expect((await cachedTf()).result.findings).toEqual([]);
    writeFileSync(join(dir, 'tf', 'variables.tf'), readFileSync(join(dir, 'tf', 'variables.tf'), 'utf8').replace('alias/aws/sns', 'alias/aws/sqs'));
    const warm = await cachedTf();
    expect(cacheStats).toEqual({ reused: 0, analysed: 1 });
    expect(warm.result.findings.map((f) => [f.file, f.line, f.column, f.ruleId])).toEqual([['tf/main.tf', 3, 3, 'aws-managed-key-wrong-service']]);
    same(warm, await lintSources(tf()));
  });

  it('reuses no linked input when the run also lints a text, which may import from them', async () => {
    const text = { texts: [{ path: 'editor/app.yaml', text: readFileSync(join(dir, 'stacks', 'app.yaml'), 'utf8') }] };
    const expected = await plain(text);
    expect(expected.keys.find((k) => k.file === 'editor/app.yaml' && k.id === 'OrdersTable')?.key.kind).toBe('customer-managed');
    same(await cached(text), expected);
    const warm = await cached(text);
    // alone.yaml and broken.yaml are on their own; keys.yaml and app.yaml are linked.
    expect(cacheStats).toEqual({ reused: 2, analysed: 2 });
    same(warm, expected);
    // Nor does a run without the text reuse what the linked inputs gave beside it.
    same(await cached(), await plain());
    expect(cacheStats).toEqual({ reused: 2, analysed: 2 });
  });

  it('the stamp of the code changes when a source file or the bundle does', () => {
    const code = join(dir, 'code');
    mkdirSync(join(code, 'src', 'engine'), { recursive: true });
    mkdirSync(join(code, 'rules'), { recursive: true });
    writeFileSync(join(code, 'src', 'engine', 'code-stamp.ts'), '');
    writeFileSync(join(code, 'rules', 'a.ts'), 'export const a = 1;\n');
    const self = join(code, 'src', 'engine', 'code-stamp.ts');
    const before = codeStampOf(self);
    expect(codeStampOf(self)).toBe(before);
    writeFileSync(join(code, 'rules', 'a.ts'), 'export const a = 22;\n');
    expect(codeStampOf(self)).not.toBe(before);
    const bundle = join(code, 'kmslint.cjs');
    writeFileSync(bundle, `// kmslint-bundle ${'a'.repeat(64)}\n(function () {})`);
    const built = codeStampOf(bundle);
    writeFileSync(bundle, `// kmslint-bundle ${'b'.repeat(64)}\n(function () {})`);
    expect(codeStampOf(bundle)).not.toBe(built);
  });

  it('CLI: --ignore-unknown is part of the run key (a reused skip never hides an input error)', async () => {
    writeFileSync(join(dir, 'notes.txt'), 'not a template\n');
    const run = async (...flags: string[]) => {
      const err: string[] = [];
      const exit = await main(['lint', '--no-config', '--format', 'json', '--cache', ...flags, 'stacks/alone.yaml', 'notes.txt'], { cwd: dir, env: {}, stdout: () => undefined, stderr: (s: string) => err.push(s), isTTY: false });
      return exit;
    };
    expect(await run('--ignore-unknown')).toBe(0);
    expect(await run()).toBe(2);
    expect(cacheStats.reused).toBe(0);
    expect(await run('--ignore-unknown')).toBe(0);
  });

  it('CLI: --cache writes .kmslintcache in the working directory; a warm run prints the same report', async () => {
    const io = () => {
      const out: string[] = [];
      const err: string[] = [];
      return { out, err, io: { cwd: dir, env: {}, stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s), isTTY: false } };
    };
    const cold = io();
    const coldExit = await main(['lint', '--no-config', '--format', 'json', '--cache', 'stacks'], cold.io);
    expect(readFileSync(join(dir, '.kmslintcache'), 'utf8').startsWith('kmslint-cache\n')).toBe(true);
    const warm = io();
    const warmExit = await main(['lint', '--no-config', '--format', 'json', '--cache', 'stacks'], warm.io);
    expect(cacheStats).toEqual({ reused: 4, analysed: 0 });
    expect([warmExit, warm.out.join('')]).toEqual([coldExit, cold.out.join('')]);
    expect(coldExit).toBe(2); // broken.yaml
  });
});
