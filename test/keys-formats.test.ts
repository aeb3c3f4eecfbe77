// `kmslint keys` formats beyond JSON: the table and CSV list secondary keys (contract §2), and the
// Mermaid chart groups by stack, stays within its node budget and escapes hostile names.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyRow } from '../src/analysis/key-rows.js';
import { keysFormatters, type KeysResult } from '../src/reporters/keys.js';
import { mermaidDiagram, mermaidText } from '../src/reporters/mermaid.js';
import type { RelationRow } from '../src/analysis/key-map.js';
import { main } from '../src/cli/main.js';

const created: string[] = [];
afterAll(() => {
  for (const d of created) rmSync(d, { recursive: true, force: true });
});

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, isTTY: false, env: {} });
  return { code, stdout, stderr };
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kmslint-keys-formats-'));
  created.push(dir);
  writeFileSync(join(dir, 'package.json'), '{"name":"ws"}');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function row(over: Partial<KeyRow> & Pick<KeyRow, 'id'>): KeyRow {
  return {
    file: 'app.yaml',
    stack: 'app',
    type: 'AWS::SQS::Queue',
    key: { kind: 'aws-owned' },
    reason: 'SqsManagedSseEnabled is the default',
    line: 3,
    column: 5,
    secondary: [],
    ...over,
  };
}

const input = (path: string) => ({ path, format: 'cloudformation' as const, error: null });

// An RDS instance with its primary key, a managed master secret and Performance Insights (contract §2).
const RDS = `Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
  Database:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
      AllocatedStorage: "20"
      MasterUsername: app_admin
      ManageMasterUserPassword: true
      MasterUserSecret:
        KmsKeyId: !Ref Key
      StorageEncrypted: true
      EnablePerformanceInsights: true
`;

describe('secondary keys in table and csv', () => {
  const db = row({
    id: 'Database',
    type: 'AWS::RDS::DBInstance',
    key: { kind: 'aws-managed', alias: 'alias/aws/rds', origin: 'implicit' },
    reason: 'StorageEncrypted is true and KmsKeyId is absent, so RDS uses alias/aws/rds',
    line: 16,
    secondary: [
      { purpose: 'master-secret', key: { kind: 'customer-managed', keyRef: 'Key' }, reason: 'KmsKeyId references Key', line: 15, column: 9 },
      { purpose: 'performance-insights', key: { kind: 'aws-managed', alias: 'alias/aws/rds', origin: 'implicit' }, reason: 'PerformanceInsightsKMSKeyId is absent' },
    ],
  });
  const keys: KeysResult = { inputs: [input('app.yaml')], rows: [db, row({ id: 'Queue', line: 20 })] };

  it('table: each secondary key under its resource, counted in the summary', () => {
    expect(keysFormatters.table(keys, { color: false, width: 120 })).toBe(
      [
        'app.yaml  (stack app)',
        '  Database  alias/aws/rds (implicit)',
        '      AWS::RDS::DBInstance: StorageEncrypted is true and KmsKeyId is absent, so RDS uses alias/aws/rds',
        '      secondary master-secret: customer Key',
        '        KmsKeyId references Key',
        '      secondary performance-insights: alias/aws/rds (implicit)',
        '        PerformanceInsightsKMSKeyId is absent',
        '  Queue     aws-owned',
        '      AWS::SQS::Queue: SqsManagedSseEnabled is the default',
        '',
        '2 encryptable resources in 1 input(s): 1 aws-managed, 1 aws-owned; 2 secondary keys: 1 customer-managed, 1 aws-managed',
        '',
      ].join('\n'),
    );
  });

  it('csv: one row per key, purpose last, a secondary row at its own line (else the resource line)', () => {
    expect(keysFormatters.csv(keys, { color: false }).split('\n')).toEqual([
      'file,line,stack,id,type,path,branch,kind,alias,keyRef,origin,external,reason,purpose',
      'app.yaml,16,app,Database,AWS::RDS::DBInstance,,,aws-managed,alias/aws/rds,,implicit,,"StorageEncrypted is true and KmsKeyId is absent, so RDS uses alias/aws/rds",primary',
      'app.yaml,15,app,Database,AWS::RDS::DBInstance,,,customer-managed,,Key,,,KmsKeyId references Key,master-secret',
      'app.yaml,16,app,Database,AWS::RDS::DBInstance,,,aws-managed,alias/aws/rds,,implicit,,PerformanceInsightsKMSKeyId is absent,performance-insights',
      'app.yaml,20,app,Queue,AWS::SQS::Queue,,,aws-owned,,,,,SqsManagedSseEnabled is the default,primary',
      '',
    ]);
  });

  it('the CLI lists the same secondary keys as JSON does, in table and csv', async () => {
    const dir = workspace({ 'db.yaml': RDS });
    const json = JSON.parse((await cli(['keys', 'db.yaml', '--format', 'json'], dir)).stdout) as { resources: { secondary?: { purpose: string }[] }[] };
    expect(json.resources.map((r) => (r.secondary ?? []).map((s) => s.purpose))).toEqual([['performance-insights', 'master-secret']]);
    const csv = await cli(['keys', 'db.yaml', '--format', 'csv'], dir);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n')).toEqual([
      'file,line,stack,id,type,path,branch,kind,alias,keyRef,origin,external,reason,purpose',
      'db.yaml,16,db,Database,AWS::RDS::DBInstance,,,aws-managed,alias/aws/rds,,implicit,,"StorageEncrypted is true and KmsKeyId is absent, so RDS uses alias/aws/rds",primary',
      'db.yaml,17,db,Database,AWS::RDS::DBInstance,,,aws-managed,alias/aws/rds,,implicit,,"EnablePerformanceInsights is true and PerformanceInsightsKMSKeyId is absent, so RDS uses alias/aws/rds",performance-insights',
      'db.yaml,15,db,Database,AWS::RDS::DBInstance,,,customer-managed,,Key,,,KmsKeyId names the customer managed key Key declared in the template,master-secret',
      '',
    ]);
    const table = await cli(['keys', 'db.yaml'], dir);
    expect(table.stdout.split('\n').filter((l) => l.includes('secondary'))).toEqual([
      '      secondary performance-insights: alias/aws/rds (implicit)',
      '      secondary master-secret: customer Key',
      '1 encryptable resource in 1 input(s): 1 aws-managed; 2 secondary keys: 1 aws-managed, 1 customer-managed',
    ]);
  });
});

