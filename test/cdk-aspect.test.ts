// The CDK front ends (issue 10): KmsLintAspect annotations, the validation plugin's report, the
// suppression helper, and the same findings through Aspect, plugin and `kmslint cdk.out`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App, Aspects, CfnOutput, Fn, NestedStack, RemovalPolicy, Stack, Stage } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { KmsLint, KmsLintAspect, KmsLintValidation, type KmsLintOptions } from '../src/cdk/index.js';
import { loadFile } from '../src/inputs/load.js';
import { lint } from '../src/engine/lint.js';
import { resolveConfig } from '../src/config/load.js';
import type { UserConfig } from '../src/config/types.js';

process.env.CDK_VALIDATION = 'false';
const ENV = { account: '111122223333', region: 'eu-west-1' } as const;
const STAGE_ENV = { account: '999988887777', region: 'us-east-1' } as const;
const OTHER_ACCOUNT = '444455556666';

const CONFIG: UserConfig = {
  requirements: [{ name: 'queues-on-customer-keys', match: { types: ['AWS::SQS::Queue'] }, require: { customerManagedKey: true } }],
};

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function newApp(props: ConstructorParameters<typeof App>[0] = {}): App {
  const outdir = mkdtempSync(join(tmpdir(), 'kmslint-cdk-aspect-'));
  dirs.push(outdir);
  return new App({ outdir, stackTraces: false, analyticsReporting: false, ...props });
}

interface Built {
  app: App;
  stacks: Record<'demo' | 'keys' | 'user' | 'parent' | 'legacy' | 'data', Stack>;
  stage: Stage;
}

