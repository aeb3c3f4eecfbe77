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
