// YAML as CloudFormation reads it (contract §1): YAML 1.1 scalars, the indentation PyYAML accepts,
// the tags AWS does not support, repeated keys read last-wins and reported as duplicate-key.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument as strictYaml } from 'yaml';
import { loadText } from '../src/inputs/load.js';
import { RETAINED_BYTES_PER_CHAR, parseYamlDocument, rememberYamlDocuments } from '../src/inputs/yaml-document.js';
import { lintSources } from '../src/index.js';
import { reindentFlowContinuations } from '../src/inputs/yaml-leniency.js';
import { own } from '../src/util/objects.js';
import { lintPaths } from './helpers/lint-files.js';

const DIR = 'fixtures/cloudformation/yaml';

function data(text: string): unknown {
  return parseYamlDocument('t.yaml', text).root;
}

function at(root: unknown, ...path: string[]): unknown {
  return path.reduce<unknown>((v, k) => own(v, k), root);
}

/** Findings of a fixture without the message text (other rules own their wording). */
function findingsOf(file: string) {
  const result = lintPaths([file]);
  expect(result.inputs.map((i) => i.error)).toEqual([null]);
  return result.findings.map((f) => ({ ruleId: f.ruleId, resource: f.resource?.id, line: f.line, column: f.column }));
}

describe('indentation PyYAML accepts and strict YAML 1.2 readers refuse', () => {
  it.each(['lenient-quoted-sub-policy.yaml', 'lenient-flow-sequence.yaml', 'lenient-flow-mapping.yaml'])('%s is refused by the yaml package in strict mode, so the fixture exercises the leniency', (file) => {
    expect(strictYaml(readFileSync(`${DIR}/${file}`, 'utf8')).errors.length).toBeGreaterThan(0);
  });

  it('a multi-line !Sub text closed at the property\'s indentation: the policy inside it is read', () => {
    expect(findingsOf(`${DIR}/lenient-quoted-sub-policy.yaml`)).toEqual([{ ruleId: 'key-policy-wildcard-principal', resource: 'AppKey', line: 9, column: 7 }]);
    const root = parseYamlDocument('p.yaml', readFileSync(`${DIR}/lenient-quoted-sub-policy.yaml`, 'utf8')).root;
    expect(at(root, 'Description')).toBe("A key whose policy is a !Sub text; the text goes on at the key's own indentation and back at the property's, as PyYAML and CloudFormation accept.");
    const sub = at(root, 'Resources', 'AppKey', 'Properties', 'KeyPolicy', 'Fn::Sub') as string;
    expect(sub.startsWith('{ "Version": "2012-10-17", "Statement": [ {"Effect": "Allow"')).toBe(true);
    expect(sub.endsWith('"Resource": "*"} ] }')).toBe(true);
  });

  it('a flow list whose items and closing bracket sit at the key\'s indentation: the alarm still publishes to the topic', () => {
    expect(findingsOf(`${DIR}/lenient-flow-sequence.yaml`)).toEqual([{ ruleId: 'service-publisher-aws-managed-key', resource: 'AlertsTopic', line: 7, column: 7 }]);
  });

  it('a flow mapping of properties at the parent\'s indentation: the key inside it is the effective key', () => {
    const result = lintPaths([`${DIR}/lenient-flow-mapping.yaml`]);
    expect(result.inputs[0].error).toBeNull();
    const root = parseYamlDocument('m.yaml', readFileSync(`${DIR}/lenient-flow-mapping.yaml`, 'utf8')).root;
    expect(at(root, 'Resources', 'OrdersQueue', 'Properties')).toEqual({ KmsMasterKeyId: { Ref: 'AppKey' }, MessageRetentionPeriod: 1209600 });
    expect(result.findings.map((f) => [f.ruleId, f.resource?.id, f.line])).toEqual([]);
  });

  it('positions inside and after the re-indented lines are those of the file as written', () => {
    const text = readFileSync(`${DIR}/lenient-flow-sequence.yaml`, 'utf8');
    const doc = parseYamlDocument('s.yaml', text);
    const actions = ['Resources', 'QueueDepthAlarm', 'Properties', 'AlarmActions'];
    expect(doc.locate([...actions, 0])).toEqual({ line: 19, column: 7, endLine: 19, endColumn: 23 });
    expect(doc.locate(actions)).toEqual({ line: 18, column: 21, endLine: 20, endColumn: 8 });
    expect(doc.locate(actions, true)).toEqual({ line: 18, column: 7, endLine: 20, endColumn: 8 });
    const flowMap = parseYamlDocument('m.yaml', readFileSync(`${DIR}/lenient-flow-mapping.yaml`, 'utf8'));
    expect(flowMap.locate(['Resources', 'OrdersQueue', 'Properties', 'KmsMasterKeyId'], true)).toEqual({ line: 13, column: 5, endLine: 13, endColumn: 32 });
    expect(flowMap.locate(['Resources', 'InvoicesQueue', 'Properties', 'KmsMasterKeyId'])).toEqual({ line: 19, column: 23, endLine: 19, endColumn: 36 });
  });

  it('the re-indentation maps every offset back to the original text', () => {
    const text = 'A:\n  B: [\n  a,\n b\n  ]\n  C: 1\n';
    const r = reindentFlowContinuations(text)!;
    // Moved to one column past the key that holds the list.
    expect(r.text).toBe('A:\n  B: [\n   a,\n   b\n   ]\n  C: 1\n');
    for (let i = 0; i < r.text.length; i++) {
      const o = r.toOriginal(i);
      // Inserted spaces map to the start of their line; every other character to itself.
      if (r.text[i] !== ' ' || text[o] === ' ') expect([i, text[o] ?? '']).toEqual([i, r.text[i]]);
    }
  });

  it('valid YAML is not re-indented, and a quote or bracket inside a plain or block scalar opens nothing', () => {
    expect(reindentFlowContinuations('A: it\'s [fine\nB: |\n  { not\n  flow\nC: "x"\n')).toBeUndefined();
    expect(data('A: it\'s\nB: [1,\n  2]\n')).toEqual({ A: "it's", B: [1, 2] });
  });

  it('what PyYAML refuses stays refused, with the position of the first error in the file as written', () => {
    const r = loadText('bad.yaml', 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties: [\n  a\n', { explicit: true });
    expect(r.error?.message).toMatch(/^invalid YAML: /);
    expect(r.error?.line).toBeGreaterThanOrEqual(4);
  });

  it('the extra pass is linear: 10,000 lenient lists, and an unterminated opener on every line', () => {
    const lists = 'Resources:\n' + Array.from({ length: 10_000 }, (_, i) => `  L${i}: [\n  ${i}\n  ]\n`).join('');
    let started = performance.now();
    const doc = parseYamlDocument('l.yaml', lists);
    expect(own(doc.root, 'Resources')).toHaveProperty('L9999', [9999]);
    expect(doc.locate(['Resources', 'L9999', 0])).toEqual({ line: 30_000, column: 3, endLine: 30_000, endColumn: 7 });
    expect(performance.now() - started).toBeLessThan(10_000);
    started = performance.now();
    expect(reindentFlowContinuations('Resources:\n' + '  B: [y\n'.repeat(100_000))).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('YAML 1.1 scalars, as PyYAML (and so CloudFormation tooling) resolves them', () => {
  it('yes/no/on/off in any documented case are booleans; y and n stay text', () => {
    expect(data('a: yes\nb: No\nc: ON\nd: off\ne: y\nf: n\ng: True\nh: "yes"\n')).toEqual({ a: true, b: false, c: true, d: false, e: 'y', f: 'n', g: true, h: 'yes' });
  });

  it('numbers: octal, sexagesimal and underscores count; an account id with a leading zero and 8 or 9 in it stays text', () => {
    expect(data('a: 0755\nb: 1:30\nc: 1_000\nd: 054676820928\ne: 123456789012\nf: 0x1F\ng: 1e3\nh: 1.5e+3\ni: .inf\nj: "0755"\n')).toEqual({
      a: 493, b: 90, c: 1000, d: '054676820928', e: 123456789012, f: 31, g: '1e3', h: 1500, i: Infinity, j: '0755',
    });
  });

  it('timestamps stay text (CloudFormation supports no timestamp type)', () => {
    expect(data('AWSTemplateFormatVersion: 2010-09-09\nWhen: 2001-12-14t21:59:43.10-05:00\n')).toEqual({ AWSTemplateFormatVersion: '2010-09-09', When: '2001-12-14t21:59:43.10-05:00' });
  });

  it('each scalar that changes a key property changes the effective key; alias text that looks like one does not', () => {
    expect(findingsOf(`${DIR}/yaml-1.1-scalars.yaml`)).toEqual([
      { ruleId: 'customer-key-rotation-disabled', resource: 'UnrotatedKey', line: 13, column: 7 },
      { ruleId: 'implicit-aws-managed-key', resource: 'SessionsTable', line: 23, column: 9 },
      { ruleId: 'implicit-aws-managed-key', resource: 'DataVolume', line: 37, column: 7 },
    ]);
    const root = parseYamlDocument('s.yaml', readFileSync(`${DIR}/yaml-1.1-scalars.yaml`, 'utf8')).root;
    expect([
      at(root, 'Resources', 'RotatedKey', 'Properties', 'EnableKeyRotation'),
      at(root, 'Resources', 'UnrotatedKey', 'Properties', 'EnableKeyRotation'),
      at(root, 'Resources', 'SessionsTable', 'Properties', 'SSESpecification', 'SSEEnabled'),
      at(root, 'Resources', 'CacheTable', 'Properties', 'SSESpecification', 'SSEEnabled'),
      at(root, 'Resources', 'DataVolume', 'Properties', 'Encrypted'),
      at(root, 'Resources', 'ScratchVolume', 'Properties', 'Encrypted'),
      at(root, 'Resources', 'OrdersQueue', 'Properties', 'KmsMasterKeyId'),
    ]).toEqual([true, false, true, false, true, false, 'alias/on']);
  });
});

describe('what AWS documents as unsupported', () => {
  it.each([
    ['binary', 'a: !!binary aGVsbG8=\n', 1, 4],
    ['set', 'a: !!set {x, y}\n', 1, 4],
    ['omap', 'a: !!omap [x: 1]\n', 1, 4],
    ['timestamp', 'a: !!timestamp 2001-12-14\n', 1, 4],
  ])('the !!%s tag is refused with its position', (tag, text, line, column) => {
    const r = loadText('t.yaml', text, { explicit: true });
    expect(r.error).toEqual({ message: `the !!${tag} tag is not supported by CloudFormation`, line, column: expect.any(Number) as number });
    expect(r.error!.column).toBeGreaterThanOrEqual(column);
  });

  it('<< is a plain key, not a merge', () => {
    expect(data('a: &x {p: 1}\nb:\n  <<: *x\n  q: 2\n')).toEqual({ a: { p: 1 }, b: { '<<': { p: 1 }, q: 2 } });
  });

  it('an intrinsic function as a mapping key is refused at the function, as PyYAML refuses it', () => {
    expect(loadText('k.yaml', 'Resources:\n  A: [ !ImportValue Fn::Sub: x ]\n', { explicit: true }).error).toEqual({ message: 'a mapping key is the function !ImportValue; keys of a template are text', line: 2, column: 8 });
  });

  it('rule functions have short forms too', () => {
    expect(data('Assert: !Contains [[a], !Ref P]\nB: !EachMemberEquals [!ValueOf [P, Tag], x]\n')).toEqual({
      Assert: { 'Fn::Contains': [['a'], { Ref: 'P' }] },
      B: { 'Fn::EachMemberEquals': [{ 'Fn::ValueOf': ['P', 'Tag'] }, 'x'] },
    });
  });
});

describe('duplicate-key: read last-wins, reported at the repeat with the first as related location', () => {
  const DUP = 'fixtures/cloudformation/duplicate-key';

  function duplicates(file: string) {
    const result = lintPaths([file]);
    expect(result.inputs.map((i) => i.error)).toEqual([null]);
    return result.findings
      .filter((f) => f.ruleId === 'duplicate-key')
      .map((f) => ({ resource: f.resource?.id, severity: f.severity, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, message: f.message, related: f.related }));
  }

  it('YAML: the repeated key property is reported and its last value is the effective key', () => {
    const file = `${DUP}/fail-repeated-key-property.yaml`;
    expect(duplicates(file)).toEqual([
      {
        resource: 'OrdersQueue', severity: 'warning', line: 13, column: 7, endLine: 13, endColumn: 21,
        message: 'Key KmsMasterKeyId is repeated in Resources.OrdersQueue.Properties (first at line 11); the value written last is the one read and deployed',
        related: [{ file, line: 11, column: 7, message: 'first occurrence (its value is not used)' }],
      },
    ]);
    // The file is analysed: the queue uses AppKey (the last value), so no AWS managed key finding.
    expect(lintPaths([file]).findings.map((f) => f.ruleId).filter((id) => id !== 'duplicate-key' && id !== 'customer-key-deletion-unprotected')).toEqual([]);
  });

  it('JSON: a repeated property and a repeated output', () => {
    const file = `${DUP}/fail-repeated-key-property.json`;
    expect(duplicates(file)).toEqual([
      {
        resource: 'OrdersQueue', severity: 'warning', line: 12, column: 9, endLine: 12, endColumn: 25,
        message: 'Key KmsMasterKeyId is repeated in Resources.OrdersQueue.Properties (first at line 11); the value written last is the one read and deployed',
        related: [{ file, line: 11, column: 9, message: 'first occurrence (its value is not used)' }],
      },
      {
        resource: undefined, severity: 'warning', line: 18, column: 5, endLine: 18, endColumn: 15,
        message: 'Key QueueArn is repeated in Outputs (first at line 17); the value written last is the one read and deployed',
        related: [{ file, line: 17, column: 5, message: 'first occurrence (its value is not used)' }],
      },
    ]);
  });

  it('YAML: a repeated output', () => {
    const file = `${DUP}/fail-repeated-output.yaml`;
    expect(duplicates(file)).toEqual([
      {
        resource: undefined, severity: 'warning', line: 12, column: 3, endLine: 12, endColumn: 11,
        message: 'Key QueueUrl is repeated in Outputs (first at line 8); the value written last is the one read and deployed',
        related: [{ file, line: 8, column: 3, message: 'first occurrence (its value is not used)' }],
      },
    ]);
  });

  it('near miss: the same key in two different mappings is silent (YAML and JSON)', () => {
    expect(duplicates(`${DUP}/pass-same-key-in-two-mappings.yaml`)).toEqual([]);
    expect(duplicates(`${DUP}/pass-same-key-in-two-mappings.json`)).toEqual([]);
  });

  it('a key written three times gives two findings, each at its own repeat', () => {
    const doc = parseYamlDocument('d.yaml', 'a: 1\nb: 2\na: 3\na: 4\n');
    expect(doc.root).toEqual({ a: 4, b: 2 });
    expect(doc.duplicateKeys?.map((d) => [d.first.line, d.second.line])).toEqual([[1, 3], [1, 4]]);
    expect(doc.locate(['a'])).toEqual({ line: 4, column: 4, endLine: 4, endColumn: 5 });
  });
});

describe('duplicate keys and positions stay linear and exact in large mappings (issue 14)', () => {
  it.each([
    ['a flow mapping', 'Outputs: {QueueUrl: 1, Other: 2, QueueUrl: 3}\n', { Outputs: { QueueUrl: 3, Other: 2 } }, [['Outputs', 'QueueUrl'], [1, 11, 1, 19], [1, 34, 1, 42]]],
    ['JSON text read as YAML', '{"Resources": {"Q": {"Type": "x", "Type": "y"}}}\n', { Resources: { Q: { Type: 'y' } } }, [['Resources', 'Q', 'Type'], [1, 22, 1, 28], [1, 35, 1, 41]]],
    ['a block mapping with CRLF line ends', 'A: 1\r\nB:\r\n  c: 1\r\n  c: 2\r\n', { A: 1, B: { c: 2 } }, [['B', 'c'], [3, 3, 3, 4], [4, 3, 4, 4]]],
    ['`<<` written twice (a plain key, not a merge)', 'Base: &base {a: 1}\nM:\n  <<: *base\n  b: 2\n  <<: *base\n', { Base: { a: 1 }, M: { '<<': { a: 1 }, b: 2 } }, [['M', '<<'], [3, 3, 3, 5], [5, 3, 5, 5]]],
  ] as const)('%s: the repeat is recorded with both key ranges and the last value is read', (_name, text, root, [path, first, second]) => {
    const doc = parseYamlDocument('d.yaml', text);
    const range = ([line, column, endLine, endColumn]: readonly number[]) => ({ line, column, endLine, endColumn });
    expect(doc.root).toEqual(root);
    expect(doc.duplicateKeys).toEqual([{ path, first: range(first), second: range(second) }]);
  });

  it('keys that read as the same text are one key: `yes` and `true`, `1` and `"1"`', () => {
    const doc = parseYamlDocument('m.yaml', 'Mappings:\n  M:\n    yes: 1\n    true: 2\n    1: a\n    "1": b\n');
    expect(doc.root).toEqual({ Mappings: { M: { true: 2, 1: 'b' } } });
    expect(doc.duplicateKeys?.map((d) => [d.path, d.first.line, d.second.line])).toEqual([[['Mappings', 'M', 'true'], 3, 4], [['Mappings', 'M', '1'], 5, 6]]);
    // The located value is the last one written, found by the key's text.
    expect(doc.locate(['Mappings', 'M', 'true'])).toEqual({ line: 4, column: 11, endLine: 4, endColumn: 12 });
    expect(doc.locate(['Mappings', 'M', 1], true)).toEqual({ line: 6, column: 5, endLine: 6, endColumn: 11 });
  });

  it('a mapping of 5,000 resources with 20 repeats: each repeat reported against the first, and every resource located at its own line', () => {
    const lines = ['Resources:'];
    for (let i = 0; i < 5000; i++) lines.push(`  Queue${i}:`, '    Type: AWS::SQS::Queue');
    for (let i = 0; i < 20; i++) lines.push(`  Queue${i * 11}:`, '    Type: AWS::SNS::Topic');
    const doc = parseYamlDocument('big.yaml', lines.join('\n') + '\n');
    expect(doc.duplicateKeys?.map((d) => [d.path, d.first.line, d.second.line])).toEqual(Array.from({ length: 20 }, (_, i) => [['Resources', `Queue${i * 11}`], 2 + 2 * i * 11, 10002 + 2 * i]));
    for (const i of [0, 1, 2, 999, 4999]) {
      const line = i % 11 === 0 && i / 11 < 20 ? 10002 + (2 * i) / 11 : 2 + 2 * i;
      expect(doc.locate(['Resources', `Queue${i}`, 'Type'], true)).toEqual({ line: line + 1, column: 5, endLine: line + 1, endColumn: 26 });
    }
    expect(doc.locate(['Resources', 'Queue4999', 'Properties'])).toEqual({ line: 10000, column: 3, endLine: 10002, endColumn: 1 });
  });

  it('two documents read one after the other keep their short-form tags (the schema is shared, not rebuilt)', () => {
    expect(data('A: !Ref B\n')).toEqual({ A: { Ref: 'B' } });
    expect(data('A: !GetAtt B.Arn\nC: !Sub [x, {}]\n')).toEqual({ A: { 'Fn::GetAtt': ['B', 'Arn'] }, C: { 'Fn::Sub': ['x', {}] } });
  });
});

describe('documents remembered between analyses (the editor server)', () => {
  it('an unchanged text gives the same document; a changed one is parsed again; the least recently used is forgotten past the limits', () => {
    try {
      rememberYamlDocuments(1000 * RETAINED_BYTES_PER_CHAR, 2);
      const a = parseYamlDocument('a.yaml', 'A: !Ref B\n');
      expect(parseYamlDocument('a.yaml', 'A: !Ref B\n')).toBe(a);
      const changed = parseYamlDocument('a.yaml', 'A: !Ref C\n');
      expect(changed).not.toBe(a);
      expect(changed.root).toEqual({ A: { Ref: 'C' } });
      const b = parseYamlDocument('b.yaml', 'B: 1\n');
      parseYamlDocument('a.yaml', 'A: !Ref C\n');
      parseYamlDocument('c.yaml', 'C: 1\n');
      // Two documents at most: b.yaml, used least recently, is gone; a.yaml stays.
      expect(parseYamlDocument('a.yaml', 'A: !Ref C\n')).toBe(changed);
      expect(parseYamlDocument('b.yaml', 'B: 1\n')).not.toBe(b);
      // A text whose document would hold more than the limit is parsed every time.
      const long = `X: ${'x'.repeat(1000)}\n`;
      expect(parseYamlDocument('l.yaml', long)).not.toBe(parseYamlDocument('l.yaml', long));
      rememberYamlDocuments(0, 0);
      expect(parseYamlDocument('a.yaml', 'A: !Ref C\n')).not.toBe(parseYamlDocument('a.yaml', 'A: !Ref C\n'));
    } finally {
      rememberYamlDocuments(0, 0);
    }
  });

  it('the documents remembered hold no more heap than the budget (measured after a forced GC)', () => {
    const budget = 16 * 1024 * 1024;
    const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'test/helpers/remembered-heap.ts', String(budget)], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const { chars, grown } = JSON.parse(r.stdout) as { chars: number; grown: number };
    // Far more text was parsed than fits, so the budget was what bounded it.
    expect(chars * RETAINED_BYTES_PER_CHAR).toBeGreaterThan(3 * budget);
    expect(grown).toBeLessThan(budget * 1.15);
    expect(grown).toBeGreaterThan(budget * 0.5);
  });

  it('linting never writes to a document: every YAML fixture, remembered with a frozen root, gives the findings of a fresh parse', async () => {
    const files = (readdirSync('fixtures/cloudformation', { recursive: true }) as string[]).filter((f) => /\.ya?ml$/.test(f)).map((f) => join('fixtures/cloudformation', f));
    const texts = files.map((path) => ({ path, text: readFileSync(path, 'utf8') }));
    expect(texts.length).toBeGreaterThan(40);
    const fresh = await lintSources({ texts, config: {} });
    try {
      rememberYamlDocuments(64 * 1024 * 1024, 10_000);
      for (const t of texts) {
        try {
          deepFreeze(parseYamlDocument(t.path, t.text).root);
        } catch {
          // a fixture that does not parse: nothing to freeze
        }
      }
      const remembered = await lintSources({ texts, config: {} });
      expect(remembered.result.findings).toEqual(fresh.result.findings);
      expect(remembered.result.inputs).toEqual(fresh.result.inputs);
    } finally {
      rememberYamlDocuments(0, 0);
    }
  });
});

function deepFreeze(v: unknown): void {
  if (v === null || typeof v !== 'object' || Object.isFrozen(v)) return;
  Object.freeze(v);
  for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
}

describe('npm run yaml-parity', () => {
  const python = spawnSync('python3', ['-c', 'import yaml']).status === 0;
  it.skipIf(!python)('kmslint and PyYAML read the YAML fixtures of this suite as the same data', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/yaml-parity.ts', DIR, 'fixtures/cloudformation/duplicate-key'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n').slice(0, 2)).toEqual([
      'yaml-parity: 7 YAML files compared (fixtures/cloudformation/yaml, fixtures/cloudformation/duplicate-key)',
      '  same data: 5; refused by both readers: 0; differences: 2',
    ]);
    expect(run.stdout).toContain('timestamp-as-text (2)');
    expect(run.stdout).toContain('no unexplained differences');
    expect(run.status).toBe(0);
  });
});
