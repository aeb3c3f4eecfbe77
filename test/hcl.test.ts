// Terraform HCL (issue 16): the features that carry keys and policies, one fixture directory each
// under fixtures/terraform-hcl/features/, with their whole findings; malformed HCL; discovery,
// the CLI and the module rules (a directory is one module, *.tfvars stand in for defaults).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintSources } from '../src/engine/lint-sources.js';
import { loadHclReader, needsHclParser } from '../src/inputs/terraform/hcl/pending.js';
import { discoverInputs } from '../src/inputs/discover.js';
import { loadText } from '../src/inputs/load.js';
import { hclWasmPaths } from '../src/inputs/terraform/hcl/parser.js';
import { main } from '../src/cli/main.js';

const FEATURES = 'fixtures/terraform-hcl/features';
type Row = [ruleId: string, resource: string | null, file: string, line: number, column: number, endLine: number, endColumn: number, messageId: string | null, severity: string];

async function findings(dir: string): Promise<Row[]> {
  const r = await lintSources({ paths: [join(FEATURES, dir)], noConfig: true });
  return r.result.findings.map((f) => [f.ruleId, f.resource?.id ?? null, f.file.slice(FEATURES.length + dir.length + 2), f.line, f.column, f.endLine, f.endColumn, f.messageId ?? null, f.severity]);
}

async function keys(dir: string): Promise<{ id: string; branch?: string; kind: string; keyRef?: string; alias?: string; line: number; column: number }[]> {
  const r = await lintSources({ paths: [join(FEATURES, dir)], noConfig: true });
  return r.keys.map((k) => ({ id: k.id, ...(k.branch ? { branch: k.branch } : {}), kind: k.key.kind, ...(k.key.keyRef ? { keyRef: k.key.keyRef } : {}), ...(k.key.alias ? { alias: k.key.alias } : {}), line: k.line, column: k.column }));
}

const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});
function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kmslint-hcl-'));
  temps.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

beforeAll(async () => {
  await loadHclReader();
});

