// Structure-aware generators for the fuzz properties: CloudFormation templates built from the
// catalog's types and key property paths, Terraform plans and *.tf.json configs, kmslint configs,
// and byte/line mutations of real files. Names come from small fixed pools so that references
// between parts of a template (Ref, GetAtt, Condition, FindInMap, ImportValue) often hit, sometimes
// dangle and sometimes form cycles.
import fc from 'fast-check';
import { rows } from '../../src/catalog/rows.js';
import type { Predicate, Scalar } from '../../src/catalog/types.js';
import keyProperties from '../../src/catalog/key-properties.json' with { type: 'json' };
import { allRules } from '../../rules/index.js';

// ---------------------------------------------------------------------------------------------
// Catalog targets: a resource type and the property paths that name its key and switch KMS on.

export interface KeyTarget {
  type: string;
  /** Dotted paths; a segment ending in `[]` is a list whose first element is descended into. */
  keyPaths: string[];
  switches: { path: string; value: Scalar }[];
}

function switchesOf(on: Predicate, scope: string | undefined): { path: string; value: Scalar }[] {
  const at = (p: string) => (scope ? `${scope}.${p}` : p);
  if ('path' in on) return on.equals.length ? [{ path: at(on.path), value: on.equals[0] }] : [];
  if ('all' in on) return on.all.flatMap((p) => switchesOf(p, scope));
  if ('any' in on) return on.any.length ? switchesOf(on.any[0], scope) : [];
  return [];
}

function targetsOf(type: string, slots: (typeof rows)[number]['slots']): KeyTarget | undefined {
  const keyPaths = slots.filter((s) => s.key).map((s) => (s.scope ? `${s.scope}.${s.key}` : s.key!));
  if (keyPaths.length === 0) return undefined;
  return named({ type, keyPaths, switches: slots.flatMap((s) => switchesOf(s.on, s.scope)) });
}

/** Counterexamples print a target as its type alone. */
function named(target: KeyTarget): KeyTarget {
  return Object.assign(target, { [fc.toStringMethod]: () => JSON.stringify(target.type) });
}

const genericTypes = (keyProperties as { types: Record<string, string[]> }).types;

/** Every curated CloudFormation type, and every 8th type known only by its key properties. */
export const cfnTargets: readonly KeyTarget[] = [
  ...rows.flatMap((row) => row.cfnTypes.map((t) => targetsOf(t, row.slots))),
  ...Object.keys(genericTypes)
    .filter((_, i) => i % 8 === 0)
    .map((t) => named({ type: t, keyPaths: genericTypes[t], switches: [] })),
].filter((t): t is KeyTarget => t !== undefined);

export const terraformTargets: readonly KeyTarget[] = rows
  .flatMap((row) => (row.terraform ?? []).map((tf) => targetsOf(tf.type, tf.slots)))
  .filter((t): t is KeyTarget => t !== undefined);

/** Sets `value` at a catalog path, creating objects and one-element lists on the way. */
export function setAtPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const segments = path.split('.');
  let cur: Record<string, unknown> = target;
  segments.forEach((seg, i) => {
    const last = i === segments.length - 1;
    const list = seg.endsWith('[]');
    const name = list ? seg.slice(0, -2) : seg;
    if (!list) {
      if (last) cur[name] = value;
      else {
        if (typeof cur[name] !== 'object' || cur[name] === null || Array.isArray(cur[name])) cur[name] = {};
        cur = cur[name] as Record<string, unknown>;
      }
      return;
    }
    if (last) {
      cur[name] = [value];
      return;
    }
    if (!Array.isArray(cur[name]) || typeof (cur[name] as unknown[])[0] !== 'object') cur[name] = [{}];
    cur = (cur[name] as Record<string, unknown>[])[0];
  });
}

// ---------------------------------------------------------------------------------------------
// Name pools. A generated template declares a prefix of each pool; references pick from the whole
// pool, so some dangle.

export const PARAMS = ['P0', 'P1', 'P2', 'P3'];
export const CONDITIONS = ['C0', 'C1', 'C2', 'C3', 'C4'];
export const MAPPINGS = ['M0', 'M1'];
export const MAP_TOP = ['us-east-1', 'eu-west-1', 'prod'];
export const MAP_SECOND = ['Key', 'Alias'];
export const KEYS = ['K0', 'K1', 'K2'];
export const ALIASES = ['A0', 'A1'];
export const RESOURCES = ['R0', 'R1', 'R2', 'R3', 'R4', 'R5'];
export const EXPORTS = ['E0', 'E1', 'E2'];
/** Never in a pool, so nothing refers to a resource of this name. */
export const UNRELATED_ID = 'FuzzUnrelatedTopic';

