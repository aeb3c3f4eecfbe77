// CDK synth output (contract §1, issue 4): real cloud assemblies synthesized with aws-cdk-lib, stage
// sub-assemblies, nested stacks, cross-stack imports, broken and hostile manifests, and the corpus of
// integ snapshots.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CfnOutput, Fn, NestedStack, Stack, Stage } from 'aws-cdk-lib';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subs from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { loadFile, type LoadedInput } from '../src/inputs/load.js';
import { discoverInputs } from '../src/inputs/discover.js';
import { analyse, type Analysis } from '../src/analysis/analyse.js';
import { cdkAdapter } from '../src/inputs/cdk/index.js';
import { inputAdapters } from '../src/inputs/adapters.js';
import type { AnalysedResource, EffectiveKey } from '../src/model/types.js';
import { ENV, cleanupApps, synthApp } from './helpers/cdk-app.js';

afterAll(cleanupApps);

function byPath(analysis: Analysis, constructPath: string): AnalysedResource {
  const found = analysis.resources.find((r) => r.resource.constructPath === constructPath);
  if (!found) throw new Error(`no analysed resource at ${constructPath}; have ${analysis.resources.map((r) => r.resource.constructPath).join(', ')}`);
  return found;
}

function keys(r: AnalysedResource): { branch: Record<string, boolean>; key: EffectiveKey }[] {
  return r.variants.map((v) => ({ branch: { ...v.branch }, key: v.primary.key }));
}

describe('cdk adapter registration', () => {
  it('is one of the input adapters', () => {
    expect(inputAdapters).toContain(cdkAdapter);
    expect(cdkAdapter.format).toBe('cdk');
  });
});

