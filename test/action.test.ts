// The GitHub composite action (action.yml + action/run.sh), run locally the way a runner runs it:
// each `run` step as `bash --noprofile --norc -eo pipefail <file>` in GITHUB_WORKSPACE, with the
// step's `env` after substituting `${{ inputs.* }}` (given value, else the input's default).
// The action's own checkout is this repository, so `version: action` runs the built dist here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Log, Result } from 'sarif';
import { validateSarif } from './helpers/sarif-validate.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface ActionInput {
  description: string;
  required?: boolean;
  default?: string;
}
interface ActionStep {
  id?: string;
  shell?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}
interface ActionManifest {
  inputs: Record<string, ActionInput>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

const manifest = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionManifest;
const script = readFileSync(join(ROOT, 'action/run.sh'), 'utf8');

const INPUT_EXPRESSION = /^\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}$/;

const FAILING = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  AlertsTopic:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: alias/aws/sns
  AlertsTopicPolicy:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics: [!Ref AlertsTopic]
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { AWS: "arn:aws:iam::444455556666:root" }
            Action: sns:Publish
            Resource: !Ref AlertsTopic
`;
// A customer managed key whose DeletionPolicy is unset: one warning, no error.
const WARNING_ONLY = `{
  "Resources": {
    "JobsKey": { "Type": "AWS::KMS::Key", "Properties": { "EnableKeyRotation": true } },
    "JobsQueue": { "Type": "AWS::SQS::Queue", "Properties": { "KmsMasterKeyId": { "Ref": "JobsKey" } } }
  }
}
`;
const CLEAN = `{
  "Resources": {
    "JobsKey": {
      "Type": "AWS::KMS::Key",
      "DeletionPolicy": "Retain",
      "UpdateReplacePolicy": "Retain",
      "Properties": { "EnableKeyRotation": true }
    },
    "JobsQueue": { "Type": "AWS::SQS::Queue", "Properties": { "KmsMasterKeyId": { "Ref": "JobsKey" } } }
  }
}
`;

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

function workspace(files: Record<string, string>): string {
  const dir = tempDir('kmslint-action-ws-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** The step's env as the runner sets it: `${{ inputs.x }}` → given value or default. */
function stepEnv(step: ActionStep, inputs: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(step.env ?? {})) {
    const match = INPUT_EXPRESSION.exec(value);
    if (!match) {
      // This runner knows only `${{ inputs.* }}`; anything else must fail the test, not pass untested.
      if (value.includes('${{')) throw new Error(`unsupported expression in env ${name}: ${value}`);
      env[name] = value;
      continue;
    }
    const input = manifest.inputs[match[1]];
    if (!input) throw new Error(`env ${name} names an undeclared input ${match[1]}`);
    env[name] = inputs[match[1]] ?? input.default ?? '';
  }
  return env;
}

interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
}

function runAction(
  ws: string,
  inputs: Record<string, string> = {},
  runner: { actionPath?: string; path?: string; env?: Record<string, string> } = {},
): ActionRun {
  for (const name of Object.keys(inputs)) if (!(name in manifest.inputs)) throw new Error(`no input ${name}`);
  const scratch = tempDir('kmslint-action-runner-');
  const outputFile = join(scratch, 'output');
  writeFileSync(outputFile, '');
  // A runner's environment, not this test process's: no inherited INPUT_*/GITHUB_* or colour switches.
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(INPUT_|GITHUB_|RUNNER_)|^(FORCE_COLOR|NO_COLOR)$/.test(k)),
  );
  let stdout = '';
  let stderr = '';
  let status: number | null = 0;
  for (const [index, step] of manifest.runs.steps.entries()) {
    if (step.run === undefined) throw new Error(`step ${index} is not a run step; this runner cannot run it`);
    const file = join(scratch, `step-${index}.sh`);
    writeFileSync(file, step.run);
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', file], {
      cwd: ws,
      encoding: 'utf8',
      env: {
        ...base,
        ...(runner.path ? { PATH: `${runner.path}:${process.env.PATH ?? ''}` } : {}),
        ...runner.env,
        GITHUB_ACTIONS: 'true',
        GITHUB_ACTION_PATH: runner.actionPath ?? ROOT,
        GITHUB_WORKSPACE: ws,
        GITHUB_OUTPUT: outputFile,
        RUNNER_TEMP: scratch,
        ...stepEnv(step, inputs),
      },
    });
    stdout += result.stdout;
    stderr += result.stderr;
    status = result.status;
    if (status !== 0) break;
  }
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { status, stdout, stderr, outputs };
}

/** A fake `npm` on PATH that records each call (cwd, then one argument per line). */
function npmStub(onBuild = ''): { dir: string; calls: () => string[][] } {
  const dir = tempDir('kmslint-action-npm-');
  const log = join(dir, 'calls');
  writeFileSync(
    join(dir, 'npm'),
    `#!/usr/bin/env bash
