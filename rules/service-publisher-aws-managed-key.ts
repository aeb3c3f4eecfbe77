import { awsManagedKeys, type Rule } from '../src/engine/rule.js';
import { keyPhrase } from '../src/engine/phrases.js';

export const rule: Rule = {
  meta: {
    id: 'service-publisher-aws-managed-key',
    defaultSeverity: 'error',
    group: 'misuse',
    description: 'An SNS topic or SQS queue under its AWS managed key receives messages from an AWS service, which cannot use that key.',
  },
  check(ctx) {
    for (const edge of ctx.sharing.publishers) {
      for (const { branch, key: k } of awsManagedKeys(ctx.analysis, edge.target)) {
        ctx.report({
          resource: edge.target,
          at: k.at,
          key: k.key,
          branch,
          message:
            `${edge.target.id} receives messages from ${edge.publisher} but uses ${keyPhrase(k)}; ` +
            `the publishing service cannot use an AWS managed key, whose policy cannot be changed to admit it, so messages are lost — use a customer managed key that allows the service principal`,
          related: [{ template: edge.template, at: edge.at, message: `${edge.publisher} publishes here` }],
        });
      }
    }
  },
};