describe('mermaid', () => {
  it('one subgraph per stack with its resources and declared keys; shared keys outside, coloured by kind; relations as thick edges', () => {
    const rows = [
      row({ id: 'Bucket', type: 'AWS::S3::Bucket', key: { kind: 'aws-managed', alias: 'alias/aws/s3', origin: 'implicit' }, reason: 'r' }),
      row({ id: 'Queue', key: { kind: 'customer-managed', keyRef: 'Key' }, reason: 'r', branch: 'UseKey=true' }),
      row({ id: 'Queue', key: { kind: 'aws-owned' }, reason: 'r', branch: 'UseKey=false' }),
      row({ file: 'other.yaml', stack: 'other', id: 'Table', type: 'AWS::DynamoDB::Table', key: { kind: 'customer-managed', keyRef: 'arn:aws:kms:eu-west-1:111122223333:key/abc', external: true }, reason: 'r' }),
    ];
    const end = (id: string, type: string, file = 'app.yaml', stack = 'app') => ({ file, stack, id, type });
    const site = { file: 'app.yaml', line: 9, column: 7 };
    const bucket = end('Bucket', 'AWS::S3::Bucket');
    const relations: RelationRow[] = [
      { kind: 'sharedWith', from: bucket, scope: { kind: 'account', account: '444455556666' }, via: 'bucket policy Policy', own: false, label: 'account 444455556666', site },
      // Left out: the input's own account, a service principal, a principal kmslint cannot name.
      { kind: 'sharedWith', from: bucket, scope: { kind: 'account', account: '111122223333' }, via: 'bucket policy Policy', own: true, label: 'account 111122223333', site },
      { kind: 'sharedWith', from: bucket, scope: { kind: 'service', service: 'logging.s3.amazonaws.com' }, via: 'bucket policy Policy', own: false, label: 'the service logging.s3.amazonaws.com', site },
      { kind: 'sharedWith', from: bucket, scope: { kind: 'unknown', why: 'a parameter' }, via: 'bucket policy Policy', own: false, label: 'an account kmslint cannot determine (a parameter)', site },
      { kind: 'publishesTo', from: end('Rule', 'AWS::Events::Rule', 'other.yaml', 'other'), to: end('Queue', 'AWS::SQS::Queue'), label: 'EventBridge rule Rule', site },
      { kind: 'servesOrigin', from: bucket, to: end('Cdn', 'AWS::CloudFront::Distribution'), label: 'OAC', site },
    ];
    const d = mermaidDiagram({ inputs: [input('app.yaml'), input('other.yaml')], rows, keyMap: () => ({ rows, relations, declaredKeys: [] }) });
    expect(d.text).toBe(
      [
        'flowchart LR',
        '  %% kmslint keys: 3 resources in 2 stacks',
        '  subgraph S0["app<br/>app.yaml"]',
        '    R0["Bucket<br/>AWS::S3::Bucket"]',
        '    R1["Queue<br/>AWS::SQS::Queue"]',
        '    K4(["Key<br/>customer managed"]):::customer',
        '    R9["Cdn<br/>AWS::CloudFront::Distribution"]:::related',
        '  end',
        '  subgraph S1["other<br/>other.yaml"]',
        '    R2["Table<br/>AWS::DynamoDB::Table"]',
        '    R8["Rule<br/>AWS::Events::Rule"]:::related',
        '  end',
        '  K3(["alias/aws/s3<br/>AWS managed"]):::managed',
        '  K5(["AWS owned / service keys"]):::owned',
        '  K6(["arn:aws:kms:eu-west-1:111122223333:key/abc<br/>customer managed, external"]):::customer',
        '  X7{{"account 444455556666"}}:::principal',
        '  R0 -.->|"implicit"| K3',
        '  R1 -->|"UseKey=true"| K4',
        '  R1 -->|"UseKey=false"| K5',
        '  R2 --> K6',
        '  R0 ==>|"shared: bucket policy Policy"| X7',
        '  R8 ==>|"publishes: EventBridge rule Rule"| R1',
        '  R0 ==>|"CloudFront origin (OAC)"| R9',
        '  classDef managed fill:#fde68a,stroke:#b45309',
        '  classDef customer fill:#bbf7d0,stroke:#15803d',
        '  classDef owned fill:#e5e7eb,stroke:#6b7280',
        '  classDef principal fill:#fee2e2,stroke:#991b1b,stroke-width:2px',
        '  classDef related fill:#f8fafc,stroke:#94a3b8,stroke-dasharray:3 3',
        '',
      ].join('\n'),
    );
    expect({ nodes: d.nodes, edges: d.edges, collapsed: d.collapsed, folded: d.folded }).toEqual({ nodes: 10, edges: 7, collapsed: 0, folded: 0 });
  });

  /** `stacks` stacks of `per` queues each, every queue on alias/aws/sqs. */
  function many(stacks: number, per: number): KeysResult {
    const rows: KeyRow[] = [];
    for (let s = 0; s < stacks; s++) {
      for (let i = 0; i < per + (s % 3); i++) rows.push(row({ file: `s${s}.yaml`, stack: `s${s}`, id: `Q${i}`, key: { kind: 'aws-managed', alias: 'alias/aws/sqs', origin: 'implicit' } }));
    }
    return { inputs: [], rows };
  }

  it('beyond the budget the largest stacks collapse into count nodes, with a comment and a note saying so', () => {
    // 10 stacks of 4-6 queues: 49 resources + 1 key = 50 nodes, 51 with the note.
    const d = mermaidDiagram(many(10, 4), { maxNodes: 40 });
    const lines = d.text.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'flowchart LR',
      '  %% kmslint keys: 49 resources in 10 stacks',
      '  %% collapsed to stay within 40 nodes, 500 edges and 50000 characters: 3 stacks shown as counts',
    ]);
    // The three 6-queue stacks (s2, s5, s8) collapse: 31 queues + 3 count nodes + the key + the note.
    expect(lines.filter((l) => l.includes(':::collapsed'))).toEqual([
      '  C2[["s2<br/>6 resources"]]:::collapsed',
      '  C5[["s5<br/>6 resources"]]:::collapsed',
      '  C8[["s8<br/>6 resources"]]:::collapsed',
    ]);
    expect(lines).toContain('  C2 -.->|"6"| K49');
    expect(lines).toContain('  NOTE["Collapsed to stay within 40 nodes:<br/>3 stacks shown as counts<br/>kmslint keys lists every resource"]:::note');
    expect({ nodes: d.nodes, edges: d.edges, collapsed: d.collapsed, folded: d.folded }).toEqual({ nodes: 36, edges: 34, collapsed: 3, folded: 0 });
  });

  it('when every stack as a count is still too many, the smallest stacks fold into one node', () => {
    const d = mermaidDiagram(many(30, 1), { maxNodes: 12 });
    // 30 stacks of 1-3 queues (60): the nine 3-queue stacks stay count nodes, + other, key and note.
    expect({ nodes: d.nodes, collapsed: d.collapsed, folded: d.folded }).toEqual({ nodes: 12, collapsed: 9, folded: 21 });
    const lines = d.text.split('\n');
    expect(lines[2]).toBe('  %% collapsed to stay within 12 nodes, 500 edges and 50000 characters: 9 stacks shown as counts; 21 stacks folded into one node');
    expect(lines).toContain('  OTHER[["21 more stacks<br/>33 resources"]]:::collapsed');
    expect(lines).toContain('  OTHER -.->|"33"| K60');
    expect(lines.filter((l) => l.startsWith('  C') && l.includes('[['))).toEqual([2, 5, 8, 11, 14, 17, 20, 23, 26].map((s) => `  C${s}[["s${s}<br/>3 resources"]]:::collapsed`));
  });

  it('--max-nodes sets the budget from the command line; below 10 or not a number is a usage error', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`q${i}.yaml`] = 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties: { KmsMasterKeyId: alias/aws/sqs }\n';
    const dir = workspace(files);
    const full = await cli(['keys', '.', '--format', 'mermaid'], dir);
    expect(full.stdout).not.toContain('NOTE');
    const bounded = await cli(['keys', '.', '--format', 'mermaid', '--max-nodes', '10'], dir);
    expect(bounded.code).toBe(0);
    expect(bounded.stdout.split('\n')[2]).toBe('  %% collapsed to stay within 10 nodes, 500 edges and 50000 characters: 7 stacks shown as counts; 5 stacks folded into one node');
    for (const bad of ['9', 'ten']) {
      expect(await cli(['keys', '.', '--format', 'mermaid', '--max-nodes', bad], dir)).toEqual({ code: 2, stdout: '', stderr: `kmslint: --max-nodes takes a whole number of at least 10, got "${bad}"\n` });
    }
  });

  it('draws the shares of the key map that leave the run: --account and ${AWS::AccountId} are own accounts', async () => {
    const principal = (yaml: string) => `          - Effect: Allow\n            Principal: { AWS: ${yaml} }\n            Action: s3:GetObject\n            Resource: !Sub "\${Data.Arn}/*"\n`;
    const dir = workspace({
      'shared.yaml':
        'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n  DataPolicy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Data\n      PolicyDocument:\n        Statement:\n' +
        principal('"arn:aws:iam::444455556666:root"') +
        principal('"arn:aws:iam::111122223333:root"') +
        principal('!Sub "arn:aws:iam::${AWS::AccountId}:root"'),
    });
    const relationLines = (text: string) => text.split('\n').filter((l) => l.includes('==>') || l.includes('{{'));
    const run = await cli(['keys', '.', '--format', 'mermaid', '--account', '111122223333'], dir);
    expect(run.code).toBe(0);
    expect(relationLines(run.stdout)).toEqual(['  X2{{"account 444455556666"}}:::principal', '  R0 ==>|"shared: bucket policy DataPolicy"| X2']);
    const unbound = await cli(['keys', '.', '--format', 'mermaid'], dir);
    expect(relationLines(unbound.stdout)).toEqual([
      '  X2{{"account 444455556666"}}:::principal',
      '  X3{{"account 111122223333"}}:::principal',
      '  R0 ==>|"shared: bucket policy DataPolicy"| X2',
      '  R0 ==>|"shared: bucket policy DataPolicy"| X3',
    ]);
  });

  it('under the budget nothing collapses and there is no note', () => {
    const d = mermaidDiagram(many(10, 4));
    expect(d.text).not.toMatch(/NOTE|collapsed/);
    expect(d.nodes).toBe(50);
  });

  it('hostile names: quotes, brackets, #, entities, Mermaid keywords and directives stay text', () => {
    const hostile = 'a"]; click R0 call alert(1) %%{init: {"theme":"dark"}}%% <img src=x onerror=alert(1)> #quot; &amp; |x| `md` ﬂ°lt¶ß end\nsubgraph ::warning::x ##[error]y \u001b[31m ☃ 🔑';
    const d = mermaidDiagram({ inputs: [], rows: [row({ file: hostile, stack: hostile, id: hostile, type: 'AWS::SQS::Queue', branch: hostile, key: { kind: 'customer-managed', keyRef: hostile, external: true } })] });
    const escaped =
      'a#quot;]; click R0 call alert(1) #37;#37;{init: {#quot;theme#quot;:#quot;dark#quot;}}#37;#37; #lt;img src=x onerror=alert(1)#gt; #35;quot; #amp;amp; #124;x#124; #96;md#96; fl°lt¶\u2060ß end#92;\u2060nsubgraph ::warning::x #35;#35;[error]y #92;\u2060u001b[31m ☃ 🔑';
    expect(mermaidText(hostile)).toBe(escaped);
    const lines = d.text.split('\n');
    // Every line is a keyword, a comment, a node, an edge or a class: none the name could have started.
    for (const l of lines.slice(1, -1)) expect(l).toMatch(/^ {2}(%% |subgraph S\d+\["|end$| {2}R\d+\["|[KX]\d+[([{]|R\d+ -|classDef )/);
    // Between the quotes of a label nothing ends the string or starts markup other than <br/>.
    for (const m of d.text.matchAll(/"([^"]*)"/g)) expect(m[1].replace(/<br\/>/g, '')).not.toMatch(/[<>`|%\\\ufb02]|#(?!\d+;|quot;|lt;|gt;|amp;)|\u00b6\u00df/);
    // A long name keeps its last 59 code points (the 🔑 is one).
    expect(lines).toContain(`    R0["…${mermaidText(Array.from(hostile).slice(-59).join(''))}<br/>AWS::SQS::Queue"]`);
    expect(d.text).not.toContain('##[');
    expect(d.text.split('\n').filter((l) => l.trimStart().startsWith('::'))).toEqual([]);
  });
});
