import { createRule, forEachVariant, keysOf, NO_OPTIONS } from '../src/rule-kit/index.js';

export const rule = createRule({
  meta: {
    id: 'aws-managed-key-wrong-service',
    defaultSeverity: 'error',
    group: 'misuse',
    description: "A resource names the AWS managed key of another service; each AWS managed key works only for its own service.",
    messages: {
      otherService:
        '{{resource}} names {{alias}}{{forKey}}, the AWS managed key of another service; its policy admits only requests through that service (kms:ViaService), so use {{expected}} or a customer managed key',
      noManagedKey:
        '{{resource}} names {{alias}}{{forKey}}, but {{type}} has no AWS managed key of its own and that key admits only requests through its own service — use a customer managed key',
    },
    schema: NO_OPTIONS,
  },
  check(ctx) {
    forEachVariant(ctx.analysis, (a, v) => {
      for (const k of keysOf(v)) {
        const key = k.resolved.key;
        if (key.kind !== 'aws-managed' || key.origin !== 'explicit' || !key.alias) continue;
        if (k.resolved.aliasKnown === false) continue; // the catalog does not know this service's alias
        const expected = k.resolved.expectedAlias;
        if (expected === key.alias) continue;
        ctx.report({
          resource: a.resource,
          at: k.resolved.at,
          key,
          keyPurpose: k.purpose,
          branch: v.branch,
          messageId: expected ? 'otherService' : 'noManagedKey',
          data: {
            resource: a.resource.id,
            type: a.resource.type,
            alias: key.alias,
            forKey: k.purpose === 'data' ? '' : ` for its ${k.purpose} key`,
            expected: expected ?? '',
          },
        });
      }
    });
  },
});
