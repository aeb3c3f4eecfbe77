import type { Rule } from '../src/engine/rule.js';
import { writtenKeyPolicies } from '../src/engine/key-resources.js';
import { policyGrants } from '../src/analysis/principals.js';

export const rule: Rule = {
  meta: {
    id: 'key-policy-wildcard-principal',
    defaultSeverity: 'error',
    group: 'hygiene',
    description: 'A key policy allows "*" without a condition that narrows it to accounts or an organisation.',
    messages: {
      wildcard:
        'Statement {{statement}} of the key policy of {{resource}} allows any principal ("*") without a condition that narrows it to accounts or an organisation (kms:CallerAccount, aws:PrincipalAccount, aws:PrincipalOrgID, …), so any AWS account may use the key; name the principals or add such a condition',
    },
  },
  check(ctx) {
    for (const p of writtenKeyPolicies(ctx.analysis)) {
      const seen = new Set<number>();
      for (const g of policyGrants(p.policy.value, p.policy.path, p.ev)) {
        const unnarrowed = g.scope.kind === 'public' || (g.scope.kind === 'unknown' && g.scope.wildcard === true);
        if (!unnarrowed || seen.has(g.statementIndex)) continue;
        seen.add(g.statementIndex);
        ctx.report({
          resource: p.resource,
          at: g.at,
          counterpart: `statement ${g.statementIndex + 1}`,
          messageId: 'wildcard',
          data: { statement: g.statementIndex + 1, resource: p.resource.id },
        });
      }
    }
  },
};
