// AWS SAM templates (contract §1, issue 9 item 3): Globals applied as the SAM transform applies them,
// with every merged value located where it was written, and the AWS::Serverless::* types read with the
// keys they imply. The pairs under fixtures/cloudformation/sam/pairs are SAM inputs with the
// CloudFormation the transform gives for them (written for this suite after the transform's own
// translator tests); both sides must give the same effective keys.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFile, loadText } from '../src/inputs/load.js';
import { analyse } from '../src/analysis/analyse.js';
import { catalogEntry } from '../src/catalog/index.js';
import type { Template } from '../src/model/types.js';
import { lintPaths } from './helpers/lint-files.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'cloudformation', 'sam');
const fixture = (name: string) => join(DIR, name);

function template(file: string): Template {
  const l = loadFile(file, { explicit: true });
  if (l.error) throw new Error(`${file}: ${l.error.message}`);
  return l.templates[0];
}

function inline(text: string): Template {
  const l = loadText('inline.yaml', text, { explicit: true });
  if (l.error) throw new Error(`${l.error.line}:${l.error.column} ${l.error.message}`);
  return l.templates[0];
}

/** id → [key, line:column of where the key is decided] for every resource with a key. */
function keysOf(t: Template): Record<string, [unknown, string]> {
  const out: Record<string, [unknown, string]> = {};
  for (const a of analyse([t]).resources) {
    const v = a.variants[0];
    const loc = t.doc.locate(v.primary.at, true);
    out[a.resource.id] = [JSON.parse(JSON.stringify(v.primary.key)), loc ? `${loc.line}:${loc.column}` : '?'];
  }
  return out;
}

const LAMBDA_MANAGED = { kind: 'aws-managed', alias: 'alias/aws/lambda', origin: 'implicit' };
const DYNAMODB_MANAGED = { kind: 'aws-managed', alias: 'alias/aws/dynamodb', origin: 'implicit' };

