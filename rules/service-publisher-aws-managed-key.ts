import { awsManagedKeys, createRule, keyPhrase, NO_OPTIONS } from '../src/rule-kit/index.js';

export const rule = createRule({
  meta: {
    id: 'service-publisher-aws-managed-key',
    defaultSeverity: 'error',
    group: 'misuse',
    description: 'An SNS topic or SQS queue under its AWS managed key receives messages from an AWS service, which cannot use that key.',
    messages: {
      publisher:
        '{{target}} receives messages from {{publisher}} but uses {{key}}; ' +
        'the publishing service cannot use an AWS managed key, whose policy cannot be changed to admit it, so messages are lost — use a customer managed key that allows the service principal',
    },
    schema: NO_OPTIONS,
  },
  check(ctx) {
    for (const edge of ctx.relations.ofKind('publishesTo')) {
      for (const { branch, key: k } of awsManagedKeys(ctx.analysis, edge.to)) {
        ctx.report({
          resource: edge.to,
          at: k.at,
          key: k.key,
          branch,
          // The publishing resource (rule, alarm, bucket, subscription) is the counterpart.
          counterpart: `${edge.identifiedBy.template.stack}/${edge.identifiedBy.id}`,
          messageId: 'publisher',
          data: { target: edge.to.id, publisher: edge.publisher, key: keyPhrase(k) },
          related: [{ template: edge.template, at: edge.at, message: `${edge.publisher} publishes here` }],
        });
      }
    }
  },
});
