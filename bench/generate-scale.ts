// Generated scale sets (issue 14). Two families:
// - speed-parse's generators (cloudFormationYaml, cloudFormationJson, terraformPlan and the command
//   line `tsx bench/generate-scale.ts <cfn-yaml|cfn-json|plan> <resources> <out-file>`): groups of
//   four resources (a key, a queue on it, a queue on an AWS managed key, a bucket without a key);
// - the bench's mixed sets (below), richer groups used by `npm run bench`.
// (The first family was restored from tsx's compile cache after the bench engineer overwrote the
// file by mistake; its comments were lost, its code is unchanged.)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const GROUP = 4;

export function cloudFormationYaml(resources: number): string {
  const out = ['AWSTemplateFormatVersion: "2010-09-09"', 'Description: generated scale template', 'Resources:'];
  for (let g = 0; g * GROUP < resources; g++) {
    out.push(
      `  Key${g}:`,
      '    Type: AWS::KMS::Key',
      '    Properties:',
      '      EnableKeyRotation: true',
      '      KeyPolicy:',
      '        Version: "2012-10-17"',
      '        Statement:',
      '          - Effect: Allow',
      '            Principal: { AWS: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:root" }',
      '            Action: kms:*',
      '            Resource: "*"',
      `  KeyedQueue${g}:`,
      '    Type: AWS::SQS::Queue',
      '    Properties:',
      `      KmsMasterKeyId: !GetAtt Key${g}.Arn`,
      `      QueueName: !Sub "keyed-\${AWS::StackName}-${g}"`,
      `  ManagedQueue${g}:`,
      '    Type: AWS::SQS::Queue',
      '    Properties:',
      '      KmsMasterKeyId: alias/aws/sqs',
      `  Bucket${g}:`,
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      Tags:',
      '        - Key: group',
      `          Value: "${g}"`,
    );
  }
  return out.join('\n') + '\n';
}

export function cloudFormationJson(resources: number): string {
  const body: Record<string, unknown> = {};
  for (let g = 0; g * GROUP < resources; g++) {
    body[`Key${g}`] = { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true, KeyPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' } }, Action: 'kms:*', Resource: '*' }] } } };
    body[`KeyedQueue${g}`] = { Type: 'AWS::SQS::Queue', Properties: { KmsMasterKeyId: { 'Fn::GetAtt': [`Key${g}`, 'Arn'] } } };
    body[`ManagedQueue${g}`] = { Type: 'AWS::SQS::Queue', Properties: { KmsMasterKeyId: 'alias/aws/sqs' } };
    body[`Bucket${g}`] = { Type: 'AWS::S3::Bucket', Properties: { Tags: [{ Key: 'group', Value: String(g) }] } };
  }
  return JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: body }, null, 2) + '\n';
}

export function terraformPlan(resources: number): string {
  const planned: unknown[] = [];
  const changes: unknown[] = [];
  const config: unknown[] = [];
  const add = (type: string, name: string, values: Record<string, unknown>, unknown: Record<string, boolean>, expressions: Record<string, unknown>) => {
    const address = `${type}.${name}`;
    planned.push({ address, mode: 'managed', type, name, provider_name: 'registry.terraform.io/hashicorp/aws', schema_version: 0, values, sensitive_values: {} });
    changes.push({ address, mode: 'managed', type, name, provider_name: 'registry.terraform.io/hashicorp/aws', change: { actions: ['create'], before: null, after: values, after_unknown: unknown, before_sensitive: false, after_sensitive: {} } });
    config.push({ address, mode: 'managed', type, name, provider_config_key: 'aws', expressions, schema_version: 0 });
  };
  for (let g = 0; g * GROUP < resources; g++) {
    add('aws_kms_key', `key_${g}`, { description: `key ${g}`, enable_key_rotation: true, deletion_window_in_days: 30, tags: null }, { arn: true, id: true, key_id: true, policy: true }, { description: { constant_value: `key ${g}` }, enable_key_rotation: { constant_value: true } });
    add('aws_sqs_queue', `keyed_${g}`, { name: `keyed-${g}`, delay_seconds: 0, tags: null }, { arn: true, id: true, kms_master_key_id: true, url: true }, { name: { constant_value: `keyed-${g}` }, kms_master_key_id: { references: [`aws_kms_key.key_${g}.arn`, `aws_kms_key.key_${g}`] } });
    add('aws_sqs_queue', `managed_${g}`, { name: `managed-${g}`, kms_master_key_id: 'alias/aws/sqs', delay_seconds: 0, tags: null }, { arn: true, id: true, url: true }, { name: { constant_value: `managed-${g}` }, kms_master_key_id: { constant_value: 'alias/aws/sqs' } });
    add('aws_sns_topic', `topic_${g}`, { name: `topic-${g}`, kms_master_key_id: null, tags: null }, { arn: true, id: true }, { name: { constant_value: `topic-${g}` } });
  }
  return JSON.stringify({ format_version: '1.2', terraform_version: '1.9.0', planned_values: { root_module: { resources: planned } }, resource_changes: changes, configuration: { provider_config: { aws: { name: 'aws', full_name: 'registry.terraform.io/hashicorp/aws' } }, root_module: { resources: config } } }) + '\n';
}