describe('SAM Globals', () => {
  it('Globals.Function.Environment puts every function under alias/aws/lambda, located in Globals when it comes from there', () => {
    expect(keysOf(template(fixture('globals-function.yaml')))).toEqual({
      Inherits: [LAMBDA_MANAGED, '9:7'], // Globals.Function.Environment.Variables
      AddsItsOwn: [LAMBDA_MANAGED, '21:9'], // its own Variables (merged with the global ones)
      Ignores: [{ kind: 'aws-owned' }, '26:5'], // IgnoreGlobals: "*"
    });
  });

  it('reports the implicit key at the Globals line', () => {
    const findings = lintPaths([fixture('globals-function.yaml')]).findings.filter((f) => f.ruleId === 'implicit-aws-managed-key');
    expect(findings.map((f) => ({ resource: f.resource?.id, line: f.line, column: f.column, message: f.message }))).toEqual([
      {
        resource: 'AddsItsOwn',
        line: 21,
        column: 9,
        message: 'AddsItsOwn falls back to the AWS managed key alias/aws/lambda: Variables is set and KmsKeyArn is absent, so Lambda uses alias/aws/lambda; name a key to make the choice explicit',
      },
      {
        resource: 'Inherits',
        line: 9,
        column: 7,
        message: 'Inherits falls back to the AWS managed key alias/aws/lambda: Variables is set and KmsKeyArn is absent, so Lambda uses alias/aws/lambda; name a key to make the choice explicit',
      },
    ].sort((a, b) => a.line - b.line));
  });

  it('near misses: a KmsKeyArn in Globals (Transform as a list), no variables anywhere, no SAM transform', () => {
    expect(keysOf(template(fixture('globals-kms-key.yaml')))).toMatchObject({
      UsesGlobalKey: [{ kind: 'customer-managed', keyRef: 'FunctionKey' }, '9:5'],
      OverridesKey: [{ kind: 'customer-managed', keyRef: 'OtherKey' }, '46:7'],
    });
    expect(keysOf(template(fixture('globals-no-environment.yaml')))).toEqual({ NoVariables: [{ kind: 'aws-owned' }, '11:5'] });
    expect(keysOf(template(fixture('no-transform.yaml')))).toEqual({ NotTransformed: [{ kind: 'aws-owned' }, '11:5'] });
  });

  it('Globals.SimpleTable: the switch from Globals, a scalar override, and a key merged into the global map', () => {
    expect(keysOf(template(fixture('globals-simple-table.yaml')))).toMatchObject({
      FromGlobals: [DYNAMODB_MANAGED, '7:7'],
      TurnsItOff: [{ kind: 'aws-owned' }, '26:9'],
      NamesAKey: [{ kind: 'customer-managed', keyRef: 'TableKey' }, '31:9'],
    });
  });

  const MERGE = `Transform: AWS::Serverless-2016-10-31
Conditions:
  Prod: !Equals [!Ref AWS::Region, us-east-1]
Globals:
  Function:
    Runtime: python3.12
    Layers: [arn:aws:lambda:us-east-1:123456789012:layer:a:1]
    Environment: { Variables: { A: global, B: global } }
    Tags: !If [Prod, { team: prod }, { team: dev }]
Resources:
  Fn:
    Type: AWS::Serverless::Function
    IgnoreGlobals: [Tags]
    Properties:
      Runtime: nodejs22.x
      Layers: [arn:aws:lambda:us-east-1:123456789012:layer:b:1]
      Environment: { Variables: { B: local, C: local } }
  Other:
    Type: AWS::Serverless::Function
    Properties:
      Environment: !If [Prod, { Variables: { P: x } }, !Ref AWS::NoValue]
      Tags: { own: mine }
  Bare:
    Type: AWS::Serverless::Function
`;

  it('merges as SAM does: scalars overridden, lists appended (Globals first), maps merged, intrinsics taken whole, IgnoreGlobals lists', () => {
    const t = inline(MERGE);
    const props = (id: string) => t.resourcesById.get(id)!.properties;
    expect(props('Fn')).toEqual({
      Runtime: 'nodejs22.x',
      Layers: ['arn:aws:lambda:us-east-1:123456789012:layer:a:1', 'arn:aws:lambda:us-east-1:123456789012:layer:b:1'],
      Environment: { Variables: { A: 'global', B: 'local', C: 'local' } },
    });
    // The intrinsic on the resource replaces the global map; a map on the resource replaces the global intrinsic.
    expect(props('Other')).toEqual({
      Runtime: 'python3.12',
      Layers: ['arn:aws:lambda:us-east-1:123456789012:layer:a:1'],
      Environment: { 'Fn::If': ['Prod', { Variables: { P: 'x' } }, { Ref: 'AWS::NoValue' }] },
      Tags: { own: 'mine' },
    });
    // No Properties at all: the resource takes every global (intrinsics carried over unchanged).
    expect(props('Bare')).toMatchObject({ Tags: { 'Fn::If': ['Prod', { team: 'prod' }, { team: 'dev' }] } });
    // The parsed document is not changed.
    expect((t.doc.root as { Resources: { Fn: { Properties: { Layers: unknown[] } } } }).Resources.Fn.Properties.Layers).toHaveLength(1);
  });

  it('locates each merged value where it was written', () => {
    const t = inline(MERGE);
    const at = (...path: (string | number)[]) => {
      const r = t.doc.locate(['Resources', ...path]);
      return r && `${r.line}:${r.column}`;
    };
    expect({
      runtime: at('Fn', 'Properties', 'Runtime'),
      layerFromGlobals: at('Fn', 'Properties', 'Layers', 0),
      layerOwn: at('Fn', 'Properties', 'Layers', 1),
      varFromGlobals: at('Fn', 'Properties', 'Environment', 'Variables', 'A'),
      varOverridden: at('Fn', 'Properties', 'Environment', 'Variables', 'B'),
      bareTagsBranch: at('Bare', 'Properties', 'Tags', 'Fn::If', 1, 'team'),
      otherRuntime: at('Other', 'Properties', 'Runtime'),
    }).toEqual({
      runtime: '15:16',
      layerFromGlobals: '7:14',
      layerOwn: '16:16',
      varFromGlobals: '8:36',
      varOverridden: '17:38',
      bareTagsBranch: '9:30',
      otherRuntime: '6:14',
    });
  });
});