describe('expressions that carry keys and policies', () => {
  it('references resolve across the files of a module; an undeclared key is unknown', async () => {
    expect(await findings('references')).toEqual([]);
    expect(await keys('references')).toEqual([
      { id: 'aws_sqs_queue.orders', kind: 'customer-managed', keyRef: 'aws_kms_key.queue', line: 3, column: 3 },
      { id: 'aws_sqs_queue.audit', kind: 'unknown', line: 9, column: 3 },
    ]);
  });

  it('string templates, var.* defaults, terraform.tfvars and *.auto.tfvars, local.*', async () => {
    expect(await findings('templates-and-variables')).toEqual([
      ['aws-managed-key-wrong-service', 'aws_sqs_queue.events', 'main.tf', 18, 3, 18, 40, 'otherService', 'error'],
      ['aws-managed-key-wrong-service', 'aws_cloudwatch_log_group.app', 'main.tf', 23, 3, 23, 69, 'noManagedKey', 'error'],
    ]);
  });

  it('conditionals: each branch is analysed, at the branch that is written; a branch proving a variable non-null does not use its null default', async () => {
    expect(await findings('conditionals')).toEqual([
      ['aws-managed-key-wrong-service', 'aws_sqs_queue.events', 'main.tf', 19, 61, 19, 76, 'otherService', 'error'],
    ]);
    expect(await keys('conditionals')).toEqual([
      { id: 'aws_sqs_queue.events', branch: 'var.use_cmk=true', kind: 'customer-managed', keyRef: 'aws_kms_key.queue', line: 19, column: 37 },
      { id: 'aws_sqs_queue.events', branch: 'var.use_cmk=false', kind: 'aws-managed', alias: 'alias/aws/sns', line: 19, column: 61 },
      { id: 'aws_sqs_queue.jobs', branch: 'var.kms_key_arn != null=true', kind: 'unknown', line: 25, column: 49 },
      { id: 'aws_sqs_queue.jobs', branch: 'var.kms_key_arn != null=false', kind: 'customer-managed', keyRef: 'aws_kms_key.queue', line: 25, column: 67 },
    ]);
  });

  it('jsonencode, heredoc and aws_iam_policy_document policies, positioned inside the document when it is in the file', async () => {
    expect(await findings('policies')).toEqual([
      ['key-policy-wildcard-principal', 'aws_kms_key.encoded', 'main.tf', 22, 9, 22, 24, 'wildcard', 'error'],
      ['key-policy-lockout', 'aws_kms_key.heredoc', 'main.tf', 34, 3, 46, 6, 'lockout', 'error'],
      // The principals block of the second statement; the third is narrowed by aws:PrincipalOrgID.
      ['key-policy-wildcard-principal', 'aws_kms_key.document', 'main.tf', 64, 5, 67, 6, 'wildcard', 'error'],
    ]);
  });

  it('count, for_each and dynamic blocks give their instances', async () => {
    expect(await findings('instances')).toEqual([
      ['aws-managed-key-wrong-service', 'aws_sqs_queue.named["orders"]', 'main.tf', 10, 3, 10, 38, 'otherService', 'error'],
      ['aws-managed-key-wrong-service', 'aws_sqs_queue.named["refunds"]', 'main.tf', 10, 3, 10, 38, 'otherService', 'error'],
      ['aws-managed-key-wrong-service', 'aws_sns_topic.counted[1]', 'main.tf', 17, 3, 17, 75, 'otherService', 'error'],
      ['implicit-aws-managed-key', 'aws_s3_bucket.data', 'main.tf', 31, 9, 31, 35, 'implicit', 'info'],
    ]);
  });

  it('a local module is followed to the key it declares; a registry module’s outputs are unknown, and say so', async () => {
    expect(await findings('modules')).toEqual([]);
    const rows = await lintSources({ paths: [join(FEATURES, 'modules', 'main.tf')], noConfig: true });
    expect(rows.keys.map((k) => [k.id, k.key.kind, k.key.keyRef ?? null, k.reason])).toEqual([
      ['aws_sqs_queue.local', 'customer-managed', 'module.kms.aws_kms_key.this', 'kms_master_key_id names the customer managed key module.kms.aws_kms_key.this declared in stack fixtures/terraform-hcl/features/modules'],
      ['aws_sqs_queue.remote', 'unknown', null, 'kms_master_key_id cannot be resolved: module.remote_kms comes from terraform-aws-modules/kms/aws, which kmslint does not fetch: its outputs are unknown'],
    ]);
  });

  it('a *.tf.json file reads a variable declared in a .tf file of its module (terraform.tfvars value)', async () => {
    expect(await findings('json-sees-tf-variables')).toEqual([
      ['aws-managed-key-wrong-service', 'aws_sqs_queue.events', 'queues.tf.json', 6, 9, 6, 48, 'otherService', 'error'],
    ]);
  });

  it('a module directory mixing .tf and .tf.json: one module, each file positioned in itself', async () => {
    expect(await findings('mixed')).toEqual([
      ['aws-managed-key-wrong-service', 'aws_sqs_queue.alias', 'main.tf', 4, 3, 4, 38, 'otherService', 'error'],
      ['customer-key-rotation-disabled', 'aws_kms_key.shared', 'variables.tf.json', 7, 54, 7, 82, 'rotationOff', 'warning'],
    ]);
    const k = await keys('mixed');
    expect(k.find((r) => r.id === 'aws_sqs_queue.shared')).toEqual({ id: 'aws_sqs_queue.shared', kind: 'customer-managed', keyRef: 'aws_kms_key.shared', line: 9, column: 3 });
  });
});

