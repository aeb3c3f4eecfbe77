// The CI gate as a new user meets it (issue 7): never green on nothing, discovery like git's,
// stdin, CLI manners, colour, baselines a reviewer can read, config trust.
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';

const created: string[] = [];
afterAll(() => {
  for (const d of created) rmSync(d, { recursive: true, force: true });
});

async function cli(args: string[], cwd: string, opts: { env?: NodeJS.ProcessEnv; isTTY?: boolean; stdin?: string } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd,
    isTTY: opts.isTTY ?? false,
    env: opts.env ?? {},
    ...(opts.stdin !== undefined ? { readStdin: () => Promise.resolve(opts.stdin!) } : {}),
  });
  return { code, stdout, stderr };
}

function workspace(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'kmslint-gate-'));
  created.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** A queue on alias/aws/sqs shared with another account: one cross-account error. */
const SHARED_QUEUE = `Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: alias/aws/sqs
  QueuePolicy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Queue]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { AWS: "444455556666" }
            Action: sqs:SendMessage
            Resource: "*"
`;
const CLEAN = `Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n`;

interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  resource?: { id: string };
  message: string;
}

function findings(stdout: string): Pick<JsonFinding, 'ruleId' | 'file' | 'line' | 'column'>[] {
  return (JSON.parse(stdout).findings as JsonFinding[]).map(({ ruleId, file, line, column }) => ({ ruleId, file, line, column }));
}

describe('never green on nothing', () => {
  it('an empty directory exits 2 with "no inputs found"; --allow-empty exits 0', async () => {
    const dir = workspace();
    const r = await cli([], dir);
    expect(r).toEqual({ code: 2, stdout: '', stderr: expect.stringMatching(/^kmslint: no inputs found under \. /) });
    expect((await cli(['--allow-empty'], dir)).code).toBe(0);
  });

  it('a directory of Terraform *.tf files is linted (issue 16); *.tfvars are read with their module', async () => {
    const dir = workspace({ 'main.tf': 'resource "aws_s3_bucket" "b" {}\n', 'vars.tfvars': 'x = 1\n' });
    const r = await cli(['.', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as { inputs: { path: string }[] }).inputs.map((i) => i.path)).toEqual(['main.tf']);
  });

  it('a missing path is a usage error (exit 2) and never a finding in any report', async () => {
    const dir = workspace({ 'app.yaml': CLEAN });
    for (const format of ['json', 'sarif', 'junit', 'codeclimate']) {
      const r = await cli(['app.yaml', 'nope.yaml', '--format', format], dir);
      expect(r).toEqual({ code: 2, stdout: '', stderr: 'kmslint: nope.yaml: no such file or directory\n' });
    }
    expect((await cli(['lnit'], dir)).stderr).toBe('kmslint: lnit: no such file or directory (did you mean the command init?)\n');
    expect((await cli(['missing/**/*.yaml'], dir)).stderr).toBe('kmslint: missing/**/*.yaml: no such file or directory (the glob matches nothing)\n');
  });
});