describe('a synthesized app (stacks, nested stack, stage, cross-stack import)', () => {
  let outdir: string;
  let loaded: LoadedInput;
  let analysis: Analysis;

  beforeAll(() => {
    outdir = synthApp((app) => {
      const demo = new Stack(app, 'Demo', { env: ENV });
      const bucket = new s3.Bucket(demo, 'Bucket', { encryption: s3.BucketEncryption.KMS_MANAGED });
      bucket.grantRead(new iam.AccountPrincipal('444455556666'));
      new kinesis.Stream(demo, 'Stream');
      const queue = new sqs.Queue(demo, 'Queue', { encryption: sqs.QueueEncryption.KMS_MANAGED });
      // aws-cdk-lib's SqsSubscription refuses a KMS_MANAGED queue (QueueEncryptedManagedKeyCannot);
      // the plain Subscription construct does not check, and deploys a subscription that loses messages.
      const topic = new sns.Topic(demo, 'Topic');
      expect(() => topic.addSubscription(new subs.SqsSubscription(queue))).toThrow(/AWS managed KMS key cannot be used as SNS subscription/);
      new sns.Subscription(demo, 'QueueSubscription', { topic, endpoint: queue.queueArn, protocol: sns.SubscriptionProtocol.SQS });

      const keysStack = new Stack(app, 'Keys', { env: ENV });
      const key = new kms.Key(keysStack, 'Key');
      new CfnOutput(keysStack, 'SharedKeyArn', { value: key.keyArn, exportName: 'shared-key-arn' });
      const user = new Stack(app, 'User', { env: ENV });
      new sqs.Queue(user, 'Implicit', { encryptionMasterKey: key }); // CDK writes Export + Fn::ImportValue
      new sqs.Queue(user, 'Named', { encryptionMasterKey: kms.Key.fromKeyArn(user, 'Imported', Fn.importValue('shared-key-arn')) });

      const parent = new Stack(app, 'Parent', { env: ENV });
      const nested = new NestedStack(parent, 'Nested');
      new s3.Bucket(nested, 'NBucket', { encryption: s3.BucketEncryption.KMS_MANAGED });

      const stage = new Stage(app, 'Prod', { env: { account: '999988887777', region: 'us-east-1' } });
      new sqs.Queue(new Stack(stage, 'Data'), 'StageQueue', { encryption: sqs.QueueEncryption.KMS_MANAGED });

      new sqs.Queue(new Stack(app, 'Agnostic'), 'AnyQueue', { encryption: sqs.QueueEncryption.KMS_MANAGED });
    });
    loaded = loadFile(outdir, { explicit: true });
    analysis = analyse(loaded.templates);
  });

  it('is claimed as a directory and through its manifest.json', () => {
    expect(cdkAdapter.claimsPath!(outdir)).toBe(true);
    expect(cdkAdapter.claimsPath!(join(outdir, 'manifest.json'))).toBe(true);
    expect(cdkAdapter.claimsPath!(join(outdir, 'Demo.template.json'))).toBe(false);
    expect(cdkAdapter.claimsPath!(join(outdir, 'no-such-dir'))).toBe(false);
  });

  it('loads every stack, nested stack and stage stack as a cdk template', () => {
    expect(loaded.error).toBeNull();
    expect(loaded.format).toBe('cdk');
    expect(loaded.path).toBe(outdir);
    expect(loaded.templates.map((t) => t.stack).sort()).toEqual(['Agnostic', 'Demo', 'Keys', 'Parent', 'Parent/Nested', 'Prod/Data', 'User']);
    for (const t of loaded.templates) expect(t.format).toBe('cdk');
    const demo = loaded.templates.find((t) => t.stack === 'Demo')!;
    expect(demo.doc.file).toBe(join(outdir, 'Demo.template.json'));
    expect(demo.accounts).toEqual(['111122223333']);
    expect(demo.region).toBe('eu-west-1');
    const agnostic = loaded.templates.find((t) => t.stack === 'Agnostic')!;
    expect(agnostic.accounts).toEqual([]); // aws://unknown-account/unknown-region
    expect(agnostic.region).toBeUndefined();
  });

  it('reads the path given and reports the display path (as the CLI passes them)', () => {
    const shown = loadFile(outdir, { explicit: false, display: 'cdk.out' });
    expect(shown.path).toBe('cdk.out');
    expect(shown.templates.map((t) => t.doc.file)).toContain('cdk.out/Demo.template.json');
    expect(shown.templates.map((t) => t.doc.file)).toContainEqual(expect.stringMatching(/^cdk\.out\/assembly-Prod\/ProdData[0-9A-F]{8}\.template\.json$/));
    const viaManifest = loadFile(join(outdir, 'manifest.json'), { explicit: true, display: 'cdk.out/manifest.json' });
    expect(viaManifest.path).toBe('cdk.out');
    expect(viaManifest.templates.map((t) => t.doc.file).sort()).toEqual(shown.templates.map((t) => t.doc.file).sort());
  });

  it('loads the same assembly from its manifest.json path', () => {
    const again = loadFile(join(outdir, 'manifest.json'), { explicit: true });
    expect(again.error).toBeNull();
    expect(again.path).toBe(outdir);
    expect(again.templates.map((t) => t.doc.file).sort()).toEqual(loaded.templates.map((t) => t.doc.file).sort());
  });

  it('(a) a KMS_MANAGED bucket falls back to alias/aws/s3, with construct path and the stack account', () => {
    const bucket = byPath(analysis, 'Demo/Bucket/Resource');
    expect(bucket.resource.type).toBe('AWS::S3::Bucket');
    expect(bucket.resource.template.accounts).toEqual(['111122223333']);
    expect(keys(bucket)).toEqual([{ branch: {}, key: { kind: 'aws-managed', alias: 'alias/aws/s3', origin: 'implicit' } }]);
    // every resource of the assembly knows its construct path
    for (const t of loaded.templates) for (const r of t.resources) expect(r.constructPath, `${t.stack}/${r.id}`).toMatch(/^[^/]/);
  });

  it('(b) a Kinesis stream on CDK defaults names alias/aws/kinesis inside Fn::If', () => {
    const stream = byPath(analysis, 'Demo/Stream/Resource');
    const condition = 'AwsCdkKinesisEncryptedStreamsUnsupportedRegions';
    expect(keys(stream)).toEqual([
      { branch: { [condition]: true }, key: { kind: 'none' } },
      { branch: { [condition]: false }, key: { kind: 'aws-managed', alias: 'alias/aws/kinesis', origin: 'explicit' } },
    ]);
  });

  it('(c) a KMS_MANAGED queue (subscribed to a topic) names alias/aws/sqs', () => {
    const queue = byPath(analysis, 'Demo/Queue/Resource');
    expect(keys(queue)).toEqual([{ branch: {}, key: { kind: 'aws-managed', alias: 'alias/aws/sqs', origin: 'explicit' } }]);
    expect(loaded.templates.find((t) => t.stack === 'Demo')!.resources.some((r) => r.type === 'AWS::SNS::Subscription')).toBe(true);
  });

  it('(d) a nested stack is read from the assembly and its resources analysed', () => {
    const nested = loaded.templates.find((t) => t.stack === 'Parent/Nested')!;
    expect(nested.doc.file).toMatch(/^.*\/ParentNested[0-9A-F]{8}\.nested\.template\.json$/);
    expect(nested.accounts).toEqual(['111122223333']);
    const bucket = byPath(analysis, 'Parent/Nested/NBucket/Resource');
    expect(bucket.resource.template).toBe(nested);
    expect(keys(bucket)).toEqual([{ branch: {}, key: { kind: 'aws-managed', alias: 'alias/aws/s3', origin: 'implicit' } }]);
  });

  it('(e) a stage sub-assembly is found, with its own environment', () => {
    const queue = byPath(analysis, 'Prod/Data/StageQueue/Resource');
    expect(queue.resource.template.stack).toBe('Prod/Data');
    expect(queue.resource.template.doc.file).toMatch(new RegExp(`^${outdir}/assembly-Prod/ProdData[0-9A-F]{8}\\.template\\.json$`));
    expect(queue.resource.template.accounts).toEqual(['999988887777']);
    expect(queue.resource.template.region).toBe('us-east-1');
    expect(keys(queue)).toEqual([{ branch: {}, key: { kind: 'aws-managed', alias: 'alias/aws/sqs', origin: 'explicit' } }]);
  });

  it('(f) Fn::ImportValue of a sibling stack export resolves to its customer key', () => {
    const keysTemplate = loaded.templates.find((t) => t.stack === 'Keys')!;
    const keyId = keysTemplate.resources.find((r) => r.type === 'AWS::KMS::Key')!.id;
    for (const path of ['User/Implicit/Resource', 'User/Named/Resource']) {
      const queue = byPath(analysis, path);
      expect(JSON.stringify(queue.resource.properties)).toContain('Fn::ImportValue');
      expect(keys(queue), path).toEqual([{ branch: {}, key: { kind: 'customer-managed', keyRef: keyId } }]);
      expect(queue.variants[0].primary.keyResource?.template).toBe(keysTemplate);
    }
  });
});