describe('malformed HCL', () => {
  it('is one positioned parse-error; the other files of the batch are still linted', async () => {
    expect(await findings('parse-error')).toEqual([
      ['parse-error', null, 'broken.tf', 4, 1, 4, 1, 'unparsable', 'error'],
      ['aws-managed-key-wrong-service', 'aws_sqs_queue.fine', 'main.tf', 3, 3, 3, 38, 'otherService', 'error'],
    ]);
  });

  it.each([
    ['resource "a" "b" {\n  x = 1\n', 3, 1, 'invalid HCL: missing "}"'],
    ['a = "open\nb = 2\n', 3, 1, 'invalid HCL: missing the closing quote of a string'],
    ['x = {\n  a = \n}\n', 3, 1, 'invalid HCL: expected an expression after "=", found "}"'],
  ])('%j → line %i, column %i', (text, line, column, message) => {
    expect(loadText('bad.tf', text, { explicit: true }).error).toEqual({ message, line, column });
  });

  it('the CLI prints file:line:column and exits 2', async () => {
    const dir = workspace({ 'broken.tf': 'resource "aws_sqs_queue" "q" {\n  name = \n}\n', 'ok.tf': 'resource "aws_sqs_queue" "ok" {\n  name = "ok"\n}\n' });
    let stdout = '';
    const code = await main(['--no-config', '--format', 'json', '.'], { stdout: (s) => (stdout += s), stderr: () => {}, cwd: dir, isTTY: false, env: {} });
    expect(code).toBe(2);
    const report = JSON.parse(stdout) as { findings: { ruleId: string; file: string; line: number; column: number }[]; inputs: { path: string }[] };
    expect(report.findings.map((f) => [f.ruleId, f.file, f.line, f.column])).toEqual([['parse-error', 'broken.tf', 3, 1]]);
    expect(report.inputs.map((i) => i.path).sort()).toEqual(['broken.tf', 'ok.tf']);
  });
});

describe('module calls with a local source', () => {
  const CALLS = join(FEATURES, 'module-calls');
  type CallRow = [ruleId: string, resource: string | null, stack: string | null, file: string, line: number, column: number, messageId: string | null, related: string[]];
  async function calls(paths: string[]): Promise<CallRow[]> {
    const r = await lintSources({ paths: paths.map((p) => join(CALLS, p)), noConfig: true });
    const rel = (f: string) => f.slice(CALLS.length + 1);
    return r.result.findings.map((f) => [f.ruleId, f.resource?.id ?? null, f.resource?.stack.replace(`${CALLS}/`, '') ?? null, rel(f.file), f.line, f.column, f.messageId ?? null, (f.related ?? []).map((x) => `${rel(x.file)}:${x.line}:${x.column} ${x.message}`)]);
  }

  it('instantiates the module under the call with its arguments, positioned in the module; the call is a related location', async () => {
    expect(await calls(['examples/wrong-alias', 'examples/given-key'])).toEqual([
      ['aws-managed-key-wrong-service', 'module.topic.aws_sns_topic.this', 'examples/wrong-alias', 'topic/main.tf', 19, 3, 'otherService', ['examples/wrong-alias/main.tf:2:1 instantiated by module.topic']],
    ]);
    const r = await lintSources({ paths: [join(CALLS, 'examples/given-key')], noConfig: true });
    // The module's `var.queue_key_id != null ? … : "alias/aws/sns"` is decided by the key passed: no branch with the default.
    expect(r.keys.map((k) => [k.id, k.file.slice(CALLS.length + 1), k.line, k.column, k.branch ?? null, k.key.kind, k.key.keyRef ?? k.key.alias ?? null])).toEqual([
      ['module.topic.aws_sns_topic.this', 'topic/main.tf', 19, 3, null, 'customer-managed', 'aws_kms_key.topic'],
      ['module.topic.aws_sqs_queue.this', 'topic/main.tf', 24, 3, null, 'customer-managed', 'aws_kms_key.topic'],
    ]);
  });

  it('a call passing nothing repeats the module’s own findings: said once when the module is linted too, said for the call when it is not', async () => {
    const own: CallRow[] = [
      ['aws-managed-key-wrong-service', 'aws_sns_topic.this', 'main', 'topic/main.tf', 19, 3, 'otherService', []],
      ['aws-managed-key-wrong-service', 'aws_sqs_queue.this', 'main', 'topic/main.tf', 24, 69, 'otherService', []],
    ];
    expect(await calls(['topic', 'examples/defaults'])).toEqual(own);
    expect(await calls(['examples/defaults'])).toEqual([
      ['aws-managed-key-wrong-service', 'module.topic.aws_sns_topic.this', 'examples/defaults', 'topic/main.tf', 19, 3, 'otherService', ['examples/defaults/main.tf:2:1 instantiated by module.topic']],
      ['aws-managed-key-wrong-service', 'module.topic.aws_sqs_queue.this', 'examples/defaults', 'topic/main.tf', 24, 3, 'otherService', ['examples/defaults/main.tf:2:1 instantiated by module.topic']],
    ]);
  });

  it('count and for_each calls give one instance per known key; an unknown for_each is one instance with the reason', async () => {
    expect(await calls(['examples/instances'])).toEqual([
      ['aws-managed-key-wrong-service', 'module.each["audit"].aws_sns_topic.this', 'examples/instances', 'topic/main.tf', 19, 3, 'otherService', ['examples/instances/main.tf:14:1 instantiated by module.each["audit"]']],
    ]);
    const r = await lintSources({ paths: [join(CALLS, 'examples/instances')], noConfig: true });
    expect(r.keys.filter((k) => k.type === 'aws_sns_topic').map((k) => [k.id, k.key.kind, k.key.keyRef ?? k.key.alias ?? null, k.reason])).toEqual([
      ['module.counted[0].aws_sns_topic.this', 'customer-managed', 'aws_kms_key.topic', 'kms_master_key_id names the customer managed key aws_kms_key.topic declared in stack main'],
      ['module.counted[1].aws_sns_topic.this', 'aws-managed', 'alias/aws/sns', 'kms_master_key_id names the AWS managed key alias/aws/sns'],
      ['module.each["orders"].aws_sns_topic.this', 'customer-managed', 'aws_kms_key.topic', 'kms_master_key_id names the customer managed key aws_kms_key.topic declared in stack main'],
      ['module.each["audit"].aws_sns_topic.this', 'aws-managed', 'alias/aws/sqs', 'kms_master_key_id names the AWS managed key alias/aws/sqs'],
      ['module.unknown.aws_sns_topic.this', 'unknown', null, 'kms_master_key_id cannot be resolved: the for_each of module.unknown is computed by Terraform'],
    ]);
  });

  it('a registry module is one warning of the run, in lintSources and on the CLI’s stderr', async () => {
    const r = await lintSources({ paths: [join(FEATURES, 'modules')], noConfig: true });
    const warning =
      'Terraform module terraform-aws-modules/kms/aws is not fetched (kmslint reads local ./ and ../ modules only): the resources of module.remote_kms in fixtures/terraform-hcl/features/modules/main.tf are not checked and their outputs are unknown';
    expect(r.warnings).toEqual([warning]);
    const err: string[] = [];
    const code = await main(['lint', '--no-config', '--format', 'json', join(FEATURES, 'modules')], { stdout: () => {}, stderr: (s) => err.push(s), cwd: process.cwd(), isTTY: false, env: {} });
    expect([code, err.join('')]).toEqual([0, `kmslint: warning: ${warning}\n`]);
  });
});

