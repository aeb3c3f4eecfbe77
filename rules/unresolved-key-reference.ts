import type { Rule } from '../src/engine/rule.js';
import { forEachVariant } from '../src/engine/rule.js';

export const rule: Rule = {
  meta: {
    id: 'unresolved-key-reference',
    defaultSeverity: 'warning',
    group: 'information',
    description: 'A key reference could not be resolved, so the analysis of that resource is incomplete.',
  },
  check(ctx) {
    forEachVariant(ctx.analysis, (a, v) => {
      for (const k of [{ purpose: 'data', resolved: v.primary }, ...v.secondary]) {
        // Only a key expression that exists but cannot be resolved; a default decided elsewhere
        // (a global cluster's members, an AMI's build) is shown by `kmslint keys`, not warned about.
        if (k.resolved.key.kind !== 'unknown' || !k.resolved.named) continue;
        ctx.report({
          resource: a.resource,
          at: k.resolved.at,
          key: k.resolved.key,
          branch: v.branch,
          message: `The ${k.purpose === 'data' ? '' : `${k.purpose} `}key of ${a.resource.id} could not be resolved (${k.resolved.reason}); rules that depend on it were not checked`,
        });
      }
    });
  },
};