const GENERATORS: Record<string, (resources: number) => string> = { 'cfn-yaml': cloudFormationYaml, 'cfn-json': cloudFormationJson, plan: terraformPlan };

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [kind, count, file] = process.argv.slice(2);
  const make = GENERATORS[kind];
  if (!make || !/^\d+$/.test(count ?? '') || !file) {
    console.error(`usage: generate-scale.ts <${Object.keys(GENERATORS).join('|')}> <resources> <out-file>`);
    process.exit(2);
  }
  writeFileSync(file, make(Number(count)));
}

// The bench's mixed sets: large inputs that look like real estates, so
// analysis runs and not only parsing. Every group of resources mixes a customer key with a policy,
// resources on it through Ref / Fn::GetAtt, resources on an AWS managed key, resources with no key
// property at all and an IAM policy granting KMS actions. Each set has a half-size twin (linear cost).

const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';

/** CloudFormation resources of group `g`: ten resources, four of them with a finding to report. */
function cfnGroup(g: number): Record<string, unknown> {
  const key = `Key${g}`;
  return {
    [key]: {
      Type: 'AWS::KMS::Key',
      DeletionPolicy: 'Retain',
      Properties: {
        Description: `data key of service ${g}`,
        EnableKeyRotation: g % 7 !== 0,
        PendingWindowInDays: 30,
        KeyPolicy: {
          Version: '2012-10-17',
          Statement: [
            { Sid: 'Root', Effect: 'Allow', Principal: { AWS: { 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:root' } }, Action: 'kms:*', Resource: '*' },
            { Sid: 'Logs', Effect: 'Allow', Principal: { Service: { 'Fn::Sub': 'logs.${AWS::Region}.amazonaws.com' } }, Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:GenerateDataKey*'], Resource: '*' },
          ],
        },
      },
    },
    [`Alias${g}`]: { Type: 'AWS::KMS::Alias', Properties: { AliasName: `alias/service-${g}`, TargetKeyId: { Ref: key } } },
    [`Bucket${g}`]: {
      Type: 'AWS::S3::Bucket',
      Properties: {
        BucketName: `service-${g}-data`,
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [key, 'Arn'] } }, BucketKeyEnabled: true }] },
        Tags: [{ Key: 'team', Value: `team-${g % 40}` }],
      },
    },
    [`Queue${g}`]: { Type: 'AWS::SQS::Queue', Properties: { QueueName: `service-${g}-jobs`, KmsMasterKeyId: { Ref: key }, VisibilityTimeout: 60 } },
    // AWS managed key named by alias: a finding.
    [`Topic${g}`]: { Type: 'AWS::SNS::Topic', Properties: { TopicName: `service-${g}-events`, KmsMasterKeyId: 'alias/aws/sns' } },
    // No key property: falls back to an AWS owned / managed key.
    [`Table${g}`]: {
      Type: 'AWS::DynamoDB::Table',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        ...(g % 2 ? { SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { Ref: key } } } : {}),
      },
    },
    [`Logs${g}`]: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: `/service/${g}`, RetentionInDays: 30, KmsKeyId: { 'Fn::GetAtt': [key, 'Arn'] } } },
    [`Volume${g}`]: { Type: 'AWS::EC2::Volume', Properties: { AvailabilityZone: `${REGION}a`, Size: 20, Encrypted: true } },
    [`Secret${g}`]: { Type: 'AWS::SecretsManager::Secret', Properties: { Name: `service-${g}/db`, GenerateSecretString: { PasswordLength: 32 } } },
    [`Policy${g}`]: {
      Type: 'AWS::IAM::ManagedPolicy',
      Properties: {
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: { 'Fn::GetAtt': [key, 'Arn'] } },
            { Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: { 'Fn::GetAtt': [`Queue${g}`, 'Arn'] } },
          ],
        },
      },
    },
  };
}

