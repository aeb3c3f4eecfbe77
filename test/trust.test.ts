// Findings people can trust (issue 9, items 5–8): one finding per cause with every site related,
// keys rebuilt from a declared key's id across stacks, external key ids judged by what they prove,
// and unresolved keys reported only where they hide an answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { NestedStack, Stack, Fn, Aws } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { lintPaths } from './helpers/lint-files.js';
import { cleanupApps, ENV, synthApp } from './helpers/cdk-app.js';
import { loadFile } from '../src/inputs/load.js';
import { analyse } from '../src/analysis/analyse.js';
import type { Finding } from '../src/model/findings.js';

const CFN = 'fixtures/cloudformation';
const TF = 'fixtures/terraform';

function findingsOf(ruleId: string, paths: string[], config?: unknown): Finding[] {
  return lintPaths(paths, config).findings.filter((f) => f.ruleId === ruleId);
}

/** A finding as the user reads it: where, what, and each related site. */
function shape(f: Finding) {
  return { resource: f.resource?.id, line: f.line, message: f.message, related: (f.related ?? []).map((r) => `${r.line}:${r.column} ${r.message}`) };
}

describe('one cause, one finding', () => {
  it('an alarm naming one topic in AlarmActions, OKActions and InsufficientDataActions gives one error listing the three actions', () => {
    const file = join(CFN, 'service-publisher-aws-managed-key', 'fail-alarm-same-topic-three-actions.yaml');
    const found = findingsOf('service-publisher-aws-managed-key', [file]).map(shape);
    const tail = 'but uses the AWS managed key alias/aws/sns (named explicitly); the publishing service cannot use an AWS managed key, whose policy cannot be changed to admit it, so messages are lost — use a customer managed key that allows the service principal';
    // A second alarm is a second cause: it stays its own finding.
    expect(found).toEqual([
      {
        resource: 'OnCallTopic',
        line: 7,
        message: `OnCallTopic receives messages from CloudWatch alarm ErrorsAlarm ${tail}`,
        related: ['19:11 CloudWatch alarm ErrorsAlarm publishes here', '21:11 CloudWatch alarm ErrorsAlarm publishes here', '23:11 CloudWatch alarm ErrorsAlarm publishes here'],
      },
      {
        resource: 'OnCallTopic',
        line: 7,
        message: `OnCallTopic receives messages from CloudWatch alarm ThrottlesAlarm ${tail}`,
        related: ['35:11 CloudWatch alarm ThrottlesAlarm publishes here'],
      },
    ]);
    expect(lintPaths([file]).findings.filter((f) => f.severity === 'error')).toHaveLength(2);
  });

  it('the Terraform form: one alarm, three action lists, one finding', () => {
    const found = findingsOf('service-publisher-aws-managed-key', [join(TF, 'service-publisher-aws-managed-key', 'fail-alarm-same-topic-three-actions.tf.json')]);
    expect(found).toHaveLength(1);
    expect(found[0].related?.map((r) => r.message)).toEqual([
      'CloudWatch alarm aws_cloudwatch_metric_alarm.errors publishes here',
      'CloudWatch alarm aws_cloudwatch_metric_alarm.errors publishes here',
      'CloudWatch alarm aws_cloudwatch_metric_alarm.errors publishes here',
    ]);
    expect(new Set(found[0].related?.map((r) => r.line)).size).toBe(3);
  });

  it('two Terraform targets of one EventBridge rule are one cause: the rule is the counterpart', () => {
    const found = findingsOf('service-publisher-aws-managed-key', [join(TF, 'service-publisher-aws-managed-key', 'fail-two-targets-of-one-rule.tf.json')]).map(shape);
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(/^aws_sns_topic\.alerts receives messages from EventBridge rule aws_cloudwatch_event_rule\.nightly through aws_cloudwatch_event_target\.alerts but uses/);
    expect(found[0].related).toEqual([
      '20:9 EventBridge rule aws_cloudwatch_event_rule.nightly through aws_cloudwatch_event_target.alerts publishes here',
      '25:9 EventBridge rule aws_cloudwatch_event_rule.nightly through aws_cloudwatch_event_target.alerts_again publishes here',
    ]);
  });

  it('a bucket policy with two statements granting one account (root ARN and bare id) gives one error listing both statements', () => {
    const found = findingsOf('cross-account-aws-managed-key', [join(CFN, 'cross-account-aws-managed-key', 'fail-two-statements-same-account.yaml')]).map(shape);
    expect(found).toEqual([
      {
        resource: 'DataBucket',
        line: 10,
        message:
          'DataBucket is shared with account 444455556666 through bucket policy DataBucketPolicy but uses the AWS managed key alias/aws/s3 (implicit: SSEAlgorithm is aws:kms and KMSMasterKeyID is absent); other accounts cannot use AWS managed keys — use a customer managed key whose policy grants that account',
        related: ['20:13 shared here with account 444455556666', '26:13 shared here with account 444455556666'],
      },
    ]);
  });

  it('the Terraform form: the policy is JSON text, so both statements share one site', () => {
    const found = findingsOf('cross-account-aws-managed-key', [join(TF, 'cross-account-aws-managed-key', 'fail-two-statements-same-account.tf.json')]).map(shape);
    expect(found).toHaveLength(1);
    expect(found[0].related).toEqual(['34:9 shared here with account 444455556666', '18:7 the key is set by aws_s3_bucket_server_side_encryption_configuration.data']);
  });
});

