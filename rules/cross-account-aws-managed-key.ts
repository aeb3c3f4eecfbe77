import { awsManagedKeys, type Rule } from '../src/engine/rule.js';
import { describeScope } from '../src/analysis/principals.js';
import { keyPhrase } from '../src/engine/phrases.js';

export const rule: Rule = {
  meta: {
    id: 'cross-account-aws-managed-key',
    defaultSeverity: 'error',
    group: 'misuse',
    description: 'A resource encrypted with an AWS managed key is shared with another account, which cannot use that key.',
  },
  check(ctx) {
    for (const edge of ctx.sharing.sharing) {
      const own = ctx.ownAccounts(edge.template);
      const s = edge.scope;
      const foreign = s.kind === 'public' || s.kind === 'organization' || (s.kind === 'account' && !own.has(s.account));
      // An account kmslint cannot determine is reported as such (a warning), not guessed either way.
      const undetermined = s.kind === 'unknown';
      if (!foreign && !undetermined) continue;
      for (const { branch, key: k } of awsManagedKeys(ctx.analysis, edge.target, edge.keyPurpose)) {
        const cannot = edge.certainty === 'may' ? 'may not be able to' : 'cannot';
        const org = s.kind === 'organization' && !s.org && ctx.config.organization ? { ...s, org: ctx.config.organization } : s;
        if (undetermined) {
          ctx.report({
            resource: edge.target,
            at: k.at,
            key: k.key,
            branch,
            severity: 'warning',
            message:
              `${edge.target.id} may be shared with another account through ${edge.via} (${s.why}) and uses ${keyPhrase(k)}; ` +
              `if that principal is outside the account it cannot use an AWS managed key — check it, or use a customer managed key`,
            related: [{ template: edge.template, at: edge.at, message: 'principal whose account cannot be determined' }],
          });
          continue;
        }
        ctx.report({
          resource: edge.target,
          at: k.at,
          key: k.key,
          branch,
          message:
            `${edge.target.id} is shared with ${describeScope(org)} through ${edge.via} but uses ${keyPhrase(k)}; ` +
            `other accounts ${cannot} use AWS managed keys — use a customer managed key whose policy grants that account`,
          related: [{ template: edge.template, at: edge.at, message: `shared here with ${describeScope(org)}` }],
        });
      }
    }
  },
};
