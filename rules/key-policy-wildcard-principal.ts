import { createRule, NO_OPTIONS } from '../src/rule-kit/index.js';
import { unnarrowedWildcardStatements, writtenKeyPolicies } from '../src/analysis/key-policy.js';

export const rule = createRule({
  meta: {
    id: 'key-policy-wildcard-principal',
    defaultSeverity: 'error',
    group: 'hygiene',
    description: 'A key policy allows "*" without a condition that narrows it to accounts or an organisation.',
    messages: {
      wildcard:
        'Statement {{statement}} of the key policy of {{resource}} allows any principal ("*") without a condition that narrows it to accounts or an organisation (kms:CallerAccount, aws:PrincipalAccount, aws:PrincipalOrgID, …), so any AWS account may use the key; name the principals or add such a condition',
    },
    schema: NO_OPTIONS,
  },
  check(ctx) {
    for (const p of writtenKeyPolicies(ctx.analysis)) {
      for (const s of unnarrowedWildcardStatements(p)) {
        ctx.report({
          resource: p.resource,
          at: s.at,
          counterpart: `statement ${s.statementIndex + 1}`,
          messageId: 'wildcard',
          data: { statement: s.statementIndex + 1, resource: p.resource.id },
        });
      }
    }
  },
});