describe('nested stack parameters', () => {
  // CDK passes a parent's key to a nested stack as a `referenceto…` parameter with no default; its
  // value is an expression of the parent template (`Fn::GetAtt: [Key, Arn]` in the CfnStack's
  // `Parameters`). Resolving it needs the evaluator to bind such parameters in the parent's context.
  it('a nested queue encrypted with the parent stack\'s key resolves to that customer key', () => {
    const outdir = synthApp((app) => {
      const parent = new Stack(app, 'Holder', { env: ENV });
      const key = new kms.Key(parent, 'ParentKey');
      const nested = new NestedStack(parent, 'Child');
      new sqs.Queue(nested, 'Queue', { encryption: sqs.QueueEncryption.KMS, encryptionMasterKey: key });
    });
    const input = loadFile(outdir, { explicit: true });
    expect(input.error).toBeNull();
    const analysis = analyse(input.templates);
    const queue = analysis.resources.find((r) => r.resource.type === 'AWS::SQS::Queue')!;
    const parentTemplate = input.templates.find((t) => t.stack === 'Holder')!;
    const keyId = parentTemplate.resources.find((r) => r.type === 'AWS::KMS::Key')!.id;
    expect(queue.resource.template).not.toBe(parentTemplate);
    expect(keys(queue)).toEqual([{ branch: {}, key: { kind: 'customer-managed', keyRef: keyId } }]);
    expect(queue.variants[0].primary.keyResource?.template).toBe(parentTemplate);
  });
});