describe('discovery like git, with kmslint’s own knowledge', () => {
  const assembly = join(process.cwd(), 'fixtures/cdk/cross-account-aws-managed-key/fail-bucket-granted-to-other-account');

  it('a cdk.out that git ignores is linted; .kmslintignore can still exclude it', async () => {
    const dir = workspace({ '.gitignore': 'cdk.out\n*.js\n', 'package.json': '{"name":"app"}' });
    execFileSync('git', ['init', '-q', dir]);
    cpSync(assembly, join(dir, 'cdk.out'), { recursive: true });
    const r = await cli(['--format', 'json'], dir);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).inputs).toEqual([{ path: 'cdk.out', format: 'cdk', error: null }]);
    expect(findings(r.stdout).map((f) => f.ruleId)).toContain('cross-account-aws-managed-key');
    writeFileSync(join(dir, '.kmslintignore'), 'cdk.out/\n');
    expect((await cli(['--format', 'json'], dir)).code).toBe(2); // nothing left to lint
  });

  it('honours the .gitignore of every directory on the way down, and of the repository above the walk', async () => {
    const dir = workspace({
      '.gitignore': 'generated/\n',
      'infra/.gitignore': 'scratch.yaml\n',
      'infra/app.yaml': SHARED_QUEUE,
      'infra/scratch.yaml': SHARED_QUEUE,
      'infra/generated/out.yaml': SHARED_QUEUE,
      'infra/deep/.gitignore': '!keep.yaml\n',
      'infra/deep/keep.yaml': SHARED_QUEUE,
    });
    execFileSync('git', ['init', '-q', dir]);
    const whole = JSON.parse((await cli(['--format', 'json'], dir)).stdout);
    expect(whole.inputs.map((i: { path: string }) => i.path)).toEqual(['infra/app.yaml', 'infra/deep/keep.yaml']);
    // Walking only infra/ still honours the repository root's .gitignore, as git does.
    const sub = JSON.parse((await cli(['--format', 'json', '.'], join(dir, 'infra'))).stdout);
    expect(sub.inputs.map((i: { path: string }) => i.path)).toEqual(['app.yaml', 'deep/keep.yaml']);
  });

  it('skips FIFOs with a warning naming them and never blocks on one', async () => {
    const dir = workspace({ 'app.yaml': SHARED_QUEUE });
    execFileSync('mkfifo', [join(dir, 'template.yaml'), join(dir, '.kmslintignore')]);
    const r = await cli(['--format', 'json', '.'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('kmslint: warning: skipped .kmslintignore: a FIFO, not a regular file\nkmslint: warning: skipped template.yaml: a FIFO, not a regular file\n');
    expect(findings(r.stdout)).toEqual([{ ruleId: 'cross-account-aws-managed-key', file: 'app.yaml', line: 5, column: 7 }]);
  });

  it('walks a directory reached through symlinks once, by real path; links out of the walked roots are not followed', async () => {
    const outside = workspace({ 'elsewhere.yaml': SHARED_QUEUE });
    const dir = workspace({ 'stacks/app.yaml': SHARED_QUEUE });
    symlinkSync(join(dir, 'stacks'), join(dir, 'stacks/loop'));
    symlinkSync(join(dir, 'stacks'), join(dir, 'again'));
    symlinkSync('/', join(dir, 'root'));
    symlinkSync(outside, join(dir, 'out'));
    const r = await cli(['--format', 'json', '.'], dir);
    expect(findings(r.stdout)).toEqual([{ ruleId: 'cross-account-aws-managed-key', file: 'again/app.yaml', line: 5, column: 7 }]);
    expect(r.stderr).toContain(`kmslint: warning: skipped root: a link to /, outside the paths being linted (name it to lint it)\n`);
    expect(r.stderr).toContain('kmslint: warning: skipped out: a link to');
    // Named, the outside link is linted.
    expect(findings((await cli(['--format', 'json', 'out'], dir)).stdout)).toEqual([{ ruleId: 'cross-account-aws-managed-key', file: 'out/elsewhere.yaml', line: 5, column: 7 }]);
  });
});

