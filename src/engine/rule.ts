// What a rule is: typed `meta` and a check over the analysed model. Rules never parse or resolve,
// and never build message strings: they report a message id and its data; the engine renders it.
import type { AnalysedResource, Branch, DocPath, EffectiveKey, ResolvedKey, Resource, SourceRange, Template } from '../model/types.js';
import type { Severity } from '../model/findings.js';
import type { Analysis } from '../analysis/analyse.js';
import type { SharingModel } from '../analysis/sharing.js';
import type { ResolvedConfig, Requirement } from '../config/types.js';

export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  description: string;
  /** Contract group: misuse, requirement, hygiene, information. */
  group: 'misuse' | 'requirement' | 'hygiene' | 'information';
  /** For requirement rules: the `require` key that turns the rule on. */
  requirement?: keyof Requirement['require'];
  /**
   * Message templates by message id; `{{name}}` is replaced by `data.name`. The id, not the text,
   * goes into the fingerprint, so a template can be reworded without breaking baselines.
   */
  messages: Readonly<Record<string, string>>;
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
  sharing: SharingModel;
  config: ResolvedConfig;
  /** Accounts that are "ours" for a template (contract §2). */
  ownAccounts(template: Template): Set<string>;
  /** Requirements of the config that match a resource. */
  requirementsFor(resource: Resource): Requirement[];
  /** Ids of every rule of this run (built-in and custom), e.g. to validate suppressions. */
  ruleIds: ReadonlySet<string>;
  /** Options given to this rule in config (`rules: { id: [severity, options] }`). */
  options: Record<string, unknown>;
  report(r: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

/** Rules that look at each analysed resource's key variants use this. */
export function forEachVariant(
  analysis: Analysis,
  fn: (a: AnalysedResource, v: AnalysedResource['variants'][number]) => void,
): void {
  for (const a of analysis.resources) for (const v of a.variants) fn(a, v);
}

/** A variant's primary key (purpose `data`) followed by its secondary keys. */
export function keysOf(v: AnalysedResource['variants'][number]): { purpose: string; resolved: ResolvedKey }[] {
  return [{ purpose: 'data', resolved: v.primary }, ...v.secondary];
}

/**
 * For the misuse rules: each condition branch in which a resource's key is AWS managed — the
 * primary key, or the secondary key of `purpose` when the resource has one.
 */
export function awsManagedKeys(analysis: Analysis, resource: Resource, purpose?: string): { branch: Branch; key: ResolvedKey }[] {
  const analysed = analysis.byResource.get(resource.template)?.get(resource.id);
  if (!analysed) return [];
  return analysed.variants.flatMap((v) => {
    const key = (purpose && v.secondary.find((x) => x.purpose === purpose)?.resolved) || v.primary;
    return key.key.kind === 'aws-managed' ? [{ branch: v.branch, key }] : [];
  });
}
