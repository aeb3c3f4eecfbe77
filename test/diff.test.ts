// `kmslint diff` (issue 13): the change rules on CloudFormation pairs, a Terraform plan, two real CDK
// synths and a git base; only new findings of the after side; the rule pages' before/after examples;
// and plain `lint` never loading @aws-cdk/cloudformation-diff.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import { main } from '../src/cli/main.js';
import { lintDiff } from '../src/engine/lint-diff.js';
import { loadFile, loadText } from '../src/inputs/load.js';
import { resolveConfig } from '../src/config/load.js';
import { planBeforeText } from '../src/diff/terraform-changes.js';
import { allRules } from '../rules/index.js';
import type { Finding } from '../src/model/findings.js';

process.env.CDK_VALIDATION = 'false';
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'diff');
const CONFIG = resolveConfig({}, process.cwd());
const CHANGE_RULES = allRules.filter((r) => r.meta.group === 'change').map((r) => r.meta.id);

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

async function cli(args: string[], cwd = process.cwd()) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, isTTY: false, env: {} });
  return { code, stdout, stderr };
}

/** The whole result as tuples, in report order. */
function tuples(findings: readonly Finding[]) {
  return findings.map((f) => ({ ruleId: f.ruleId, resource: f.resource?.id, file: f.file, line: f.line, column: f.column, messageId: f.messageId, severity: f.severity }));
}

async function diffFiles(before: string, after: string, options: { all?: boolean } = {}) {
  const sides = { before: [loadFile(before, { explicit: true })], after: [loadFile(after, { explicit: true })], pairKey: () => 'only' };
  return (await lintDiff(sides, { config: CONFIG, ...options })).result;
}

describe('CloudFormation: a release that touches every change rule', () => {
  const dir = join(FIXTURES, 'cloudformation', 'release');
  const before = join(dir, 'before.yaml');
  const after = join(dir, 'after.yaml');

  it('reports each change once, where it happens, and only the after side’s new findings', async () => {
    const result = await diffFiles(before, after);
    expect(tuples(result.findings)).toEqual([
      { ruleId: 'customer-key-rotation-disabled', resource: 'DataKey', file: after, line: 6, column: 7, messageId: 'rotationOff', severity: 'warning' },
      { ruleId: 'diff-rotation-disabled', resource: 'DataKey', file: after, line: 6, column: 7, messageId: 'disabled', severity: 'error' },
      { ruleId: 'diff-key-policy-change', resource: 'DataKey', file: after, line: 7, column: 7, messageId: 'widened', severity: 'warning' },
      { ruleId: 'diff-key-replacement', resource: 'Db', file: after, line: 26, column: 7, messageId: 'replaced', severity: 'error' },
      { ruleId: 'diff-key-downgrade', resource: 'Table', file: after, line: 33, column: 27, messageId: 'downgraded', severity: 'warning' },
      { ruleId: 'implicit-aws-managed-key', resource: 'Table', file: after, line: 33, column: 27, messageId: 'implicit', severity: 'info' },
      { ruleId: 'diff-key-removed', resource: 'OldKey', file: before, line: 15, column: 3, messageId: 'removed', severity: 'error' },
    ]);
    const byRule = Object.fromEntries(result.findings.map((f) => [f.ruleId, f.message]));
    expect(byRule['diff-key-removed']).toBe(
      'OldKey is removed without DeletionPolicy: Retain, so it is scheduled for deletion and deleted after 30 days; whatever it encrypted (Db) can no longer be decrypted — keep it with DeletionPolicy: Retain, or re-encrypt that data first',
    );
    expect(byRule['diff-key-policy-change']).toContain('it newly grants account 444455556666');
    expect(byRule['diff-key-replacement']).toContain('(KmsKeyId: the customer managed key OldKey → the customer managed key DataKey)');
  });

  it('findings both sides have (DataKey and OldKey have no DeletionPolicy) are left out, and shown with --all', async () => {
    const all = await diffFiles(before, after, { all: true });
    expect(all.findings.filter((f) => f.ruleId === 'customer-key-deletion-unprotected').map((f) => f.resource?.id)).toEqual(['DataKey']);
    const onlyNew = await diffFiles(before, after);
    expect(onlyNew.findings.some((f) => f.ruleId === 'customer-key-deletion-unprotected')).toBe(false);
  });

  it('near miss: a key reference written differently (YAML short form → JSON long form) is no change', async () => {
    const d = join(FIXTURES, 'cloudformation', 'formatting');
    const result = await diffFiles(join(d, 'before.yaml'), join(d, 'after.json'));
    expect(tuples(result.findings)).toEqual([]);
  });

  it('the CLI exits 1 on the release, 0 on the near miss, and writes a PR comment with --format markdown', async () => {
    const r = await cli(['diff', '--no-config', '--format', 'markdown', before, after]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').slice(0, 4)).toEqual([
      '### kmslint: 3 errors, 3 warnings, 1 info',
      '',
      '| Severity | Rule | Resource | Where | Finding |',
      '| --- | --- | --- | --- | --- |',
    ]);
    expect(r.stdout).toContain('| Error | [diff-key-removed](https://github.com/kmslint/kmslint/blob/main/rules/diff-key-removed.md) | `OldKey` |');
    const d = join(FIXTURES, 'cloudformation', 'formatting');
    expect((await cli(['diff', '--no-config', join(d, 'before.yaml'), join(d, 'after.json')])).code).toBe(0);
  });
});

