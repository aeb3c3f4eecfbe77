import { createRule, NO_OPTIONS, label, keyPhrase } from '../src/rule-kit/index.js';
import { primaryKeys } from '../src/diff/queries.js';

const WEAKER = new Set(['aws-managed', 'aws-owned', 'none']);

export const rule = createRule({
  meta: {
    id: 'diff-key-downgrade',
    defaultSeverity: 'warning',
    group: 'change',
    description: 'A resource moves from a customer managed key to an AWS managed key, an AWS owned key or no encryption.',
    messages: {
      downgraded:
        '{{resource}} moves from {{from}} to {{to}}: its key policy, rotation, deletion and cross-account grants are no longer yours to control — ' +
        'keep a customer managed key unless this is intended',
    },
    schema: NO_OPTIONS,
  },
  check(ctx) {
    if (!ctx.change) return;
    const change = ctx.change;
    for (const pair of change.pairs) {
      // Every resource on both sides: a key can change without a change of its own (a parameter default, a key elsewhere).
      for (const after of pair.after?.resources ?? []) {
        const previous = pair.before?.resourcesById.get(after.id);
        if (!previous || previous.type !== after.type) continue;
        const c = { id: after.id, before: previous, after };
        const before = primaryKeys(change, 'before', c.before);
        // Only a resource that was on a customer key in every branch is downgraded by this change.
        if (before.length === 0 || !before.every((b) => b.key.key.kind === 'customer-managed')) continue;
        for (const a of primaryKeys(change, 'after', c.after)) {
          if (!WEAKER.has(a.key.key.kind)) continue;
          ctx.report({
            resource: c.after,
            at: a.key.at,
            key: a.key.key,
            branch: a.branch,
            messageId: 'downgraded',
            data: { resource: label(c.id, c.after.constructPath), from: keyPhrase(before[0].key), to: keyPhrase(a.key) },
          });
        }
      }
    }
  },
});
