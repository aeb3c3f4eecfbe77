// What a rule is: typed `meta` and a check over the analysed model. Rules never parse or resolve.
import type { AnalysedResource, Branch, DocPath, EffectiveKey, ResolvedKey, Resource, Template } from '../model/types.js';
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
}

export interface RelatedReport {
  template: Template;
  at: DocPath;
  message: string;
}

export interface Report {
  /** The resource the finding is about (the bucket, not its policy). */
  resource?: Resource;
  /** Template and path of the location; defaults to the resource's template. */
  template?: Template;
  at: DocPath;
  message: string;
  key?: EffectiveKey;
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
