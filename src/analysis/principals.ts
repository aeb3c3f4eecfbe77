// Who a policy statement lets in: accounts, the public, an organisation, or "cannot tell".
import type { DocPath } from '../model/types.js';
import type { Evaluator, Value } from './evaluate.js';
import { isRecord, own } from '../util/objects.js';
import { scalarText } from '../util/bounded.js';

export type PrincipalScope =
  | { kind: 'account'; account: string }
  /** The template's own account (`${AWS::AccountId}`, a role declared in the input). */
  | { kind: 'own' }
  | { kind: 'public' }
  | { kind: 'organization'; org?: string }
  | { kind: 'service'; service: string }
  /** `wildcard`: a "*" whose conditions do not narrow it to accounts or an organisation. */
  | { kind: 'unknown'; why: string; wildcard?: boolean };

export interface StatementGrant {
  scope: PrincipalScope;
  /** Path of the statement's Principal (or the statement) for locations. */
  at: DocPath;
  statementIndex: number;
}

/** Condition keys that narrow a principal to accounts. */
// s3:DataAccessPointAccount / s3:DataAccessPointArn: a bucket policy that delegates access control
// to access points reaches whoever the access points of those accounts let in.
const ACCOUNT_KEYS = new Set(['aws:principalaccount', 'aws:sourceaccount', 'kms:calleraccount', 'aws:sourceowner', 's3:dataaccesspointaccount']);
const ORG_KEYS = new Set(['aws:principalorgid', 'aws:principalorgpaths', 'aws:sourceorgid', 'aws:sourceorgpaths', 'aws:resourceorgid']);
const ARN_KEYS = new Set(['aws:principalarn', 'aws:sourcearn', 's3:dataaccesspointarn']);
const ACCESS_POINT_KEYS = new Set(['s3:dataaccesspointaccount', 's3:dataaccesspointarn']);

/**
 * A policy document (object, or JSON text as Terraform and some templates hold it) → the grants of
 * its Allow statements. `policyPath` is where the document sits, for locations.
 */
export function policyGrants(policy: unknown, policyPath: DocPath, ev: Evaluator): StatementGrant[] {
  const doc = asPolicy(policy, ev);
  if (!doc) return [];
  const statements = own(doc.value, 'Statement');
  const list = statementList(statements);
  const grants: StatementGrant[] = [];
  list.forEach((raw, i) => {
    const st = settleRecord(raw, ev);
    if (!st) return;
    const effect = ev.resolve(own(st, 'Effect'));
    if (effect.kind !== 'literal' || effect.value !== 'Allow') return;
    const base: DocPath = doc.json ? policyPath : Array.isArray(statements) ? [...policyPath, 'Statement', i] : [...policyPath, 'Statement'];
    const principalPath: DocPath = doc.json ? policyPath : [...base, 'Principal'];
    for (const scope of statementScopes(st, ev)) grants.push({ scope, at: principalPath, statementIndex: i });
  });
  return grants;
}

/** The statements of a policy document (object or JSON text), or undefined when it cannot be read. */
export function policyStatements(policy: unknown, ev: Evaluator): unknown[] | undefined {
  const doc = asPolicy(policy, ev);
  return doc && statementList(own(doc.value, 'Statement'));
}

/** `Statement` may be one statement or a list. */
function statementList(statements: unknown): unknown[] {
  return Array.isArray(statements) ? statements : statements !== undefined ? [statements] : [];
}