describe('rule pages: every change rule’s before/after examples give the stated result', () => {
  for (const id of CHANGE_RULES) {
    it(`${id}: the "Fails" pair fires it, the "Passes" pair does not`, async () => {
      const page = readFileSync(join('rules', `${id}.md`), 'utf8');
      const pairs = examplePairs(page);
      expect(pairs.map((p) => p.expect)).toEqual(['fail', 'pass']);
      for (const p of pairs) {
        const sides = {
          before: [loadText('before.yaml', asTemplate(p.before), { explicit: true })],
          after: [loadText('after.yaml', asTemplate(p.after), { explicit: true })],
          pairKey: () => 'page',
        };
        const { result } = await lintDiff(sides, { config: CONFIG });
        expect(result.inputs.filter((i) => i.error)).toEqual([]);
        const fired = result.findings.filter((f) => f.ruleId === id);
        if (p.expect === 'fail') expect(fired.length, `${id} should fire on its failing example`).toBeGreaterThan(0);
        else expect(tuples(fired)).toEqual([]);
      }
    });
  }
});

/** ```yaml before / ```yaml after blocks, each pair labelled by the "Fails"/"Passes" line before it. */
function examplePairs(page: string): { expect: 'fail' | 'pass'; before: string; after: string }[] {
  const pairs: { expect: 'fail' | 'pass'; before: string; after: string }[] = [];
  let label: 'fail' | 'pass' | undefined;
  let before: string | undefined;
  const re = /^(Fails|Passes)\b.*$|^```yaml (before|after)\n([\s\S]*?)^```$/gm;
  for (const m of page.matchAll(re)) {
    if (m[1]) label = m[1] === 'Fails' ? 'fail' : 'pass';
    else if (m[2] === 'before') before = m[3];
    else if (label && before !== undefined) {
      pairs.push({ expect: label, before, after: m[3] });
      before = undefined;
    }
  }
  return pairs;
}

function asTemplate(resources: string): string {
  return `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n${resources.replace(/^/gm, '  ')}`;
}