describe('null arguments and missing local modules', () => {
  it('a call passing null to a `nullable = false` variable uses the default; to a nullable one, null', async () => {
    const dir = join(FEATURES, 'nullable');
    const r = await lintSources({ paths: [join(dir, 'example')], noConfig: true });
    expect(r.result.findings.map((f) => [f.ruleId, f.resource?.id ?? null, f.file.slice(dir.length + 1), f.line, f.column, f.endLine, f.endColumn, f.messageId ?? null, f.severity])).toEqual([
      ['aws-managed-key-wrong-service', 'module.topic.aws_sns_topic.strict', 'topic/main.tf', 16, 3, 16, 37, 'otherService', 'error'],
    ]);
    expect(r.keys.map((k) => [k.id, k.key.kind, k.key.alias ?? null])).toEqual([
      ['module.topic.aws_sns_topic.strict', 'aws-managed', 'alias/aws/sqs'],
      ['module.topic.aws_sns_topic.lenient', 'none', null],
    ]);
  });

  it('a local source that is not a directory is one warning of the run, and its outputs are unknown with the reason', async () => {
    const dir = join(FEATURES, 'missing-module');
    const r = await lintSources({ paths: [dir], noConfig: true });
    const warning = `Terraform module ./modules/missing is not found (no such directory): the resources of module.gone in ${dir}/main.tf are not checked and their outputs are unknown`;
    expect(r.warnings).toEqual([warning]);
    expect(r.result.findings).toEqual([]);
    expect(r.keys.map((k) => [k.id, k.key.kind, k.reason])).toEqual([
      ['aws_sns_topic.orders', 'unknown', 'kms_master_key_id cannot be resolved: module.gone comes from ./modules/missing, which is not a directory: its outputs are unknown'],
    ]);
    const err: string[] = [];
    const code = await main(['lint', '--no-config', '--format', 'json', dir], { stdout: () => {}, stderr: (s) => err.push(s), cwd: process.cwd(), isTTY: false, env: {} });
    expect([code, err.join('')]).toEqual([0, `kmslint: warning: ${warning}\n`]);
  });
});

