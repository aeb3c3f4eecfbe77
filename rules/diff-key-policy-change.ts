import { createRule, NO_OPTIONS, label } from '../src/rule-kit/index.js';
import type { StatementSummary } from '../src/diff/change-set.js';
import { keyAttributes } from '../src/analysis/key-facts.js';

export const rule = createRule({
  meta: {
    id: 'diff-key-policy-change',
    defaultSeverity: 'warning',
    group: 'change',
    description: 'Statements are added to or removed from a key policy; new accounts and wildcard principals are named.',
    messages: {
      widened:
        "{{resource}}'s key policy gains {{added}} and loses {{removed}}; it newly grants {{whom}} — make sure each is meant to use or manage this key",
      changed: "{{resource}}'s key policy gains {{added}} and loses {{removed}}; review who may now use or manage this key",
    },
    schema: NO_OPTIONS,
  },
  check(ctx) {
    if (!ctx.change) return;
    for (const pair of ctx.change.pairs) {
      for (const p of pair.keyPolicyChanges) {
        const own = ctx.ownAccounts(p.key.template);
        const before = new Set(p.removed.flatMap(grantees));
        const fresh = [...new Set(p.added.filter((s) => s.effect === 'Allow').flatMap(grantees))].filter((g) => !before.has(g) && !own.has(g)).sort();
        const policy = keyAttributes(p.key.type).policy;
        const at = policy && p.key.properties && Object.prototype.hasOwnProperty.call(p.key.properties, policy) ? [...p.key.propertiesPath, policy] : p.key.path;
        const data = { resource: label(p.key.id, p.key.constructPath), added: count(p.added), removed: count(p.removed) };
        if (fresh.length) ctx.report({ resource: p.key, at, messageId: 'widened', data: { ...data, whom: fresh.map((g) => (g === '*' ? 'any principal (*)' : `account ${g}`)).join(', ') } });
        else ctx.report({ resource: p.key, at, messageId: 'changed', data });
      }
    }
  },
});

/**
 * Accounts named by a statement's principals, and `*` for a wildcard principal that no condition
 * bounds to an account or organization (`kms:CallerAccount`, `aws:PrincipalOrgID`, …).
 */
function grantees(s: StatementSummary): string[] {
  return s.principals.flatMap((p) => {
    const value = p.slice(p.indexOf(':') + 1);
    if (p.startsWith('AWS:') && value === '*') return s.accountConditions?.length ? [] : ['*'];
    return [...value.matchAll(/(?<!\d)(\d{12})(?!\d)/g)].map((m) => m[1]);
  });
}

function count(list: readonly StatementSummary[]): string {
  if (list.length === 0) return 'no statement';
  const sids = list.map((s) => s.sid).filter(Boolean);
  return `${list.length} statement${list.length === 1 ? '' : 's'}${sids.length ? ` (${sids.join(', ')})` : ''}`;
}
