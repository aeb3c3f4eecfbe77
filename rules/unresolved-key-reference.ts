import type { Rule } from '../src/engine/rule.js';
import { forEachVariant, keysOf } from '../src/engine/rule.js';

export const rule: Rule = {
  meta: {
    id: 'unresolved-key-reference',
    defaultSeverity: 'warning',
    group: 'information',
    description: 'A key reference could not be resolved, so the analysis of that resource is incomplete.',
    messages: {
      unresolved: 'The key of {{resource}} could not be resolved ({{reason}}); rules that depend on it were not checked',
      unresolvedSecondary: 'The {{purpose}} key of {{resource}} could not be resolved ({{reason}}); rules that depend on it were not checked',
    },
  },
  check(ctx) {
    forEachVariant(ctx.analysis, (a, v) => {
      for (const k of keysOf(v)) {
        // Only a key expression that exists but cannot be resolved; a default decided elsewhere
        // (a global cluster's members, an AMI's build) is shown by `kmslint keys`, not warned about.
        if (k.resolved.key.kind !== 'unknown' || !k.resolved.named) continue;
        ctx.report({
          resource: a.resource,
          at: k.resolved.at,
          key: k.resolved.key,
          keyPurpose: k.purpose,
          branch: v.branch,
          messageId: k.purpose === 'data' ? 'unresolved' : 'unresolvedSecondary',
          data: { resource: a.resource.id, purpose: k.purpose, reason: k.resolved.reason },
        });
      }
    });
  },
};
