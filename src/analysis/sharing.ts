// Built once per input set: the edges by which a resource is shared with other principals, the edges
// by which AWS services publish into a topic or queue, and CloudFront origins. Data tables describe
// where each edge is written; one walker reads them all.
import type { DocPath, Resource, Template } from '../model/types.js';
import type { Analysis } from './analyse.js';
import type { Evaluator, Located } from './evaluate.js';
import { getPath } from './effective-key.js';
import { tagsOf } from './tags.js';
import { accessPointDelegation, policyGrants, scopeOfText, scopeOfValue, withoutPseudoColons, type PrincipalScope } from './principals.js';
import { scalarText } from '../util/bounded.js';
import { own } from '../util/objects.js';

export interface SharingEdge {
  /** The shared resource (bucket, queue, …). */
  target: Resource;
  /** What shares it: "bucket policy BucketPolicy", "RAM share Share". */
  via: string;
  scope: PrincipalScope;
  template: Template;
  at: DocPath;
  /** Whether the AWS fact that an AWS managed key breaks this is documented ('yes') or derived ('may'). */
  certainty: 'yes' | 'may';
  /** Which key of the target matters: the primary data key unless named (S3 replication: `replica`). */
  keyPurpose?: string;
}

export interface PublisherEdge {
  /** The topic or queue that receives. */
  target: Resource;
  /** "EventBridge rule OrderRule", "S3 event notification of bucket Uploads". */
  publisher: string;
  /** The resource that publishes (the rule of a Terraform event target): the finding's counterpart. */
  source: Resource;
  template: Template;
  at: DocPath;
}

export interface OriginEdge {
  bucket: Resource;
  distribution: Resource;
  access: 'OAC' | 'OAI';
  template: Template;
  at: DocPath;
}

export interface SharingModel {
  sharing: SharingEdge[];
  publishers: PublisherEdge[];
  origins: OriginEdge[];
}

/** Resource types where sharing with another account fails under an AWS managed key (kms-facts §5). */
const CROSS_ACCOUNT_CERTAINTY: Record<string, 'yes' | 'may'> = {
  'AWS::S3::Bucket': 'yes',
  aws_s3_bucket: 'yes',
  'AWS::SQS::Queue': 'yes',
  aws_sqs_queue: 'yes',
  'AWS::SNS::Topic': 'yes',
  aws_sns_topic: 'yes',
  'AWS::SecretsManager::Secret': 'yes',
  aws_secretsmanager_secret: 'yes',
  'AWS::DynamoDB::Table': 'yes',
  aws_dynamodb_table: 'yes',
  'AWS::Kinesis::Stream': 'may',
  aws_kinesis_stream: 'may',
  'AWS::RDS::DBCluster': 'may',
  'AWS::RDS::DBInstance': 'may',
  'AWS::ImageBuilder::DistributionConfiguration': 'yes',
  aws_imagebuilder_distribution_configuration: 'yes',
  'AWS::EC2::Volume': 'yes',
  'AWS::Backup::BackupVault': 'may',
  aws_backup_vault: 'may',
};

/** Policy resources (and inline policy properties) that grant access to a target. */
interface PolicyCarrier {
  type: string;
  via: string;
  policy: string;
  /** Path to the target reference(s); absent when the policy is inline on the target itself. */
  targets?: string;
}

