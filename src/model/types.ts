// The typed model every front end shares: inputs produce it, analysis enriches it, rules read it.

/** A path into a parsed document: object keys and array indexes, from the document root. */
export type DocPath = readonly (string | number)[];

/** 1-based source range. */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type InputFormat = 'cloudformation' | 'cdk' | 'terraform-plan' | 'terraform-config';

export interface ParseErrorInfo {
  message: string;
  line: number;
  column: number;
}

/** A parsed JSON/YAML document with lazy access to source positions. */
export interface SourceDocument {
  /** Path of the file as given (relative to cwd when possible). */
  file: string;
  text: string;
  /** Plain data; objects never have a polluted prototype. */
  root: unknown;
  /** Range of the value at `path`; with `key: true`, from the key of the enclosing property to the end of the value. */
  locate(path: DocPath, key?: boolean): SourceRange | undefined;
  /** Keys written more than once in one mapping (the last value is the one read, as CloudFormation deploys it). */
  duplicateKeys?: DuplicateKey[];
}

/** A repeated key: `path` ends with the key; `first` and `second` are the ranges of the two key nodes. */
export interface DuplicateKey {
  path: DocPath;
  first: SourceRange;
  second: SourceRange;
}

/** One resource of a template (CloudFormation logical resource or Terraform resource instance). */
export interface Resource {
  /** Logical id, or full Terraform address. */
  id: string;
  type: string;
  /** Properties as written (intrinsics unresolved). Undefined when absent. */
  properties: Record<string, unknown> | undefined;
  /** Path of the Properties object (or the attribute object for Terraform) inside the document. */
  propertiesPath: DocPath;
  /** Path of the resource entry itself. */
  path: DocPath;
  /** Template this resource belongs to. */
  template: Template;
  /** CDK construct path, when known. */
  constructPath?: string;
  condition?: string;
  deletionPolicy?: unknown;
  updateReplacePolicy?: unknown;
  metadata?: Record<string, unknown>;
  /** Terraform only: values known only after apply (mirrors `after_unknown`). */
  unknownAfterApply?: Record<string, unknown>;
  /**
   * Terraform only: `data` for a data source, `module` for a module call. Neither is declared by the
   * input, so neither is analysed as an encryptable resource (references to them still resolve).
   */
  terraformMode?: 'data' | 'module';
  /**
   * Terraform only: the side resource that sets this resource's key (the bucket's
   * `aws_s3_bucket_server_side_encryption_configuration`). The resource is analysed with the catalog
   * slots of `slotsType` over the side resource's attributes (so located paths point into the side
   * resource) but reported as itself; the side resource is not reported on its own and is the
   * finding's `related` location.
   */
  keySource?: { resource: Resource; slotsType: string };
  /** Terraform only: address of the resource a side resource attaches to (the bucket of a bucket policy, the key of an alias or grant). */
  attachesTo?: string;
  /** Terraform HCL only: the module call this resource is instantiated by (a related location of its findings). */
  moduleCall?: { address: string; template: Template; path: DocPath };
}

/** One analysed template: a CloudFormation template, a CDK stack, or a Terraform plan/config. */
export interface Template {
  format: InputFormat;
  doc: SourceDocument;
  /** Stack name (CDK artifact id or file stem). */
  stack: string;
  resources: Resource[];
  resourcesById: Map<string, Resource>;
  parameters: Record<string, unknown>;
  conditions: Record<string, unknown>;
  mappings: Record<string, unknown>;
  outputs: Record<string, unknown>;
  /** Template-level metadata (suppressions). */
  metadata?: Record<string, unknown>;
  /**
   * Values a parent stack passes to this nested stack's parameters (`AWS::CloudFormation::Stack`
   * `Parameters`), as expressions of the parent template.
   */
  parameterBindings?: { template: Template; values: Record<string, unknown> };
  /** Accounts this template deploys into (CDK env, Terraform allowed_account_ids). */
  accounts: string[];
  region?: string;
}

export type KeyKind = 'customer-managed' | 'aws-managed' | 'aws-owned' | 'none' | 'unknown';

/** The `key` object of contract §2. */
export interface EffectiveKey {
  kind: KeyKind;
  /** `alias/aws/<service>` for aws-managed keys. */
  alias?: string;
  /** Logical id / address of a declared key, or the literal ARN / id / alias. */
  keyRef?: string;
  origin?: 'explicit' | 'implicit';
  /** Customer key not declared in the input. */
  external?: boolean;
}

/** The selected branch of each condition that a variant depends on. */
export type Branch = Readonly<Record<string, boolean>>;

export interface ResolvedKey {
  key: EffectiveKey;
  /** One sentence: why this is the key. */
  reason: string;
  /** Where the key is chosen (the key property, or the property that turns encryption on). */
  at: DocPath;
  /** The declared key resource, when the key is declared in the input. */
  keyResource?: Resource;
  /** Set when the catalog fact is uncertain. */
  uncertain?: boolean;
  /** The key was named by a key property (as opposed to a default). */
  named?: boolean;
  /** The catalog says the resource, as configured, keeps no data of its own under a key (key is `unknown`). */
  nothingStored?: boolean;
  /** False when the catalog does not know which AWS managed alias (if any) this slot's service has. */
  aliasKnown?: boolean;
  /** The AWS managed alias this slot's service uses (undefined: the service has none). */
  expectedAlias?: string;
}

export interface SecondaryKey {
  purpose: string;
  resolved: ResolvedKey;
}

/** The effective key of one resource under one combination of condition branches. */
export interface KeyVariant {
  branch: Branch;
  primary: ResolvedKey;
  secondary: SecondaryKey[];
}

export interface AnalysedResource {
  resource: Resource;
  /** Catalog service name (e.g. `s3`) whose AWS managed key would apply. */
  service?: string;
  /** One variant when no condition matters; several when branches give different keys. */
  variants: KeyVariant[];
}

/**
 * A value the input cannot know while it is read: a Terraform attribute "known only after apply", a
 * reference to a module output or to a variable's missing part. Inputs put it where the value would
 * be; the evaluator resolves it to `{ kind: 'unknown', why }`. It is branded with a symbol so no
 * parsed object (a Terraform attribute or a CloudFormation intrinsic) can be mistaken for it, and it
 * has no enumerable keys, so walkers over property trees see an empty leaf.
 */
export const UNKNOWN: unique symbol = Symbol('kmslint.unknown');

export interface UnknownValue {
  /** Why the value is unknown, as a reason phrase: "a value known only after apply". */
  readonly [UNKNOWN]: string;
}

export function unknownValue(why: string): UnknownValue {
  return Object.freeze({ [UNKNOWN]: why });
}

export function isUnknownValue(v: unknown): v is UnknownValue {
  return typeof v === 'object' && v !== null && UNKNOWN in v;
}
