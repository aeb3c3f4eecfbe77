import type { Rule } from '../src/engine/rule.js';
import { writtenKeyPolicies } from '../src/engine/key-resources.js';
import { policyStatements, statementScopes } from '../src/analysis/principals.js';
import { isRecord, own } from '../src/util/objects.js';

const MANAGE_ACTIONS = /^(\*|kms:\*|kms:put\*|kms:putkeypolicy|kms:p\*|kms:pu\*)$/i;

export const rule: Rule = {
  meta: {
    id: 'key-policy-lockout',
    defaultSeverity: 'error',
    group: 'hygiene',
    description: 'No statement of a key policy lets anyone manage the key (no account root, no kms:PutKeyPolicy).',
    messages: {
      lockout:
        'No statement of the key policy of {{resource}} gives the account root or anyone kms:PutKeyPolicy, so nobody could ever change the policy again and the key becomes unmanageable; keep a statement that allows the account root (arn:aws:iam::<account>:root)',
    },
  },
  check(ctx) {
    for (const p of writtenKeyPolicies(ctx.analysis)) {
      const statements = policyStatements(p.policy.value, p.ev);
      if (!statements) continue;
      let manageable = false;
      let resolvable = true;
      for (const s of statements) {
        const st = p.ev.resolve(s);
        if (st.kind !== 'literal' || !isRecord(st.value)) {
          resolvable = false;
          continue;
        }
        const effect = p.ev.resolve(own(st.value, 'Effect'));
        if (effect.kind !== 'literal' || effect.value !== 'Allow') continue;
        const actions = p.ev.resolve(own(st.value, 'Action'));
        const list = actions.kind === 'literal' ? (Array.isArray(actions.value) ? actions.value : [actions.value]) : [];
        if (actions.kind !== 'literal') resolvable = false;
        const canManage = list.some((a) => typeof a === 'string' && MANAGE_ACTIONS.test(a));
        const scopes = statementScopes(st.value, p.ev);
        if (scopes.some((sc) => sc.kind === 'unknown')) resolvable = false;
        const root = scopes.some((sc) => sc.kind === 'own' || sc.kind === 'account') && rootPrincipal(st.value, p.ev);
        if (canManage || root) manageable = true;
      }
      if (manageable || !resolvable) continue;
      ctx.report({
        resource: p.resource,
        at: p.policy.path,
        messageId: 'lockout',
        data: { resource: p.resource.id },
      });
    }
  },
};

/** Does the statement name an account root (`arn:…:root`, a bare account id, `${AWS::AccountId}`)? */
function rootPrincipal(st: Record<string, unknown>, ev: import('../src/analysis/evaluate.js').Evaluator): boolean {
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
