// The editor server over stdio, driven like an editor: diagnostics on open and change (debounced,
// latest version wins), hover, quick fixes, workspace config and cross-stack imports.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileUri, protocolFrames, startLspServer, type LspServer } from './fuzz/lsp-client.js';

const DOCS = 'https://github.com/kmslint/kmslint/blob/main/rules/';

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  MyKey:
    Type: AWS::KMS::Key
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      EnableKeyRotation: true
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: alias/aws/sns
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: !Ref MyKey
`;

const WRONG_SERVICE = {
  range: { start: { line: 11, character: 6 }, end: { line: 11, character: 35 } },
  severity: 1,
  code: 'aws-managed-key-wrong-service',
  codeDescription: { href: `${DOCS}aws-managed-key-wrong-service.md` },
  source: 'kmslint',
  message:
    'Queue names alias/aws/sns, the AWS managed key of another service; its policy admits only requests through that service (kms:ViaService), so use alias/aws/sqs or a customer managed key',
};

type Action = { title: string; kind: string; edit: { changes?: Record<string, { range: never; newText: string }[]>; documentChanges?: unknown[] }; diagnostics?: { code: string }[] };

function applyAction(text: string, uri: string, action: Action, languageId = 'yaml'): string {
  const doc = TextDocument.create(uri, languageId, 1, text);
  return TextDocument.applyEdits(doc, action.edit.changes![uri]);
}

function withoutData<T extends { data?: unknown }>(d: T): Omit<T, 'data'> {
  const { data: _data, ...rest } = d;
  return rest;
}

let dir: string;
let server: LspServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kmslint-lsp-'));
  mkdirSync(join(dir, 'tf'));
  writeFileSync(join(dir, '.kmslintrc.yaml'), 'rules:\n  implicit-aws-managed-key: warning\n');
  writeFileSync(
    join(dir, 'exports.yaml'),
    'Resources:\n  SharedKey:\n    Type: AWS::KMS::Key\n    DeletionPolicy: Retain\n    UpdateReplacePolicy: Retain\n    Properties:\n      EnableKeyRotation: true\nOutputs:\n  KeyArn:\n    Value: !GetAtt SharedKey.Arn\n    Export:\n      Name: shared-key-arn\n',
  );
  server = startLspServer(dir);
  await server.initialize({
    rootPath: dir,
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, configuration: true } },
    initializationOptions: { kmslint: { accounts: ['111122223333'] } },
  });
});

afterAll(async () => {
  if (server && server.proc.exitCode === null) await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('kmslint lsp --stdio', () => {
  it('publishes whole diagnostics for an opened template, with the docs link and the severity mapped', async () => {
    const uri = fileUri(join(dir, 'stack.yaml'));
    await server.open(uri, TEMPLATE);
    const published = await server.diagnostics(uri, 1);
    expect(published.diagnostics.map(withoutData)).toEqual([WRONG_SERVICE]);
    expect(published.diagnostics[0].data).toMatchObject({ ruleId: 'aws-managed-key-wrong-service', resource: 'Queue' });
  });

  it('registers a watcher for the config files and asks for the folder settings', () => {
    const registration = server.requests.find((r) => r.method === 'client/registerCapability')?.params as { registrations: { method: string; registerOptions: { watchers: { globPattern: string }[] } }[] };
    expect(registration.registrations[0].method).toBe('workspace/didChangeWatchedFiles');
    expect(registration.registrations[0].registerOptions.watchers[0].globPattern).toContain('.kmslintrc.yaml');
    expect(server.requests.find((r) => r.method === 'workspace/configuration')?.params).toEqual({ items: [{ scopeUri: fileUri(dir), section: 'kmslint' }] });
  });

  it('analyses a burst of changes once, for the latest version', async () => {
    const uri = fileUri(join(dir, 'burst.yaml'));
    await server.open(uri, TEMPLATE);
    await server.diagnostics(uri, 1);
    const before = server.published.length;
    await server.change(uri, 2, TEMPLATE.replace('alias/aws/sns', 'alias/aws/sqs'));
    await server.change(uri, 3, TEMPLATE.replace('alias/aws/sns', 'alias/aws/ebs'));
    await server.change(uri, 4, TEMPLATE.replace('alias/aws/sns', 'alias/aws/sqs'));
    const latest = await server.diagnostics(uri, 4);
    expect(latest.diagnostics).toEqual([]);
    expect(server.published.slice(before).filter((p) => p.uri === uri).map((p) => p.version)).toEqual([4]);
  });

  it('gives a partial document one parse diagnostic at the error, and keeps the last good analysis for hover', async () => {
    const uri = fileUri(join(dir, 'partial.yaml'));
    await server.open(uri, TEMPLATE);
    await server.diagnostics(uri, 1);
    await server.change(uri, 2, TEMPLATE + '  Broken: [unclosed\n');
    const broken = await server.diagnostics(uri, 2);
    expect(broken.diagnostics.map(withoutData)).toEqual([
      {
        range: { start: { line: 17, character: 0 }, end: { line: 17, character: 0 } },
        severity: 1,
        code: 'parse-error',
        codeDescription: { href: `${DOCS}parse-error.md` },
        source: 'kmslint',
        message: 'invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      },
    ]);
    const hover = (await server.conn.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 4 } }));
    expect(hover.contents.value).toContain('alias/aws/sns');
  });

  it('publishes nothing for a document that is not a template', async () => {
    const uri = fileUri(join(dir, 'compose.yaml'));
    await server.open(uri, 'services:\n  web:\n    image: nginx\n');
    expect((await server.diagnostics(uri, 1)).diagnostics).toEqual([]);
    await server.change(uri, 2, 'services:\n  web: [\n');
    expect((await server.diagnostics(uri, 2)).diagnostics).toEqual([]);
  });

  it('hovers a resource with its effective key and reason, and a key with what it protects', async () => {
    const uri = fileUri(join(dir, 'stack.yaml'));
    const queue = (await server.conn.sendRequest<{ contents: unknown; range: unknown }>('textDocument/hover', { textDocument: { uri }, position: { line: 11, character: 20 } }));
    expect(queue).toEqual({
      contents: { kind: 'markdown', value: '**`Queue`** · `AWS::SQS::Queue`\n\nKey: **AWS managed** `alias/aws/sns`, named\n\nKmsMasterKeyId names the AWS managed key alias/aws/sns' },
      range: { start: { line: 11, character: 6 }, end: { line: 11, character: 35 } },
    });
    const key = (await server.conn.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 4 } }));
    expect(key.contents.value).toBe('**`MyKey`** · `AWS::KMS::Key`\n\nProtects:\n- `Topic` · `AWS::SNS::Topic`');
    expect(await server.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } })).toBeNull();
  });

  it('offers the own alias, the declared key and a suppression for a wrong-service alias', async () => {
    const uri = fileUri(join(dir, 'stack.yaml'));
    const actions = (await server.conn.sendRequest<Action[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 11, character: 25 }, end: { line: 11, character: 25 } },
      context: { diagnostics: [] },
    }));
    expect(actions.map((a) => [a.title, a.kind, a.diagnostics?.map((d) => d.code)])).toEqual([
      ['Use alias/aws/sqs, the AWS managed key of AWS::SQS::Queue', 'quickfix', ['aws-managed-key-wrong-service']],
      ['Use the customer managed key MyKey declared in this template (!Ref MyKey)', 'quickfix', ['aws-managed-key-wrong-service']],
      ['Suppress aws-managed-key-wrong-service for Queue (Metadata; write the reason)', 'quickfix', ['aws-managed-key-wrong-service']],
    ]);
    expect(applyAction(TEMPLATE, uri, actions[0])).toBe(TEMPLATE.replace('alias/aws/sns', 'alias/aws/sqs'));
    expect(applyAction(TEMPLATE, uri, actions[1])).toBe(TEMPLATE.replace('alias/aws/sns', '!Ref MyKey'));
    const suppressed = applyAction(TEMPLATE, uri, actions[2]);
    expect(suppressed).toBe(
      TEMPLATE.replace(
        '  Queue:\n',
        '  Queue:\n    Metadata:\n      kmslint:\n        ignore:\n          - rule: aws-managed-key-wrong-service\n            reason: "" # write why this finding is accepted; an empty reason suppresses nothing\n',
      ),
    );
    // The empty reason suppresses nothing until it is written; a written one suppresses the finding.
    await server.change(uri, 2, suppressed);
    expect((await server.diagnostics(uri, 2)).diagnostics.map((d) => d.code)).toEqual(['invalid-suppression', 'aws-managed-key-wrong-service']);
    await server.change(uri, 3, suppressed.replace('reason: ""', 'reason: "test queue"'));
    expect((await server.diagnostics(uri, 3)).diagnostics).toEqual([]);
  });

  it('merges a suppression into existing Metadata, in YAML flow style and in JSON', async () => {
    const yamlUri = fileUri(join(dir, 'merge.yaml'));
    const yaml = TEMPLATE.replace('  Queue:\n    Type: AWS::SQS::Queue\n', '  Queue:\n    Type: AWS::SQS::Queue\n    Metadata: { Owner: team-a }\n');
    await server.open(yamlUri, yaml);
    const [finding] = (await server.diagnostics(yamlUri, 1)).diagnostics;
    expect(finding.range).toEqual({ start: { line: 12, character: 6 }, end: { line: 12, character: 35 } });
    const [yamlAction] = ((await server.conn.sendRequest<Action[]>('textDocument/codeAction', { textDocument: { uri: yamlUri }, range: finding.range, context: { diagnostics: [] } }))).filter((a) => a.title.startsWith('Suppress'));
    expect(applyAction(yaml, yamlUri, yamlAction)).toBe(yaml.replace('{ Owner: team-a }', '{ kmslint: { ignore: [{ rule: aws-managed-key-wrong-service, reason: "" }] }, Owner: team-a }'));

    const jsonUri = fileUri(join(dir, 'stack.json'));
    const json = JSON.stringify({ Resources: { Queue: { Type: 'AWS::SQS::Queue', Metadata: { kmslint: { ignore: [{ rule: 'duplicate-key', reason: 'known' }] } }, Properties: { KmsMasterKeyId: 'alias/aws/sns' } } } }, null, 2) + '\n';
    await server.open(jsonUri, json, 'json');
    const diags = await server.diagnostics(jsonUri, 1);
    expect(diags.diagnostics.map((d) => [d.code, d.range])).toEqual([['aws-managed-key-wrong-service', { start: { line: 15, character: 8 }, end: { line: 15, character: 41 } }]]);
    const jsonActions = (await server.conn.sendRequest<Action[]>('textDocument/codeAction', { textDocument: { uri: jsonUri }, range: diags.diagnostics[0].range, context: { diagnostics: [] } }));
    const jsonSuppress = jsonActions.find((a) => a.title.startsWith('Suppress'))!;
    const edited = JSON.parse(applyAction(json, jsonUri, jsonSuppress, 'json')) as { Resources: { Queue: { Metadata: unknown } } };
    expect(edited.Resources.Queue.Metadata).toEqual({ kmslint: { ignore: [{ rule: 'duplicate-key', reason: 'known' }, { rule: 'aws-managed-key-wrong-service', reason: '' }] } });
    expect(applyAction(json, jsonUri, jsonSuppress, 'json')).toContain('            },\n            {\n              "rule": "aws-managed-key-wrong-service",\n              "reason": ""\n            }\n          ]');
    expect(applyAction(json, jsonUri, jsonActions.find((a) => a.title.includes('AWS managed key of'))!, 'json')).toBe(json.replace('alias/aws/sns', 'alias/aws/sqs'));
  });

  it('offers a declared key for an AWS managed alias in JSON, as {"Ref"}', async () => {
    const uri = fileUri(join(dir, 'topic.json'));
    const json = JSON.stringify({ Resources: { K: { Type: 'AWS::KMS::Key', DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain', Properties: { EnableKeyRotation: true } }, T: { Type: 'AWS::SNS::Topic', Properties: { KmsMasterKeyId: 'alias/aws/sns' } } } }, null, 2);
    await server.open(uri, json, 'json');
    expect((await server.diagnostics(uri, 1)).diagnostics).toEqual([]);
    const line = json.split('\n').findIndex((l) => l.includes('alias/aws/sns'));
    const actions = (await server.conn.sendRequest<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line, character: 30 }, end: { line, character: 30 } }, context: { diagnostics: [] } }));
    expect(actions.map((a) => [a.title, a.kind])).toEqual([['Use the customer managed key K declared in this template ({ "Ref": "K" })', 'refactor.rewrite']]);
    expect(JSON.parse(applyAction(json, uri, actions[0], 'json')).Resources.T.Properties).toEqual({ KmsMasterKeyId: { Ref: 'K' } });
  });

  it('suppresses a Terraform finding through an override in the workspace config', async () => {
    const uri = fileUri(join(dir, 'tf', 'main.tf.json'));
    const tf = JSON.stringify({ resource: { aws_sqs_queue: { jobs: { name: 'jobs', kms_master_key_id: 'alias/aws/sns' } } } }, null, 2);
    await server.open(uri, tf, 'json');
    const diags = await server.diagnostics(uri, 1);
    expect(diags.diagnostics.map(withoutData)).toEqual([
      { ...WRONG_SERVICE, range: { start: { line: 5, character: 8 }, end: { line: 5, character: 44 } }, message: WRONG_SERVICE.message.replace('Queue', 'aws_sqs_queue.jobs') },
    ]);
    const actions = (await server.conn.sendRequest<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: diags.diagnostics[0].range, context: { diagnostics: [] } }));
    expect(actions.map((a) => a.title)).toEqual(['Use alias/aws/sqs, the AWS managed key of aws_sqs_queue', 'Switch aws-managed-key-wrong-service off for aws_sqs_queue.jobs in the kmslint config']);
    const configUri = fileUri(join(dir, '.kmslintrc.yaml'));
    const config = readFileSync(join(dir, '.kmslintrc.yaml'), 'utf8');
    const written = applyAction(config, configUri, actions[1]);
    expect(written).toBe('overrides:\n  - resources:\n      - aws_sqs_queue.jobs\n    rules:\n      aws-managed-key-wrong-service: "off" # reason: write why this finding is accepted\n' + config);
    // The config changes on disk; the watcher's event makes the server read it again.
    writeFileSync(join(dir, '.kmslintrc.yaml'), written);
    await server.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    const after = await server.diagnostics(uri, undefined);
    expect(after.diagnostics).toEqual([]);
  });

  it('lints a Terraform HCL buffer (*.tf) at its exact range, and its malformed text as one positioned parse error', async () => {
    mkdirSync(join(dir, 'hcl'), { recursive: true });
    const uri = fileUri(join(dir, 'hcl', 'main.tf'));
    const tf = 'resource "aws_sqs_queue" "hcljobs" {\n  name              = "jobs"\n  kms_master_key_id = "alias/aws/sns"\n}\n';
    await server.open(uri, tf, 'terraform');
    const diags = await server.diagnostics(uri, 1);
    expect(diags.diagnostics.map(withoutData)).toEqual([
      { ...WRONG_SERVICE, range: { start: { line: 2, character: 2 }, end: { line: 2, character: 37 } }, message: WRONG_SERVICE.message.replace('Queue', 'aws_sqs_queue.hcljobs') },
    ]);
    await server.change(uri, 2, 'resource "aws_sqs_queue" "hcljobs" {\n  name = \n');
    const broken = await server.diagnostics(uri, 2);
    expect(broken.diagnostics.map((d) => [d.code, d.severity, d.range.start, d.message])).toEqual([['parse-error', 1, { line: 2, character: 0 }, 'invalid HCL: missing identifier']]);
  });

  it('analyses templates that import each other, the open buffer winning over the file on disk', async () => {
    const uri = fileUri(join(dir, 'imports.yaml'));
    await server.open(uri, 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      KmsMasterKeyId: !ImportValue shared-key-arn\n');
    expect((await server.diagnostics(uri, 1)).diagnostics).toEqual([]);
    const hover = (await server.conn.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 3 } }));
    expect(hover.contents.value).toBe('**`Topic`** · `AWS::SNS::Topic`\n\nKey: **customer managed** `SharedKey`\n\nKmsMasterKeyId names the customer managed key SharedKey declared in stack exports');
    // The exporting template opened and edited so the export is gone: the import no longer resolves.
    const exportsUri = fileUri(join(dir, 'exports.yaml'));
    const exportsText = readFileSync(join(dir, 'exports.yaml'), 'utf8');
    await server.open(exportsUri, exportsText.replace('shared-key-arn', 'renamed-export'));
    expect((await server.diagnostics(exportsUri, 1)).diagnostics).toEqual([]);
    const unresolved = (await server.conn.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 3 } }));
    expect(unresolved.contents.value).toBe('**`Topic`** · `AWS::SNS::Topic`\n\nKey: **unknown**\n\nKmsMasterKeyId cannot be resolved: export shared-key-arn is not in the input set');
    const keyHover = (await server.conn.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: exportsUri }, position: { line: 1, character: 3 } }));
    expect(keyHover.contents.value).toBe('**`SharedKey`** · `AWS::KMS::Key`\n\nProtects no resource of the analysed templates.');
  });

  it('updates the cross-stack relation when either side of it changes', async () => {
    // Continues from the test above: imports.yaml (v1) imports shared-key-arn, exports.yaml (v1) exports renamed-export.
    const uri = fileUri(join(dir, 'imports.yaml'));
    const exportsUri = fileUri(join(dir, 'exports.yaml'));
    const hoverOf = async (u: string) => (await server.conn.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: u }, position: { line: 1, character: 3 } })).contents.value;
    const resolved = '**`Topic`** · `AWS::SNS::Topic`\n\nKey: **customer managed** `SharedKey`\n\nKmsMasterKeyId names the customer managed key SharedKey declared in stack exports';
    const importing = (name: string) => `Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      KmsMasterKeyId: !ImportValue ${name}\n`;
    // The importing side edited to the exported name: resolved again, and the key now protects the topic.
    await server.change(uri, 2, importing('renamed-export'));
    expect((await server.diagnostics(uri, 2)).diagnostics).toEqual([]);
    expect(await hoverOf(uri)).toBe(resolved);
    expect(await hoverOf(exportsUri)).not.toBe('**`SharedKey`** · `AWS::KMS::Key`\n\nProtects no resource of the analysed templates.');
    // The exporting side edited (a change, not an open) back to the old name: the import is unresolved.
    const exportsText = readFileSync(join(dir, 'exports.yaml'), 'utf8');
    await server.change(exportsUri, 2, exportsText.replace('shared-key-arn', 'another-export'));
    expect((await server.diagnostics(exportsUri, 2)).diagnostics).toEqual([]);
    expect(await hoverOf(uri)).toBe('**`Topic`** · `AWS::SNS::Topic`\n\nKey: **unknown**\n\nKmsMasterKeyId cannot be resolved: export renamed-export is not in the input set');
    // And back: the exporter names what the importer imports, so it resolves without the importer changing.
    await server.change(exportsUri, 3, exportsText.replace('shared-key-arn', 'renamed-export'));
    expect((await server.diagnostics(exportsUri, 3)).diagnostics).toEqual([]);
    expect(await hoverOf(uri)).toBe(resolved);
  });

  it('answers --help, shuts down with exit code 0 and writes nothing but protocol to stdout', async () => {
    expect(await server.stop()).toBe(0);
    expect(protocolFrames(server.stdout()).length).toBeGreaterThan(10);
  });
});