const POLICY_CARRIERS: readonly PolicyCarrier[] = [
  { type: 'AWS::S3::BucketPolicy', via: 'bucket policy', policy: 'PolicyDocument', targets: 'Bucket' },
  { type: 'AWS::SQS::QueuePolicy', via: 'queue policy', policy: 'PolicyDocument', targets: 'Queues[]' },
  { type: 'AWS::SQS::QueueInlinePolicy', via: 'queue policy', policy: 'PolicyDocument', targets: 'Queue' },
  { type: 'AWS::SNS::TopicPolicy', via: 'topic policy', policy: 'PolicyDocument', targets: 'Topics[]' },
  { type: 'AWS::SNS::TopicInlinePolicy', via: 'topic policy', policy: 'PolicyDocument', targets: 'TopicArn' },
  { type: 'AWS::SecretsManager::ResourcePolicy', via: 'secret resource policy', policy: 'ResourcePolicy', targets: 'SecretId' },
  { type: 'AWS::Kinesis::ResourcePolicy', via: 'stream resource policy', policy: 'ResourcePolicy', targets: 'ResourceArn' },
  { type: 'AWS::DynamoDB::Table', via: 'table resource policy', policy: 'ResourcePolicy.PolicyDocument' },
  { type: 'aws_s3_bucket_policy', via: 'bucket policy', policy: 'policy', targets: 'bucket' },
  { type: 'aws_s3_bucket', via: 'inline bucket policy', policy: 'policy' },
  { type: 'aws_sqs_queue_policy', via: 'queue policy', policy: 'policy', targets: 'queue_url' },
  { type: 'aws_sqs_queue', via: 'inline queue policy', policy: 'policy' },
  { type: 'aws_sns_topic_policy', via: 'topic policy', policy: 'policy', targets: 'arn' },
  { type: 'aws_sns_topic', via: 'inline topic policy', policy: 'policy' },
  { type: 'aws_secretsmanager_secret_policy', via: 'secret resource policy', policy: 'policy', targets: 'secret_arn' },
  { type: 'aws_dynamodb_resource_policy', via: 'table resource policy', policy: 'policy', targets: 'resource_arn' },
  { type: 'aws_kinesis_resource_policy', via: 'stream resource policy', policy: 'policy', targets: 'resource_arn' },
];

/** Places where an account list shares the resource itself (AMI launch permissions) or a related one. */
interface AccountListCarrier {
  type: string;
  via: string;
  /** Scope list, then the account-valued path inside each element (or '' for the element itself). */
  list: string;
  kind: 'account' | 'organization';
}

const ACCOUNT_LISTS: readonly AccountListCarrier[] = [
  { type: 'AWS::ImageBuilder::DistributionConfiguration', via: 'AMI launch permission', list: 'Distributions[].AmiDistributionConfiguration.LaunchPermissionConfiguration.UserIds[]', kind: 'account' },
  { type: 'AWS::ImageBuilder::DistributionConfiguration', via: 'AMI launch permission', list: 'Distributions[].AmiDistributionConfiguration.LaunchPermissionConfiguration.OrganizationArns[]', kind: 'organization' },
  { type: 'AWS::ImageBuilder::DistributionConfiguration', via: 'AMI launch permission', list: 'Distributions[].AmiDistributionConfiguration.LaunchPermissionConfiguration.OrganizationalUnitArns[]', kind: 'organization' },
  { type: 'AWS::ImageBuilder::DistributionConfiguration', via: 'AMI copy to account', list: 'Distributions[].AmiDistributionConfiguration.TargetAccountIds[]', kind: 'account' },
];

/** Where an AWS service publishes into a topic or queue. */
interface PublisherSite {
  type: string;
  publisher: string;
  /** Path to the target reference(s); `[]` steps into lists. */
  target: string;
  /** Only when this sibling (relative to the list element) has one of these values. */
  when?: { path: string; equals: string[] };
  /** What the target is to the publisher, when not its plain destination: "dead-letter queue". */
  role?: string;
  /**
   * Path to the resource that publishes, when it is not the one holding the site: a Terraform
   * event target is part of its rule, so every target of one rule is the same counterpart.
   */
  publishedBy?: string;
}