describe('discovery and the module rules', () => {
  it('discovery takes *.tf files as inputs; *.tfvars are read with their module, never alone', () => {
    const dir = workspace({ 'main.tf': 'x = 1\n', 'terraform.tfvars': 'x = 1\n', 'mod/a.tf': 'y = 1\n', 'notes.txt': '' });
    const d = discoverInputs(['.'], dir);
    expect(d.inputs.map((i) => i.path)).toEqual(['main.tf', 'mod/a.tf']);
    expect(discoverInputs(['terraform.tfvars'], dir).inputs).toEqual([]);
  });

  it('positions count UTF-16 code units as the other readers do (a line with é and an emoji)', () => {
    const input = loadText('u.tf', 'resource "aws_sqs_queue" "q" {\n  name = "é😀"\n  kms_master_key_id = "alias/aws/sns"\n}\n', { explicit: true });
    expect(input.templates[0].doc.locate(['resource', 'aws_sqs_queue', 'q', 'kms_master_key_id'], true)).toEqual({ line: 3, column: 3, endLine: 3, endColumn: 38 });
    expect(input.templates[0].doc.locate(['resource', 'aws_sqs_queue', 'q', 'name'])).toEqual({ line: 2, column: 10, endLine: 2, endColumn: 15 });
  });

  it('the first declaration of an address counts; a duplicate in a sibling file adds nothing', async () => {
    const dir = workspace({
      'a.tf': 'resource "aws_sqs_queue" "q" {\n  kms_master_key_id = "alias/aws/sns"\n}\n',
      'b.tf': 'resource "aws_sqs_queue" "q" {\n  kms_master_key_id = "alias/aws/sqs"\n}\n',
    });
    const r = await lintSources({ paths: [dir], noConfig: true, cwd: dir });
    expect(r.keys.map((k) => [k.file, k.id, k.key.alias])).toEqual([['a.tf', 'aws_sqs_queue.q', 'alias/aws/sns']]);
  });

  it('only a run with a *.tf file needs the parser; its wasm files resolve from the installed packages', () => {
    expect(needsHclParser(['a.yaml', 'b.tf.json'])).toBe(false);
    expect(needsHclParser(['x/main.tf'])).toBe(true);
    const paths = hclWasmPaths();
    expect(paths.runtime).toMatch(/node_modules\/web-tree-sitter\/tree-sitter\.wasm$/);
    expect(paths.grammar).toMatch(/node_modules\/@tree-sitter-grammars\/tree-sitter-hcl\/tree-sitter-terraform\.wasm$/);
  });
});

describe('a long-lived process (editor server, repeated library calls)', () => {
  it('sees an edit to a called local module on the next run of the same directory', async () => {
    const dir = workspace({
      'app/main.tf': 'module "topic" {\n  source = "../topic"\n}\n',
      'topic/main.tf': 'resource "aws_sns_topic" "this" {\n  name              = "t"\n  kms_master_key_id = "alias/aws/sns"\n}\n',
    });
    const run = async () => {
      const r = await lintSources({ paths: [join(dir, 'app')], noConfig: true });
      return r.result.findings.map((f) => [f.ruleId, f.resource?.id, f.line, f.column, f.messageId]);
    };
    expect(await run()).toEqual([]);
    // Same size as before, so only the content and the date differ.
    writeFileSync(join(dir, 'topic/main.tf'), 'resource "aws_sns_topic" "this" {\n  name              = "t"\n  kms_master_key_id = "alias/aws/sqs"\n}\n');
    const later = new Date(Date.now() + 5000);
    (await import('node:fs')).utimesSync(join(dir, 'topic/main.tf'), later, later);
    expect(await run()).toEqual([['aws-managed-key-wrong-service', 'module.topic.aws_sns_topic.this', 3, 3, 'otherService']]);
  });
});
