// Reading key policies for the hygiene rules: which policies the input writes, whether anyone can
// still manage the key under one (lockout), and which statements let in any principal unnarrowed.
// Rules ask here; none of them resolves a policy's values itself.
import type { DocPath, Resource } from '../model/types.js';
import type { Evaluator, Located } from './evaluate.js';
import type { Analysis } from './analyse.js';
import { getPath } from './effective-key.js';
import { keyAttributes } from './key-facts.js';
import { policyGrants, policyStatements, statementScopes } from './principals.js';
import { isRecord, own } from '../util/objects.js';

export interface WrittenKeyPolicy {
  /** The key the policy belongs to (for Terraform `aws_kms_key_policy`, the resource itself). */
  resource: Resource;
  policy: Located;
  ev: Evaluator;
}

/** Key policies written in the input: `KeyPolicy` / `policy` on keys, and `aws_kms_key_policy` (catalog `keyAttributes` rows). */
export function writtenKeyPolicies(analysis: Analysis): WrittenKeyPolicy[] {
  const out: WrittenKeyPolicy[] = [];
  for (const template of analysis.templates) {
    for (const r of template.resources) {
      const name = keyAttributes(r.type).policy;
      if (!name || /(^|\.)data\./.test(r.id)) continue;
      const ev = analysis.evaluatorFor(template);
      const policy = getPath(ev, { value: r.properties ?? {}, path: r.propertiesPath }, name);
      if (policy) out.push({ resource: r, policy, ev });
    }
  }
  return out;
}

/**
 * Actions that let a principal change the key policy: `kms:PutKeyPolicy` and the wildcards that
 * cover it (https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html).
 */
const MANAGE_ACTIONS = /^(\*|kms:\*|kms:put\*|kms:putkeypolicy|kms:p\*|kms:pu\*)$/i;

/**
 * Whether a written key policy leaves the key manageable: `manageable` when an Allow statement
 * names an account root or grants kms:PutKeyPolicy; `lockedOut` when every statement could be read
 * and none does; `unknown` when a statement, its actions or principals cannot be resolved.
 */
export function keyPolicyLockout(p: WrittenKeyPolicy): 'manageable' | 'lockedOut' | 'unknown' {
  const { ev } = p;
  const statements = policyStatements(p.policy.value, ev);
  if (!statements) return 'unknown';
  let resolvable = true;
  for (const s of statements) {
    const st = ev.resolve(s);
    if (st.kind !== 'literal' || !isRecord(st.value)) {
      resolvable = false;
      continue;
    }
    const effect = ev.resolve(own(st.value, 'Effect'));
    if (effect.kind !== 'literal' || effect.value !== 'Allow') continue;
    const actions = ev.resolve(own(st.value, 'Action'));
    const list = actions.kind === 'literal' ? (Array.isArray(actions.value) ? actions.value : [actions.value]) : [];
    if (actions.kind !== 'literal') resolvable = false;
    const canManage = list.some((a) => typeof a === 'string' && MANAGE_ACTIONS.test(a));
    const scopes = statementScopes(st.value, ev);
    if (scopes.some((sc) => sc.kind === 'unknown')) resolvable = false;
    const root = scopes.some((sc) => sc.kind === 'own' || sc.kind === 'account') && namesAccountRoot(st.value, ev);
    if (canManage || root) return 'manageable';
  }
  return resolvable ? 'lockedOut' : 'unknown';
}

/** Does the statement name an account root (`arn:…:root`, a bare account id, `${AWS::AccountId}`)? */
function namesAccountRoot(st: Record<string, unknown>, ev: Evaluator): boolean {
  const principal = ev.resolve(own(st, 'Principal'));
  if (principal.kind !== 'literal' || !isRecord(principal.value)) return false;
  const aws = ev.resolve(own(principal.value, 'AWS'));
  const values = aws.kind === 'literal' ? (Array.isArray(aws.value) ? aws.value : [aws.value]) : [];
  return values.some((v) => {
    const r = ev.resolve(v);
    const t = r.kind === 'literal' && typeof r.value === 'string' ? r.value : '';
    return /^\d{12}$/.test(t) || /:root$/.test(t) || t === '${AWS::AccountId}';
  });
}

export interface WildcardStatement {
  /** 0-based index of the statement in the policy. */
  statementIndex: number;
  /** The statement's Principal (or the policy, for a policy written as JSON text). */
  at: DocPath;
}

/**
 * The Allow statements of a key policy that let in any principal ("*", or NotPrincipal) without a
 * condition narrowing it to accounts or an organisation — once per statement.
 */
export function unnarrowedWildcardStatements(p: WrittenKeyPolicy): WildcardStatement[] {
  const seen = new Set<number>();
  const out: WildcardStatement[] = [];
  for (const g of policyGrants(p.policy.value, p.policy.path, p.ev)) {
    const unnarrowed = g.scope.kind === 'public' || (g.scope.kind === 'unknown' && g.scope.wildcard === true);
    if (!unnarrowed || seen.has(g.statementIndex)) continue;
    seen.add(g.statementIndex);
    out.push({ statementIndex: g.statementIndex, at: g.at });
  }
  return out;
}