const PUBLISHER_SITES: readonly PublisherSite[] = [
  { type: 'AWS::Events::Rule', publisher: 'EventBridge rule', target: 'Targets[].Arn' },
  // EventBridge itself sends undeliverable events to a target's (or a bus's) dead-letter queue.
  { type: 'AWS::Events::Rule', publisher: 'EventBridge rule', target: 'Targets[].DeadLetterConfig.Arn', role: 'dead-letter queue' },
  { type: 'AWS::Events::EventBus', publisher: 'EventBridge event bus', target: 'DeadLetterConfig.Arn', role: 'dead-letter queue' },
  { type: 'AWS::S3::Bucket', publisher: 'S3 event notification of bucket', target: 'NotificationConfiguration.TopicConfigurations[].Topic' },
  { type: 'AWS::S3::Bucket', publisher: 'S3 event notification of bucket', target: 'NotificationConfiguration.QueueConfigurations[].Queue' },
  { type: 'AWS::CloudWatch::Alarm', publisher: 'CloudWatch alarm', target: 'AlarmActions[]' },
  { type: 'AWS::CloudWatch::Alarm', publisher: 'CloudWatch alarm', target: 'OKActions[]' },
  { type: 'AWS::CloudWatch::Alarm', publisher: 'CloudWatch alarm', target: 'InsufficientDataActions[]' },
  { type: 'AWS::CloudWatch::CompositeAlarm', publisher: 'CloudWatch composite alarm', target: 'AlarmActions[]' },
  { type: 'AWS::SNS::Subscription', publisher: 'SNS subscription', target: 'Endpoint', when: { path: 'Protocol', equals: ['sqs'] } },
  { type: 'AWS::SNS::Topic', publisher: 'SNS subscription of topic', target: 'Subscription[].Endpoint', when: { path: 'Protocol', equals: ['sqs'] } },
  { type: 'AWS::CodeStarNotifications::NotificationRule', publisher: 'CodeStar notification rule', target: 'Targets[].TargetAddress' },
  { type: 'AWS::RDS::EventSubscription', publisher: 'RDS event subscription', target: 'SnsTopicArn' },
  { type: 'AWS::DMS::EventSubscription', publisher: 'DMS event subscription', target: 'SnsTopicArn' },
  { type: 'AWS::Config::DeliveryChannel', publisher: 'AWS Config delivery channel', target: 'SnsTopicARN' },
  { type: 'AWS::Backup::BackupVault', publisher: 'AWS Backup vault notifications of', target: 'Notifications.SNSTopicArn' },
  // CDK's bucket.addEventNotification() writes a custom resource with the same configuration.
  { type: 'Custom::S3BucketNotifications', publisher: 'S3 event notification (CDK)', target: 'NotificationConfiguration.TopicConfigurations[].TopicArn' },
  { type: 'Custom::S3BucketNotifications', publisher: 'S3 event notification (CDK)', target: 'NotificationConfiguration.QueueConfigurations[].QueueArn' },
  { type: 'aws_cloudwatch_event_target', publisher: 'EventBridge rule', target: 'arn', publishedBy: 'rule' },
  { type: 'aws_cloudwatch_event_target', publisher: 'EventBridge rule', target: 'dead_letter_config[].arn', role: 'dead-letter queue', publishedBy: 'rule' },
  { type: 'aws_cloudwatch_event_bus', publisher: 'EventBridge event bus', target: 'dead_letter_config[].arn', role: 'dead-letter queue' },
  { type: 'aws_s3_bucket_notification', publisher: 'S3 event notification', target: 'topic[].topic_arn' },
  { type: 'aws_s3_bucket_notification', publisher: 'S3 event notification', target: 'queue[].queue_arn' },
  { type: 'aws_cloudwatch_metric_alarm', publisher: 'CloudWatch alarm', target: 'alarm_actions[]' },
  { type: 'aws_cloudwatch_metric_alarm', publisher: 'CloudWatch alarm', target: 'ok_actions[]' },
  { type: 'aws_cloudwatch_metric_alarm', publisher: 'CloudWatch alarm', target: 'insufficient_data_actions[]' },
  { type: 'aws_sns_topic_subscription', publisher: 'SNS subscription', target: 'endpoint', when: { path: 'protocol', equals: ['sqs'] } },
  { type: 'aws_db_event_subscription', publisher: 'RDS event subscription', target: 'sns_topic' },
];

const TOPIC_OR_QUEUE = new Set(['AWS::SNS::Topic', 'AWS::SQS::Queue', 'aws_sns_topic', 'aws_sqs_queue']);
const BUCKET = new Set(['AWS::S3::Bucket', 'aws_s3_bucket']);

export function buildSharingModel(analysis: Analysis): SharingModel {
  const model: SharingModel = { sharing: [], publishers: [], origins: [] };
  for (const template of analysis.templates) {
    const ev = analysis.evaluatorFor(template);
    const delegating = delegatingBuckets(template, ev);
    for (const r of template.resources) {
      const root: Located = { value: r.properties ?? {}, path: r.propertiesPath };
      const marks = [model.sharing.length, model.publishers.length, model.origins.length];
      try {
        policyEdges(r, root, ev, model);
        accountListEdges(r, root, ev, model);
        replicationEdges(r, root, ev, model);
        ramEdges(r, root, ev, model);
        backupEdges(r, root, ev, model);
        subscriptionEdges(r, root, ev, model);
        snapshotShareEdges(r, root, ev, model);
        publisherEdges(r, root, ev, model);
        originEdges(r, root, ev, model);
        accessPointEdges(r, root, ev, delegating, model);
      } catch (error) {
        // Drop this resource's partial edges; the analysis' failures become internal-error findings.
        [model.sharing.length, model.publishers.length, model.origins.length] = marks;
        analysis.failures.push({ stage: 'sharing', template, resource: r, error });
      }
    }
  }
  return model;
}