describe('AWS::Serverless types', () => {
  it('SimpleTable passes SSESpecification through', () => {
    expect(keysOf(template(fixture('simple-table.yaml')))).toEqual({
      SseOn: [DYNAMODB_MANAGED, '9:9'],
      NoSse: [{ kind: 'aws-owned' }, '12:5'],
    });
  });

  it('the other types say what they hold, and no more than AWS documents', () => {
    const t = template(fixture('other-types.yaml'));
    const reasons = Object.fromEntries(analyse([t]).resources.map((a) => [a.resource.id, [a.variants[0].primary.key.kind, a.variants[0].primary.reason]]));
    expect(reasons).toEqual({
      AccessLogs: ['customer-managed', 'KmsKeyId names the customer managed key LogKey declared in the template'],
      RestApi: ['customer-managed', 'RestApi takes the key of its access-log destination AccessLogs: KmsKeyId names the customer managed key LogKey declared in the template'],
      HttpApiWithoutLogs: [
        'unknown',
        'DestinationArn is absent and AWS::Serverless::HttpApi cannot name a key, so the key cannot be determined: API Gateway cannot name a KMS key for an API (a stage cache is encrypted with a key AWS does not name); only access logs, written to the destination the stage names, have a key the template controls',
      ],
      Workflow: ['aws-owned', 'Step Functions always encrypts Workflow and AWS::Serverless::StateMachine cannot name a key, so Step Functions uses an AWS owned key (AWS::Serverless::StateMachine has no EncryptionConfiguration)'],
      Layer: [
        'aws-owned',
        'Lambda always encrypts Layer and AWS::Serverless::LayerVersion cannot name a key, so Lambda may use a key it chooses for layer archives (AWS documents that they are encrypted at rest, not with which key; layers cannot name one)',
      ],
      Graph: ['aws-owned', 'AppSync always encrypts Graph and AWS::Serverless::GraphQLApi cannot name a key, so AppSync uses service-managed storage (not KMS-configurable)'],
      Nested: [
        'unknown',
        "Location is set and AWS::Serverless::Application cannot name a key, so the key cannot be determined: the nested application's own template decides the keys of its resources, and kmslint does not read it",
      ],
      Capacity: ['customer-managed', 'KmsKeyArn names the customer managed key LogKey declared in the template'],
      CapacityDefault: [
        'aws-managed',
        'KmsKeyArn is absent, so Lambda Managed Instances may use alias/aws/ebs (Lambda says only "Defaults to AWS managed key" for the EBS encryption of its instances; aws/ebs is the AWS managed key of Amazon EBS)',
      ],
    });
  });

  it('every SAM row says what it translates to and cites the SAM specification', () => {
    const types = ['Function', 'SimpleTable', 'StateMachine', 'LayerVersion', 'Api', 'HttpApi', 'WebSocketApi', 'GraphQLApi', 'Application', 'CapacityProvider'];
    for (const kind of types) {
      const row = catalogEntry(`AWS::Serverless::${kind}`)?.row;
      expect(row?.sam?.translatesTo.length, kind).toBeGreaterThan(0);
      expect(row?.source, kind).toContain('serverless-application-model/latest/developerguide/sam-resource-');
      for (const target of Object.values(row!.sam!.properties)) expect(row!.sam!.translatesTo.some((t) => target.startsWith(t)), `${kind} → ${target}`).toBe(true);
    }
  });
});

describe('SAM input and translated output give the same keys', () => {
  const pairs = readdirSync(join(DIR, 'pairs')).filter((f) => f.endsWith('.input.yaml')).map((f) => f.replace(/\.input\.yaml$/, ''));
  it('has pairs', () => expect(pairs).toEqual(['apis-and-workflows', 'functions-and-tables']));

  it.each(pairs)('%s', (name) => {
    const keyList = (t: Template, translate: boolean) =>
      analyse([t])
        .resources.map((a) => {
          const type = translate ? (catalogEntry(a.resource.type)?.row.sam?.translatesTo[0] ?? a.resource.type) : a.resource.type;
          return `${type} ${JSON.stringify(a.variants.map((v) => v.primary.key))}`;
        })
        .sort();
    const input = keyList(template(join(DIR, 'pairs', `${name}.input.yaml`)), true);
    const output = keyList(template(join(DIR, 'pairs', `${name}.output.json`)), false);
    expect(input.length).toBeGreaterThan(2);
    expect(input).toEqual(output);
  });
});