const OWN_ACCOUNT = '111122223333';
const OTHER_ACCOUNTS = ['444455556666', '999988887777'];

const literalKey = fc.constantFrom(
  `arn:aws:kms:us-east-1:${OWN_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
  `arn:aws:kms:eu-west-1:${OTHER_ACCOUNTS[0]}:key/mrk-1234abcd12ab34cd56ef1234567890ab`,
  `arn:aws:kms:us-east-1:${OWN_ACCOUNT}:alias/app`,
  '1234abcd-12ab-34cd-56ef-1234567890ab',
  'alias/aws/s3',
  'alias/aws/sqs',
  'alias/aws/ebs',
  'alias/app-data',
  '',
  'not a key',
);

const pseudo = fc.constantFrom('AWS::AccountId', 'AWS::Region', 'AWS::Partition', 'AWS::StackName', 'AWS::NoValue', 'AWS::URLSuffix');

/** A reference target name: parameters, keys, aliases, resources, pseudo parameters, or a dangling name. */
const refName = fc.oneof(fc.constantFrom(...PARAMS, ...KEYS, ...ALIASES, ...RESOURCES, 'Missing'), pseudo);
const attrName = fc.constantFrom('Arn', 'KeyId', 'Name', 'QueueUrl', 'TopicArn', 'Nope');

/**
 * A value for a key property: literals, or intrinsics nested to a bounded depth. Fn::If names a
 * condition, Fn::FindInMap a mapping, Fn::ImportValue an export of the same template (cycles included).
 */
export const keyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown; list: unknown }>((tie) => ({
  value: fc.oneof(
    { maxDepth: 4, depthSize: 'small', withCrossShrink: true },
    { arbitrary: literalKey, weight: 4 },
    { arbitrary: refName.map((n) => ({ Ref: n })), weight: 3 },
    {
      arbitrary: fc.tuple(fc.constantFrom(...KEYS, ...ALIASES, ...RESOURCES, 'Missing'), attrName, fc.boolean()).map(([r, a, short]) => ({ 'Fn::GetAtt': short ? `${r}.${a}` : [r, a] })),
      weight: 3,
    },
    {
      arbitrary: fc.oneof(
        fc.constantFrom('arn:aws:kms:${AWS::Region}:${AWS::AccountId}:key/${K0}', 'alias/${P0}', '${K1.Arn}', '${Missing}', '$${literal}', '${'),
        fc.tuple(fc.constantFrom('arn:${Partition}:kms:${Region}:${Acct}:key/${Id}', '${Id}', 'alias/${Id}'), tie('value')).map(([s, v]) => [s, { Id: v, Partition: { Ref: 'AWS::Partition' } }]),
      ).map((s) => ({ 'Fn::Sub': s })),
      weight: 2,
    },
    { arbitrary: fc.tuple(fc.constantFrom('', ':', '/'), fc.array(tie('value'), { maxLength: 3 })).map((j) => ({ 'Fn::Join': j })), weight: 1 },
    { arbitrary: fc.tuple(fc.constantFrom(...CONDITIONS, 'Missing'), tie('value'), tie('value')).map((i) => ({ 'Fn::If': i })), weight: 2 },
    {
      arbitrary: fc
        .tuple(fc.oneof(fc.constantFrom(...MAPPINGS, 'Missing'), refName.map((n) => ({ Ref: n }))), fc.oneof(fc.constantFrom(...MAP_TOP), pseudo.map((n) => ({ Ref: n }))), fc.constantFrom(...MAP_SECOND))
        .map((f) => ({ 'Fn::FindInMap': f })),
      weight: 2,
    },
    { arbitrary: fc.oneof(fc.constantFrom(...EXPORTS, 'Missing'), tie('value')).map((e) => ({ 'Fn::ImportValue': e })), weight: 1 },
    { arbitrary: fc.tuple(fc.oneof(fc.nat(3), fc.constantFrom('1', -1)), tie('list')).map((s) => ({ 'Fn::Select': s })), weight: 1 },
  ),
  list: fc.oneof(
    { maxDepth: 3, depthSize: 'small' },
    fc.array(tie('value'), { maxLength: 3 }),
    fc.tuple(fc.constantFrom(',', '/', ':'), tie('value')).map((s) => ({ 'Fn::Split': s })),
    refName.map((n) => ({ Ref: n })),
  ),
})).value;

// ---------------------------------------------------------------------------------------------
// Conditions

const conditionOperand = fc.oneof(
  fc.constantFrom('prod', 'true', 'us-east-1', ''),
  fc.constantFrom(...PARAMS, 'AWS::Region', 'AWS::AccountId').map((n) => ({ Ref: n })),
);

/** One condition body that may name the conditions in `allowed`. */
function conditionBody(allowed: readonly string[]): fc.Arbitrary<unknown> {
  return fc.letrec<{ cond: unknown }>((tie) => ({
    cond: fc.oneof(
      { maxDepth: 3, depthSize: 'small' },
      { arbitrary: fc.tuple(conditionOperand, conditionOperand).map((e) => ({ 'Fn::Equals': e })), weight: 3 },
      ...(allowed.length ? [{ arbitrary: fc.constantFrom(...allowed).map((c) => ({ Condition: c })), weight: 3 }] : []),
      { arbitrary: fc.array(tie('cond'), { minLength: 1, maxLength: 3 }).map((a) => ({ 'Fn::And': a })), weight: 1 },
      { arbitrary: fc.array(tie('cond'), { minLength: 1, maxLength: 3 }).map((a) => ({ 'Fn::Or': a })), weight: 1 },
      { arbitrary: tie('cond').map((c) => ({ 'Fn::Not': [c] })), weight: 1 },
    ),
  })).cond;
}

/** Conditions C0..Cn-1; in a DAG each names only earlier ones, otherwise any (cycles included). */
const conditions = fc.tuple(fc.integer({ min: 0, max: CONDITIONS.length }), fc.boolean()).chain(([n, cyclic]) =>
  fc.tuple(...CONDITIONS.slice(0, n).map((_, i) => conditionBody(cyclic ? CONDITIONS : CONDITIONS.slice(0, i)))).map((bodies) => Object.fromEntries(bodies.map((b, i) => [CONDITIONS[i], b]))),
);

// ---------------------------------------------------------------------------------------------
// Template parts

const parameters = fc.array(fc.option(fc.oneof(literalKey, fc.constantFrom('prod', 'true', 'false')), { nil: undefined }), { maxLength: PARAMS.length }).map((defaults) =>
  Object.fromEntries(defaults.map((d, i) => [PARAMS[i], { Type: 'String', ...(d === undefined ? {} : { Default: d }) }])),
);

const mappingValue = fc.oneof({ arbitrary: literalKey, weight: 4 }, { arbitrary: keyValue, weight: 1 });
const mappings = fc.array(fc.tuple(fc.subarray(MAP_TOP, { minLength: 1 }), mappingValue, mappingValue), { maxLength: MAPPINGS.length }).map((maps) =>
  Object.fromEntries(maps.map(([tops, key, alias], i) => [MAPPINGS[i], Object.fromEntries(tops.map((t) => [t, { Key: key, Alias: alias }]))])),
);

const principal = fc.oneof(
  fc.constantFrom(`arn:aws:iam::${OWN_ACCOUNT}:root`, ...OTHER_ACCOUNTS.map((a) => `arn:aws:iam::${a}:root`), ...OTHER_ACCOUNTS, '*', `arn:aws:iam::${OTHER_ACCOUNTS[1]}:role/reader`),
  fc.constant({ 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:root' }),
  fc.constant({ 'Fn::If': ['C0', `arn:aws:iam::${OTHER_ACCOUNTS[0]}:root`, { Ref: 'AWS::NoValue' }] }),
);

/** A policy document whose statements may share with other accounts, the whole world or an organisation. */
export const policyDocument = fc
  .array(
    fc.record(
      {
        Effect: fc.constantFrom('Allow', 'Deny'),
        Principal: fc.oneof(fc.constant('*'), principal.map((p) => ({ AWS: p })), fc.array(principal, { minLength: 1, maxLength: 3 }).map((p) => ({ AWS: p })), fc.constant({ Service: 's3.amazonaws.com' })),
        Action: fc.oneof(fc.constantFrom('kms:*', 'kms:Decrypt', '*', 'sqs:SendMessage', 's3:GetObject'), fc.subarray(['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:CreateGrant', 'kms:PutKeyPolicy'], { minLength: 1 })),
        Resource: fc.constantFrom('*', `arn:aws:s3:::bucket/*`),
        Condition: fc.constantFrom({ StringEquals: { 'aws:PrincipalOrgID': 'o-abcdefghij' } }, { Bool: { 'kms:GrantIsForAWSResource': 'true' } }),
      },
      { requiredKeys: ['Effect', 'Principal', 'Action'] },
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((Statement) => ({ Version: '2012-10-17', Statement }));

const kmsKey = fc.record(
  {
    KeyPolicy: policyDocument,
    EnableKeyRotation: fc.oneof(fc.boolean(), fc.constant('true'), fc.constant({ 'Fn::If': ['C1', true, false] })),
    MultiRegion: fc.boolean(),
    PendingWindowInDays: fc.integer({ min: 7, max: 30 }),
    Origin: fc.constantFrom('AWS_KMS', 'EXTERNAL'),
  },
  { requiredKeys: [] },
);

export interface CatalogResourceSpec {
  target: KeyTarget;
  /** The value of each key path (undefined: left out). */
  keys: unknown[];
  switchOn: boolean;
  condition?: string;
}

