// The catalog is data: for each resource type, where its key is named, what turns KMS on, and what
// it falls back to. One interpreter (analysis/effective-key.ts) reads every row.
//
// Paths are relative to the resource's properties (CloudFormation `Properties`, Terraform
// attributes), dotted; a segment ending in `[]` steps into every element of a list.

export type Scalar = string | number | boolean;

export type Predicate =
  /** Always true: the service always encrypts. */
  | { always: true }
  /** The value at `present` is given (not absent, not AWS::NoValue, not null, not ""). */
  | { present: string }
  /** The value at `path` (or `default` when absent) equals one of `equals` (strings compare case-insensitively). */
  | { path: string; equals: readonly Scalar[]; default?: Scalar }
  | { not: Predicate }
  | { all: readonly Predicate[] }
  | { any: readonly Predicate[] };

export type Outcome =
  /** The AWS managed key `alias`, e.g. `alias/aws/rds`. */
  | { kind: 'aws-managed'; alias: string; note?: string }
  /** A key owned by the service, or a non-KMS service-managed scheme (SSE-S3, SSE-SQS, ...): `what` names it. */
  | { kind: 'aws-owned'; what: string; note?: string }
  | { kind: 'none'; note?: string }
  /** Cannot be decided statically (e.g. a key is required but missing). */
  | { kind: 'unknown'; why: string }
  /**
   * The resource, as configured, keeps no data of its own under a KMS key (an ECS service without a
   * managed EBS volume): it is not an encryptable resource then, and is not listed.
   */
  | { kind: 'nothing-stored'; why: string }
  /**
   * The key of the resource that the property at `from` names (an Aurora instance's DB cluster, a
   * read replica's source); `unknown` when that resource is not in the input.
   */
  | { kind: 'inherit'; from: string; what: string };

export interface KeySlot {
  /** `data` for the primary data-at-rest key; other purposes are secondary keys. */
  purpose: string;
  /**
   * Optional list scope: the slot is evaluated for each element of this list (e.g.
   * `BlockDeviceMappings[]`); `key`, `on` and `off` paths are then relative to the element.
   * The first element gives the slot's key; later ones are reported as extra secondary keys.
   */
  scope?: string;
  /** Path of the key property; absent when the type cannot name a key (it uses the service default). */
  key?: string;
  /** Whether KMS encryption is on. */
  on: Predicate;
  /** What is used when `on` holds and no key is named. */
  onNoKey: Outcome;
  /**
   * Restores and copies that keep their source's key whether or not the switch is on (an RDS
   * cluster restored from a snapshot): checked first when no key is named.
   */
  keptFromSource?: readonly { when: Predicate; outcome: Outcome }[];
  /**
   * The AWS managed alias this slot may name when it differs from the row's: a key the resource
   * hands to another service, such as an S3 destination (`alias/aws/s3`).
   */
  alias?: string;
  /** What is used when `on` does not hold: the first entry whose `when` holds (no `when` = always). */
  off: readonly { when?: Predicate; outcome: Outcome }[];
}

export interface CatalogRow {
  /** CloudFormation types this row describes. */
  cfnTypes: readonly string[];
  /** Service name as people say it, used in reasons: "RDS", "Amazon S3". */
  service: string;
  /** The `aws/<service>` alias this service's AWS managed key has, if any (`alias/aws/s3`). */
  alias?: string;
  /** CloudFormation slots; the first `data` slot is the primary key. */
  slots: readonly KeySlot[];
  /** Terraform counterparts, each with its own attribute paths (filled by the Terraform input). */
  terraform?: readonly { type: string; slots: readonly KeySlot[] }[];
  /** Built from the list of key properties alone: the default is not known, and neither is the alias. */
  generic?: boolean;
  /** V verified, P partly verified, I inferred, U sources conflict (reasons then say "may"). */
  confidence: 'V' | 'P' | 'I' | 'U';
  /** Source URL(s) of the default behaviour. */
  source: string;
  /** AWS SAM types only: what the SAM transform turns the resource into (source: the SAM specification). */
  sam?: SamTranslation;
}

export interface SamTranslation {
  /** CloudFormation types the transform creates for this resource; the first holds its key. */
  translatesTo: readonly string[];
  /** SAM property path → the CloudFormation `Type.Path` the transform passes it to (the slots read the SAM paths). */
  properties: Readonly<Record<string, string>>;
}

// ---------------------------------------------------------------------------------------------
// Relations: how resources of a family point at others (policies that share them, services that
// publish into them, side resources that configure them). Rows are data; src/analysis/relations.ts
// reads each kind with one interpreter. Paths are catalog paths of the resource named by `on`.

/** One resource family (a bucket and its policy, notifications, logging…): every type that belongs to it, in both languages. */
export interface ResourceFamily {
  name: string;
  /** CloudFormation (and CDK custom resource) types of the family. */
  cloudFormation: readonly string[];
  /** Terraform types of the family (resources and side resources). */
  terraform: readonly string[];
  /**
   * What the relation interpreters need to know about the family's main types: `customer-key`
   * declares a customer managed key, `alias` an alias, `topic-or-queue` receives what AWS
   * services publish, `bucket` is an S3 general purpose bucket.
   */
  roles?: readonly { role: FamilyRole; types: readonly string[] }[];
  /** Sharing its main types with another account fails under an AWS managed key: documented (`yes`) or derived (`may`). */
  crossAccount?: { types: readonly string[]; certainty: 'yes' | 'may'; source: string };
  relations: readonly RelationRow[];
}

export type FamilyRole = 'customer-key' | 'alias' | 'topic-or-queue' | 'bucket';

interface RowBase {
  /** The type that holds the fact (a member of the family). */
  on: string;
  /** Documentation page of the AWS fact, or of the property the path reads. */
  source: string;
}

