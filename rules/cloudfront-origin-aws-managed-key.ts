import { awsManagedKeys, createRule, keyPhrase, NO_OPTIONS } from '../src/rule-kit/index.js';

export const rule = createRule({
  meta: {
    id: 'cloudfront-origin-aws-managed-key',
    defaultSeverity: 'error',
    group: 'misuse',
    description: 'An S3 bucket served through CloudFront (OAC/OAI) encrypts with alias/aws/s3, which CloudFront cannot decrypt.',
    messages: {
      origin:
        '{{bucket}} is the origin of CloudFront distribution {{distribution}} ({{access}}) but encrypts with {{key}}; ' +
        'CloudFront can read SSE-KMS objects only through OAC with a customer managed key whose policy allows cloudfront.amazonaws.com',
    },
    schema: NO_OPTIONS,
  },
  check(ctx) {
    // Each servesOrigin edge runs from the bucket to the distribution that reads it.
    for (const edge of ctx.relations.ofKind('servesOrigin')) {
      const [bucket, distribution] = [edge.from, edge.to];
      for (const { branch, key: k } of awsManagedKeys(ctx.analysis, bucket)) {
        ctx.report({
          resource: bucket,
          at: k.at,
          key: k.key,
          branch,
          counterpart: distribution.id,
          messageId: 'origin',
          data: { bucket: bucket.id, distribution: distribution.id, access: edge.access, key: keyPhrase(k) },
          related: [{ template: edge.template, at: edge.at, message: `origin of ${distribution.id}` }],
        });
      }
    }
  },
});