const CFN_GROUP_SIZE = 10;

/** A CloudFormation template object with `resources` resources (rounded up to whole groups). */
export function mixedCloudFormation(resources: number, firstGroup = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let g = firstGroup; g < firstGroup + Math.ceil(resources / CFN_GROUP_SIZE); g++) Object.assign(out, cfnGroup(g));
  return { AWSTemplateFormatVersion: '2010-09-09', Description: `generated: ${resources} resources`, Resources: out };
}

/** Block-style YAML of plain JSON data (strings quoted as JSON, which is valid YAML). */
export function toYaml(value: unknown, indent = ''): string {
  const lines: string[] = [];
  // Plain scalars where YAML 1.1 reads them back as the same string, as hand-written templates do.
  const plain = (v: string) => /^[A-Za-z/][\w/.:*-]*$/.test(v) && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(v);
  const scalar = (v: unknown) => (typeof v === 'string' ? (plain(v) ? v : JSON.stringify(v)) : String(v));
  const emit = (v: unknown, pad: string, lead: string) => {
    if (Array.isArray(v)) {
      if (v.length === 0) return void lines.push(`${lead}[]`);
      if (lead.trim()) lines.push(lead.trimEnd());
      for (const item of v) {
        if (item !== null && typeof item === 'object') emitObject(item as Record<string, unknown>, pad + '  ', `${pad}- `);
        else lines.push(`${pad}- ${scalar(item)}`);
      }
    } else if (v !== null && typeof v === 'object') {
      if (lead.trim()) lines.push(lead.trimEnd());
      emitObject(v as Record<string, unknown>, pad, pad);
    } else lines.push(`${lead}${scalar(v)}`);
  };
  const emitObject = (o: Record<string, unknown>, pad: string, firstLead: string) => {
    let lead = firstLead;
    for (const [k, v] of Object.entries(o)) {
      const head = `${lead}${k}: `;
      if (v !== null && typeof v === 'object' && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0)) emit(v, pad + '  ', head);
      else emit(v, pad + '  ', head);
      lead = pad;
    }
  };
  emit(value, indent, indent);
  return lines.join('\n') + '\n';
}

export function writeCloudFormationTemplate(path: string, resources: number): number {
  const template = mixedCloudFormation(resources);
  const text = path.endsWith('.json') ? JSON.stringify(template, null, 1) : toYaml(template);
  writeFileSync(path, text);
  return text.length;
}

/** `templates` small templates (20 resources each, YAML and JSON alternating) in 100-file folders. */
export function writeMonorepo(dir: string, templates: number): number {
  let bytes = 0;
  for (let t = 0; t < templates; t++) {
    const sub = join(dir, `service-${Math.floor(t / 100)}`);
    if (t % 100 === 0) mkdirSync(sub, { recursive: true });
    const template = mixedCloudFormation(20, 2 * t);
    const json = t % 2 === 1;
    const text = json ? JSON.stringify(template, null, 2) : toYaml(template);
    writeFileSync(join(sub, `stack-${t}.${json ? 'json' : 'yaml'}`), text);
    bytes += text.length;
  }
  return bytes;
}

interface PlanResource {
  address: string;
  type: string;
  name: string;
  values: Record<string, unknown>;
  /** Configuration expressions (references to other resources). */
  expressions: Record<string, unknown>;
  unknown?: Record<string, boolean>;
}

const tags = (g: number) => ({ team: `team-${g % 40}`, environment: g % 3 ? 'production' : 'staging' });
const keyArn = (g: number) => `arn:aws:kms:${REGION}:${ACCOUNT}:key/${String(g).padStart(8, '0')}-1111-2222-3333-444455556666`;

