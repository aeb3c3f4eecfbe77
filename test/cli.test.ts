// The command line as users and CI run it: exit codes, formats, baselines, shards, bad input last.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';
import { validateSarif } from './helpers/sarif-validate.js';

async function cli(args: string[], cwd = process.cwd(), env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, isTTY: false, env });
  return { code, stdout, stderr };
}

const created: string[] = [];
afterAll(() => {
  for (const d of created) rmSync(d, { recursive: true, force: true });
});

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kmslint-cli-'));
  created.push(dir);
  writeFileSync(join(dir, 'package.json'), '{"name":"ws"}');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const SHARED = `Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault: { SSEAlgorithm: aws:kms }
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { AWS: "444455556666" }
            Action: s3:GetObject
            Resource: "*"
`;
const WARN_ONLY = `Resources:\n  Key:\n    Type: AWS::KMS::Key\n    DeletionPolicy: Retain\n    UpdateReplacePolicy: Retain\n`;
const BROKEN = `Resources:\n  Q:\n    Type: AWS::SQS::Queue\n   Properties: {}\n`;

describe('kmslint CLI', () => {
  it('exits 1 on an error finding, with stylish output and no colour when not a TTY', async () => {
    const dir = workspace({ 'app.yaml': SHARED });
    const r = await cli(['app.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('cross-account-aws-managed-key');
    expect(r.stdout).toContain('444455556666');
    expect(r.stdout).not.toContain('\x1b[');
  });

  it('exits 2 for a parse error, after linting and reporting every other file', async () => {
    const dir = workspace({ 'a-broken.yaml': BROKEN, 'b-app.yaml': SHARED });
    const r = await cli(['.', '--format', 'json'], dir);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.version).toBe(1);
    expect(out.inputs.find((i: { path: string }) => i.path === 'a-broken.yaml').error).toMatchObject({ line: 4, column: expect.any(Number) });
    expect(out.findings.some((f: { ruleId: string; file: string }) => f.ruleId === 'cross-account-aws-managed-key' && f.file === 'b-app.yaml')).toBe(true);
    expect(out.findings.some((f: { ruleId: string }) => f.ruleId === 'parse-error')).toBe(true);
  });

  it('names a file that is not a template when given explicitly (exit 2), skips it in a walk', async () => {
    const dir = workspace({ 'package-lock.json': '{"name":"x"}', 'notes.yaml': 'hello: world\n' });
    expect((await cli(['notes.yaml'], dir)).code).toBe(2);
    // Found by a walk it is skipped silently, and a walk that finds nothing else is no pass.
    expect((await cli(['.'], dir)).code).toBe(2);
    expect((await cli(['.', '--allow-empty'], dir)).code).toBe(0);
  });

  it('warnings pass the gate until --max-warnings is exceeded; --quiet hides them', async () => {
    const dir = workspace({ 'k.yaml': WARN_ONLY });
    const plain = await cli(['k.yaml'], dir);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('customer-key-rotation-disabled');
    expect((await cli(['k.yaml', '--max-warnings', '0'], dir)).code).toBe(1);
    const quiet = await cli(['k.yaml', '--quiet'], dir);
    expect(quiet.stdout).not.toContain('customer-key-rotation-disabled');
  });

  it('--rule and config severities apply; an invalid config exits 2 listing problems', async () => {
    const dir = workspace({ 'app.yaml': SHARED });
    expect((await cli(['app.yaml', '--rule', 'cross-account-aws-managed-key=warning'], dir)).code).toBe(0);
    writeFileSync(join(dir, '.kmslintrc.yaml'), 'accounts: [123]\nrules: { nope: error }\n');
    const bad = await cli(['app.yaml'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('accounts[0]');
    expect((await cli(['app.yaml', '--no-config'], dir)).code).toBe(1);
    expect((await cli(['app.yaml', '--rule', 'bogus=error'], dir)).code).toBe(2);
  });

  it('accounts from --account are not another account', async () => {
    const dir = workspace({ 'app.yaml': SHARED });
    const r = await cli(['app.yaml', '--account', '444455556666', '--format', 'json'], dir);
    expect(JSON.parse(r.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'cross-account-aws-managed-key')).toHaveLength(0);
  });

  it('a baseline written now silences the same findings later, even after lines move', async () => {
    const dir = workspace({ 'app.yaml': SHARED });
    expect((await cli(['app.yaml', '--write-baseline', 'baseline.json'], dir)).code).toBe(0);
    expect(existsSync(join(dir, 'baseline.json'))).toBe(true);
    writeFileSync(join(dir, 'app.yaml'), '# a comment that moves every line\n\n' + SHARED);
    const r = await cli(['app.yaml', '--baseline', 'baseline.json', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.summary.errors).toBe(0);
    expect(out.summary.suppressed).toBeGreaterThan(0);
  });

  it('SARIF output validates against the official 2.1.0 schema', async () => {
    const dir = workspace({ 'app.yaml': SHARED, 'broken.yaml': BROKEN });
    const r = await cli(['.', '--format', 'sarif', '--output-file', 'out.sarif'], dir);
    expect(r.code).toBe(2);
    const log = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'));
    expect(validateSarif(log, join(process.cwd(), '../shared/reference/sarif-schema-2.1.0.json'))).toEqual([]);
    expect(log.runs[0].results.length).toBeGreaterThan(0);
  });

  it('keys prints the contract JSON, and csv', async () => {
    const dir = workspace({ 'app.yaml': SHARED });
    const j = JSON.parse((await cli(['keys', 'app.yaml', '--format', 'json'], dir)).stdout);
    expect(j).toEqual({
      version: 1,
      resources: [
        {
          file: 'app.yaml',
          stack: 'app',
          id: 'Bucket',
          type: 'AWS::S3::Bucket',
          key: { kind: 'aws-managed', alias: 'alias/aws/s3', origin: 'implicit' },
          reason: 'SSEAlgorithm is aws:kms and KMSMasterKeyID is absent, so Amazon S3 uses alias/aws/s3',
        },
      ],
    });
    const csv = (await cli(['keys', 'app.yaml', '--format', 'csv'], dir)).stdout.split('\n');
    expect(csv[0]).toBe('file,line,stack,id,type,path,branch,kind,alias,keyRef,origin,external,reason,purpose');
    expect(csv[1]).toContain('Bucket,AWS::S3::Bucket,,,aws-managed,alias/aws/s3,,implicit');
  });

  it('--shard splits the inputs without losing any', async () => {
    const dir = workspace({ 'a.yaml': SHARED, 'b.yaml': SHARED, 'c.yaml': SHARED });
    const files = new Set<string>();
    for (const s of ['1/2', '2/2']) {
      const out = JSON.parse((await cli(['.', '--shard', s, '--format', 'json'], dir)).stdout);
      for (const i of out.inputs) files.add(i.path);
    }
    expect([...files].sort()).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
    expect((await cli(['.', '--shard', '3/2'], dir)).code).toBe(2);
  });

  it('rules, explain, init, unknown flags', async () => {
    const rules = await cli(['rules']);
    expect(rules.stdout).toContain('cross-account-aws-managed-key');
    expect(rules.stdout).toContain('requirement-rotation');
    expect((await cli(['explain', 'key-policy-lockout'])).stdout).toMatch(/^# key-policy-lockout/m);
    expect((await cli(['explain', 'nope'])).code).toBe(2);
    const dir = workspace({});
    expect((await cli(['init'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, '.kmslintrc.yaml'), 'utf8')).toContain('requirements');
    expect((await cli(['init'], dir)).code).toBe(2);
    expect((await cli(['--frobnicate'])).code).toBe(2);
    expect((await cli(['missing-dir/'], dir)).code).toBe(2);
  });
});

describe('suppressions', () => {
  it('a Metadata ignore with a reason suppresses, is counted, and stays in SARIF as suppressed; one without a reason does not', async () => {
    const withReason = SHARED.replace('    Type: AWS::S3::Bucket\n', '    Type: AWS::S3::Bucket\n    Metadata:\n      kmslint:\n        ignore:\n          - rule: cross-account-aws-managed-key\n            reason: partner reads only public reports\n');
    const noReason = SHARED.replace('    Type: AWS::S3::Bucket\n', '    Type: AWS::S3::Bucket\n    Metadata: { kmslint: { ignore: [{ rule: cross-account-aws-managed-key }] } }\n');
    const dir = workspace({ 'a.yaml': withReason, 'b.yaml': noReason });
    const a = await cli(['a.yaml', '--format', 'json'], dir);
    expect(a.code).toBe(0);
    const out = JSON.parse(a.stdout);
    expect(out.summary.suppressed).toBe(1);
    expect(out.findings.find((f: { ruleId: string }) => f.ruleId === 'cross-account-aws-managed-key').suppressed).toBe(true);
    const sarif = JSON.parse((await cli(['a.yaml', '--format', 'sarif'], dir)).stdout);
    const res = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'cross-account-aws-managed-key');
    expect(res.suppressions[0]).toMatchObject({ kind: 'inSource', justification: 'partner reads only public reports' });
    expect((await cli(['b.yaml'], dir)).code).toBe(1);
  });

  it('Terraform-style suppressions by resource address go through config overrides', async () => {
    const dir = workspace({ 'app.yaml': SHARED, '.kmslintrc.yaml': 'overrides:\n  - resources: ["Bucket"]\n    rules: { cross-account-aws-managed-key: "off" }\n' });
    expect((await cli(['app.yaml'], dir)).code).toBe(0);
  });
});

describe('keys as a picture', () => {
  it('mermaid draws each resource to its key (implicit dashed) and html escapes everything', async () => {
    const dir = workspace({ 'app.yaml': SHARED + '  Odd:\n    Type: AWS::SQS::Queue\n    Properties: { KmsMasterKeyId: "<script>alert(1)</script>" }\n' });
    const m = (await cli(['keys', 'app.yaml', '--format', 'mermaid'], dir)).stdout;
    expect(m.startsWith('flowchart LR\n')).toBe(true);
    expect(m).toMatch(/R\d+ -\.->\|"implicit"\| K\d+/);
    expect(m).toContain('alias/aws/s3<br/>AWS managed');
    const h = (await cli(['keys', 'app.yaml', '--format', 'html'], dir)).stdout;
    // The key map page (test/html-report.test.ts): alias/aws/s3 implicit once; the hostile key reference only as escaped JSON.
    expect(h).toContain('<tr data-alias="alias/aws/s3"><td class="mono">alias/aws/s3</td><td class="num">1</td><td class="num">1</td></tr>');
    expect(h).toContain('cannot be resolved: \\"\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\"');
    expect(h).not.toContain('<script>alert');
  });
});

describe('output files', () => {
  it('--output-file creates missing directories; an unwritable target is a usage error (exit 2), not a crash', async () => {
    const dir = workspace({ 'app.yaml': SHARED });
    const r = await cli(['app.yaml', '--format', 'json', '--output-file', 'reports/deep/out.json'], dir);
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'reports/deep/out.json'), 'utf8')).version).toBe(1);
    writeFileSync(join(dir, 'blocker'), '');
    const bad = await cli(['app.yaml', '--output-file', 'blocker/out.txt'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--output-file');
  });
});