const catalogResource: fc.Arbitrary<CatalogResourceSpec> = fc.constantFrom(...cfnTargets).chain((target) =>
  fc.record(
    {
      target: fc.constant(target),
      keys: fc.tuple(...target.keyPaths.map(() => fc.option(keyValue, { nil: undefined, freq: 3 }))),
      switchOn: fc.boolean(),
      condition: fc.constantFrom(...CONDITIONS, 'Missing'),
    },
    { requiredKeys: ['target', 'keys', 'switchOn'] },
  ),
);

export function catalogProperties(spec: { target: KeyTarget; keys: unknown[]; switchOn: boolean }): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  if (spec.switchOn) for (const s of spec.target.switches) setAtPath(props, s.path, s.value);
  spec.target.keyPaths.forEach((p, i) => {
    if (spec.keys[i] !== undefined) setAtPath(props, p, spec.keys[i]);
  });
  return props;
}

const resourcePolicy = fc.tuple(fc.constantFrom('AWS::S3::BucketPolicy', 'AWS::SQS::QueuePolicy', 'AWS::SNS::TopicPolicy'), fc.constantFrom(...RESOURCES), policyDocument).map(([type, target, doc]) => {
  const ref = { Ref: target };
  const props = type === 'AWS::S3::BucketPolicy' ? { Bucket: ref } : type === 'AWS::SQS::QueuePolicy' ? { Queues: [ref] } : { Topics: [ref] };
  return { Type: type, Properties: { ...props, PolicyDocument: doc } };
});