describe('standard input', () => {
  it('--stdin with --stdin-filename names the document; - is the same', async () => {
    const dir = workspace();
    const r = await cli(['--stdin', '--stdin-filename', 'infra/queue.yaml', '--format', 'json'], dir, { stdin: SHARED_QUEUE });
    expect(r.code).toBe(1);
    expect(findings(r.stdout)).toEqual([{ ruleId: 'cross-account-aws-managed-key', file: 'infra/queue.yaml', line: 5, column: 7 }]);
    const dash = await cli(['-', '--format', 'json'], dir, { stdin: SHARED_QUEUE });
    expect(findings(dash.stdout)).toEqual([{ ruleId: 'cross-account-aws-managed-key', file: '<stdin>', line: 5, column: 7 }]);
  });

  it('config overrides apply to the stdin file name', async () => {
    const dir = workspace({ '.kmslintrc.yaml': 'overrides:\n  - files: ["legacy/**"]\n    rules: { cross-account-aws-managed-key: warning }\n' });
    const r = await cli(['--stdin', '--stdin-filename', 'legacy/q.yaml', '--format', 'json'], dir, { stdin: SHARED_QUEUE });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).findings[0]).toMatchObject({ ruleId: 'cross-account-aws-managed-key', severity: 'warning' });
  });

  it('a hook passing non-templates: --ignore-unknown skips them, --allow-empty passes on none', async () => {
    const dir = workspace({ 'package.json': '{"name":"x"}', 'notes.yaml': 'a: 1\n', 'app.yaml': SHARED_QUEUE });
    expect((await cli(['package.json', 'notes.yaml'], dir)).code).toBe(2);
    expect(await cli(['package.json', 'notes.yaml', '--ignore-unknown', '--allow-empty'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
    const r = await cli(['package.json', 'app.yaml', '--ignore-unknown', '--allow-empty', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).inputs).toEqual([{ path: 'app.yaml', format: 'cloudformation', error: null }]);
  });
});

describe('CLI manners', () => {
  it('an unknown option is one line with the nearest known option, exit 2', async () => {
    const dir = workspace();
    expect(await cli(['--formt', 'json'], dir)).toEqual({ code: 2, stdout: '', stderr: 'kmslint: unknown option --formt; did you mean --format? (see kmslint --help)\n' });
    expect((await cli(['--max-warning', '3'], dir)).stderr).toBe('kmslint: unknown option --max-warning; did you mean --max-warnings? (see kmslint --help)\n');
    expect((await cli(['--zzzzzzzz'], dir)).stderr).toBe('kmslint: unknown option --zzzzzzzz (see kmslint --help)\n');
  });

  it('help and <command> --help print usage per command, with the short flags', async () => {
    const dir = workspace();
    const overview = await cli(['help'], dir);
    expect(overview.code).toBe(0);
    expect(overview.stdout).toMatch(/^Usage: kmslint \[lint\] \[paths…\]/);
    for (const flag of ['-f, --format <name>', '-o, --output-file <path>', '-c, --config <path>', '-q, --quiet', '--stdin', '--allow-empty', '--print-config <file>']) expect(overview.stdout).toContain(flag);
    const keys = await cli(['keys', '--help'], dir);
    expect(keys.stdout).toMatch(/^Usage: kmslint keys \[paths…\]/);
    expect(keys.stdout).not.toContain('--write-baseline');
    expect((await cli(['help', 'keys'], dir)).stdout).toBe(keys.stdout);
    expect((await cli(['help', 'nope'], dir)).code).toBe(2);
    expect((await cli(['keys', '--write-baseline', 'b.json'], dir)).stderr).toBe('kmslint: --write-baseline is not an option of kmslint keys (see kmslint help keys)\n');
  });

  it('--max-warnings -1 means no limit', async () => {
    const dir = workspace({ 'k.yaml': 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    DeletionPolicy: Retain\n    UpdateReplacePolicy: Retain\n' });
    expect((await cli(['k.yaml', '--max-warnings', '-1'], dir)).code).toBe(0);
    expect((await cli(['k.yaml', '--max-warnings=-1'], dir)).code).toBe(0);
    expect((await cli(['k.yaml', '--max-warnings', '0'], dir)).code).toBe(1);
    expect((await cli(['k.yaml', '--max-warnings', '-2'], dir)).code).toBe(2);
  });

  it('colour follows FORCE_COLOR and NO_COLOR as Node reads them', async () => {
    const dir = workspace({ 'app.yaml': SHARED_QUEUE });
    const coloured = async (env: NodeJS.ProcessEnv, isTTY: boolean, extra: string[] = []) => (await cli(['app.yaml', ...extra], dir, { env, isTTY })).stdout.includes('\x1b[');
    expect(await coloured({ FORCE_COLOR: '0' }, true)).toBe(false);
    expect(await coloured({ FORCE_COLOR: 'false' }, true)).toBe(false);
    expect(await coloured({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(await coloured({ FORCE_COLOR: '' }, false)).toBe(true);
    expect(await coloured({ NO_COLOR: '1' }, true)).toBe(false);
    expect(await coloured({ TERM: 'dumb' }, true)).toBe(false);
    expect(await coloured({}, true)).toBe(true);
    expect(await coloured({ FORCE_COLOR: '1' }, true, ['--no-color'])).toBe(false);
  });

  it('--print-config shows the configuration that applies to one file', async () => {
    const dir = workspace({ '.kmslintrc.yaml': 'accounts: ["111122223333"]\nrules: { implicit-aws-managed-key: warning }\noverrides:\n  - files: ["legacy/**"]\n    rules: { cross-account-aws-managed-key: "off" }\n' });
    const r = await cli(['--print-config', 'legacy/app.yaml', '--rule', 'key-policy-lockout=warning'], dir);
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout);
    expect(printed).toMatchObject({ file: 'legacy/app.yaml', configFile: '.kmslintrc.yaml', accounts: ['111122223333'] });
    expect(printed.rules).toMatchObject({ 'cross-account-aws-managed-key': 'off', 'implicit-aws-managed-key': 'warning', 'key-policy-lockout': 'warning', 'customer-key-rotation-disabled': 'warning' });
    expect(JSON.parse((await cli(['--print-config', 'app.yaml'], dir)).stdout).rules['cross-account-aws-managed-key']).toBe('error');
  });
});

describe('baselines a reviewer can read', () => {
  it('--write-baseline writes rule, file, resource, message and fingerprint per finding and exits 0; the baseline then holds', async () => {
    const dir = workspace({ 'app.yaml': SHARED_QUEUE });
    const w = await cli(['app.yaml', '--write-baseline', 'kmslint-baseline.json', '--format', 'json'], dir);
    expect(w.code).toBe(0);
    expect(w.stderr).toBe('kmslint: wrote 1 accepted finding to kmslint-baseline.json\n');
    const file = JSON.parse(readFileSync(join(dir, 'kmslint-baseline.json'), 'utf8'));
    expect(file).toEqual({
      version: 1,
      findings: [{ ruleId: 'cross-account-aws-managed-key', file: 'app.yaml', resource: 'Queue', message: expect.stringMatching(/^Queue is shared with account 444455556666/), fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/) }],
    });
    writeFileSync(join(dir, 'app.yaml'), '# moved\n\n' + SHARED_QUEUE);
    const r = await cli(['app.yaml', '--baseline', 'kmslint-baseline.json', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ errors: 0, suppressed: 1 });
    writeFileSync(join(dir, 'old.json'), '{"version":1,"fingerprints":["x"]}');
    expect((await cli(['app.yaml', '--baseline', 'old.json'], dir)).code).toBe(2);
  });
});

describe('config trust', () => {
  it('--no-config-js and KMSLINT_NO_CONFIG_JS=1 refuse a JavaScript config (exit 2), found or named', async () => {
    const dir = workspace({ 'app.yaml': SHARED_QUEUE, 'package.json': '{"name":"x"}', '.kmslintrc.cjs': 'module.exports = { rules: { "cross-account-aws-managed-key": "off" } };\n' });
    expect((await cli(['app.yaml'], dir)).code).toBe(0); // a JS config is code, and it ran
    for (const [args, env] of [[['--no-config-js'], {}], [[], { KMSLINT_NO_CONFIG_JS: '1' }], [['--no-config-js', '--config', '.kmslintrc.cjs'], {}]] as const) {
      const r = await cli(['app.yaml', ...args], dir, { env });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`kmslint: invalid config ${join(dir, '.kmslintrc.cjs')}:\n  - refusing to run a JavaScript config (--no-config-js); use .kmslintrc.yaml or .kmslintrc.json\n`);
    }
  });

  it('in CI the first stderr line names the config and the rules it turns off', async () => {
    const dir = workspace({ 'app.yaml': CLEAN, 'package.json': '{"name":"x"}', '.kmslintrc.yaml': 'rules: { cross-account-aws-managed-key: "off", implicit-aws-managed-key: [off] }\noverrides:\n  - files: ["legacy/**"]\n    rules: { key-policy-lockout: "off" }\n' });
    const r = await cli(['app.yaml'], dir, { env: { CI: 'true' } });
    expect(r.stderr.split('\n')[0]).toBe('kmslint: config: .kmslintrc.yaml turns off cross-account-aws-managed-key, implicit-aws-managed-key; turns off in overrides key-policy-lockout for legacy/**');
    expect((await cli(['app.yaml', '--no-config'], dir, { env: { CI: 'true' } })).stderr.split('\n')[0]).toBe('kmslint: config: none (default rules)');
    expect((await cli(['app.yaml'], dir)).stderr).toBe('');
  });

  it('a config whose getter throws, or that is cyclic, is a listed error naming the file, not a stack trace', async () => {
    const dir = workspace({
      'app.yaml': CLEAN,
      'getter.cjs': 'module.exports = { get rules() { throw new Error("boom"); } };\n',
      'cyclic.cjs': 'const c = { rules: {} }; c.self = c; module.exports = c;\n',
      'throws.cjs': 'throw new Error("top-level");\n',
    });
    const getter = await cli(['app.yaml', '--config', 'getter.cjs'], dir);
    expect(getter).toEqual({ code: 2, stdout: '', stderr: `kmslint: invalid config ${join(dir, 'getter.cjs')}:\n  - rules: reading it failed: boom\n` });
    const cyclic = await cli(['app.yaml', '--config', 'cyclic.cjs'], dir);
    expect(cyclic).toEqual({ code: 2, stdout: '', stderr: `kmslint: invalid config ${join(dir, 'cyclic.cjs')}:\n  - self: expected data, found a cycle (the value contains itself)\n` });
    const thrown = await cli(['app.yaml', '--config', 'throws.cjs'], dir);
    expect(thrown.code).toBe(2);
    expect(thrown.stderr).toMatch(/^kmslint: invalid config .*throws\.cjs:\n {2}- cannot read: top-level/);
    expect(thrown.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('writes', () => {
  it('--output-file refuses an input, replaces a symlink instead of writing through it', async () => {
    const dir = workspace({ 't.yaml': SHARED_QUEUE, 'precious.txt': 'keep me\n' });
    const r = await cli(['t.yaml', '--output-file', 't.yaml'], dir);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'kmslint: --output-file t.yaml: refusing to overwrite an input of this run\n' });
    expect(readFileSync(join(dir, 't.yaml'), 'utf8')).toBe(SHARED_QUEUE);
    expect((await cli(['t.yaml', '--write-baseline', './t.yaml'], dir)).code).toBe(2);
    symlinkSync(join(dir, 'precious.txt'), join(dir, 'report.txt'));
    expect((await cli(['t.yaml', '--output-file', 'report.txt'], dir)).code).toBe(1);
    expect(readFileSync(join(dir, 'precious.txt'), 'utf8')).toBe('keep me\n');
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).toContain('cross-account-aws-managed-key');
    expect(existsSync(join(dir, 'report.txt')) && !readFileSync(join(dir, 'report.txt'), 'utf8').includes('keep me')).toBe(true);
  });

  it('a bad --write-baseline path is one line and exit 2', async () => {
    const dir = workspace({ 't.yaml': SHARED_QUEUE, blocker: '' });
    const r = await cli(['t.yaml', '--write-baseline', 'blocker/b.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kmslint: --write-baseline blocker\/b.json: cannot write \(E[A-Z]+\)\n$/);
  });
});
