// What a rule is, as the engine sees it: typed `meta` and a check over the analysed model. Rules
// never parse or resolve, and never build message strings: they report a message id and its data;
// the engine renders it. Rule authors write rules with `createRule`, which types these per rule.
import type { AnalysedResource, DocPath, EffectiveKey, Resource, SourceRange, Template } from '../model/types.js';
import type { Severity } from '../model/findings.js';
import type { Analysis } from '../analysis/analyse.js';
import type { SharingModel } from '../analysis/sharing.js';
import type { RelationGraph } from '../analysis/relations.js';
import type { ResolvedConfig, Requirement } from '../config/types.js';
import type { RuleOptionsSchema } from './options-schema.js';
import type { ChangeSet } from '../diff/change-set.js';

export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  description: string;
  /** Contract group: misuse, requirement, hygiene, information; `change` rules run only in `kmslint diff`. */
  group: 'misuse' | 'requirement' | 'hygiene' | 'information' | 'change';
  /** For requirement rules: the `require` key that turns the rule on. */
  requirement?: keyof Requirement['require'];
  /**
   * Message templates by message id; `{{name}}` is replaced by `data.name`. The id, not the text,
   * goes into the fingerprint, so a template can be reworded without breaking baselines.
   */
  messages: Readonly<Record<string, string>>;
  /**
   * JSON Schema of the rule's options (`rules: { id: [severity, options] }`), checked when the config
   * is read; a rule without one accepts any options object (custom rules written before the kit).
   */
  schema?: RuleOptionsSchema;
  /** Where the rule is documented; built-in rules default to their page in rules/. */
  docsUrl?: string;
  /** GitHub code scanning `security-severity` (0.0–10.0), when not derived from the default severity. */
  securitySeverity?: number;
}

export interface RelatedReport {
  template: Template;
  at: DocPath;
  message: string;
  /** The exact range, where `at` cannot name it (the earlier occurrence of a repeated key). */
  range?: SourceRange;
}

export type MessageData = Readonly<Record<string, string | number>>;

export interface Report {
  /** The resource the finding is about (the bucket, not its policy). */
  resource?: Resource;
  /** Template and path of the location; defaults to the resource's template. */
  template?: Template;
  at: DocPath;
  /** The exact range, where `at` cannot name it (one occurrence of a repeated key). */
  range?: SourceRange;
  /** A key of the rule's `meta.messages`. */
  messageId: string;
  /** Values for the template's `{{name}}` placeholders; every placeholder must have one. */
  data?: MessageData;
  key?: EffectiveKey;
  /** Which key of the resource `key` is, when not its primary data key (`replica`, `logs`). */
  keyPurpose?: string;
  /**
   * A stable identity of the other party of this cause, when one resource can have several (the
   * sharing policy and account, the publishing rule, the policy statement). Part of the fingerprint;
   * reports with the same fingerprint are one finding (contract §4, one finding per cause).
   */
  counterpart?: string;
  branch?: Readonly<Record<string, boolean>>;
  related?: RelatedReport[];
  /** Overrides the rule's severity for this finding (e.g. `unknown` → warning). */
  severity?: Severity;
}

export interface RuleContext {
  analysis: Analysis;
  /** How resources relate (analysis.relations): rules query it with `from(resource, kind)` / `into(resource, kind)`. */
  relations: RelationGraph;
  /**
   * The sharing, publisher and origin edges of `relations` as lists, kept for custom rules written
   * against it; no built-in rule reads it.
   * @deprecated query `relations` instead.
   */
  sharing: SharingModel;
  config: ResolvedConfig;
  /** Accounts that are "ours" for a template (contract §2). */
  ownAccounts(template: Template): Set<string>;
  /** Requirements of the config that match a resource. */
  requirementsFor(resource: Resource): Requirement[];
  /** Ids of every rule of this run (built-in and custom), e.g. to validate suppressions. */
  ruleIds: ReadonlySet<string>;
  /** Options given to this rule in config (`rules: { id: [severity, options] }`), validated against `meta.schema`. */
  options: Record<string, unknown>;
  /** The options at one resource: `options` with those of the config's matching `overrides` (by file or resource) merged in. */
  optionsFor(resource: Resource): Record<string, unknown>;
  /** `kmslint diff` only: the change from the before side to this analysis (the after side). */
  change?: ChangeSet;
  report(r: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

/** One key variant (condition branch) of an analysed resource. */
export type KeyVariant = AnalysedResource['variants'][number];
