import { awsManagedKeys, type Rule } from '../src/engine/rule.js';
import { keyPhrase } from '../src/engine/phrases.js';

export const rule: Rule = {
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
  },
  check(ctx) {
    for (const edge of ctx.sharing.publishers) {
      for (const { branch, key: k } of awsManagedKeys(ctx.analysis, edge.target)) {
        ctx.report({
          resource: edge.target,
          at: k.at,
          key: k.key,
          branch,
          // The publishing resource (rule, alarm, bucket, subscription) is the counterpart.
          counterpart: `${edge.source.template.stack}/${edge.source.id}`,
          messageId: 'publisher',
          data: { target: edge.target.id, publisher: edge.publisher, key: keyPhrase(k) },
          related: [{ template: edge.template, at: edge.at, message: `${edge.publisher} publishes here` }],
        });
      }
    }
  },
};
