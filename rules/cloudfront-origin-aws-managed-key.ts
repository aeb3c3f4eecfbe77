import { awsManagedKeys, type Rule } from '../src/engine/rule.js';
import { keyPhrase } from '../src/engine/phrases.js';

export const rule: Rule = {
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
  },
  check(ctx) {
    for (const edge of ctx.sharing.origins) {
      for (const { branch, key: k } of awsManagedKeys(ctx.analysis, edge.bucket)) {
        ctx.report({
          resource: edge.bucket,
          at: k.at,
          key: k.key,
          branch,
          counterpart: edge.distribution.id,
          messageId: 'origin',
          data: { bucket: edge.bucket.id, distribution: edge.distribution.id, access: edge.access, key: keyPhrase(k) },
          related: [{ template: edge.template, at: edge.at, message: `origin of ${edge.distribution.id}` }],
        });
      }
    }
  },
};