/** A policy (resource, or inline property) that grants principals access to a target. */
export interface PolicyCarrierRow extends RowBase {
  kind: 'policy';
  /** "bucket policy": how findings name it. */
  via: string;
  policy: string;
  /** Path to the target reference(s); absent when the policy is inline on the target itself. */
  targets?: string;
}

/** An account list that shares the resource (AMI launch permissions). */
export interface AccountListRow extends RowBase {
  kind: 'accountList';
  via: string;
  list: string;
  scope: 'account' | 'organization';
}

/** Where an AWS service publishes into a topic or queue. */
export interface PublisherSiteRow extends RowBase {
  kind: 'publisher';
  /** "EventBridge rule": how findings name the publisher. */
  publisher: string;
  /** Path to the topic or queue reference(s); the last segment is read inside each holder. */
  target: string;
  /** Only when this sibling (relative to the list element) has one of these values (lower case). */
  when?: { path: string; equals: readonly string[] };
  /** What the target is to the publisher, when not its plain destination: "dead-letter queue". */
  role?: string;
  /**
   * Path to the resource that publishes when it is not the one holding the site (a Terraform event
   * target belongs to its rule; an SNS subscription's publisher is its topic).
   */
  publishedBy?: string;
  /**
   * The finding is identified by the holding resource rather than by the publisher (kept for SNS
   * subscriptions, whose findings were always told apart per subscription).
   */
  identifiedBySite?: true;
}

/** Replication rules that name a destination account. */
export interface ReplicationRow extends RowBase {
  kind: 'replication';
  /** Path to the source bucket when the rules are on a side resource. */
  bucket?: string;
  rules: string;
  account: string;
  /** Path (in a rule) to the destination bucket. */
  destination: string;
  /** Which key of the source matters. */
  keyPurpose: string;
}

/** Backup plan rules that copy a vault's recovery points to another account's vault. */
export interface BackupCopyRow extends RowBase {
  kind: 'backupCopy';
  rules: string;
  vault: string;
  copies: string;
}

/** A topic subscribed by an endpoint (queue, function) whose ARN may name another account. */
export interface SubscriptionRow extends RowBase {
  kind: 'subscription';
  /** Subscriptions listed inline on the topic. */
  list?: string;
  /** Path to the topic when the subscription is its own resource. */
  topic?: string;
  endpoint: string;
}

/** Lifecycle policies that share snapshots of volumes selected by tag. */
export interface SnapshotShareRow extends RowBase {
  kind: 'snapshotShare';
  targetTags: string;
  accounts: string;
  volume: string;
  volumeTags: string;
}

/** A resource share (RAM): resources and principals, inline or joined through a share. */
export interface ResourceShareRow extends RowBase {
  kind: 'resourceShare';
  /** Inline: lists on the share itself. */
  resources?: string;
  principals?: string;
  /** Split (Terraform): the association's share and resource, joined to principal associations of `principalType`. */
  share?: string;
  resource?: string;
  principalType?: string;
  principal?: string;
}

/** A bucket policy, as the place where access is delegated to access points. */
export interface BucketPolicyRow extends RowBase {
  kind: 'bucketPolicy';
  policy: string;
  bucket?: string;
}

/** An access point and its policy (inline or through its ARN). */
export interface AccessPointRow extends RowBase {
  kind: 'accessPoint';
  policy: string;
  bucket?: string;
  /** Path to the access point (whose `bucket` attribute names the bucket) when the policy is separate. */
  accessPoint?: string;
  accessPointType?: string;
}

/** A CloudFront origin that may be an S3 bucket, read through OAC or OAI. */
export interface OriginRow extends RowBase {
  kind: 'origin';
  origins: string;
  domain: string;
  oac: string;
  oai: string;
}

/** Standard (legacy) access logs a distribution writes to a bucket. */
export interface LogDeliveryRow extends RowBase {
  kind: 'logDelivery';
  /** "CloudFront standard logging". */
  via: string;
  bucket: string;
}

/** A Terraform side resource that configures another one (issue 4 §3). */
export interface SideLinkRow extends RowBase {
  kind: 'sideLink';
  attribute: string;
  targets: readonly string[];
  /** Attributes of the target that the attribute's value may equal (plan values hold names, URLs, ARNs). */
  match: readonly string[];
  /** It sets the target's key: the target is analysed through it. */
  keyBearing?: true;
}

/** A property that manages a key or alias: the AWS managed namespace is off limits to all of them. */
export interface KeyManagementRow extends RowBase {
  kind: 'keyManagement';
  path: string;
  /** `aliasName`: the alias created (reserved by prefix); the others name the key they manage. */
  manages: 'aliasName' | 'aliasTarget' | 'keyPolicy' | 'grant';
}

/** What a declared customer managed key says about itself, by attribute name. */
export interface KeyAttributesRow extends RowBase {
  kind: 'keyAttributes';
  spec?: string;
  usage?: string;
  origin?: string;
  multiRegion?: string;
  rotation?: string;
  rotationPeriod?: string;
  customKeyStore?: string;
  policy?: string;
  /** A replica: the path to its primary, whose spec and rotation it shares. */
  primary?: string;
  /** The type's key material is imported (Origin EXTERNAL whatever is written). */
  external?: true;
  /** The type is a replica of a multi-Region key. */
  replica?: true;
}

export type RelationRow =
  | PolicyCarrierRow
  | AccountListRow
  | PublisherSiteRow
  | ReplicationRow
  | BackupCopyRow
  | SubscriptionRow
  | SnapshotShareRow
  | ResourceShareRow
  | BucketPolicyRow
  | AccessPointRow
  | OriginRow
  | LogDeliveryRow
  | SideLinkRow
  | KeyManagementRow
  | KeyAttributesRow;