export interface CloudFormationSpec {
  parameters: Record<string, unknown>;
  conditions: Record<string, unknown>;
  mappings: Record<string, unknown>;
  keys: Record<string, unknown>[];
  aliases: { target: unknown }[];
  resources: CatalogResourceSpec[];
  policies: unknown[];
  outputs: unknown[];
}

export const cloudFormationSpec: fc.Arbitrary<CloudFormationSpec> = fc.record({
  parameters,
  conditions,
  mappings,
  keys: fc.array(kmsKey, { maxLength: KEYS.length }),
  aliases: fc.array(fc.record({ target: keyValue }), { maxLength: ALIASES.length }),
  resources: fc.array(catalogResource, { minLength: 1, maxLength: RESOURCES.length }),
  policies: fc.array(resourcePolicy, { maxLength: 2 }),
  outputs: fc.array(keyValue, { maxLength: EXPORTS.length }),
});

/** The template as plain data, in long-form intrinsics only (so JSON and YAML say the same). */
export function buildCloudFormation(spec: CloudFormationSpec): Record<string, unknown> {
  const resources: Record<string, unknown> = {};
  spec.keys.forEach((k, i) => (resources[KEYS[i]] = { Type: 'AWS::KMS::Key', Properties: k }));
  spec.aliases.forEach((a, i) => (resources[ALIASES[i]] = { Type: 'AWS::KMS::Alias', Properties: { AliasName: `alias/fuzz-${i}`, TargetKeyId: a.target } }));
  spec.resources.forEach((r, i) => {
    resources[RESOURCES[i]] = { Type: r.target.type, ...(r.condition ? { Condition: r.condition } : {}), Properties: catalogProperties(r) };
  });
  spec.policies.forEach((p, i) => (resources[`Policy${i}`] = p));
  const template: Record<string, unknown> = { AWSTemplateFormatVersion: '2010-09-09' };
  if (Object.keys(spec.parameters).length) template.Parameters = spec.parameters;
  if (Object.keys(spec.mappings).length) template.Mappings = spec.mappings;
  if (Object.keys(spec.conditions).length) template.Conditions = spec.conditions;
  template.Resources = resources;
  if (spec.outputs.length) template.Outputs = Object.fromEntries(spec.outputs.map((v, i) => [`Out${i}`, { Value: v, Export: { Name: EXPORTS[i] } }]));
  return template;
}

