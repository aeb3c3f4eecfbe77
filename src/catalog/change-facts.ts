// What a change does that the CloudFormation resource database does not say (it marks none of these
// as replacing): properties that cannot change on an existing resource. `kmslint diff` adds them to
// the impact `@aws-cdk/cloudformation-diff` computes. Terraform plans need no such table: the plan
// itself says which attributes force a replacement (`replace_paths`, delete + create actions).

export interface ImmutableProperties {
  cfnType: string;
  properties: readonly string[];
  /** What CloudFormation does when one changes. */
  effect: 'fails';
  source: string;
}

const IMMUTABLE_PROPERTIES: readonly ImmutableProperties[] = [
  {
    // "If you change the value of the KeySpec/KeyUsage/Origin/MultiRegion property on an existing
    // KMS key, the update request fails, regardless of the value of the UpdateReplacePolicy attribute."
    cfnType: 'AWS::KMS::Key',
    properties: ['KeySpec', 'KeyUsage', 'Origin', 'MultiRegion'],
    effect: 'fails',
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-kms-key.html',
  },
];

export function immutableProperties(cfnType: string): readonly string[] {
  return IMMUTABLE_PROPERTIES.find((p) => p.cfnType === cfnType)?.properties ?? [];
}
