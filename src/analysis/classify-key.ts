// The one place where a key reference is classified. Every rule asks this module, never a string
// comparison of its own (peers that compare `aws/secretsmanager` by hand ship false passes).
import type { EffectiveKey, Resource, Template } from '../model/types.js';
import { Evaluator, intrinsicName, type ExportIndex, type Value } from './evaluate.js';
import { isRecord, own } from '../util/objects.js';
import { withoutPseudoColons } from './principals.js';
import { preview } from '../util/bounded.js';
import { relationRowsOn, typesWithRole } from '../catalog/index.js';
import { awsManagedAlias, KMS_ARN } from '../catalog/kms-names.js';

export interface KeyClassification {
  key: EffectiveKey;
  /** Phrase describing the key for reasons: "the customer managed key AppKey declared in the template". */
  describe: string;
  keyResource?: Resource;
  /** Account of a key ARN, when the reference is an ARN. */
  account?: string;
}

/** Types that declare a customer managed key, and KMS aliases (catalog roles). */
export const KEY_TYPES = typesWithRole('customer-key');
export const ALIAS_TYPES = typesWithRole('alias');

const KEY_ID = /^(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const RESOURCE_TOKEN = /^\$\{([A-Za-z0-9]+)(?:\.([A-Za-z0-9.]+))?\}$/;
/** Any one `${…}` token: a CloudFormation resource (`${Key.KeyId}`) or a Terraform address (`${aws_kms_key.main.key_id}`). */
const ANY_TOKEN = /^\$\{([^${}]+)\}$/;
/** Attributes of a declared key that name the key itself (its id or ARN); `Ref` of a key is its id. */
const KEY_IDENTITY_ATTRIBUTES = new Set(['KeyId', 'Arn', 'key_id', 'arn', 'id']);
/** Stacks and exports followed to find the template where a rebuilt key ARN gets its key id. */
const MAX_REBUILD_HOPS = 8;

export { awsManagedAlias };

/**
 * Whether an alias name (or name prefix) lies in the namespace AWS reserves for its managed keys,
 * however it was built: the text may still hold deploy-time parts (`alias/aws/${AWS::StackName}`).
 */
export function inReservedAliasNamespace(text: string): boolean {
  return withoutPseudoColons(text.trim()).startsWith('alias/aws/');
}

/**
 * What an external key's identifier proves by itself (contract §5, requirements): a key id or key
 * ARN shows whether the key is multi-Region (`mrk-` ids are, others never are); an alias names no
 * key id, so it proves nothing about the key behind it.
 */
export function externalKeyIdentity(keyRef: string): { form: 'key' | 'alias'; multiRegion?: boolean } {
  const s = withoutPseudoColons(keyRef.trim());
  const arn = KMS_ARN.exec(s);
  const id = arn ? (arn[4] === 'key' ? arn[5] : undefined) : KEY_ID.test(s) ? s : undefined;
  if (id === undefined) return { form: 'alias' };
  return { form: 'key', multiRegion: /^mrk-/i.test(id) };
}

/** Classify the resolved value of a key property. */
export function classifyKeyValue(value: Value, ev: Evaluator): KeyClassification {
  switch (value.kind) {
    case 'resource':
      return classifyKeyResource(value.template.resourcesById.get(value.id), value.template, ev, 0);
    case 'literal':
      if (typeof value.value === 'string') return classifyKeyString(value.value, ev);
      return unknown(`a non-text key value (${preview(value.value, 40)})`);
    case 'unknown':
      return unknown(value.why);
    case 'novalue':
      return unknown('AWS::NoValue');
  }
}

/**
 * Classify a key property as written. Its resolved value is tried first; when that is unknown and
 * the expression rebuilds a key ARN (`Fn::Sub` / `Fn::Join` of `arn:…:kms:…:key/` and a key id),
 * the key id is resolved on its own, following nested stack parameters and `Fn::ImportValue` into
 * the template that declares the key: the resolved text alone no longer says which template that is.
 */
export function classifyKeyExpression(expr: unknown, ev: Evaluator, exports?: ExportIndex): KeyClassification {
  const direct = classifyKeyValue(ev.resolve(expr), ev);
  if (direct.key.kind !== 'unknown') return direct;
  const key = rebuiltKey(expr, ev, exports, 0);
  if (!key) return direct;
  const declared = classifyKeyResource(key, key.template, ev, 0);
  return { ...declared, describe: `${declared.describe} (its ARN rebuilt from its key id)` };
}

/** The declared key whose ARN `expr` rebuilds, if it is one. */
function rebuiltKey(expr: unknown, ev: Evaluator, exports: ExportIndex | undefined, hops: number): Resource | undefined {
  if (hops > MAX_REBUILD_HOPS) return undefined;
  const settled = ev.settle({ value: expr, path: [] })?.value;
  const fn = intrinsicName(settled);
  if (!fn || !isRecord(settled)) return undefined;
  const arg = settled[fn];
  switch (fn) {
    case 'Fn::Join': {
      if (!Array.isArray(arg) || !Array.isArray(arg[1]) || arg[1].length === 0 || !buildsKeyArn(settled, ev)) return undefined;
      return keyOfId(arg[1][arg[1].length - 1], ev, exports, hops);
    }
    case 'Fn::Sub': {
      const parts: unknown[] = typeof arg === 'string' ? [arg] : Array.isArray(arg) ? arg : [];
      const [text, vars] = [parts[0], parts[1]];
      if (typeof text !== 'string' || !buildsKeyArn(settled, ev)) return undefined;
      const name = /:key\/\$\{([^!}][^}]*)\}$/.exec(text)?.[1].trim();
      if (!name) return undefined;
      const given = own(isRecord(vars) ? vars : {}, name);
      const dot = name.indexOf('.');
      const part = given !== undefined ? given : dot === -1 ? { Ref: name } : { 'Fn::GetAtt': [name.slice(0, dot), name.slice(dot + 1)] };
      return keyOfId(part, ev, exports, hops);
    }
    default: {
      const next = elsewhere(settled, ev, exports);
      return next && rebuiltKey(next.expr, next.ev, exports, hops + 1);
    }
  }
}

