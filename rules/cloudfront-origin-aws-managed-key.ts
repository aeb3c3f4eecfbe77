import { awsManagedKeys, type Rule } from '../src/engine/rule.js';
import { keyPhrase } from '../src/engine/phrases.js';

export const rule: Rule = {
  meta: {
    id: 'cloudfront-origin-aws-managed-key',
    defaultSeverity: 'error',
    group: 'misuse',
    description: 'An S3 bucket served through CloudFront (OAC/OAI) encrypts with alias/aws/s3, which CloudFront cannot decrypt.',
  },
  check(ctx) {
    for (const edge of ctx.sharing.origins) {
      for (const { branch, key: k } of awsManagedKeys(ctx.analysis, edge.bucket)) {
        ctx.report({
          resource: edge.bucket,
          at: k.at,
          key: k.key,
          branch,
          message:
            `${edge.bucket.id} is the origin of CloudFront distribution ${edge.distribution.id} (${edge.access}) but encrypts with ${keyPhrase(k)}; ` +
            `CloudFront can read SSE-KMS objects only through OAC with a customer managed key whose policy allows cloudfront.amazonaws.com`,
          related: [{ template: edge.template, at: edge.at, message: `origin of ${edge.distribution.id}` }],
        });
      }
    }
  },
};