/** The shared app: every case of issue 10 in one app, so each front end synthesizes it once. */
function buildApp(app: App): Built {
  const demo = new Stack(app, 'Demo', { env: ENV });
  const shared = new s3.Bucket(demo, 'Shared', { encryption: s3.BucketEncryption.KMS_MANAGED });
  shared.grantRead(new iam.AccountPrincipal(OTHER_ACCOUNT));
  const allowed = new s3.Bucket(demo, 'Allowed', { encryption: s3.BucketEncryption.KMS_MANAGED });
  allowed.grantRead(new iam.AccountPrincipal(OTHER_ACCOUNT));
  KmsLint.suppress(allowed, 'cross-account-aws-managed-key', 'the partner account reads through a VPC endpoint policy reviewed in SEC-42');
  const topic = new sns.Topic(demo, 'Alerts', { masterKey: kms.Alias.fromAliasName(demo, 'SnsAlias', 'alias/aws/sns') });
  new events.Rule(demo, 'Nightly', { schedule: events.Schedule.cron({ hour: '3', minute: '0' }), targets: [new targets.SnsTopic(topic)] });
  // kms.Key always adds the account-root statement; an L1 key can be written without it.
  new kms.CfnKey(demo, 'Locked', {
    enableKeyRotation: true,
    keyPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ENV.account}:role/app` }, Action: 'kms:Decrypt', Resource: '*' }] },
  }).applyRemovalPolicy(RemovalPolicy.RETAIN);
  new sqs.Queue(demo, 'Jobs', { encryption: sqs.QueueEncryption.KMS_MANAGED });

  const keys = new Stack(app, 'Keys', { env: ENV });
  const key = new kms.Key(keys, 'Key', { enableKeyRotation: true });
  new CfnOutput(keys, 'SharedKeyArn', { value: key.keyArn, exportName: 'shared-key-arn' });
  const user = new Stack(app, 'User', { env: ENV });
  new sqs.Queue(user, 'Implicit', { encryptionMasterKey: key });
  new sqs.Queue(user, 'Named', { encryptionMasterKey: kms.Key.fromKeyArn(user, 'Imported', Fn.importValue('shared-key-arn')) });

  const parent = new Stack(app, 'Parent', { env: ENV });
  const nested = new NestedStack(parent, 'Nested');
  new s3.Bucket(nested, 'Inner', { encryption: s3.BucketEncryption.KMS_MANAGED }).grantRead(new iam.AccountPrincipal(OTHER_ACCOUNT));

  // suppressAll: the stack's template and its nested stack's template are both silenced.
  const legacy = new Stack(app, 'Legacy', { env: ENV });
  new s3.Bucket(legacy, 'Old', { encryption: s3.BucketEncryption.KMS_MANAGED }).grantRead(new iam.AccountPrincipal(OTHER_ACCOUNT));
  new s3.Bucket(new NestedStack(legacy, 'More'), 'Older', { encryption: s3.BucketEncryption.KMS_MANAGED }).grantRead(new iam.AccountPrincipal(OTHER_ACCOUNT));
  KmsLint.suppressAll(legacy, 'cross-account-aws-managed-key', 'decommissioned in Q3; the partner account is being offboarded');

  const stage = new Stage(app, 'Prod', { env: STAGE_ENV });
  const data = new Stack(stage, 'Data');
  new s3.Bucket(data, 'Exports', { encryption: s3.BucketEncryption.KMS_MANAGED }).grantRead(new iam.AccountPrincipal(ENV.account));
  return { app, stacks: { demo, keys, user, parent, legacy, data }, stage };
}

const OPTIONS: KmsLintOptions = { config: CONFIG };


interface Seen {
  rule: string;
  path: string;
  severity: string;
}

const KMSLINT_TEXT = /^\[kmslint\/([a-z-]+)\] /;
const byPathThenRule = (a: Seen, b: Seen) => a.path.localeCompare(b.path) || a.rule.localeCompare(b.rule);

/** Every kmslint annotation of the given stacks, read with aws-cdk-lib/assertions. */
function annotationsOf(stacks: Stack[]): (Seen & { text: string })[] {
  const out: (Seen & { text: string })[] = [];
  for (const stack of stacks) {
    const a = Annotations.fromStack(stack);
    const levels = [['error', a.findError('*', Match.anyValue())], ['warning', a.findWarning('*', Match.anyValue())], ['info', a.findInfo('*', Match.anyValue())]] as const;
    for (const [severity, messages] of levels) {
      for (const m of messages) {
        const text = typeof m.entry.data === 'string' ? m.entry.data : JSON.stringify(m.entry.data);
        const rule = KMSLINT_TEXT.exec(text)?.[1];
        if (rule) out.push({ rule, path: m.id.replace(/^\//, ''), severity, text });
      }
    }
  }
  return out.sort(byPathThenRule);
}

/** Every `*.template.json` under an assembly directory, by path relative to it. */
function templatesIn(dir: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.template.json')) out[relative(dir, p)] = JSON.parse(readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

/** The same findings every front end must show, by construct path. */
const EXPECTED: Seen[] = [
  { rule: 'cross-account-aws-managed-key', path: 'Demo/Shared/Resource', severity: 'error' },
  { rule: 'service-publisher-aws-managed-key', path: 'Demo/Alerts/Resource', severity: 'error' },
  { rule: 'requirement-customer-managed', path: 'Demo/Jobs/Resource', severity: 'error' },
  { rule: 'key-policy-lockout', path: 'Demo/Locked', severity: 'error' },
  { rule: 'cross-account-aws-managed-key', path: 'Parent/Nested/Inner/Resource', severity: 'error' },
  { rule: 'cross-account-aws-managed-key', path: 'Prod/Data/Exports/Resource', severity: 'error' },
].sort(byPathThenRule);

const DOCS = (rule: string) => `https://github.com/kmslint/kmslint/blob/main/rules/${rule}.md`;

/** A validation plugin that keeps a copy of each report it returns (CDK rewrites template paths in place). */
class RecordingValidation extends KmsLintValidation {
  readonly reports: ReturnType<KmsLintValidation['validate']>[] = [];
  override validate(context: Parameters<KmsLintValidation['validate']>[0]): ReturnType<KmsLintValidation['validate']> {
    const report = super.validate(context);
    this.reports.push(structuredClone(report));
    return report;
  }
}

describe('the same app through the Aspect, the validation plugin and `kmslint cdk.out`', () => {
  let withAspect: Built;
  let aspectOutdir: string;
  let annotations: (Seen & { text: string })[];
  let plain: Built;
  let plugin: RecordingValidation;
  let synthError: unknown;
  let libraryRun: ReturnType<typeof lint>;

  beforeAll(() => {
    withAspect = buildApp(newApp());
    const aspect = new KmsLintAspect(OPTIONS);
    Aspects.of(withAspect.app).add(aspect);
    Aspects.of(withAspect.stage).add(aspect); // CDK does not carry an App's Aspects into a Stage
    aspectOutdir = withAspect.app.synth().directory;
    annotations = annotationsOf(Object.values(withAspect.stacks));

    plugin = new RecordingValidation(OPTIONS);
    plain = buildApp(newApp({ policyValidationBeta1: [plugin] }));
    try {
      plain.app.synth();
    } catch (err) {
      synthError = err;
    }
    libraryRun = lint([loadFile(plain.app.outdir, { explicit: true })], { config: resolveConfig(CONFIG, process.cwd()) });
  });

  describe('KmsLintAspect', () => {
    it('errors on the bucket on alias/aws/s3 shared with another account, with rule id, message and docs link', () => {
      const shared = annotations.find((a) => a.path === 'Demo/Shared/Resource')!;
      expect(shared).toEqual({
        rule: 'cross-account-aws-managed-key',
        path: 'Demo/Shared/Resource',
        severity: 'error',
        text:
          '[kmslint/cross-account-aws-managed-key] SharedDACC02AA is shared with account 444455556666 through bucket policy SharedPolicy3A5F5467 but uses the AWS managed key alias/aws/s3 ' +
          '(implicit: SSEAlgorithm is aws:kms and KMSMasterKeyID is absent); other accounts cannot use AWS managed keys — use a customer managed key whose policy grants that account ' +
          `(${DOCS('cross-account-aws-managed-key')})`,
      });
      Annotations.fromStack(withAspect.stacks.demo).hasError('/Demo/Shared/Resource', Match.stringLikeRegexp('^\\[kmslint/cross-account-aws-managed-key\\] SharedDACC02AA '));
    });

    it('errors on the SNS topic on alias/aws/sns that an EventBridge rule targets', () => {
      expect(annotations.find((a) => a.path === 'Demo/Alerts/Resource')?.text).toBe(
        '[kmslint/service-publisher-aws-managed-key] Alerts91F83244 receives messages from EventBridge rule NightlyC44EE0A7 but uses the AWS managed key alias/aws/sns (named explicitly); ' +
          'the publishing service cannot use an AWS managed key, whose policy cannot be changed to admit it, so messages are lost — use a customer managed key that allows the service principal ' +
          `(${DOCS('service-publisher-aws-managed-key')})`,
      );
    });

    it('errors on a key policy lockout, on the L1 key itself', () => {
      expect(annotations.find((a) => a.path === 'Demo/Locked')?.text).toMatch(/^\[kmslint\/key-policy-lockout\] No statement of the key policy of Locked /);
    });

    it('errors on a requirement from the config', () => {
      expect(annotations.find((a) => a.path === 'Demo/Jobs/Resource')?.text).toMatch(
        /^\[kmslint\/requirement-customer-managed\] JobsDF1CC2D4 must have a customer managed key \(requirement "queues-on-customer-keys"\) but uses the AWS managed key alias\/aws\/sqs /,
      );
    });

    it('annotates the nested stack\'s resource and the Stage\'s stack with its own account', () => {
      Annotations.fromStack(withAspect.stacks.parent).hasError('/Parent/Nested/Inner/Resource', Match.stringLikeRegexp('^\\[kmslint/cross-account-aws-managed-key\\] Inner09E1DD49 is shared with account 444455556666 '));
      // The Stage deploys to 999988887777: the app's own default account is another account from there.
      Annotations.fromStack(withAspect.stacks.data).hasError('/Prod/Data/Exports/Resource', Match.stringLikeRegexp('^\\[kmslint/cross-account-aws-managed-key\\] Exports25637AFB is shared with account 111122223333 '));
    });

    it('stays silent on suppressed resources and on a cross-stack key import', () => {
      expect(annotations.map(({ rule, path, severity }) => ({ rule, path, severity }))).toEqual(EXPECTED);
      Annotations.fromStack(withAspect.stacks.user).hasNoError('*', Match.anyValue());
      Annotations.fromStack(withAspect.stacks.legacy).hasNoError('*', Match.anyValue());
    });

    it('is read-only: the templates are the same as without it', () => {
      expect(templatesIn(aspectOutdir)).toEqual(templatesIn(plain.app.outdir));
      expect(Object.keys(templatesIn(aspectOutdir)).sort()).toEqual([
        'Demo.template.json', 'Keys.template.json', 'Legacy.template.json', expect.stringMatching(/^LegacyMore[0-9A-F]{8}\.nested\.template\.json$/),
        'Parent.template.json', expect.stringMatching(/^ParentNested[0-9A-F]{8}\.nested\.template\.json$/), 'User.template.json',
        expect.stringMatching(/^assembly-Prod\/ProdData[0-9A-F]{8}\.template\.json$/),
      ]);
    });
  });

  describe('KmsLintValidation', () => {
    it('fails synth on errors, with kmslint\'s violations in the CDK report', () => {
      expect(synthError).toBeInstanceOf(Error);
      const message = (synthError as Error).message;
      expect(message).toContain('ERROR SharedDACC02AA is shared with account 444455556666 through bucket policy SharedPolicy3A5F5467 but uses the AWS managed key alias/aws/s3');
      expect(message).toContain(`   Demo/Shared/Resource (SharedDACC02AA) aws-cdk-lib.aws_s3.CfnBucket\n   Suggested fix: ${DOCS('cross-account-aws-managed-key')}`);
      expect(message).toContain('   Prod/Data/Exports/Resource (Exports25637AFB) aws-cdk-lib.aws_s3.CfnBucket');
      expect(message.match(/^ERROR /gm)).toHaveLength(EXPECTED.length);
      expect(plugin.reports).toHaveLength(1);
      expect(plugin.reports[0].success).toBe(false);
    });

    it('reports each violation with its construct path and template location', () => {
      const [report] = plugin.reports;
      const shared = libraryRun.result.findings.find((f) => f.resource?.path === 'Demo/Shared/Resource' && f.ruleId === 'cross-account-aws-managed-key')!;
      expect(report.violations.find((v) => v.violatingResources.some((r) => r.resourceLogicalId === 'SharedDACC02AA'))).toEqual({
        ruleName: 'cross-account-aws-managed-key',
        description: shared.message,
        severity: 'error',
        fix: DOCS('cross-account-aws-managed-key'),
        violatingResources: [{
          resourceLogicalId: 'SharedDACC02AA',
          templatePath: join(plain.app.outdir, 'Demo.template.json'),
          locations: [`line ${shared.line}, column ${shared.column}`],
          constructPath: 'Demo/Shared/Resource',
        }],
      });
      expect(shared.line).toBeGreaterThan(1);
      const written = JSON.parse(readFileSync(join(plain.app.outdir, 'validation-report.json'), 'utf8')) as unknown;
      expect(JSON.stringify(written)).toContain('Prod/Data/Exports/Resource');
    });
  });

  it('all three give the same findings (rule, construct path, severity)', () => {
    const fromPlugin = plugin.reports[0].violations
      .flatMap((v) => v.violatingResources.map((r) => ({ rule: v.ruleName, path: (r as { constructPath?: string }).constructPath ?? '', severity: v.severity ?? '' })))
      .sort(byPathThenRule);
    const fromLibrary = libraryRun.result.findings
      .filter((f) => !f.suppressed && f.severity !== 'info')
      .map((f) => ({ rule: f.ruleId, path: f.resource?.path ?? '', severity: f.severity }))
      .sort(byPathThenRule);
    expect(fromLibrary).toEqual(EXPECTED);
    expect(fromPlugin).toEqual(EXPECTED);
    expect(annotations.map(({ rule, path, severity }) => ({ rule, path, severity }))).toEqual(EXPECTED);
  });

  it('the helpers\' suppressions are in the templates and honoured, with their reasons', () => {
    const demo = JSON.parse(readFileSync(join(plain.app.outdir, 'Demo.template.json'), 'utf8')) as { Resources: Record<string, { Metadata?: unknown }> };
    const allowedId = Object.keys(demo.Resources).find((id) => /^Allowed[0-9A-F]{8}$/.test(id))!;
    expect(demo.Resources[allowedId].Metadata).toEqual({
      kmslint: { ignore: [{ rule: 'cross-account-aws-managed-key', reason: 'the partner account reads through a VPC endpoint policy reviewed in SEC-42' }] },
    });
    const suppressed = libraryRun.result.findings.filter((f) => f.suppressed).map((f) => ({ rule: f.ruleId, path: f.resource?.path, why: f.suppression?.justification })).sort((a, b) => String(a.path).localeCompare(String(b.path)));
    expect(suppressed).toEqual([
      { rule: 'cross-account-aws-managed-key', path: 'Demo/Allowed/Resource', why: 'the partner account reads through a VPC endpoint policy reviewed in SEC-42' },
      { rule: 'cross-account-aws-managed-key', path: 'Legacy/More/Older/Resource', why: 'decommissioned in Q3; the partner account is being offboarded' },
      { rule: 'cross-account-aws-managed-key', path: 'Legacy/Old/Resource', why: 'decommissioned in Q3; the partner account is being offboarded' },
    ]);
  });
});

describe('KmsLint.suppress and suppressAll', () => {
  const REASON = 'reviewed in SEC-7';

  it('writes on the L1 behind an L2, merging with entries and keys already there', () => {
    const stack = new Stack(newApp(), 'S');
    const bucket = new s3.Bucket(stack, 'B');
    const cfn = bucket.node.defaultChild as s3.CfnBucket;
    cfn.addMetadata('kmslint', { ignore: [{ rule: 'implicit-aws-managed-key', reason: 'old' }], note: 'kept' });
    KmsLint.suppress(bucket, 'cross-account-aws-managed-key', REASON);
    KmsLint.suppress(bucket, 'cross-account-aws-managed-key', REASON); // once only
    expect(cfn.getMetadata('kmslint')).toEqual({
      ignore: [{ rule: 'implicit-aws-managed-key', reason: 'old' }, { rule: 'cross-account-aws-managed-key', reason: REASON }],
      note: 'kept',
    });
    expect(bucket.node.metadata).toEqual([]); // nothing on the L2 itself
  });

  it('with applyToChildren, writes on every L1 under the construct', () => {
    const stack = new Stack(newApp(), 'S');
    const group = new s3.Bucket(stack, 'Logs');
    group.grantRead(new iam.AccountPrincipal(OTHER_ACCOUNT)); // adds Logs/Policy/Resource
    KmsLint.suppress(group, '*', REASON, { applyToChildren: true });
    const l1s = group.node.findAll().filter((c): c is s3.CfnBucket | s3.CfnBucketPolicy => c instanceof s3.CfnBucket || c instanceof s3.CfnBucketPolicy);
    expect(l1s.map((c) => [c.node.path, c.getMetadata('kmslint')])).toEqual([
      ['S/Logs/Resource', { ignore: [{ rule: '*', reason: REASON }] }],
      ['S/Logs/Policy/Resource', { ignore: [{ rule: '*', reason: REASON }] }],
    ]);
  });

  it('refuses an empty reason or rule, and a construct with no resource of its own', () => {
    const stack = new Stack(newApp(), 'S');
    const bucket = new s3.Bucket(stack, 'B');
    expect(() => KmsLint.suppress(bucket, 'cross-account-aws-managed-key', '  ')).toThrow('KmsLint suppression of cross-account-aws-managed-key: a reason is required (say why the finding does not apply)');
    expect(() => KmsLint.suppress(bucket, '', REASON)).toThrow('KmsLint suppression: a rule id (or "*") is required');
    expect(() => KmsLint.suppressAll(stack, 'cross-account-aws-managed-key', '')).toThrow(/a reason is required/);
    expect(() => KmsLint.suppress(stack, 'cross-account-aws-managed-key', REASON)).toThrow(
      'KmsLint.suppress: S has no CloudFormation resource of its own; pass { applyToChildren: true } to suppress on the resources under it',
    );
    expect((bucket.node.defaultChild as s3.CfnBucket).getMetadata('kmslint')).toBeUndefined();
  });

  it('suppressAll writes template metadata of the stack and its nested stacks, not of sibling stacks', () => {
    const app = newApp();
    const stack = new Stack(app, 'S');
    const nested = new NestedStack(stack, 'N');
    const sibling = new Stack(app, 'T');
    stack.templateOptions.metadata = { other: 1 };
    KmsLint.suppressAll(stack, 'cross-account-aws-managed-key', REASON);
    expect(stack.templateOptions.metadata).toEqual({ other: 1, kmslint: { ignore: [{ rule: 'cross-account-aws-managed-key', reason: REASON }] } });
    expect(nested.templateOptions.metadata).toEqual({ kmslint: { ignore: [{ rule: 'cross-account-aws-managed-key', reason: REASON }] } });
    expect(sibling.templateOptions.metadata).toBeUndefined();
  });
});

describe('KmsLintAspect options', () => {
  it('reports info findings only with reportInfo, and reads a config file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmslint-cdk-config-'));
    dirs.push(dir);
    writeFileSync(join(dir, '.kmslintrc.json'), JSON.stringify({ rules: { 'implicit-aws-managed-key': 'warning' } }));
    const app = newApp();
    const quiet = new Stack(app, 'Quiet', { env: ENV });
    new s3.Bucket(quiet, 'B', { encryption: s3.BucketEncryption.KMS_MANAGED });
    const loud = new Stack(app, 'Loud', { env: ENV });
    new s3.Bucket(loud, 'B', { encryption: s3.BucketEncryption.KMS_MANAGED });
    const configured = new Stack(app, 'Configured', { env: ENV });
    new s3.Bucket(configured, 'B', { encryption: s3.BucketEncryption.KMS_MANAGED });
    Aspects.of(quiet).add(new KmsLintAspect({ config: {} }));
    Aspects.of(loud).add(new KmsLintAspect({ config: {}, reportInfo: true }));
    Aspects.of(configured).add(new KmsLintAspect({ cwd: dir })); // discovered .kmslintrc.json
    app.synth();
    expect(annotationsOf([quiet])).toEqual([]);
    expect(annotationsOf([loud]).map(({ rule, path, severity }) => ({ rule, path, severity }))).toEqual([{ rule: 'implicit-aws-managed-key', path: 'Loud/B/Resource', severity: 'info' }]);
    expect(annotationsOf([configured]).map(({ rule, path, severity }) => ({ rule, path, severity }))).toEqual([{ rule: 'implicit-aws-managed-key', path: 'Configured/B/Resource', severity: 'warning' }]);
  });

  it('fails synth on an invalid config, naming the problem', () => {
    const app = newApp();
    new s3.Bucket(new Stack(app, 'S'), 'B');
    Aspects.of(app).add(new KmsLintAspect({ config: { rules: { 'no-such-rule': 'error' } } }));
    expect(() => app.synth()).toThrow('rules.no-such-rule: expected a rule id (see `kmslint rules`), found unknown rule "no-such-rule"');
  });
});

describe('packaging', () => {
  // Modules loaded by a fresh Node process that imports one entry point (through tsx, as sources).
  function loadedPackages(entry: string): string[] {
    const script = `
      import { createRequire } from 'node:module';
      await import(${JSON.stringify(entry)});
      const cache = Object.keys(createRequire(import.meta.url).cache);
      const names = new Set(cache.map((p) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(p)?.[1]).filter(Boolean));
      process.stdout.write(JSON.stringify([...names].sort()));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: process.cwd(), encoding: 'utf8' });
    return JSON.parse(out) as string[];
  }

  it('import "kmslint" loads neither aws-cdk-lib nor constructs; kmslint/cdk does', () => {
    const core = loadedPackages('./src/index.ts');
    expect(core).not.toContain('aws-cdk-lib');
    expect(core).not.toContain('constructs');
    expect(core).toContain('ignore'); // the probe sees CommonJS packages the core does load (cosmiconfig now loads only when a config may exist)
    const cdk = loadedPackages('./src/cdk/index.ts');
    expect(cdk).toContain('aws-cdk-lib');
    expect(cdk).toContain('constructs');
  });
});
