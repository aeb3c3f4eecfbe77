import type { Rule } from '../src/engine/rule.js';
import { forEachVariant } from '../src/engine/rule.js';

export const rule: Rule = {
  meta: {
    id: 'implicit-aws-managed-key',
    defaultSeverity: 'info',
    group: 'information',
    description: 'A resource silently falls back to an AWS managed key (alias/aws/<service>).',
  },
  check(ctx) {
    forEachVariant(ctx.analysis, (a, v) => {
      for (const k of [{ purpose: 'data', resolved: v.primary }, ...v.secondary]) {
        const key = k.resolved.key;
        if (key.kind !== 'aws-managed' || key.origin !== 'implicit') continue;
        ctx.report({
          resource: a.resource,
          at: k.resolved.at,
          key,
          branch: v.branch,
          message: `${a.resource.id}${k.purpose === 'data' ? '' : ` (${k.purpose})`} falls back to the AWS managed key ${key.alias}: ${k.resolved.reason}; name a key to make the choice explicit`,
        });
      }
    });
  },
};