describe('Terraform: kmslint diff plan.json compares the plan with its prior state', () => {
  const plan = join(FIXTURES, 'terraform', 'plan.json');
  it('a replaced database, rotation turned off, a widened policy, a queue moved to SSE-SQS and a destroyed key; unchanged resources are silent', async () => {
    const after = loadFile(plan, { explicit: true });
    const before = loadText(`${plan} (prior state)`, planBeforeText(readFileSync(plan, 'utf8'))!, { explicit: true });
    const { result } = await lintDiff({ before: [before], after: [after], pairKey: (t) => t.stack, plans: [{ before, after }] }, { config: CONFIG });
    expect(tuples(result.findings)).toEqual([
      { ruleId: 'customer-key-rotation-disabled', resource: 'aws_kms_key.data', file: plan, line: 16, column: 13, messageId: 'rotationOff', severity: 'warning' },
      { ruleId: 'diff-rotation-disabled', resource: 'aws_kms_key.data', file: plan, line: 16, column: 13, messageId: 'disabled', severity: 'error' },
      { ruleId: 'diff-key-policy-change', resource: 'aws_kms_key.data', file: plan, line: 21, column: 13, messageId: 'widened', severity: 'warning' },
      { ruleId: 'diff-key-replacement', resource: 'aws_db_instance.main', file: plan, line: 54, column: 13, messageId: 'replaced', severity: 'error' },
      { ruleId: 'diff-key-downgrade', resource: 'aws_sqs_queue.events', file: plan, line: 88, column: 11, messageId: 'downgraded', severity: 'warning' },
      { ruleId: 'diff-key-removed', resource: 'aws_kms_key.old', file: plan, line: 168, column: 5, messageId: 'destroyed', severity: 'error' },
    ]);
    const text = readFileSync(plan, 'utf8').split('\n');
    expect(text[15]).toContain('"enable_key_rotation": false');
    expect(text[53]).toContain('"kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/2222bbbb');
    expect(text[87]).toContain('"values": {'); // the queue's planned attributes: no key any more
    expect(text[167]).toMatch(/^ {4}\{$/);
    expect(text[168]).toContain('"address": "aws_kms_key.old"');
  });

  it('the CLI takes the plan alone; a file that is not a plan is a usage error', async () => {
    const r = await cli(['diff', '--no-config', '--format', 'json', plan]);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId).filter((id) => id.startsWith('diff-'))).toEqual([
      'diff-rotation-disabled', 'diff-key-policy-change', 'diff-key-replacement', 'diff-key-downgrade', 'diff-key-removed',
    ]);
    const notPlan = await cli(['diff', join(FIXTURES, 'cloudformation', 'release', 'after.yaml')]);
    expect(notPlan.code).toBe(2);
    expect(notPlan.stderr).toContain('diff with one argument takes a Terraform plan');
  });
});

describe('CDK: two real synths, a table switched to TableEncryption.AWS_MANAGED', () => {
  let beforeDir = '';
  let afterDir = '';
  beforeAll(() => {
    const synth = (managed: boolean) => {
      const app = new App({ outdir: tempDir('kmslint-diff-cdk-'), stackTraces: false, analyticsReporting: false });
      const stack = new Stack(app, 'Orders', { env: { account: '111122223333', region: 'eu-west-1' } });
      const key = new kms.Key(stack, 'TableKey', { enableKeyRotation: true, removalPolicy: RemovalPolicy.RETAIN });
      new dynamodb.Table(stack, 'Orders', {
        partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
        billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
        ...(managed ? { encryption: dynamodb.TableEncryption.AWS_MANAGED } : { encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED, encryptionKey: key }),
      });
      return app.synth().directory;
    };
    beforeDir = synth(false);
    afterDir = synth(true);
  });

  it('is a downgrade, reported with the construct path, through the CLI on the two assemblies', async () => {
    const r = await cli(['diff', '--no-config', '--format', 'json', beforeDir, afterDir]);
    expect(r.stderr).toBe('');
    const findings = (JSON.parse(r.stdout) as { findings: { ruleId: string; severity: string; resource: { id: string; path?: string; stack: string }; message: string }[] }).findings;
    const downgrades = findings.filter((f) => f.ruleId === 'diff-key-downgrade');
    expect(downgrades.map((f) => [f.severity, f.resource.stack, f.resource.path])).toEqual([['warning', 'Orders', 'Orders/Orders/Resource']]);
    expect(downgrades[0].message).toMatch(/^Orders[0-9A-F]{8} \(Orders\/Orders\/Resource\) moves from the customer managed key TableKey[0-9A-F]{8} to the AWS managed key alias\/aws\/dynamodb/);
    expect(findings.filter((f) => f.ruleId.startsWith('diff-')).map((f) => f.ruleId)).toEqual(['diff-key-downgrade']);
    expect(r.code).toBe(0);
  });
});

