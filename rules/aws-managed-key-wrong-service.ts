import type { Rule } from '../src/engine/rule.js';
import { forEachVariant } from '../src/engine/rule.js';

export const rule: Rule = {
  meta: {
    id: 'aws-managed-key-wrong-service',
    defaultSeverity: 'error',
    group: 'misuse',
    description: "A resource names the AWS managed key of another service; each AWS managed key works only for its own service.",
  },
  check(ctx) {
    forEachVariant(ctx.analysis, (a, v) => {
      for (const k of [{ purpose: 'data', resolved: v.primary }, ...v.secondary]) {
        const key = k.resolved.key;
        if (key.kind !== 'aws-managed' || key.origin !== 'explicit' || !key.alias) continue;
        if (k.resolved.aliasKnown === false) continue; // the catalog does not know this service's alias
        const expected = k.resolved.expectedAlias;
        if (expected === key.alias) continue;
        const what = k.purpose === 'data' ? '' : ` for its ${k.purpose} key`;
        ctx.report({
          resource: a.resource,
          at: k.resolved.at,
          key,
          branch: v.branch,
          message: expected
            ? `${a.resource.id} names ${key.alias}${what}, the AWS managed key of another service; its policy admits only requests through that service (kms:ViaService), so use ${expected} or a customer managed key`
            : `${a.resource.id} names ${key.alias}${what}, but ${a.resource.type} has no AWS managed key of its own and that key admits only requests through its own service — use a customer managed key`,
        });
      }
    });
  },
};
