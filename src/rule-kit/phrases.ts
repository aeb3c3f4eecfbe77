// Shared wording for rule messages, so every rule names keys the same way.
import type { ResolvedKey } from '../model/types.js';

/** "the AWS managed key alias/aws/s3 (implicit: SSEAlgorithm is aws:kms and KMSMasterKeyID is absent)" */
export function keyPhrase(k: ResolvedKey): string {
  const key = k.key;
  switch (key.kind) {
    case 'aws-managed':
      return key.origin === 'implicit'
        ? `the AWS managed key ${key.alias} (implicit: ${stripConsequence(k.reason)})`
        : `the AWS managed key ${key.alias} (named explicitly)`;
    case 'customer-managed':
      return `the customer managed key ${key.keyRef ?? ''}`.trim();
    case 'aws-owned':
      return 'a key owned by the service, not by the account';
    case 'none':
      return 'no KMS encryption at rest';
    case 'unknown':
      return 'a key kmslint could not resolve';
  }
}

/** "X is true and Y is absent, so RDS uses alias/aws/rds" → "X is true and Y is absent" */
function stripConsequence(reason: string): string {
  const i = reason.lastIndexOf(', so ');
  return i === -1 ? reason : reason.slice(0, i);
}

export function label(resourceId: string, constructPath?: string): string {
  return constructPath ? `${resourceId} (${constructPath})` : resourceId;
}
