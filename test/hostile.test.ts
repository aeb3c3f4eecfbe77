// No input, however hostile, crashes kmslint, hangs it or pollutes its objects.
import { describe, expect, it } from 'vitest';
import { loadText } from '../src/inputs/load.js';
import { analyse } from '../src/analysis/analyse.js';
import { lint } from '../src/engine/lint.js';
import { configFrom } from './helpers/lint-files.js';

function run(file: string, text: string) {
  const input = loadText(file, text, { explicit: true });
  const { result } = lint([input], { config: configFrom({}) });
  return { input, result };
}

describe('hostile inputs', () => {
  it('YAML alias bomb is refused with a position, quickly', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    lines.push('Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties: { Tags: *l }');
    const start = Date.now();
    const { input } = run('bomb.yaml', lines.join('\n'));
    expect(Date.now() - start).toBeLessThan(10_000);
    expect(input.error?.message).toMatch(/more than|alias/i);
    expect(input.error!.line).toBeGreaterThanOrEqual(1);
  });

  it('a self-referencing YAML alias does not hang', () => {
    const { input } = run('cycle.yaml', 'Resources: &r\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      Loop: *r\n');
    // Either refused, or parsed with the cycle cut: never a hang or a crash.
    expect(input.error === null || input.error.line >= 1).toBe(true);
  });

  it('deep nesting (JSON and YAML) becomes an error or is analysed, never a stack overflow', () => {
    const depth = 200_000;
    const json = '{"Resources":{"Q":{"Type":"AWS::SQS::Queue","Properties":{"X":' + '['.repeat(depth) + ']'.repeat(depth) + '}}}}';
    const a = run('deep.json', json);
    expect(a.input.error === null || a.input.error.line >= 1).toBe(true);
    const yaml = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      X: ' + '['.repeat(depth) + ']'.repeat(depth) + '\n';
    const b = run('deep.yaml', yaml);
    expect(b.input.error === null || b.input.error.line >= 1).toBe(true);
  });

  it('__proto__ and constructor keys do not pollute prototypes', () => {
    const yaml = `Resources:\n  __proto__:\n    Type: AWS::SQS::Queue\n    Properties: { __proto__: { polluted: yes }, KmsMasterKeyId: alias/aws/sqs }\n  constructor:\n    Type: AWS::SNS::Topic\n    Properties: { KmsMasterKeyId: alias/aws/sns }\n`;
    const { input, result } = run('proto.yaml', yaml);
    expect(input.error).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(result.summary.inputs).toBe(1);
    const json = '{"Resources":{"__proto__":{"Type":"AWS::SQS::Queue","Properties":{"__proto__":{"polluted":1},"KmsMasterKeyId":"alias/aws/sqs"}}}}';
    const j = run('proto.json', json);
    expect(j.input.error).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const ids = analyse(j.input.templates).resources.map((r) => r.resource.id);
    expect(ids).toContain('__proto__');
  });

  it('a 50 MB JSON template is read in bounded time', () => {
    const resources: Record<string, unknown> = {};
    for (let i = 0; i < 130_000; i++) resources[`Queue${i}`] = { Type: 'AWS::SQS::Queue', Properties: { KmsMasterKeyId: 'alias/aws/sqs', Tags: [{ Key: 'padding', Value: 'x'.repeat(300) }] } };
    const text = JSON.stringify({ Resources: resources });
    expect(text.length).toBeGreaterThan(50 * 1024 * 1024);
    const start = Date.now();
    const { input } = run('big.json', text);
    expect(input.error).toBeNull();
    expect(Date.now() - start).toBeLessThan(60_000);
  });

  it('an oversized YAML file is refused, not parsed for minutes', () => {
    const text = 'Resources:\n' + '  Q: { Type: AWS::SQS::Queue }\n'.repeat(700_000);
    const { input } = run('big.yaml', text);
    expect(input.error?.message).toMatch(/MB/);
  });

  it('unknown tags, odd scalars and non-template YAML do not crash', () => {
    expect(run('x.yaml', 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties: { KmsMasterKeyId: !Foo bar }\n').input.error).toBeNull();
    expect(run('x.yaml', '- 1\n- 2\n').input.error?.message).toMatch(/not a recognised template/);
    expect(run('x.yaml', '').input.error?.message).toMatch(/not a recognised template/);
    expect(run('x.yaml', 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties: [1, 2]\n').input.error).toBeNull();
    expect(run('x.yaml', 'Resources:\n  Q:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption: { ServerSideEncryptionConfiguration: "oops" }\n').input.error).toBeNull();
  });
});