describe('CLI-style metadata (aws:cdk:path, aws:asset:path)', () => {
  it('reads construct paths from the template and finds nested stacks by asset path', () => {
    const outdir = synthApp((app) => {
      const parent = new Stack(app, 'Parent', { env: ENV });
      const outer = new NestedStack(parent, 'Outer');
      const inner = new NestedStack(outer, 'Inner');
      new sqs.Queue(inner, 'Deep', { encryption: sqs.QueueEncryption.KMS_MANAGED });
      new s3.Bucket(outer, 'Mid', { encryption: s3.BucketEncryption.KMS_MANAGED });
    }, { cliMetadata: true });
    const loaded = loadFile(outdir, { explicit: true });
    expect(loaded.error).toBeNull();
    expect(loaded.templates.map((t) => t.stack)).toEqual(['Parent', 'Parent/Outer', 'Parent/Outer/Inner']);
    const stackResource = loaded.templates[0].resources.find((r) => r.type === 'AWS::CloudFormation::Stack')!;
    expect(stackResource.metadata?.['aws:asset:path']).toMatch(/\.nested\.template\.json$/);
    const analysis = analyse(loaded.templates);
    expect(keys(byPath(analysis, 'Parent/Outer/Inner/Deep/Resource'))).toEqual([{ branch: {}, key: { kind: 'aws-managed', alias: 'alias/aws/sqs', origin: 'explicit' } }]);
    expect(keys(byPath(analysis, 'Parent/Outer/Mid/Resource'))).toEqual([{ branch: {}, key: { kind: 'aws-managed', alias: 'alias/aws/s3', origin: 'implicit' } }]);
  });
});

describe('broken and hostile assemblies', () => {
  it('keeps the good templates and reports the first broken one with its position', () => {
    const loaded = loadFile('fixtures/cdk/broken-template', { explicit: true });
    expect(loaded.path).toBe('fixtures/cdk/broken-template');
    expect(loaded.format).toBe('cdk');
    expect(loaded.templates.map((t) => [t.stack, t.doc.file])).toEqual([['Good', 'fixtures/cdk/broken-template/Good.template.json']]);
    expect(loaded.error).toEqual({
      message: 'fixtures/cdk/broken-template/Broken.template.json: invalid JSON: property name expected (and 1 more problem in the assembly)',
      line: 7,
      column: 4,
    });
    const [queue] = analyse(loaded.templates).resources;
    expect(queue.resource.constructPath).toBe('Good/Queue/Resource');
  });

  it('reports a missing template with its path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmslint-cdk-missing-'));
    try {
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ version: '48.0.0', artifacts: { S: { type: 'aws:cloudformation:stack', properties: { templateFile: 'S.template.json' } } } }));
      const loaded = loadFile(dir, { explicit: true });
      expect(loaded.templates).toEqual([]);
      expect(loaded.error).toEqual({ message: `${dir}/S.template.json: template of stack S not found (no such file)`, line: 1, column: 1 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does not leave the assembly, loop or crash on a hostile manifest', () => {
    const loaded = loadFile('fixtures/cdk/hostile', { explicit: true });
    expect(loaded.templates.map((t) => [t.stack, t.doc.file])).toEqual([
      ['__proto__', 'fixtures/cdk/hostile/Parent.template.json'],
      ['__proto__/Other', 'fixtures/cdk/hostile/nested/Child.template.json'],
    ]);
    expect(loaded.error?.message).toMatch(/^fixtures\/cdk\/broken-template\/Good\.template\.json: template of stack Escape is outside the assembly directory \(and \d+ more problems in the assembly\)$/);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(analyse(loaded.templates).resources.map((r) => r.resource.id).sort()).toEqual(['Bucket', 'Queue']);
  });

  it('survives symlink loops and symlinks that point out of the assembly', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmslint-cdk-links-'));
    try {
      const asm = join(dir, 'cdk.out');
      mkdirSync(asm);
      symlinkSync(asm, join(asm, 'loop'));
      writeFileSync(join(dir, 'secret.template.json'), '{"Resources":{}}');
      symlinkSync(join(dir, 'secret.template.json'), join(asm, 'Out.template.json'));
      writeFileSync(join(asm, 'manifest.json'), JSON.stringify({
        version: '48.0.0',
        artifacts: {
          Stage: { type: 'cdk:cloud-assembly', properties: { directoryName: 'loop/loop/loop' } },
          Out: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Out.template.json' } },
        },
      }));
      expect(discoverInputs([asm]).inputs.map((i) => [resolve(i.path), i.explicit])).toEqual([[asm, false]]);
      const loaded = loadFile(asm, { explicit: true });
      expect(loaded.templates).toEqual([]);
      expect(loaded.error?.message).toBe(`${asm}/Out.template.json: template of stack Out is outside the assembly directory`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does not claim a manifest.json that is not a cloud assembly', () => {
    expect(cdkAdapter.claimsPath!('fixtures/cdk/not-an-assembly')).toBe(false);
    expect(cdkAdapter.claimsPath!('fixtures/cdk/not-an-assembly/manifest.json')).toBe(false);
    const loaded = loadFile('fixtures/cdk/not-an-assembly/manifest.json', { explicit: false });
    expect(loaded.skipped).toBe(true);
  });

  it('the directory walk stops at an assembly and does not lint its files one by one', () => {
    const inputs = discoverInputs(['fixtures/cdk']).inputs.map((i) => ({ path: i.path, explicit: i.explicit }));
    expect(inputs).toContainEqual({ path: 'fixtures/cdk/broken-template', explicit: false });
    expect(inputs).toContainEqual({ path: 'fixtures/cdk/hostile', explicit: false });
    expect(inputs).toContainEqual({ path: 'fixtures/cdk/implicit-aws-managed-key/fail-bucket-kms-managed', explicit: false });
    expect(inputs).toContainEqual({ path: 'fixtures/cdk/not-an-assembly/manifest.json', explicit: false });
    // nothing inside an assembly is listed on its own
    expect(inputs.filter((i) => /\.(template|assets|metadata)\.json$|\/hostile\/|\/manifest\.json$/.test(i.path) && !i.path.startsWith('fixtures/cdk/not-an-assembly/'))).toEqual([]);
  });
});