function asPolicy(policy: unknown, ev: Evaluator): { value: Record<string, unknown>; json: boolean } | undefined {
  const v = ev.resolve(policy);
  if (v.kind !== 'literal') return undefined;
  if (isRecord(v.value)) return { value: v.value, json: false };
  if (typeof v.value === 'string') {
    try {
      const parsed: unknown = JSON.parse(v.value);
      return isRecord(parsed) ? { value: parsed, json: true } : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function settleRecord(raw: unknown, ev: Evaluator): Record<string, unknown> | undefined {
  const v = ev.resolve(raw);
  return v.kind === 'literal' && isRecord(v.value) ? v.value : undefined;
}

/** The scopes one Allow statement grants to. */
export function statementScopes(st: Record<string, unknown>, ev: Evaluator): PrincipalScope[] {
  let principal = own(st, 'Principal');
  // Allow with NotPrincipal grants everyone except the principals it lists.
  if (principal === undefined && own(st, 'NotPrincipal') !== undefined) principal = '*';
  if (principal === undefined) return [];
  const raw: unknown[] = [];
  const services: string[] = [];
  const p = ev.resolve(principal);
  if (p.kind === 'literal' && p.value === '*') raw.push('*');
  else if (p.kind === 'literal' && isRecord(p.value)) {
    for (const [k, v] of Object.entries(p.value)) {
      const values = asList(v, ev);
      if (k === 'AWS') raw.push(...values);
      else if (k === 'Service') for (const s of values) services.push(typeof s === 'string' ? s : scalarText(s));
      else if (k === 'CanonicalUser' || k === 'Federated') continue;
    }
  } else return [{ kind: 'unknown', why: 'the principal cannot be resolved' }];

  const narrowed = conditionScopes(own(st, 'Condition'), ev);
  const out: PrincipalScope[] = services.map((service) => ({ kind: 'service', service }));
  for (const r of raw) {
    const scope = principalScope(r, ev);
    if (scope.kind === 'public') {
      if (narrowed === 'none') out.push(scope);
      else if (narrowed === 'unclassified') out.push({ kind: 'unknown', why: 'a condition limits "*" in a way kmslint does not classify', wildcard: true });
      else out.push(...narrowed);
    } else out.push(scope);
  }
  return out;
}

function asList(v: unknown, ev: Evaluator): unknown[] {
  const r = ev.resolve(v);
  if (r.kind === 'resource') return [r];
  if (r.kind !== 'literal') return [r];
  return Array.isArray(r.value) ? r.value : [r.value];
}

/** One `AWS` principal value → scope. */
export function principalScope(value: unknown, ev: Evaluator): PrincipalScope {
  const v = isRecord(value) && 'kind' in value ? (value as unknown as ReturnType<Evaluator['resolve']>) : ev.resolve(value);
  return scopeOfValue(v);
}

/** Scope of a resolved account/ARN value: `!Ref AWS::AccountId` and declared resources are the own account. */
export function scopeOfValue(v: Value): PrincipalScope {
  if (v.kind === 'resource') return { kind: 'own' };
  if (v.kind === 'unknown' && v.token) return scopeOfText(v.token);
  if (v.kind !== 'literal' || typeof v.value !== 'string') return { kind: 'unknown', why: v.kind === 'unknown' ? v.why : 'the principal is not text' };
  return scopeOfText(v.value);
}

/** Pseudo parameters contain colons; turn them into colon-free tokens before reading an ARN. */
export function withoutPseudoColons(text: string): string {
  // Terraform's data.aws_caller_identity is the account the configuration deploys to (contract §2).
  return text.replace(/\$\{data\.aws_caller_identity\.[A-Za-z0-9_-]+\.account_id\}/g, '{AccountId}').replace(/\$\{AWS::(Partition|Region|AccountId|URLSuffix)\}/g, (_, p: string) => (p === 'Partition' ? 'aws' : `{${p}}`));
}

export function scopeOfText(text: string): PrincipalScope {
  const s = withoutPseudoColons(text.trim());
  if (s === '{AccountId}') return { kind: 'own' };
  if (s === '*') return { kind: 'public' };
  if (/^\d{12}$/.test(s)) return { kind: 'account', account: s };
  const arn = /^arn:[^:]*:(?:iam|sts)::([^:]+):/.exec(s);
  if (arn) {
    const acct = arn[1];
    if (acct === '{AccountId}') return { kind: 'own' };
    if (/^\d{12}$/.test(acct)) return { kind: 'account', account: acct };
    return { kind: 'unknown', why: `account "${acct}" is known only at deploy time` };
  }
  return { kind: 'unknown', why: `"${s.slice(0, 60)}" is not an account, ARN or "*"` };
}

/**
 * What a Condition narrows `*` to: 'none' (no condition), a list of scopes (accounts or an
 * organisation), or 'unclassified' (conditions kmslint does not interpret: not flagged).
 */
function conditionScopes(condition: unknown, ev: Evaluator): PrincipalScope[] | 'none' | 'unclassified' {
  const c = ev.resolve(condition);
  if (c.kind === 'literal' && (c.value === undefined || c.value === null)) return 'none';
  if (c.kind !== 'literal' || !isRecord(c.value)) return condition === undefined ? 'none' : 'unclassified';
  // Every key of every operator must hold (AND): the statement reaches only the narrowest group.
  const groups: PrincipalScope[][] = [];
  for (const [op, block] of Object.entries(c.value)) {
    const b = ev.resolve(block);
    if (b.kind !== 'literal' || !isRecord(b.value)) return 'unclassified';
    if (/^(ForAnyValue:|ForAllValues:)?(StringNotEquals|StringNotLike|ArnNotEquals|ArnNotLike|Null)/i.test(op)) continue;
    for (const [key, val] of Object.entries(b.value)) {
      const k = key.toLowerCase();
      const values = asList(val, ev).map((x): Value => (isRecord(x) && 'kind' in x ? (x as unknown as Value) : { kind: 'literal', value: x }));
      if (ORG_KEYS.has(k)) {
        groups.push(values.map((x) => ({ kind: 'organization', org: x.kind === 'literal' && typeof x.value === 'string' ? x.value : undefined })));
      } else if (ACCOUNT_KEYS.has(k)) {
        groups.push(values.map((x) => scopeOfValue(x)));
      } else if (ARN_KEYS.has(k)) {
        groups.push(values.map((x) => arnConditionScope(x, ev)));
      }
    }
  }
  if (groups.length === 0) return 'unclassified';
  const rank = (g: PrincipalScope[]) =>
    g.every((x) => x.kind === 'own') ? 0 : g.every((x) => x.kind === 'own' || x.kind === 'account') ? 1 : g.some((x) => x.kind === 'unknown') ? 3 : 2;
  return [...groups].sort((a, b) => rank(a) - rank(b))[0];
}

/** `aws:SourceArn` / `aws:PrincipalArn` values: a resource of the input or an ARN with the own account is the own account. */
function arnConditionScope(x: Value, ev: Evaluator): PrincipalScope {
  if (x.kind === 'resource') return { kind: 'own' };
  if (x.kind !== 'literal' || typeof x.value !== 'string') return { kind: 'unknown', why: 'an ARN condition that cannot be resolved' };
  const text = withoutPseudoColons(x.value);
  const ref = /\$\{([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}/.exec(text);
  if (ref && ev.template.resourcesById.has(ref[1])) return { kind: 'own' };
  const m = /^arn:[^:]*:[^:]*:[^:]*:([^:]*):/.exec(text);
  const acct = m?.[1];
  return acct === '{AccountId}' ? { kind: 'own' } : acct && /^\d{12}$/.test(acct) ? { kind: 'account', account: acct } : { kind: 'unknown', why: 'an ARN condition without a known account' };
}

/**
 * The accounts whose access points a bucket policy delegates access control to: Allow statements
 * conditioned on `s3:DataAccessPointAccount` or `s3:DataAccessPointArn` (S3's documented pattern).
 * Empty when the policy delegates nothing.
 */
export function accessPointDelegation(policy: unknown, ev: Evaluator): PrincipalScope[] {
  const out: PrincipalScope[] = [];
  for (const raw of policyStatements(policy, ev) ?? []) {
    const st = settleRecord(raw, ev);
    if (!st) continue;
    const effect = ev.resolve(own(st, 'Effect'));
    if (effect.kind !== 'literal' || effect.value !== 'Allow') continue;
    const c = ev.resolve(own(st, 'Condition'));
    if (c.kind !== 'literal' || !isRecord(c.value)) continue;
    for (const [op, block] of Object.entries(c.value)) {
      if (/Not|Null/i.test(op)) continue;
      const b = ev.resolve(block);
      if (b.kind !== 'literal' || !isRecord(b.value)) continue;
      for (const [key, val] of Object.entries(b.value)) {
        const k = key.toLowerCase();
        if (!ACCESS_POINT_KEYS.has(k)) continue;
        for (const x of asList(val, ev)) {
          const v: Value = isRecord(x) && 'kind' in x ? (x as unknown as Value) : { kind: 'literal', value: x };
          out.push(k === 's3:dataaccesspointarn' ? arnConditionScope(v, ev) : scopeOfValue(v));
        }
      }
    }
  }
  return out;
}

/** Readable description of a scope for messages. */
export function describeScope(scope: PrincipalScope): string {
  switch (scope.kind) {
    case 'account':
      return `account ${scope.account}`;
    case 'own':
      return 'its own account';
    case 'public':
      return 'everyone ("*")';
    case 'organization':
      return scope.org ? `every account of organization ${scope.org}` : 'every account of an organization';
    case 'service':
      return `the service ${scope.service}`;
    case 'unknown':
      return `an account kmslint cannot determine (${scope.why})`;
  }
}