describe('kmslint diff --base <git-ref>', () => {
  it('reads the before side of each changed template from git; unchanged and non-template files are not read', async () => {
    const repo = tempDir('kmslint-diff-git-');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
    git('init', '-q');
    const release = join(FIXTURES, 'cloudformation', 'release');
    writeFileSync(join(repo, 'stack.yaml'), readFileSync(join(release, 'before.yaml')));
    writeFileSync(join(repo, 'steady.yaml'), 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n');
    writeFileSync(join(repo, 'notes.txt'), 'hello\n');
    git('add', '.');
    git('commit', '-q', '-m', 'before');
    writeFileSync(join(repo, 'stack.yaml'), readFileSync(join(release, 'after.yaml')));
    writeFileSync(join(repo, 'notes.txt'), 'changed\n');
    git('commit', '-q', '-am', 'after');

    const r = await cli(['diff', '--no-config', '--format', 'json', '--base', 'HEAD~1'], repo);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as { inputs: { path: string }[]; findings: { ruleId: string; file: string; line: number }[] };
    expect(report.inputs.map((i) => i.path)).toEqual(['HEAD~1:stack.yaml', 'stack.yaml']);
    expect(report.findings.filter((f) => f.ruleId.startsWith('diff-')).map((f) => [f.ruleId, f.file, f.line])).toEqual([
      ['diff-key-removed', 'HEAD~1:stack.yaml', 15],
      ['diff-rotation-disabled', 'stack.yaml', 6],
      ['diff-key-policy-change', 'stack.yaml', 7],
      ['diff-key-replacement', 'stack.yaml', 26],
      ['diff-key-downgrade', 'stack.yaml', 33],
    ]);
    expect(r.code).toBe(1);
    git('commit', '-q', '--allow-empty', '-m', 'no template change');
    expect(await cli(['diff', '--no-config', '--base', 'HEAD~1', 'notes.txt'], repo)).toEqual({ code: 0, stdout: '', stderr: 'kmslint: no template changed since HEAD~1\n' });
    const emptyDir = tempDir('kmslint-diff-empty-');
    expect(await cli(['diff', '--no-config', emptyDir, emptyDir])).toMatchObject({ code: 2, stderr: 'kmslint: no inputs found in either side\n' });
    const bad = await cli(['diff', '--base', 'no-such-ref'], repo);
    expect([bad.code, bad.stderr]).toEqual([2, `kmslint: --base: no-such-ref is not a commit of the repository at ${repo}\n`]);
  });
});

describe('plain lint never loads @aws-cdk/cloudformation-diff', () => {
  it('is absent from the module cache after kmslint lint, present after kmslint diff', () => {
    const probe = (command: string) =>
      execFileSync(process.execPath, ['--import', 'tsx', '-e', `
        import { createRequire } from 'node:module';
        const { main } = await import('./src/cli/main.ts');
        const io = { stdout() {}, stderr() {}, cwd: process.cwd(), isTTY: false, env: {} };
        await main(${command}, io);
        const cache = Object.keys(createRequire(import.meta.url).cache);
        console.log(cache.some((k) => k.includes('@aws-cdk/cloudformation-diff')));
      `], { encoding: 'utf8', cwd: join(import.meta.dirname, '..') }).trim();
    const release = 'fixtures/diff/cloudformation/release';
    expect(probe(`['lint', '--no-config', '${release}/after.yaml']`)).toBe('false');
    expect(probe(`['diff', '--no-config', '${release}/before.yaml', '${release}/after.yaml']`)).toBe('true');
  });
});

describe('near misses found on real history (widdix/aws-cf-templates)', () => {
  const write = (dir: string, name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const KEY = (props: string) => `Resources:\n  Key:\n    Type: AWS::KMS::Key\n    DeletionPolicy: Retain\n    Properties:\n      EnableKeyRotation: true\n${props}`;

  it('an after side that does not parse is a parse error (exit 2), not the removal of every key it held', async () => {
    const dir = tempDir('kmslint-diff-broken-');
    const before = write(dir, 'before.yaml', 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n');
    const after = write(dir, 'after.yaml', "Resources:\n  Key:\n    Description: Description: 'x'\n    Type: AWS::KMS::Key\n");
    const result = await diffFiles(before, after);
    expect(tuples(result.findings).map((f) => [f.ruleId, f.file])).toEqual([['parse-error', after]]);
    expect((await cli(['diff', '--no-config', before, after])).code).toBe(2);
  });

  it('KeySpec written for the first time as its default is no change; a real KeySpec change fails the update', async () => {
    const dir = tempDir('kmslint-diff-keyspec-');
    const before = write(dir, 'before.yaml', KEY(''));
    const sameSpec = write(dir, 'same.yaml', KEY('      KeySpec: SYMMETRIC_DEFAULT\n      KeyUsage: ENCRYPT_DECRYPT\n'));
    const otherSpec = write(dir, 'other.yaml', KEY('      KeySpec: RSA_2048\n      KeyUsage: SIGN_VERIFY\n'));
    expect(tuples((await diffFiles(before, sameSpec)).findings)).toEqual([]);
    expect(tuples((await diffFiles(before, otherSpec)).findings).filter((f) => f.ruleId.startsWith('diff-'))).toEqual([
      { ruleId: 'diff-key-replacement', resource: 'Key', file: otherSpec, line: 7, column: 7, messageId: 'immutable', severity: 'error' },
    ]);
  });

  it('a key dropped only when restoring from a snapshot is a replacement in that branch (widdix 84805c0)', async () => {
    const dir = tempDir('kmslint-diff-snapshot-');
    const db = (condition: string, extra: string) => `Parameters:\n  Encryption: { Type: String, Default: 'false' }\n  Snapshot: { Type: String, Default: '' }\nConditions:\n  HasEncryption: !Equals [!Ref Encryption, 'true']\n  HasSnapshot: !Not [!Equals [!Ref Snapshot, '']]\n${extra}Resources:\n  Key:\n    Type: AWS::KMS::Key\n    DeletionPolicy: Retain\n    Properties: { EnableKeyRotation: true }\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      DBInstanceClass: db.t3.micro\n      DBSnapshotIdentifier: !If [HasSnapshot, !Ref Snapshot, !Ref AWS::NoValue]\n      StorageEncrypted: !If [HasSnapshot, !Ref AWS::NoValue, !Ref Encryption]\n      KmsKeyId: !If [${condition}, !Ref Key, !Ref AWS::NoValue]\n`;
    const before = write(dir, 'before.yaml', db('HasEncryption', ''));
    const after = write(dir, 'after.yaml', db('HasEncryptionAndNotSnapshot', '  HasEncryptionAndNotSnapshot: !And [!Condition HasEncryption, !Not [!Condition HasSnapshot]]\n'));
    const result = await diffFiles(before, after);
    const found = result.findings.filter((f) => f.ruleId === 'diff-key-replacement');
    // Line 15: the instance's Properties, where the restore (not a key property) decides its key.
    expect(found.map((f) => [f.branch, f.line])).toEqual([['HasEncryptionAndNotSnapshot=false, HasSnapshot=true', 15]]);
    expect(found[0].message).toContain('(KmsKeyId: the customer managed key Key → a key kmslint could not resolve)');
  });

  it('a key made optional by a condition replaces the database only in the branch that names one', async () => {
    const dir = tempDir('kmslint-diff-optional-');
    const db = (key: string) => `Parameters:\n  KmsKey: { Type: String, Default: '' }\nConditions:\n  HasKmsKey: !Not [!Equals [!Ref KmsKey, '']]\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      DBInstanceClass: db.t3.micro\n      StorageEncrypted: true\n${key}`;
    const before = write(dir, 'before.yaml', db(''));
    const after = write(dir, 'after.yaml', db('      KmsKeyId: !If [HasKmsKey, !Ref KmsKey, !Ref AWS::NoValue]\n'));
    const result = await diffFiles(before, after);
    expect(result.findings.filter((f) => f.ruleId.startsWith('diff-')).map((f) => [f.ruleId, f.branch, f.line])).toEqual([['diff-key-replacement', 'HasKmsKey=true', 12]]);
  });
});

describe('usage', () => {
  it('diff refuses options it does not use; lsp needs its transport', async () => {
    const release = join(FIXTURES, 'cloudformation', 'release');
    expect(await cli(['diff', '--stdin', join(release, 'before.yaml'), join(release, 'after.yaml')])).toEqual({
      code: 2, stdout: '', stderr: 'kmslint: --stdin is not an option of kmslint diff (see kmslint help diff)\n',
    });
    expect(await cli(['diff', join(release, 'before.yaml')])).toMatchObject({ code: 2 });
    expect(await cli(['diff', 'a', 'b', 'c'])).toEqual({ code: 2, stdout: '', stderr: 'kmslint: diff takes <before> <after>, one Terraform plan, or --base <git-ref> [paths…]\n' });
    expect(await cli(['lsp'])).toEqual({ code: 2, stdout: '', stderr: 'kmslint: lsp speaks the Language Server Protocol over standard input and output: run kmslint lsp --stdio\n' });
  });
});

describe('diff-key-policy-change: a wildcard bounded to the account is not a new grantee (widdix 6801513)', () => {
  const key = (extra: string) => `Resources:\n  Key:\n    Type: AWS::KMS::Key\n    DeletionPolicy: Retain\n    Properties:\n      EnableKeyRotation: true\n      KeyPolicy:\n        Version: "2012-10-17"\n        Statement:\n          - Sid: Root\n            Effect: Allow\n            Principal: { AWS: !Sub "arn:aws:iam::\${AWS::AccountId}:root" }\n            Action: "kms:*"\n            Resource: "*"\n${extra}`;
  const wildcard = (condition: string) => `          - Sid: ViaS3\n            Effect: Allow\n            Principal: { AWS: "*" }\n            Action: ["kms:Decrypt", "kms:GenerateDataKey*"]\n            Resource: "*"\n${condition}`;
  it('changed when kms:CallerAccount bounds it, widened when nothing does', async () => {
    const dir = tempDir('kmslint-diff-policy-');
    const before = join(dir, 'before.yaml');
    writeFileSync(before, key(''));
    const bounded = join(dir, 'bounded.yaml');
    writeFileSync(bounded, key(wildcard('            Condition:\n              StringEquals:\n                "kms:CallerAccount": !Ref AWS::AccountId\n                "kms:ViaService": !Sub "s3.${AWS::Region}.amazonaws.com"\n')));
    const open = join(dir, 'open.yaml');
    writeFileSync(open, key(wildcard('            Condition:\n              StringEquals:\n                "kms:ViaService": !Sub "s3.${AWS::Region}.amazonaws.com"\n')));
    const of = async (after: string) => (await diffFiles(before, after)).findings.filter((f) => f.ruleId === 'diff-key-policy-change').map((f) => [f.messageId, f.message]);
    expect(await of(bounded)).toEqual([['changed', "Key's key policy gains 1 statement (ViaS3) and loses no statement; review who may now use or manage this key"]]);
    expect(await of(open)).toEqual([['widened', "Key's key policy gains 1 statement (ViaS3) and loses no statement; it newly grants any principal (*) — make sure each is meant to use or manage this key"]]);
  });
});
