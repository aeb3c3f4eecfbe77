// The one place where a key reference is classified. Every rule asks this module, never a string
// comparison of its own (peers that compare `aws/secretsmanager` by hand ship false passes).
import type { EffectiveKey, Resource, Template } from '../model/types.js';
import type { Evaluator, Value } from './evaluate.js';
import { own } from '../util/objects.js';
import { withoutPseudoColons } from './principals.js';

export interface KeyClassification {
  key: EffectiveKey;
  /** Phrase describing the key for reasons: "the customer managed key AppKey declared in the template". */
  describe: string;
  keyResource?: Resource;
  /** Account of a key ARN, when the reference is an ARN. */
  account?: string;
}

/** Types that declare a customer managed key. */
export const KEY_TYPES = new Set(['AWS::KMS::Key', 'AWS::KMS::ReplicaKey', 'aws_kms_key', 'aws_kms_replica_key', 'aws_kms_external_key', 'aws_kms_replica_external_key']);
export const ALIAS_TYPES = new Set(['AWS::KMS::Alias', 'aws_kms_alias']);

const AWS_MANAGED_ALIAS = /^alias\/aws\/([A-Za-z0-9_/-]+)$/;
const KMS_ARN = /^arn:([^:]*):kms:([^:]*):([^:]*):(key|alias)\/(.+)$/;
const KEY_ID = /^(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const RESOURCE_TOKEN = /^\$\{([A-Za-z0-9]+)(?:\.([A-Za-z0-9.]+))?\}$/;

/** An AWS managed alias in any of its spellings (`alias/aws/s3`, alias ARN), or undefined. */
export function awsManagedAlias(text: string): string | undefined {
  if (AWS_MANAGED_ALIAS.test(text)) return text;
  const arn = KMS_ARN.exec(text);
  if (arn && arn[4] === 'alias' && arn[5].startsWith('aws/')) return `alias/${arn[5]}`;
  return undefined;
}


/** Classify the resolved value of a key property. */
export function classifyKeyValue(value: Value, ev: Evaluator): KeyClassification {
  switch (value.kind) {
    case 'resource':
      return classifyKeyResource(value.template.resourcesById.get(value.id), value.template, ev, 0);
    case 'literal':
      if (typeof value.value === 'string') return classifyKeyString(value.value, ev);
      return unknown(`a non-text key value (${JSON.stringify(value.value)?.slice(0, 40)})`);
    case 'unknown':
      return unknown(value.why);
    case 'novalue':
      return unknown('AWS::NoValue');
  }
}

function classifyKeyResource(resource: Resource | undefined, template: Template, ev: Evaluator, depth: number): KeyClassification {
  if (!resource) return unknown('a resource that is not declared');
  // A Terraform data source or module call is read, not declared: it says nothing about its key here.
  if (resource.terraformMode) return unknown(`${resource.id}, which the input reads but does not declare`);
  if (KEY_TYPES.has(resource.type)) {
    return {
      key: { kind: 'customer-managed', keyRef: resource.id },
      describe: `the customer managed key ${resource.id} declared ${resource.template === ev.template ? 'in the template' : `in stack ${resource.template.stack}`}`,
      keyResource: resource,
    };
  }
  if (ALIAS_TYPES.has(resource.type) && depth < 8) {
    const name = ev.resolve(aliasAttribute(resource, 'AliasName'));
    if (name.kind === 'literal' && typeof name.value === 'string') {
      const managed = awsManagedAlias(name.value);
      if (managed) return awsManaged(managed);
    }
    const target = ev.resolve(aliasAttribute(resource, 'TargetKeyId'));
    if (target.kind === 'resource') {
      const inner = classifyKeyResource(template.resourcesById.get(target.id), template, ev, depth + 1);
      if (inner.key.kind === 'customer-managed') {
        return { ...inner, describe: `${inner.describe} (through alias ${resource.id})` };
      }
      return inner;
    }
    if (target.kind === 'literal' && typeof target.value === 'string') return classifyKeyString(target.value, ev, depth + 1);
    return unknown(`the target of alias ${resource.id}`);
  }
  return unknown(`${resource.id} (${resource.type}), which is not a KMS key`);
}

/** Classify a literal key id, key ARN, alias name or alias ARN. */
export function classifyKeyString(text: string, ev: Evaluator, depth = 0): KeyClassification {
  // Pseudo parameters hold colons in their names: read ARNs with colon-free tokens (`{AccountId}` is the own account).
  const s = withoutPseudoColons(text.trim());
  const managed = awsManagedAlias(s);
  if (managed) return awsManaged(managed, KMS_ARN.exec(s)?.[3]);
  if (s === 'AWS_OWNED_KMS_KEY' || s === 'AWS_OWNED_CMK') {
    return { key: { kind: 'aws-owned' }, describe: `${s}, a key owned by the service` };
  }
  const token = RESOURCE_TOKEN.exec(s);
  if (token) {
    const r = ev.template.resourcesById.get(token[1]);
    if (r) return classifyKeyResource(r, ev.template, ev, depth);
  }
  const arn = KMS_ARN.exec(s);
  if (arn) {
    const [, , , account, what, rest] = arn;
    const ref = RESOURCE_TOKEN.exec(rest);
    if (ref) {
      const r = ev.template.resourcesById.get(ref[1]);
      if (r) return classifyKeyResource(r, ev.template, ev, depth);
    }
    if (what === 'alias') {
      const declared = findAliasByName(`alias/${rest}`, ev);
      if (declared) return classifyKeyResource(declared, ev.template, ev, depth);
    }
    if (rest.includes('${')) return unknown(`key ARN ${s}, whose key part is known only at deploy time`);
    const acct = /^\d{12}$/.test(account) ? account : undefined;
    return {
      key: { kind: 'customer-managed', keyRef: s, external: true },
      describe: `the ${what === 'alias' ? 'key behind alias ARN' : 'key'} ${s}${acct ? ` in account ${acct}` : ''}, not declared in the input`,
      account: acct,
    };
  }
  if (s.startsWith('alias/')) {
    const declared = findAliasByName(s, ev);
    if (declared) return classifyKeyResource(declared, ev.template, ev, depth);
    if (s.includes('${')) return unknown(`alias ${s}, known only at deploy time`);
    return { key: { kind: 'customer-managed', keyRef: s, external: true }, describe: `the key behind alias ${s}, not declared in the input` };
  }
  if (KEY_ID.test(s)) {
    return { key: { kind: 'customer-managed', keyRef: s, external: true }, describe: `key ${s}, not declared in the input` };
  }
  if (s === '') return unknown('an empty key value');
  return unknown(`"${s.length > 60 ? s.slice(0, 57) + '…' : s}", which is not a key id, key ARN or alias`);
}

/** An alias's name or target: CloudFormation `AliasName`/`TargetKeyId`, Terraform `name`/`target_key_id`. */
function aliasAttribute(alias: Resource, cfn: 'AliasName' | 'TargetKeyId'): unknown {
  if (alias.type === 'AWS::KMS::Alias') return own(alias.properties, cfn);
  return own(alias.properties, cfn === 'AliasName' ? 'name' : 'target_key_id');
}

function findAliasByName(name: string, ev: Evaluator): Resource | undefined {
  for (const r of ev.template.resources) {
    // A Terraform data source reads an alias that exists elsewhere: not a declaration in the input.
    if (!ALIAS_TYPES.has(r.type) || r.terraformMode) continue;
    const v = ev.resolve(aliasAttribute(r, 'AliasName'));
    if (v.kind === 'literal' && v.value === name) return r;
  }
  return undefined;
}

function awsManaged(alias: string, account?: string): KeyClassification {
  return {
    key: { kind: 'aws-managed', alias, origin: 'explicit' },
    describe: `the AWS managed key ${alias}`,
    account: account && /^\d{12}$/.test(account) ? account : undefined,
  };
}

function unknown(what: string): KeyClassification {
  return { key: { kind: 'unknown' }, describe: what };
}
