// The change between two input sets, as the change rules read it (contract §5, change rules): paired
// templates, per-resource changes with their replacement impact, and key policy statement changes.
// Built once per `kmslint diff` run from the two analyses; rules only query it.
import type { DocPath, Resource, Template } from '../model/types.js';
import type { Analysis } from '../analysis/analyse.js';

/** What deploying the change does to one resource. */
export type ChangeImpact =
  /** The resource is created anew and the old one deleted. */
  | 'replace'
  /** The resource may be replaced (CloudFormation: depends on the values). */
  | 'may-replace'
  /** Updated in place. */
  | 'update'
  /** The update fails: the property cannot change on an existing resource. */
  | 'fails'
  | 'none';

export interface PropertyChange {
  /** Top-level property or attribute name (`KmsKeyId`, `kms_key_id`). */
  property: string;
  impact: ChangeImpact;
}

export interface ResourceChange {
  id: string;
  type: string;
  kind: 'added' | 'removed' | 'updated';
  /** For an update: the resource's impact (the worst of its properties'); `replace` for a Terraform delete+create. */
  impact: ChangeImpact;
  before?: Resource;
  after?: Resource;
  properties: PropertyChange[];
  /** Terraform plans: where the plan lists this change (`resource_changes[i]`), for reports on removals. */
  planEntry?: { template: Template; at: DocPath };
}

/** One key policy statement, as the change rules describe it. */
export interface StatementSummary {
  sid?: string;
  effect: string;
  /** `AWS:arn:aws:iam::111122223333:root`, `AWS:*`, `Service:logs.amazonaws.com`. */
  principals: string[];
  actions: string[];
  /** Condition keys of the statement that limit callers to an account or organization (`kms:CallerAccount`, …). */
  accountConditions?: string[];
}

/** Condition keys that bound who may call to an account, organization or source (lower case, as IAM compares them). */
export const ACCOUNT_CONDITION_KEYS = new Set(['kms:calleraccount', 'aws:principalaccount', 'aws:principalorgid', 'aws:sourceaccount', 'aws:sourceowner', 'aws:principalorgpaths']);

/** The account-bounding condition keys of a statement's `Condition` block. */
export function accountConditionsOf(condition: unknown): string[] {
  if (typeof condition !== 'object' || condition === null) return [];
  const keys = Object.values(condition as Record<string, unknown>).flatMap((byKey) => (typeof byKey === 'object' && byKey !== null ? Object.keys(byKey) : []));
  return [...new Set(keys.filter((k) => ACCOUNT_CONDITION_KEYS.has(k.toLowerCase())))].sort();
}

export interface KeyPolicyChange {
  /** The key, on the after side. */
  key: Resource;
  added: StatementSummary[];
  removed: StatementSummary[];
}

/** Two templates that are the same stack (or plan, or configuration file) before and after. */
export interface TemplatePair {
  /** The stack's name on the after side (the before side's when removed). */
  stack: string;
  before?: Template;
  after?: Template;
  changes: ResourceChange[];
  keyPolicyChanges: KeyPolicyChange[];
}

export interface ChangeSet {
  pairs: TemplatePair[];
  before: Analysis;
  after: Analysis;
}