/** Every located value at a catalog-style path, stepping into every element of each `[]`. */
export function allAt(ev: Evaluator, from: Located, path: string): Located[] {
  let current: Located[] = [from];
  for (const raw of path.split('.')) {
    const list = raw.endsWith('[]');
    const key = list ? raw.slice(0, -2) : raw;
    const next: Located[] = [];
    for (const c of current) {
      const child = key ? ev.child(c, key) : ev.settle(c);
      if (!child) continue;
      if (list) {
        if (Array.isArray(child.value)) next.push(...ev.elements(child));
        else next.push(child);
      } else next.push(child);
    }
    current = next;
  }
  return current;
}

/** The resource a reference points at (Ref/GetAtt/ARN in a string), within the input set. */
export function referencedResource(value: unknown, ev: Evaluator): Resource | undefined {
  const v = ev.resolve(value);
  if (v.kind === 'resource') return v.template.resourcesById.get(v.id);
  if (v.kind === 'literal' && typeof v.value === 'string') {
    const m = /^\$\{([A-Za-z0-9_.[\]"-]+?)(?:\.([A-Za-z0-9_]+))?\}$/.exec(v.value);
    if (m) return ev.template.resourcesById.get(m[1]);
  }
  return undefined;
}

function policyEdges(r: Resource, root: Located, ev: Evaluator, model: SharingModel): void {
  for (const carrier of POLICY_CARRIERS) {
    if (carrier.type !== r.type) continue;
    const policyAt = getPath(ev, root, carrier.policy);
    if (!policyAt) continue;
    const targets = carrier.targets ? allAt(ev, root, carrier.targets).map((t) => referencedResource(t.value, ev)) : [r];
    for (const target of targets) {
      if (!target) continue;
      const certainty = CROSS_ACCOUNT_CERTAINTY[target.type];
      if (!certainty) continue;
      for (const g of policyGrants(policyAt.value, policyAt.path, ev)) {
        if (g.scope.kind === 'service') continue;
        model.sharing.push({ target, via: `${carrier.via} ${carrier.targets ? r.id : ''}`.trim(), scope: g.scope, template: r.template, at: g.at, certainty });
      }
    }
  }
}

/** Bucket policies, as carriers: where the policy is and which bucket it governs. */
const BUCKET_POLICIES = [
  { type: 'AWS::S3::BucketPolicy', policy: 'PolicyDocument', bucket: 'Bucket' },
  { type: 'aws_s3_bucket_policy', policy: 'policy', bucket: 'bucket' },
  { type: 'aws_s3_bucket', policy: 'policy', bucket: undefined },
] as const;

/**
 * Buckets whose policy delegates access control to access points (an Allow conditioned on
 * `s3:DataAccessPointAccount` / `s3:DataAccessPointArn`), with the policy that does it. Only then does
 * an access point policy grant anything: otherwise the bucket policy must allow the same access,
 * and that grant is already an edge of its own.
 */
function delegatingBuckets(template: Template, ev: Evaluator): Map<Resource, Resource> {
  const out = new Map<Resource, Resource>();
  for (const r of template.resources) {
    const site = BUCKET_POLICIES.find((s) => s.type === r.type);
    if (!site || r.terraformMode) continue;
    const root: Located = { value: r.properties ?? {}, path: r.propertiesPath };
    const policy = getPath(ev, root, site.policy);
    if (!policy) continue;
    const bucket = site.bucket ? referencedResource(getPath(ev, root, site.bucket)?.value, ev) : r;
    if (!bucket || !BUCKET.has(bucket.type)) continue;
    // Delegation to access points of some account; those declared in the input are the own account's.
    if (accessPointDelegation(policy.value, ev).some((s) => s.kind !== 'public' && s.kind !== 'service')) out.set(bucket, r);
  }
  return out;
}

/** Access points and their policies: CloudFormation inline, Terraform inline or S3 Control. */
const ACCESS_POINTS = [
  { type: 'AWS::S3::AccessPoint', policy: 'Policy', bucket: 'Bucket', accessPoint: undefined },
  { type: 'aws_s3_access_point', policy: 'policy', bucket: 'bucket', accessPoint: undefined },
  { type: 'aws_s3control_access_point_policy', policy: 'policy', bucket: undefined, accessPoint: 'access_point_arn' },
] as const;

function accessPointEdges(r: Resource, root: Located, ev: Evaluator, delegating: Map<Resource, Resource>, model: SharingModel): void {
  const site = ACCESS_POINTS.find((s) => s.type === r.type);
  if (!site || r.terraformMode) return;
  const policy = getPath(ev, root, site.policy);
  if (!policy) return;
  let bucketRef: unknown;
  if (site.bucket) bucketRef = getPath(ev, root, site.bucket)?.value;
  else {
    const ap = referencedResource(getPath(ev, root, site.accessPoint)?.value, ev);
    if (ap?.type === 'aws_s3_access_point') bucketRef = own(ap.properties, 'bucket');
  }
  const bucket = referencedResource(bucketRef, ev);
  if (!bucket) return;
  const delegation = delegating.get(bucket);
  if (!delegation) return;
  const certainty = CROSS_ACCOUNT_CERTAINTY[bucket.type] ?? 'may';
  for (const g of policyGrants(policy.value, policy.path, ev)) {
    if (g.scope.kind === 'service') continue;
    model.sharing.push({ target: bucket, via: `access point policy ${r.id} (bucket policy ${delegation.id} delegates access control to access points)`, scope: g.scope, template: r.template, at: g.at, certainty });
  }
}

function accountListEdges(r: Resource, root: Located, ev: Evaluator, model: SharingModel): void {
  for (const carrier of ACCOUNT_LISTS) {
    if (carrier.type !== r.type) continue;
    for (const item of allAt(ev, root, carrier.list)) {
      const v = ev.resolve(item.value);
      const scope: PrincipalScope =
        v.kind !== 'literal' || typeof v.value !== 'string' ? scopeOfValue(v)
        : carrier.kind === 'organization' ? { kind: 'organization', org: v.value }
        : v.value === 'all' ? { kind: 'public' }
        : scopeOfText(v.value);
      model.sharing.push({ target: r, via: carrier.via, scope, template: r.template, at: item.path, certainty: CROSS_ACCOUNT_CERTAINTY[r.type] ?? 'may' });
    }
  }
}

/** S3 replication rules that name a destination account: CloudFormation inline, Terraform split. */
const REPLICATION = [
  { type: 'AWS::S3::Bucket', bucket: undefined, rules: 'ReplicationConfiguration.Rules[]', account: 'Destination.Account' },
  { type: 'aws_s3_bucket_replication_configuration', bucket: 'bucket', rules: 'rule[]', account: 'destination[].account' },
] as const;

function replicationEdges(r: Resource, root: Located, ev: Evaluator, model: SharingModel): void {
  for (const site of REPLICATION) {
    if (site.type !== r.type) continue;
    const bucketAt = site.bucket ? getPath(ev, root, site.bucket) : undefined;
    const bucket = site.bucket ? bucketAt && referencedResource(bucketAt.value, ev) : r;
    if (!bucket) continue;
    for (const rule of allAt(ev, root, site.rules)) {
      const account = getPath(ev, rule, site.account);
      if (!account) continue;
      const v = ev.resolve(account.value);
      const scope: PrincipalScope = scopeOfValue(v);
      model.sharing.push({ target: bucket, via: 'S3 replication to another account', scope, template: r.template, at: account.path, certainty: 'yes', keyPurpose: 'replica' });
    }
  }
}

function ramEdges(r: Resource, root: Located, ev: Evaluator, model: SharingModel): void {
  if (r.type === 'AWS::RAM::ResourceShare') {
    const principals = allAt(ev, root, 'Principals[]');
    for (const arn of allAt(ev, root, 'ResourceArns[]')) {
      const target = referencedResource(arn.value, ev);
      if (target) for (const p of principals) model.sharing.push(ramEdge(target, r, p, ev));
    }
    return;
  }
  // Terraform splits a share: resources and principals join on resource_share_arn.
  if (r.type !== 'aws_ram_resource_association') return;
  const share = referencedResource(getPath(ev, root, 'resource_share_arn')?.value, ev);
  const target = referencedResource(getPath(ev, root, 'resource_arn')?.value, ev);
  if (!share || !target) return;
  for (const other of r.template.resources) {
    if (other.type !== 'aws_ram_principal_association') continue;
    const otherRoot: Located = { value: other.properties ?? {}, path: other.propertiesPath };
    if (referencedResource(getPath(ev, otherRoot, 'resource_share_arn')?.value, ev) !== share) continue;
    const p = getPath(ev, otherRoot, 'principal');
    if (p) model.sharing.push(ramEdge(target, share, p, ev));
  }
}

function ramEdge(target: Resource, share: Resource, p: Located, ev: Evaluator): SharingEdge {
  const v = ev.resolve(p.value);
  const text = v.kind === 'literal' && typeof v.value === 'string' ? v.value : undefined;
  const scope: PrincipalScope = !text ? scopeOfValue(v)
    : /:organizations::/.test(text) ? { kind: 'organization', org: text }
    : scopeOfText(text);
  return { target, via: `RAM share ${share.id}`, scope, template: share.template, at: p.path, certainty: CROSS_ACCOUNT_CERTAINTY[target.type] ?? 'may' };
}

/** Backup plans whose rules copy a vault's recovery points to a vault in another account. */
const BACKUP_PLANS = [
  { type: 'AWS::Backup::BackupPlan', rules: 'BackupPlan.BackupPlanRule[]', vault: 'TargetBackupVault', copies: 'CopyActions[].DestinationBackupVaultArn' },
  { type: 'aws_backup_plan', rules: 'rule[]', vault: 'target_vault_name', copies: 'copy_action[].destination_vault_arn' },
] as const;

function backupEdges(r: Resource, root: Located, ev: Evaluator, model: SharingModel): void {
  for (const site of BACKUP_PLANS) {
    if (site.type !== r.type) continue;
    for (const rule of allAt(ev, root, site.rules)) {
      const vault = getPath(ev, rule, site.vault);
      const source = vault && referencedResource(vault.value, ev);
      if (!source) continue;
      for (const copy of allAt(ev, rule, site.copies)) {
        const v = ev.resolve(copy.value);
        if (v.kind !== 'literal' || typeof v.value !== 'string') continue;
        const m = /^arn:[^:]*:backup:[^:]*:([^:]*):/.exec(withoutPseudoColons(v.value));
        if (!m) continue;
        model.sharing.push({ target: source, via: `AWS Backup copy to another account's vault (plan ${r.id})`, scope: scopeOfText(m[1]), template: r.template, at: copy.path, certainty: 'may' });
      }
    }
  }
}

/** A topic subscribed by an endpoint (queue, function) in another account. */
const SUBSCRIPTIONS: readonly { type: string; list?: string; topic?: string; endpoint: string }[] = [
  { type: 'AWS::SNS::Subscription', topic: 'TopicArn', endpoint: 'Endpoint' },
  { type: 'AWS::SNS::Topic', list: 'Subscription[]', endpoint: 'Endpoint' },
  { type: 'aws_sns_topic_subscription', topic: 'topic_arn', endpoint: 'endpoint' },
];

function subscriptionEdges(r: Resource, root: Located, ev: Evaluator, model: SharingModel): void {
  for (const site of SUBSCRIPTIONS) {
    if (site.type !== r.type) continue;
    const topicAt = site.topic ? getPath(ev, root, site.topic) : undefined;
    const topic = site.topic ? topicAt && referencedResource(topicAt.value, ev) : r;
    if (!topic || !CROSS_ACCOUNT_CERTAINTY[topic.type]) continue;
    for (const holder of site.list ? allAt(ev, root, site.list) : [root]) {
      const endpoint = getPath(ev, holder, site.endpoint);
      const v = endpoint && ev.resolve(endpoint.value);
      if (!endpoint || !v || v.kind !== 'literal' || typeof v.value !== 'string') continue;
      const m = /^arn:[^:]*:(sqs|lambda|firehose):[^:]*:([^:]*):/.exec(withoutPseudoColons(v.value));
      if (!m) continue;
      const scope = scopeOfText(m[2]);
      model.sharing.push({ target: topic, via: `subscription ${r.id} of an endpoint in another account`, scope, template: r.template, at: endpoint.path, certainty: 'may' });
    }
  }
}

/** DLM policies that share the snapshots of volumes selected by tag with other accounts. */
const SNAPSHOT_SHARES = [
  { type: 'AWS::DLM::LifecyclePolicy', targetTags: 'PolicyDetails.TargetTags', accounts: 'PolicyDetails.Schedules[].ShareRules[].TargetAccounts[]', volume: 'AWS::EC2::Volume', volumeTags: 'Tags' },
  { type: 'aws_dlm_lifecycle_policy', targetTags: 'policy_details[].target_tags', accounts: 'policy_details[].schedule[].share_rule[].target_accounts[]', volume: 'aws_ebs_volume', volumeTags: 'tags' },
] as const;

function snapshotShareEdges(r: Resource, root: Located, ev: Evaluator, model: SharingModel): void {
  for (const site of SNAPSHOT_SHARES) {
    if (site.type !== r.type) continue;
    const wanted = tagsOf(getPath(ev, root, site.targetTags)?.value, ev);
    if (wanted.size === 0) continue;
    const accounts = allAt(ev, root, site.accounts);
    if (accounts.length === 0) continue;
    for (const volume of r.template.resources) {
      if (volume.type !== site.volume) continue;
      const have = tagsOf(getPath(ev, { value: volume.properties ?? {}, path: volume.propertiesPath }, site.volumeTags)?.value, ev);
      // DLM targets resources that carry any one of the policy's target tags.
      if (![...wanted].some(([k, v]) => have.get(k) === v)) continue;
      for (const a of accounts) {
        const v = ev.resolve(a.value);
        const scope: PrincipalScope = scopeOfValue(v);
        model.sharing.push({ target: volume, via: `snapshot sharing by lifecycle policy ${r.id}`, scope, template: r.template, at: a.path, certainty: 'yes' });
      }
    }
  }
}

function publisherEdges(r: Resource, root: Located, ev: Evaluator, model: SharingModel): void {
  for (const site of PUBLISHER_SITES) {
    if (site.type !== r.type) continue;
    const by = site.publishedBy ? getPath(ev, root, site.publishedBy) : undefined;
    const source = (by && referencedResource(by.value, ev)) || r;
    const parts = site.target.split('.');
    const leaf = parts.pop()!;
    for (const holder of parts.length ? allAt(ev, root, parts.join('.')) : [root]) {
      if (site.when) {
        const w = getPath(ev, holder, site.when.path);
        const wv = w && ev.resolve(w.value);
        if (!wv || wv.kind !== 'literal' || !site.when.equals.includes(scalarText(wv.value).toLowerCase())) continue;
      }
      for (const t of allAt(ev, holder, leaf)) {
        const target = referencedResource(t.value, ev);
        if (!target || !TOPIC_OR_QUEUE.has(target.type)) continue;
        const named = source === r ? `${site.publisher} ${r.id}` : `${site.publisher} ${source.id} through ${r.id}`;
        const publisher = `${named}${site.role ? ` (as its ${site.role})` : ''}`;
        model.publishers.push({ target, publisher, source, template: r.template, at: t.path });
      }
    }
  }
}

function originEdges(r: Resource, root: Located, ev: Evaluator, model: SharingModel): void {
  const cfn = r.type === 'AWS::CloudFront::Distribution';
  const tf = r.type === 'aws_cloudfront_distribution';
  if (!cfn && !tf) return;
  for (const origin of allAt(ev, root, cfn ? 'DistributionConfig.Origins[]' : 'origin[]')) {
    const domain = getPath(ev, origin, cfn ? 'DomainName' : 'domain_name');
    const bucket = domain && referencedResource(domain.value, ev);
    if (!bucket || !BUCKET.has(bucket.type)) continue;
    const oac = getPath(ev, origin, cfn ? 'OriginAccessControlId' : 'origin_access_control_id');
    const oai = getPath(ev, origin, cfn ? 'S3OriginConfig.OriginAccessIdentity' : 's3_origin_config[].origin_access_identity');
    const hasOai = oai && !(typeof oai.value === 'string' && oai.value === '');
    if (!oac && !hasOai) continue;
    model.origins.push({ bucket, distribution: r, access: oac ? 'OAC' : 'OAI', template: r.template, at: domain.path });
  }
}

