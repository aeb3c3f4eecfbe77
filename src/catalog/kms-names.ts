// How AWS spells the keys it manages: `alias/aws/<service>`, as an alias name or inside an alias ARN.
// Source: https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#aws-managed-key
// (AWS managed keys have aliases of the form aws/<service-name>); alias ARNs:
// https://docs.aws.amazon.com/kms/latest/developerguide/alias-about.html

const AWS_MANAGED_ALIAS = /^alias\/aws\/([A-Za-z0-9_/-]+)$/;
/** `arn:<partition>:kms:<region>:<account>:key/<id>` or `…:alias/<name>`. */
export const KMS_ARN = /^arn:([^:]*):kms:([^:]*):([^:]*):(key|alias)\/(.+)$/;

/** An AWS managed alias in any of its spellings (`alias/aws/s3`, alias ARN), or undefined. */
export function awsManagedAlias(text: string): string | undefined {
  if (AWS_MANAGED_ALIAS.test(text)) return text;
  const arn = KMS_ARN.exec(text);
  if (arn && arn[4] === 'alias' && arn[5].startsWith('aws/')) return `alias/${arn[5]}`;
  return undefined;
}
