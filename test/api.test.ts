// The library call every front end stands on (issue 10 item 1): paths, buffers or parsed templates
// in; findings, effective keys and the gate's verdict out.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { lintSources, type Rule } from '../src/index.js';

const SHARED_QUEUE = {
  Resources: {
    Queue: { Type: 'AWS::SQS::Queue', Properties: { KmsMasterKeyId: 'alias/aws/sqs' } },
    QueuePolicy: {
      Type: 'AWS::SQS::QueuePolicy',
      Properties: { Queues: [{ Ref: 'Queue' }], PolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { AWS: '444455556666' }, Action: 'sqs:SendMessage', Resource: '*' }] } },
    },
  },
};

const everyQueue: Rule = {
  meta: { id: 'team-no-queues', defaultSeverity: 'warning', group: 'information', description: 'Team rule: no queues.', messages: { queue: '{{id}} is a queue' } },
  check(ctx) {
    for (const r of ctx.analysis.resources) if (r.resource.type === 'AWS::SQS::Queue') ctx.report({ resource: r.resource, at: r.resource.path, messageId: 'queue', data: { id: r.resource.id } });
  },
};

describe('lintSources', () => {
  it('lints a parsed template with an inline config and returns findings, keys and the verdict', async () => {
    const r = await lintSources({ templates: [{ name: 'app', template: SHARED_QUEUE }], config: {} });
    expect(r.verdict).toEqual({ exitCode: 1, reason: 'errors', message: '1 error' });
    expect(r.result.findings.map((f) => [f.ruleId, f.file, f.resource?.id, f.line, f.column, f.messageId])).toEqual([
      ['cross-account-aws-managed-key', 'app.json', 'Queue', 6, 9, expect.any(String)],
    ]);
    expect(r.keys.map((k) => [k.id, k.key.kind, k.key.alias])).toEqual([['Queue', 'aws-managed', 'alias/aws/sqs']]);
  });

  it('the same verdict for a text buffer, and accounts make it pass', async () => {
    const r = await lintSources({ texts: [{ path: 'q.json', text: JSON.stringify(SHARED_QUEUE) }], config: { accounts: ['444455556666'] } });
    expect(r.verdict).toEqual({ exitCode: 0, reason: 'clean' });
  });

  it('custom rules run and can be configured by id', async () => {
    const base = { templates: [{ name: 'app', template: SHARED_QUEUE }], rules: [everyQueue] };
    const warned = await lintSources({ ...base, config: { accounts: ['444455556666'] } });
    expect(warned.result.findings.map((f) => [f.ruleId, f.severity, f.message])).toEqual([['team-no-queues', 'warning', 'Queue is a queue']]);
    expect(warned.verdict.exitCode).toBe(0);
    expect((await lintSources({ ...base, config: { accounts: ['444455556666'] }, maxWarnings: 0 })).verdict).toMatchObject({ exitCode: 1, reason: 'too-many-warnings' });
    const raised = await lintSources({ ...base, config: { accounts: ['444455556666'], rules: { 'team-no-queues': 'error' } } });
    expect(raised.verdict).toMatchObject({ exitCode: 1, reason: 'errors' });
  });

  it('paths with a discovered config; nothing linted is exit 2 unless allowed', async () => {
    const r = await lintSources({ paths: [join(process.cwd(), 'fixtures/hostile/good.yaml')], noConfig: true });
    expect(r.verdict.exitCode).toBe(1);
    expect((await lintSources({ texts: [], noConfig: true })).verdict).toEqual({ exitCode: 2, reason: 'no-inputs', message: 'no inputs found' });
    expect((await lintSources({ noConfig: true, allowEmpty: true })).verdict).toEqual({ exitCode: 0, reason: 'no-inputs' });
    expect((await lintSources({ paths: ['nope.yaml'], noConfig: true })).verdict.exitCode).toBe(2);
  });
});
