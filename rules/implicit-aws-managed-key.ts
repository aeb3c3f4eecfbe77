import { createRule, forEachVariant, keysOf, NO_OPTIONS } from '../src/rule-kit/index.js';

export const rule = createRule({
  meta: {
    id: 'implicit-aws-managed-key',
    defaultSeverity: 'info',
    group: 'information',
    description: 'A resource silently falls back to an AWS managed key (alias/aws/<service>).',
    messages: {
      implicit: '{{resource}} falls back to the AWS managed key {{alias}}: {{reason}}; name a key to make the choice explicit',
      implicitSecondary: '{{resource}} ({{purpose}}) falls back to the AWS managed key {{alias}}: {{reason}}; name a key to make the choice explicit',
    },
    schema: NO_OPTIONS,
  },
  check(ctx) {
    forEachVariant(ctx.analysis, (a, v) => {
      for (const k of keysOf(v)) {
        const key = k.resolved.key;
        if (key.kind !== 'aws-managed' || key.origin !== 'implicit') continue;
        ctx.report({
          resource: a.resource,
          at: k.resolved.at,
          key,
          keyPurpose: k.purpose,
          branch: v.branch,
          messageId: k.purpose === 'data' ? 'implicit' : 'implicitSecondary',
          data: { resource: a.resource.id, purpose: k.purpose, alias: key.alias ?? '', reason: k.resolved.reason },
        });
      }
    });
  },
});