/** Whether an expression resolves to the text of a key ARN whose key part is still a token. */
function buildsKeyArn(expr: unknown, ev: Evaluator): boolean {
  const v = ev.resolve(expr);
  if (v.kind !== 'literal' || typeof v.value !== 'string') return false;
  const arn = KMS_ARN.exec(withoutPseudoColons(v.value.trim()));
  return arn !== null && arn[4] === 'key' && arn[5].includes('${');
}

/** The declared key that a key-id expression names (`!Ref Key`, `!GetAtt Key.KeyId`, an import or parameter of one). */
function keyOfId(expr: unknown, ev: Evaluator, exports: ExportIndex | undefined, hops: number): Resource | undefined {
  const v = ev.resolve(expr);
  if (v.kind === 'resource') {
    const r = v.template.resourcesById.get(v.id);
    return r && KEY_TYPES.has(r.type) && !r.terraformMode && (v.attribute === undefined || KEY_IDENTITY_ATTRIBUTES.has(v.attribute)) ? r : undefined;
  }
  if (v.kind === 'literal' && typeof v.value === 'string') {
    const token = ANY_TOKEN.exec(v.value.trim());
    if (token) {
      const found = tokenResource(token[1], ev.template);
      if (found && KEY_TYPES.has(found.resource.type) && !found.resource.terraformMode && (found.attribute === undefined || KEY_IDENTITY_ATTRIBUTES.has(found.attribute))) return found.resource;
    }
  }
  const next = hops < MAX_REBUILD_HOPS ? elsewhere(ev.settle({ value: expr, path: [] })?.value, ev, exports) : undefined;
  return next && keyOfId(next.expr, next.ev, exports, hops + 1);
}

/** A nested stack parameter's value in the parent, or an import's value in the exporting template. */
function elsewhere(expr: unknown, ev: Evaluator, exports: ExportIndex | undefined): { expr: unknown; ev: Evaluator } | undefined {
  const fn = intrinsicName(expr);
  if (!fn || !isRecord(expr)) return undefined;
  const arg = expr[fn];
  if (fn === 'Ref' && typeof arg === 'string') {
    const bound = ev.template.parameterBindings;
    if (!bound || own(ev.template.parameters, arg) === undefined || !Object.prototype.hasOwnProperty.call(bound.values, arg)) return undefined;
    return { expr: bound.values[arg], ev: new Evaluator(bound.template, {}, exports) };
  }
  if (fn === 'Fn::ImportValue') {
    const name = ev.resolve(arg);
    const exp = name.kind === 'literal' && typeof name.value === 'string' ? exports?.lookup(name.value) : undefined;
    return exp && { expr: exp.value, ev: exp.template === ev.template ? ev : new Evaluator(exp.template, {}, exports) };
  }
  return undefined;
}

/** The resource a token names, by its longest declared prefix: `Key.KeyId`, `aws_kms_key.main.key_id`. */
function tokenResource(name: string, template: Template): { resource: Resource; attribute?: string } | undefined {
  const whole = template.resourcesById.get(name);
  if (whole) return { resource: whole };
  for (let dot = name.lastIndexOf('.'); dot > 0; dot = name.lastIndexOf('.', dot - 1)) {
    const r = template.resourcesById.get(name.slice(0, dot));
    if (r) return { resource: r, attribute: name.slice(dot + 1) };
  }
  return undefined;
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
    const ref = ANY_TOKEN.exec(rest);
    const named = ref && tokenResource(ref[1], ev.template);
    if (named && (named.attribute === undefined || KEY_IDENTITY_ATTRIBUTES.has(named.attribute))) return classifyKeyResource(named.resource, ev.template, ev, depth);
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

/** An alias's name or target, at the first path the catalog gives for it (`AliasName`, `name`; `TargetKeyId`, `target_key_id`). */
function aliasAttribute(alias: Resource, what: 'AliasName' | 'TargetKeyId'): unknown {
  const manages = what === 'AliasName' ? 'aliasName' : 'aliasTarget';
  const row = relationRowsOn('keyManagement', alias.type).find((r) => r.manages === manages);
  return row ? own(alias.properties, row.path) : undefined;
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