/** A resource nothing refers to and that refers to nothing. */
export function withUnrelatedResource(template: Record<string, unknown>): Record<string, unknown> {
  return { ...template, Resources: { ...(template.Resources as Record<string, unknown>), [UNRELATED_ID]: { Type: 'AWS::SNS::Topic', Properties: { TopicName: 'unrelated' } } } };
}

// ---------------------------------------------------------------------------------------------
// Scaled shapes: one structure grown to a size, where recursion or re-evaluation without memory
// shows up as a crash or as time that grows much faster than the input.

export type ShapeKind = 'deep-key' | 'deep-equals' | 'condition-chain' | 'mapping-chain' | 'getatt-chain' | 'import-cycle';

export interface ScaledShape {
  kind: ShapeKind;
  size: number;
  asYaml: boolean;
}

const SHAPE_LIMITS: Record<ShapeKind, number> = {
  'deep-key': 6000,
  'deep-equals': 6000,
  'condition-chain': 60,
  'mapping-chain': 60,
  'getatt-chain': 1500,
  'import-cycle': 40,
};

export const scaledShape: fc.Arbitrary<ScaledShape> = fc
  .constantFrom(...(Object.keys(SHAPE_LIMITS) as ShapeKind[]))
  .chain((kind) => fc.record({ kind: fc.constant(kind), size: fc.integer({ min: 1, max: SHAPE_LIMITS[kind] }), asYaml: fc.boolean() }));

const queue = (key: unknown, condition?: string) => ({ Type: 'AWS::SQS::Queue', ...(condition ? { Condition: condition } : {}), Properties: { KmsMasterKeyId: key } });

/** JSON text of `leaf` wrapped `depth` times, written as text: JSON.stringify recurses and overflows first. */
function nestedText(depth: number, leaf: unknown, open: string, close: string): string {
  return open.repeat(depth) + JSON.stringify(leaf) + close.repeat(depth);
}

/**
 * The JSON texts of a scaled shape (several for cross-template imports). JSON is also YAML (flow
 * style), so the same text serves both parsers.
 */
export function buildScaled(shape: ScaledShape): string[] {
  return scaledTemplates(shape).map((t) => (typeof t === 'string' ? t : JSON.stringify(t)));
}

const DEEP = '"__deep__"';