describe('corpus: CDK integ snapshots', () => {
  it('every assembly loads and analyses; aws-managed fallbacks are counted', () => {
    const started = Date.now();
    const { inputs, missing } = discoverInputs(['../shared/corpus/cdk']);
    expect(missing).toEqual([]);
    expect(inputs.length).toBe(384);
    const counts = new Map<string, number>();
    let templates = 0;
    let resources = 0;
    let withoutPath = 0;
    let analysed = 0;
    for (const input of inputs) {
      const loaded = loadFile(input.path, { explicit: input.explicit });
      expect(loaded.format, input.path).toBe('cdk');
      if (loaded.error) {
        expect(loaded.error.line, input.path).toBeGreaterThanOrEqual(1);
        expect(loaded.error.column, input.path).toBeGreaterThanOrEqual(1);
      } else {
        expect(loaded.templates.length, input.path).toBeGreaterThan(0);
      }
      templates += loaded.templates.length;
      for (const t of loaded.templates) {
        resources += t.resources.length;
        withoutPath += t.resources.filter((r) => !r.constructPath).length;
      }
      const analysis = analyse(loaded.templates);
      analysed += analysis.resources.length;
      for (const r of analysis.resources) {
        // A resource counts once per alias and origin, however many condition branches reach it.
        const seen = new Set<string>();
        for (const v of r.variants) if (v.primary.key.kind === 'aws-managed') seen.add(`${v.primary.key.alias} ${v.primary.key.origin}`);
        for (const s of seen) counts.set(s, (counts.get(s) ?? 0) + 1);
      }
    }
    expect(withoutPath).toBe(0);
    const table = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `  ${String(n).padStart(5)}  ${k}`);
    console.log(`CDK corpus: ${inputs.length} assemblies, ${templates} templates, ${resources} resources, ${analysed} encryptable, ${Date.now() - started} ms\n` +
      `resources falling back to AWS managed keys:\n${table.join('\n')}`);
  });
});
