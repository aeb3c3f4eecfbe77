import { awsManagedKeys, createRule, keyPhrase, NO_OPTIONS } from '../src/rule-kit/index.js';

export const rule = createRule({
  meta: {
    id: 'cloudfront-logs-aws-managed-key',
    defaultSeverity: 'error',
    group: 'misuse',
    description: 'An S3 bucket that receives CloudFront standard access logs encrypts with alias/aws/s3, which CloudFront cannot use to write them.',
    messages: {
      logs:
        '{{bucket}} receives the standard access logs of CloudFront distribution {{distribution}} but encrypts with {{key}}; ' +
        'CloudFront writes logs into an SSE-KMS bucket only with a customer managed key whose policy allows it, and the policy of an AWS managed key cannot be changed, so the logs are not delivered',
    },
    schema: NO_OPTIONS,
  },
  check(ctx) {
    // A logsTo edge runs from the distribution to the bucket its logs go to.
    for (const edge of ctx.relations.ofKind('logsTo')) {
      const [distribution, bucket] = [edge.from, edge.to];
      for (const { branch, key: k } of awsManagedKeys(ctx.analysis, bucket)) {
        ctx.report({
          resource: bucket,
          at: k.at,
          key: k.key,
          branch,
          counterpart: `${distribution.template.stack}/${distribution.id}`,
          messageId: 'logs',
          data: { bucket: bucket.id, distribution: distribution.id, key: keyPhrase(k) },
          related: [{ template: edge.template, at: edge.at, message: `${edge.via} of ${distribution.id} writes here` }],
        });
      }
    }
  },
});