function scaledTemplates(shape: ScaledShape): (string | Record<string, unknown>)[] {
  const n = shape.size;
  const base = { AWSTemplateFormatVersion: '2010-09-09' };
  switch (shape.kind) {
    case 'deep-key':
      return [JSON.stringify({ ...base, Resources: { Q: queue('__deep__') } }).replace(DEEP, nestedText(n, 'alias/app', '{"Fn::Join":["",[', ']]}'))];
    case 'deep-equals':
      return [JSON.stringify({ ...base, Conditions: { C0: { 'Fn::Equals': ['__deep__', 'x'] } }, Resources: { Q: queue('alias/app', 'C0') } }).replace(DEEP, nestedText(n, 'x', '[', ']'))];
    case 'condition-chain': {
      const conditions: Record<string, unknown> = { L0: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-1'] } };
      for (let i = 1; i < n; i++) conditions[`L${i}`] = { 'Fn::And': [{ Condition: `L${i - 1}` }, { Condition: `L${i - 1}` }] };
      const last = `L${n - 1}`;
      return [{ ...base, Conditions: conditions, Resources: { Q: queue({ 'Fn::If': [last, 'alias/app', 'alias/aws/sqs'] }, last) } }];
    }
    case 'mapping-chain': {
      const map: Record<string, unknown> = { k0: { v: 'alias/app' } };
      for (let i = 1; i < n; i++) map[`k${i}`] = { v: { 'Fn::Join': ['', [{ 'Fn::FindInMap': ['M', `k${i - 1}`, 'v'] }, { 'Fn::FindInMap': ['M', `k${i - 1}`, 'v'] }]] } };
      return [{ ...base, Mappings: { M: map }, Resources: { Q: queue({ 'Fn::FindInMap': ['M', `k${n - 1}`, 'v'] }) } }];
    }
    case 'getatt-chain': {
      const resources: Record<string, unknown> = {};
      for (let i = 0; i < n; i++) resources[`Q${i}`] = queue({ 'Fn::GetAtt': [`Q${(i + 1) % n}`, 'Arn'] });
      return [{ ...base, Resources: resources }];
    }
    case 'import-cycle':
      // Template i exports E<i> as the import of E<i+1>; the last imports E0.
      return Array.from({ length: n }, (_, i) => ({
        ...base,
        Resources: { [`Q${i}`]: queue({ 'Fn::ImportValue': `E${i}` }) },
        Outputs: { Out: { Value: { 'Fn::ImportValue': `E${(i + 1) % n}` }, Export: { Name: `E${i}` } } },
      }));
  }
}

// ---------------------------------------------------------------------------------------------
// Terraform

const TF_KEYS = ['aws_kms_key.k0', 'aws_kms_key.k1'];

const tfKeyValue = fc.oneof(
  literalKey,
  fc.constantFrom(`${TF_KEYS[0]}.arn`, `${TF_KEYS[1]}.key_id`, 'var.v0', 'local.l0', 'data.aws_kms_alias.s3.arn', 'module.m0.key_arn', 'aws_kms_key.missing.arn').map((r) => `\${${r}}`),
  fc.constantFrom('prefix-${var.v0}', '${local.l1}${local.l0}', '$${escaped}', '${', '${var.v0.${local.l0}}', '%{ if true }x%{ endif }'),
);

export interface TerraformResourceSpec {
  target: KeyTarget;
  name: string;
  keys: unknown[];
  switchOn: boolean;
  /** Plan only: the key is known after apply and comes from this reference. */
  unknownFrom?: string;
  module?: string;
}

const terraformResource: fc.Arbitrary<TerraformResourceSpec> = fc.constantFrom(...terraformTargets).chain((target) =>
  fc.record(
    {
      target: fc.constant(target),
      name: fc.constantFrom('r0', 'r1', 'r2', 'this'),
      keys: fc.tuple(...target.keyPaths.map(() => fc.option(tfKeyValue, { nil: undefined, freq: 3 }))),
      switchOn: fc.boolean(),
      unknownFrom: fc.constantFrom(...TF_KEYS, 'data.aws_kms_alias.s3', 'module.m0', 'var.v0'),
      module: fc.constantFrom('module.m0', 'module.m0.module.inner', 'module.m1["a"]'),
    },
    { requiredKeys: ['target', 'name', 'keys', 'switchOn'] },
  ),
);

const tfKmsKey = fc.record({ enable_key_rotation: fc.boolean(), policy: policyDocument.map((d) => JSON.stringify(d)), multi_region: fc.boolean() });

export interface TerraformSpec {
  formatVersion: string;
  keys: Record<string, unknown>[];
  resources: TerraformResourceSpec[];
  variables: (string | undefined)[];
  locals: string[];
  accounts: string[];
}

export const terraformSpec: fc.Arbitrary<TerraformSpec> = fc.record({
  formatVersion: fc.oneof({ arbitrary: fc.constantFrom('1.2', '0.1', '1.0'), weight: 8 }, { arbitrary: fc.constantFrom('2.0', 'x'), weight: 1 }),
  keys: fc.array(tfKmsKey, { maxLength: TF_KEYS.length }),
  resources: fc.array(terraformResource, { minLength: 1, maxLength: 5 }),
  variables: fc.array(fc.option(fc.oneof(literalKey, tfKeyValue), { nil: undefined }), { maxLength: 2 }),
  locals: fc.array(tfKeyValue, { maxLength: 2 }),
  accounts: fc.subarray([OWN_ACCOUNT, ...OTHER_ACCOUNTS]),
});

function tfAttributes(r: TerraformResourceSpec): Record<string, unknown> {
  return catalogProperties(r);
}

/** `terraform show -json` of a plan: planned values (root and child modules), changes and configuration. */
export function buildTerraformPlan(spec: TerraformSpec): Record<string, unknown> {
  const rootResources: unknown[] = [];
  const children = new Map<string, unknown[]>();
  const changes: unknown[] = [];
  const configResources: unknown[] = [];
  spec.keys.forEach((values, i) => {
    const [, name] = TF_KEYS[i].split('.');
    rootResources.push({ address: TF_KEYS[i], mode: 'managed', type: 'aws_kms_key', name, provider_name: 'registry.terraform.io/hashicorp/aws', values });
  });
  rootResources.push({ address: 'data.aws_kms_alias.s3', mode: 'data', type: 'aws_kms_alias', name: 's3', values: { name: 'alias/aws/s3', target_key_arn: 'arn:aws:kms:us-east-1:111122223333:key/abc' } });
  spec.resources.forEach((r) => {
    const base = `${r.target.type}.${r.name}`;
    const address = r.module ? `${r.module}.${base}` : base;
    const values = tfAttributes(r);
    const entry = { address, mode: 'managed', type: r.target.type, name: r.name, values };
    if (r.module) children.set(r.module, [...(children.get(r.module) ?? []), entry]);
    else rootResources.push(entry);
    if (r.unknownFrom) {
      const keyPath = r.target.keyPaths[0];
      const unknown: Record<string, unknown> = {};
      setAtPath(unknown, keyPath, true);
      changes.push({ address, mode: 'managed', type: r.target.type, name: r.name, change: { actions: ['create'], after: values, after_unknown: unknown } });
      const expressions: Record<string, unknown> = {};
      setAtPath(expressions, keyPath, { references: [`${r.unknownFrom}.arn`, r.unknownFrom] });
      if (!r.module) configResources.push({ address: base, mode: 'managed', type: r.target.type, name: r.name, expressions });
    }
  });
  const childModules = [...children].map(([address, resources]) => ({ address, resources }));
  return {
    format_version: spec.formatVersion,
    terraform_version: '1.5.7',
    variables: Object.fromEntries(spec.variables.map((v, i) => [`v${i}`, { value: v ?? null }])),
    planned_values: { root_module: { resources: rootResources, ...(childModules.length ? { child_modules: childModules } : {}) } },
    resource_changes: changes,
    configuration: {
      provider_config: { aws: { name: 'aws', expressions: { allowed_account_ids: { constant_value: spec.accounts } } } },
      root_module: { resources: configResources, module_calls: { m0: { source: './m0', module: { outputs: { key_arn: { expression: { references: ['aws_kms_key.inner.arn'] } } } } } } },
    },
  };
}

/** Address of a Terraform resource nothing refers to. */
export const UNRELATED_ADDRESS = 'aws_sns_topic.fuzz_unrelated';

/** The plan with one more planned resource that nothing refers to and that refers to nothing. */
export function planWithUnrelatedResource(plan: Record<string, unknown>): Record<string, unknown> {
  const planned = plan.planned_values as { root_module: { resources: unknown[] } };
  const extra = { address: UNRELATED_ADDRESS, mode: 'managed', type: 'aws_sns_topic', name: 'fuzz_unrelated', values: { name: 'unrelated' } };
  return { ...plan, planned_values: { ...planned, root_module: { ...planned.root_module, resources: [...planned.root_module.resources, extra] } } };
}

/** The configuration with one more resource that nothing refers to and that refers to nothing. */
export function configWithUnrelatedResource(config: Record<string, unknown>): Record<string, unknown> {
  const resource = config.resource as Record<string, Record<string, unknown>>;
  return { ...config, resource: { ...resource, aws_sns_topic: { ...resource.aws_sns_topic, fuzz_unrelated: { name: 'unrelated' } } } };
}

/** A `*.tf.json` configuration: resources, variables with defaults, locals (which may refer to each other), data sources, a provider. */
export function buildTerraformConfig(spec: TerraformSpec): Record<string, unknown> {
  const resource: Record<string, Record<string, unknown>> = {};
  const put = (type: string, name: string, body: unknown) => ((resource[type] ??= {})[name] = body);
  spec.keys.forEach((k, i) => put('aws_kms_key', TF_KEYS[i].split('.')[1], k));
  for (const r of spec.resources) put(r.target.type, r.name, tfAttributes(r));
  return {
    provider: { aws: { region: 'us-east-1', allowed_account_ids: spec.accounts } },
    variable: Object.fromEntries(spec.variables.map((v, i) => [`v${i}`, v === undefined ? { type: 'string' } : { default: v }])),
    locals: Object.fromEntries(spec.locals.map((l, i) => [`l${i}`, l])),
    data: { aws_kms_alias: { s3: { name: 'alias/aws/s3' } } },
    resource,
    module: { m0: { source: './m0' } },
  };
}

// ---------------------------------------------------------------------------------------------
// kmslint configs

const ruleIdList = allRules.map((r) => r.meta.id);
const severity = fc.constantFrom('off', 'info', 'warning', 'error');
const ruleSetting = fc.oneof(severity, severity.map((s) => [s]), fc.tuple(severity, fc.constant({})));
const globs = fc.array(fc.constantFrom('**/*.yaml', 'templates/**', '*.json', 'R*', 'K0', '!x', '{a,b}/**'), { minLength: 1, maxLength: 3 });

export const validConfig = fc.record(
  {
    accounts: fc.subarray([OWN_ACCOUNT, ...OTHER_ACCOUNTS]),
    organization: fc.constant('o-abcdefghij'),
    rules: fc.dictionary(fc.constantFrom(...ruleIdList), ruleSetting, { maxKeys: 5 }),
    requirements: fc.array(
      fc.record({
        name: fc.constantFrom('pci', 'data'),
        match: fc.record({ types: fc.subarray(cfnTargets.slice(0, 10).map((t) => t.type), { minLength: 1 }), ids: globs, tags: fc.constant({ env: ['prod'] }) }, { requiredKeys: [] }),
        require: fc.record(
          { customerManagedKey: fc.boolean(), rotation: fc.integer({ min: 1, max: 3650 }).map((maxDays) => ({ maxDays })), deletable: fc.boolean(), multiRegion: fc.boolean(), customKeyPolicy: fc.boolean() },
          { requiredKeys: ['customerManagedKey'] },
        ),
      }),
      { maxLength: 2 },
    ),
    overrides: fc.array(fc.record({ files: globs, resources: globs, rules: fc.dictionary(fc.constantFrom(...ruleIdList), ruleSetting, { maxKeys: 3 }) }, { requiredKeys: ['files', 'rules'] }), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);

/** Configs that are wrong in one place (unknown rule, bad severity, bad account, wrong shape) or anything at all. */
export const invalidConfig: fc.Arbitrary<unknown> = fc.oneof(
  validConfig.map((c) => ({ ...c, rules: { ...c.rules, 'no-such-rule': 'error' } })),
  validConfig.map((c) => ({ ...c, rules: { [ruleIdList[0]]: 'fatal' } })),
  validConfig.map((c) => ({ ...c, accounts: ['12345', 123456789012] })),
  validConfig.map((c) => ({ ...c, overrides: [{ rules: {} }] })),
  validConfig.map((c) => ({ ...c, requirements: [{ name: '', match: { types: 'x' }, require: {} }] })),
  validConfig.map((c) => ({ ...c, extra: true })),
  fc.jsonValue({ maxDepth: 4 }),
  fc.object({ maxDepth: 3, withNullPrototype: true }),
);

// ---------------------------------------------------------------------------------------------
// Mutations of real files

export type Mutation =
  | { op: 'delete-line'; at: number }
  | { op: 'duplicate-line'; at: number }
  | { op: 'swap-lines'; at: number; with: number }
  | { op: 'flip-byte'; at: number; bit: number }
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; text: string };

const position = fc.nat({ max: 1_000_000 });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  position.map((at) => ({ op: 'delete-line' as const, at })),
  position.map((at) => ({ op: 'duplicate-line' as const, at })),
  fc.tuple(position, position).map(([at, w]) => ({ op: 'swap-lines' as const, at, with: w })),
  fc.tuple(position, fc.nat(7)).map(([at, bit]) => ({ op: 'flip-byte' as const, at, bit })),
  position.map((at) => ({ op: 'truncate' as const, at })),
  fc.tuple(position, fc.constantFrom('{', '}', '[', ']', ':', '"', "'", '\n', '  ', '- ', '&a ', '*a', '!Ref ', '\t', '\u0000', '#', '<<: ')).map(([at, text]) => ({ op: 'insert' as const, at, text })),
);

/** Applies mutations in order; positions are taken modulo the current length. */
export function mutate(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const lines = out.split('\n');
    const line = (n: number) => n % Math.max(lines.length, 1);
    switch (m.op) {
      case 'delete-line':
        lines.splice(line(m.at), 1);
        out = lines.join('\n');
        break;
      case 'duplicate-line':
        lines.splice(line(m.at), 0, lines[line(m.at)] ?? '');
        out = lines.join('\n');
        break;
      case 'swap-lines': {
        const a = line(m.at);
        const b = line(m.with);
        [lines[a], lines[b]] = [lines[b], lines[a]];
        out = lines.join('\n');
        break;
      }
      case 'flip-byte': {
        const bytes = Buffer.from(out, 'utf8');
        if (bytes.length) bytes[m.at % bytes.length] ^= 1 << m.bit;
        out = bytes.toString('utf8');
        break;
      }
      case 'truncate':
        out = out.slice(0, m.at % (out.length + 1));
        break;
      case 'insert': {
        const at = m.at % (out.length + 1);
        out = out.slice(0, at) + m.text + out.slice(at);
        break;
      }
    }
  }
  return out;
}