printf '%s\\n' "--call--" "$PWD" "$@" >> ${JSON.stringify(log)}
if [[ $1 == run && $2 == build ]]; then ${onBuild || ':'}; fi
if [[ $1 == exec ]]; then echo "kmslint from npm"; fi
exit 0
`,
  );
  chmodSync(join(dir, 'npm'), 0o755);
  return {
    dir,
    calls: () =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .split('--call--\n')
            .filter(Boolean)
            .map((call) => call.replace(/\n$/, '').split('\n'))
        : [],
  };
}

beforeAll(() => {
  // `version: action` would build this checkout in place if dist were missing: never from a test.
  if (!existsSync(join(ROOT, 'dist/src/cli/run.js'))) throw new Error('dist/ is missing: run `npm run build` first');
});

describe('action.yml', () => {
  it('declares the seven inputs with their defaults and one composite bash step', () => {
    expect(manifest.runs.using).toBe('composite');
    expect(Object.fromEntries(Object.entries(manifest.inputs).map(([name, input]) => [name, input.default]))).toEqual({
      paths: '.',
      config: '',
      format: 'stylish',
      'sarif-file': '',
      'fail-on': 'error',
      'diff-base': '',
      version: 'action',
    });
    for (const input of Object.values(manifest.inputs)) expect(input.description.length).toBeGreaterThan(20);
    expect(manifest.runs.steps.map((s) => [s.id, s.shell, s.run])).toEqual([
      ['lint', 'bash', 'bash "$GITHUB_ACTION_PATH/action/run.sh"'],
    ]);
    expect(manifest.outputs['exit-code'].value).toBe('${{ steps.lint.outputs.exit-code }}');
  });

  it('uses every input, only through env, and the script reads each of those variables', () => {
    for (const step of manifest.runs.steps) expect(step.run).not.toContain('${{');
    const envOf = new Map<string, string>();
    for (const step of manifest.runs.steps) {
      for (const [name, value] of Object.entries(step.env ?? {})) {
        const match = INPUT_EXPRESSION.exec(value);
        if (match) envOf.set(match[1], name);
      }
    }
    expect([...envOf.keys()].sort()).toEqual(Object.keys(manifest.inputs).sort());
    for (const variable of envOf.values()) expect(script).toMatch(new RegExp(`\\$\\{?${variable}\\b`));
  });
});

describe('action steps', () => {
  it('fails on an error finding with the stylish report in the log (defaults)', () => {
    const ws = workspace({ 'templates/topic.yaml': FAILING, 'package.json': '{"name":"app"}' });
    const run = runAction(ws);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^templates\/topic\.yaml\n\s+6:7\s+error\s+AlertsTopic\s/m);
    expect(run.stdout).toContain('cross-account-aws-managed-key');
    expect(run.outputs).toEqual({ 'exit-code': '1' });
  });

  it('also writes schema-valid SARIF to sarif-file, keeping the log stylish', () => {
    const ws = workspace({ 'templates/topic.yaml': FAILING, 'templates/queue.json': CLEAN });
    const run = runAction(ws, { 'sarif-file': 'reports/kmslint.sarif' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^templates\/topic\.yaml$/m);
    expect(run.stdout).not.toContain('"$schema"');
    const text = readFileSync(join(ws, 'reports/kmslint.sarif'), 'utf8');
    expect(validateSarif(text)).toEqual([]);
    const log = JSON.parse(text) as Log;
    expect(log.version).toBe('2.1.0');
    const at = (r: Result) => r.locations?.[0]?.physicalLocation;
    expect(
      log.runs[0].results?.map((r) => ({
        ruleId: r.ruleId,
        level: r.level,
        uri: at(r)?.artifactLocation?.uri,
        line: at(r)?.region?.startLine,
        column: at(r)?.region?.startColumn,
      })),
    ).toEqual([{ ruleId: 'cross-account-aws-managed-key', level: 'error', uri: 'templates/topic.yaml', line: 6, column: 7 }]);
  });

  it('fail-on: none reports the findings and keeps the step green; exit-code still says 1', () => {
    const ws = workspace({ 'topic.yaml': FAILING });
    const run = runAction(ws, { 'fail-on': 'none' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('cross-account-aws-managed-key');
    expect(run.stdout).toContain('::notice title=kmslint::findings reported above; fail-on: none keeps the step green');
    expect(run.outputs).toEqual({ 'exit-code': '1' });
  });

  it('fail-on: warning fails on a warning that fail-on: error lets pass', () => {
    const ws = workspace({ 'queue.json': WARNING_ONLY });
    const lenient = runAction(ws);
    expect(lenient.status).toBe(0);
    expect(lenient.stdout).toMatch(/^\s+3:\d+\s+warning\s+JobsKey\s/m);
    expect(lenient.stdout).toContain('customer-key-deletion-unprotected');
    const strict = runAction(ws, { 'fail-on': 'warning' });
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain('customer-key-deletion-unprotected');
  });

  it('is never green on nothing: no template in the workspace fails even with fail-on: none', () => {
    const ws = workspace({ 'package.json': '{"name":"app"}' });
    const run = runAction(ws, { 'fail-on': 'none' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no inputs found');
    expect(run.outputs).toEqual({ 'exit-code': '2' });
  });

  it('reads paths one per line, spaces inside a line kept, and a path named like a command stays a path', () => {
    const ws = workspace({ 'infra stacks/topic.yaml': FAILING, 'other/queue.json': CLEAN, 'ignored/topic.yaml': FAILING });
    const run = runAction(ws, { paths: '  infra stacks/topic.yaml\n\nother/queue.json  \n' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^infra stacks\/topic\.yaml$/m);
    expect(run.stdout).not.toContain('ignored/');
    const keys = runAction(ws, { paths: 'keys' });
    expect(keys.status).toBe(2);
    expect(keys.stderr).toContain('keys: no such file or directory');
  });

  it('passes config and format through (a config turning the rule off; GitHub annotations)', () => {
    const ws = workspace({
      'topic.yaml': FAILING,
      'ci/kmslint.yaml': 'rules:\n  cross-account-aws-managed-key: "off"\n',
    });
    expect(runAction(ws, { paths: 'topic.yaml', config: 'ci/kmslint.yaml' }).status).toBe(0);
    const annotated = runAction(ws, { paths: 'topic.yaml', format: 'github' });
    expect(annotated.status).toBe(1);
    expect(annotated.stdout).toMatch(
      /^::error file=topic\.yaml,line=6,col=7,[^\n]*title=cross-account-aws-managed-key::AlertsTopic is shared with account 444455556666 /m,
    );
  });

  it('refuses a fail-on or version it does not know, before running anything', () => {
    const npm = npmStub();
    const ws = workspace({ 'topic.yaml': FAILING });
    const badFailOn = runAction(ws, { 'fail-on': 'errors' }, { path: npm.dir });
    expect(badFailOn.status).toBe(2);
    expect(badFailOn.stdout).toBe("::error title=kmslint action::fail-on must be error, warning or none, not 'errors'\n");
    const badVersion = runAction(ws, { version: 'github:someone/kmslint' }, { path: npm.dir });
    expect(badVersion.status).toBe(2);
    expect(badVersion.stdout).toContain('::error title=kmslint action::version must be "action" or an npm version');
    expect(npm.calls()).toEqual([]);
  });

  it('diff-base runs kmslint diff --base on the templates changed since that commit', () => {
    const ws = workspace({ 'stack.yaml': 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties: { EnableKeyRotation: true }\n' });
    const git = (...args: string[]) => {
      const r = spawnSync('git', args, { cwd: ws, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
      if (r.status !== 0) throw new Error(r.stderr);
    };
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    writeFileSync(join(ws, 'stack.yaml'), 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties: { EnableKeyRotation: false }\n');
    const run = runAction(ws, { 'diff-base': 'HEAD', format: 'json' });
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; line: number }[] };
    // The change rule, and the hygiene finding the change introduces (the before side had none).
    expect(report.findings.map((f) => [f.ruleId, f.line])).toEqual([['customer-key-rotation-disabled', 4], ['diff-rotation-disabled', 4]]);
    const bad = runAction(ws, { 'diff-base': '--output-file=x' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toContain("::error title=kmslint action::diff-base must be a git ref or commit, not '--output-file=x'");
  });

  it('runs an npm release through npm exec, each path one argument', () => {
    const npm = npmStub();
    const ws = workspace({ 'topic.yaml': FAILING });
    const run = runAction(ws, { version: '0.1.0', paths: 'a dir\nb.yaml', 'fail-on': 'warning' }, { path: npm.dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('kmslint from npm\n');
    expect(npm.calls()).toEqual([
      [ws, 'exec', '--yes', '--package=kmslint@0.1.0', '--', 'kmslint', 'lint', '--max-warnings', '0', '--format', 'stylish', '--', 'a dir', 'b.yaml'],
    ]);
  });

  it('on two cores or fewer runs kmslint with one V8 helper thread, beside the NODE_OPTIONS the workflow sets, and keeps a pool size it sets', () => {
    // A fake npm that prints the NODE_OPTIONS kmslint would start with; nproc counts OMP_NUM_THREADS.
    const dir = tempDir('kmslint-action-node-options-');
    writeFileSync(join(dir, 'npm'), '#!/usr/bin/env bash\nprintf "NODE_OPTIONS=[%s]\\n" "${NODE_OPTIONS-unset}"\n');
    chmodSync(join(dir, 'npm'), 0o755);
    const ws = workspace({ 'topic.yaml': FAILING });
    const optionsWith = (env: Record<string, string>) => runAction(ws, { version: '0.1.0' }, { path: dir, env }).stdout;
    expect(optionsWith({ OMP_NUM_THREADS: '2', NODE_OPTIONS: '--max-old-space-size=4096' })).toBe('NODE_OPTIONS=[--max-old-space-size=4096 --v8-pool-size=1]\n');
    expect(optionsWith({ OMP_NUM_THREADS: '1', NODE_OPTIONS: '' })).toBe('NODE_OPTIONS=[--v8-pool-size=1]\n');
    expect(optionsWith({ OMP_NUM_THREADS: '4', NODE_OPTIONS: '--max-old-space-size=4096' })).toBe('NODE_OPTIONS=[--max-old-space-size=4096]\n');
    expect(optionsWith({ OMP_NUM_THREADS: '2', NODE_OPTIONS: '--v8-pool-size=3' })).toBe('NODE_OPTIONS=[--v8-pool-size=3]\n');
  });

  it('builds the action checkout in place when its dist is missing, then runs it', () => {
    const checkout = tempDir('kmslint-action-checkout-');
    cpSync(join(ROOT, 'bin'), join(checkout, 'bin'), { recursive: true });
    cpSync(join(ROOT, 'action'), join(checkout, 'action'), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(checkout, 'package.json'));
    // The stub "build" writes a dist whose CLI echoes its arguments.
    const npm = npmStub(
      `mkdir -p dist/src/cli && echo 'console.log("built kmslint", JSON.stringify(process.argv.slice(2)));' > dist/src/cli/run.js`,
    );
    const ws = workspace({ 'topic.yaml': FAILING });
    const run = runAction(ws, {}, { actionPath: checkout, path: npm.dir });
    expect(run.status).toBe(0);
    expect(npm.calls()).toEqual([
      [checkout, 'ci', '--no-audit', '--no-fund', '--ignore-scripts'],
      [checkout, 'run', 'build'],
    ]);
    expect(run.stdout).toBe(
      "::group::Build kmslint from the action's checkout\n::endgroup::\n" +
        'built kmslint ["lint","--format","stylish","--","."]\n',
    );
  });
});