describe('edges that were missed', () => {
  it('an EventBridge target dead-letter queue under alias/aws/sqs is published to by EventBridge', () => {
    const found = findingsOf('service-publisher-aws-managed-key', [join(CFN, 'service-publisher-aws-managed-key', 'fail-eventbridge-dead-letter-queue.yaml')]).map(shape);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ resource: 'FailedEventsQueue', line: 7, related: ['24:13 EventBridge rule NightlyRule (as its dead-letter queue) publishes here'] });
    expect(found[0].message).toMatch(/^FailedEventsQueue receives messages from EventBridge rule NightlyRule \(as its dead-letter queue\) but uses the AWS managed key alias\/aws\/sqs/);
  });

  it('an access point policy shares the bucket only when the bucket policy delegates access control to access points', () => {
    const dir = join(CFN, 'cross-account-aws-managed-key');
    const delegated = findingsOf('cross-account-aws-managed-key', [join(dir, 'fail-access-point-policy-delegated.yaml')]).map(shape);
    expect(delegated).toEqual([
      {
        resource: 'DataBucket',
        line: 10,
        message: expect.stringMatching(/^DataBucket is shared with account 444455556666 through access point policy PartnerAccessPoint \(bucket policy DataBucketPolicy delegates access control to access points\) but uses the AWS managed key alias\/aws\/s3/),
        related: ['37:13 shared here with account 444455556666'],
      },
    ]);
    // The delegation statement (Principal "*" narrowed by s3:DataAccessPointAccount) is no grant to anyone else.
    for (const near of ['pass-access-point-policy-not-delegated.yaml', 'pass-access-point-policy-own-account.yaml']) {
      expect(lintPaths([join(dir, near)]).findings.filter((f) => f.ruleId === 'cross-account-aws-managed-key')).toEqual([]);
    }
  });
});

