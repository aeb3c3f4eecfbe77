import { awsManagedKeys, createRule, keyPhrase, NO_OPTIONS } from '../src/rule-kit/index.js';
import { describeScope, type PrincipalScope } from '../src/analysis/principals.js';
import type { SharedWith } from '../src/analysis/relations.js';

export const rule = createRule({
  meta: {
    id: 'cross-account-aws-managed-key',
    defaultSeverity: 'error',
    group: 'misuse',
    description: 'A resource encrypted with an AWS managed key is shared with another account, which cannot use that key.',
    messages: {
      shared:
        '{{resource}} is shared with {{scope}} through {{via}} but uses {{key}}; ' +
        'other accounts {{cannot}} use AWS managed keys — use a customer managed key whose policy grants that account',
      undetermined:
        '{{resource}} may be shared with another account through {{via}} ({{why}}) and uses {{key}}; ' +
        'if that principal is outside the account it cannot use an AWS managed key — check it, or use a customer managed key',
    },
    schema: NO_OPTIONS,
  },
  check(ctx) {
    for (const edge of ctx.relations.ofKind('sharedWith')) {
      const own = ctx.ownAccounts(edge.template);
      const s = edge.scope;
      const foreign = s.kind === 'public' || s.kind === 'organization' || (s.kind === 'account' && !own.has(s.account));
      // An account kmslint cannot determine is reported as such (a warning), not guessed either way.
      const undetermined = s.kind === 'unknown';
      if (!foreign && !undetermined) continue;
      for (const { branch, key: k } of awsManagedKeys(ctx.analysis, edge.from, edge.keyPurpose)) {
        const common = { resource: edge.from, at: k.at, key: k.key, keyPurpose: edge.keyPurpose, branch, counterpart: counterpartOf(edge) };
        if (s.kind === 'unknown') {
          ctx.report({
            ...common,
            severity: 'warning',
            messageId: 'undetermined',
            data: { resource: edge.from.id, via: edge.via, why: s.why, key: keyPhrase(k) },
            related: [{ template: edge.template, at: edge.at, message: 'principal whose account cannot be determined' }],
          });
          continue;
        }
        const org = s.kind === 'organization' && !s.org && ctx.config.organization ? { ...s, org: ctx.config.organization } : s;
        ctx.report({
          ...common,
          messageId: 'shared',
          data: { resource: edge.from.id, scope: describeScope(org), via: edge.via, key: keyPhrase(k), cannot: edge.certainty === 'may' ? 'may not be able to' : 'cannot' },
          related: [{ template: edge.template, at: edge.at, message: `shared here with ${describeScope(org)}` }],
        });
      }
    }
  },
});

/** The resource that writes the grant (the policy, share or plan) and whom it grants. */
function counterpartOf(edge: SharedWith): string {
  const carrier = edge.template.resources.find((r) => r.path.length <= edge.at.length && r.path.every((p, i) => edge.at[i] === p));
  return `${edge.template.stack}/${carrier?.id ?? edge.via}/${scopeIdentity(edge.scope)}`;
}

function scopeIdentity(s: PrincipalScope): string {
  switch (s.kind) {
    case 'account':
      return `account:${s.account}`;
    case 'organization':
      return `organization:${s.org ?? ''}`;
    case 'service':
      return `service:${s.service}`;
    default:
      return s.kind;
  }
}