/** Terraform resources of group `g`: five resources (key, two on it, one on an AWS managed key, one without). */
function planGroup(g: number): PlanResource[] {
  const key = `aws_kms_key.k${g}`;
  const ref = (attr: string) => ({ references: [`${key}.${attr}`, key] });
  const policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Root', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' },
      { Sid: 'Logs', Effect: 'Allow', Principal: { Service: `logs.${REGION}.amazonaws.com` }, Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:GenerateDataKey*'], Resource: '*' },
    ],
  });
  return [
    {
      address: key,
      type: 'aws_kms_key',
      name: `k${g}`,
      values: { description: `data key of service ${g}`, enable_key_rotation: g % 7 !== 0, deletion_window_in_days: 30, key_usage: 'ENCRYPT_DECRYPT', customer_master_key_spec: 'SYMMETRIC_DEFAULT', is_enabled: true, multi_region: false, policy, tags: tags(g) },
      expressions: { description: { constant_value: `data key of service ${g}` }, enable_key_rotation: { constant_value: g % 7 !== 0 } },
      unknown: { arn: true, id: true, key_id: true },
    },
    {
      address: `aws_sqs_queue.jobs${g}`,
      type: 'aws_sqs_queue',
      name: `jobs${g}`,
      values: { name: `service-${g}-jobs`, kms_data_key_reuse_period_seconds: 300, visibility_timeout_seconds: 60, message_retention_seconds: 345600, tags: tags(g) },
      expressions: { name: { constant_value: `service-${g}-jobs` }, kms_master_key_id: ref('arn') },
      unknown: { arn: true, id: true, kms_master_key_id: true, url: true },
    },
    {
      address: `aws_cloudwatch_log_group.logs${g}`,
      type: 'aws_cloudwatch_log_group',
      name: `logs${g}`,
      // Half the groups carry the key as a known ARN (an imported key), half through a reference.
      values: { name: `/service/${g}`, retention_in_days: 30, skip_destroy: false, ...(g % 2 ? { kms_key_id: keyArn(g) } : {}), tags: tags(g) },
      expressions: { name: { constant_value: `/service/${g}` }, ...(g % 2 ? {} : { kms_key_id: ref('arn') }) },
      unknown: { arn: true, id: true, ...(g % 2 ? {} : { kms_key_id: true }) },
    },
    {
      address: `aws_sns_topic.events${g}`,
      type: 'aws_sns_topic',
      name: `events${g}`,
      values: { name: `service-${g}-events`, kms_master_key_id: 'alias/aws/sns', fifo_topic: false, tags: tags(g) },
      expressions: { name: { constant_value: `service-${g}-events` }, kms_master_key_id: { constant_value: 'alias/aws/sns' } },
      unknown: { arn: true, id: true },
    },
    {
      address: `aws_ebs_volume.data${g}`,
      type: 'aws_ebs_volume',
      name: `data${g}`,
      values: { availability_zone: `${REGION}a`, size: 20, type: 'gp3', encrypted: true, tags: tags(g) },
      expressions: { availability_zone: { constant_value: `${REGION}a` }, size: { constant_value: 20 }, encrypted: { constant_value: true } },
      unknown: { arn: true, id: true, kms_key_id: true },
    },
  ];
}

/** A Terraform plan (`terraform show -json`) with `resources` resources: planned values, changes, configuration. */
export function mixedTerraformPlan(resources: number): Record<string, unknown> {
  const all: PlanResource[] = [];
  for (let g = 0; all.length < resources; g++) all.push(...planGroup(g));
  all.length = resources;
  return {
    format_version: '1.2',
    terraform_version: '1.9.0',
    planned_values: { root_module: { resources: all.map((r) => ({ address: r.address, mode: 'managed', type: r.type, name: r.name, provider_name: 'registry.terraform.io/hashicorp/aws', schema_version: 0, values: r.values, sensitive_values: { tags: {} } })) } },
    resource_changes: all.map((r) => ({
      address: r.address,
      mode: 'managed',
      type: r.type,
      name: r.name,
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: { actions: ['create'], before: null, after: r.values, after_unknown: r.unknown ?? {}, before_sensitive: false, after_sensitive: { tags: {} } },
    })),
    configuration: {
      provider_config: { aws: { name: 'aws', full_name: 'registry.terraform.io/hashicorp/aws', expressions: { region: { constant_value: REGION } } } },
      root_module: { resources: all.map((r) => ({ address: r.address, mode: 'managed', type: r.type, name: r.name, provider_config_key: 'aws', expressions: r.expressions, schema_version: 0 })) },
    },
  };
}

export function writeTerraformPlan(path: string, resources: number): number {
  const text = JSON.stringify(mixedTerraformPlan(resources));
  writeFileSync(path, text);
  return text.length;
}