describe('a key ARN rebuilt from a declared key id', () => {
  it('is that key across templates, through Fn::ImportValue of the id and of a rebuilt ARN', () => {
    const dir = join(CFN, 'unresolved-key-reference', 'rebuilt-key-arn');
    const config = { requirements: [{ name: 'dr', match: { ids: ['OrdersTable', 'InvoicesQueue'] }, require: { multiRegion: true } }] };
    const run = lintPaths([join(dir, 'keys.yaml'), join(dir, 'app.yaml')], config);
    expect(run.findings.filter((f) => f.ruleId === 'unresolved-key-reference' || f.ruleId.startsWith('requirement-')).map((f) => f.message)).toEqual([]);
  });

  it('is that key across a CDK nested stack parameter', () => {
    const outdir = synthApp((app) => {
      const parent = new Stack(app, 'Parent', { env: ENV });
      const key = new kms.Key(parent, 'TableKey', { enableKeyRotation: true });
      const nested = new NestedStack(parent, 'Data');
      const arn = Fn.join('', ['arn:', Aws.PARTITION, ':kms:', Aws.REGION, ':', Aws.ACCOUNT_ID, ':key/', key.keyId]);
      new sqs.CfnQueue(nested, 'Jobs', { kmsMasterKeyId: arn });
      new sqs.CfnQueue(nested, 'Audit', { kmsMasterKeyId: Fn.sub('arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/${Id}', { Id: key.keyId }) });
    });
    const loaded = loadFile(outdir, { explicit: true });
    const analysis = analyse(loaded.templates);
    const child = loaded.templates.find((t) => t.stack === 'Parent/Data')!;
    const keyId = loaded.templates.find((t) => t.stack === 'Parent')!.resources.find((r) => r.type === 'AWS::KMS::Key')!.id;
    const keys = child.resources.filter((r) => r.type === 'AWS::SQS::Queue').map((r) => analysis.byResource.get(child)!.get(r.id)!.variants[0].primary);
    expect(keys.map((k) => k.key)).toEqual([
      { kind: 'customer-managed', keyRef: keyId },
      { kind: 'customer-managed', keyRef: keyId },
    ]);
    expect(keys.map((k) => k.reason)).toEqual([
      `KmsMasterKeyId names the customer managed key ${keyId} declared in stack Parent (its ARN rebuilt from its key id)`,
      `KmsMasterKeyId names the customer managed key ${keyId} declared in stack Parent (its ARN rebuilt from its key id)`,
    ]);
  });
});

describe('requirement severity for external keys', () => {
  const dir = join(CFN, 'requirement-multi-region');
  const config = { requirements: [{ name: 'dr-ready', match: { types: ['AWS::DynamoDB::Table'] }, require: { multiRegion: true } }] };

  it('a key id without mrk- proves a single-Region key: an error', () => {
    expect(findingsOf('requirement-multi-region', [join(dir, 'fail-external-single-region-key-id.yaml')], config).map((f) => [f.severity, f.message])).toEqual([
      [
        'error',
        'OrdersTable must have a multi-Region customer managed key (requirement "dr-ready") but uses the customer managed key 1234abcd-12ab-34cd-56ef-1234567890ab: its key id does not start with mrk-, so it is a single-Region key, and that cannot be changed after creation',
      ],
    ]);
  });

  it('an alias proves nothing about the key behind it: a warning', () => {
    expect(findingsOf('requirement-multi-region', [join(dir, 'warn-external-alias.yaml')], config).map((f) => f.severity)).toEqual(['warning']);
  });
});

describe('unresolved-key-reference only where an unknown key hides an answer', () => {
  const dir = join(CFN, 'unresolved-key-reference');

  it('names the question the unknown key leaves open', () => {
    expect(findingsOf('unresolved-key-reference', [join(dir, 'fail-parameter-without-default.yaml')]).map((f) => f.message)).toEqual([
      'The key of JobsQueue could not be resolved (KmsMasterKeyId cannot be resolved: parameter QueueKeyArn has no default), so whether SNS subscription OrderEventsToJobs can publish to it was not checked',
    ]);
  });

  it('is silent on the same key without an edge or a requirement, which `keys` still shows as unknown', () => {
    const file = join(dir, 'pass-parameter-without-default-no-edge.yaml');
    const run = lintPaths([file]);
    expect(run.findings.filter((f) => f.ruleId === 'unresolved-key-reference')).toEqual([]);
    const analysis = analyse(loadFile(file, { explicit: true }).templates);
    expect(analysis.resources.map((a) => [a.resource.id, a.variants[0].primary.key.kind])).toEqual([['JobsQueue', 'unknown']]);
  });
});

beforeAll(() => {
  process.env.CDK_VALIDATION = 'false';
});

afterAll(() => cleanupApps());
