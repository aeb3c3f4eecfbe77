// Isolation of rule failures (issue 8): a rule runs once over the whole input set; only when it
// throws is it run again per template, on a view holding that template's resources and the relation
// edges that touch it, keeping from each view only what is located in that template. The templates on
// which it still throws are the ones reported as internal errors; everything else is kept, once.
import type { AnalysedResource, Template } from '../model/types.js';
import type { Analysis } from '../analysis/analyse.js';
import { sharingView, type SharingModel } from '../analysis/sharing.js';
import type { Report, Rule } from '../rule-kit/types.js';

export interface IsolatedRun<T> {
  results: T[];
  /** Where the rule threw: a template, or `undefined` when it threw only on the set as a whole. */
  failures: { template: Template | undefined; error: unknown }[];
}

/** What a rule sees: the whole analysis, or a view of one template. */
export interface RuleScope {
  analysis: Analysis;
  sharing: SharingModel;
}

/**
 * Runs `rule` with the context `contextFor` builds; each report goes through `convert` inside the
 * guard, so a failure while locating or rendering a finding counts as a failure on its input.
 */
export function runIsolated<T>(
  rule: Rule,
  whole: RuleScope,
  run: (rule: Rule, scope: RuleScope, report: (r: Report) => void) => void,
  convert: (r: Report) => T | undefined,
): IsolatedRun<T> {
  const all: T[] = [];
  try {
    run(rule, whole, (r) => {
      const t = convert(r);
      if (t !== undefined) all.push(t);
    });
    return { results: all, failures: [] };
  } catch (wholeError) {
    const results: T[] = [];
    const failures: IsolatedRun<T>['failures'] = [];
    const views = templateViews(whole);
    for (const template of whole.analysis.templates) {
      const kept: T[] = [];
      try {
        run(rule, views(template), (r) => {
          // Edges between templates appear in the view of each; the finding belongs to one.
          if ((r.template ?? r.resource?.template) !== template) return;
          const t = convert(r);
          if (t !== undefined) kept.push(t);
        });
        results.push(...kept);
      } catch (error) {
        failures.push({ template, error });
      }
    }
    if (failures.length === 0) failures.push({ template: undefined, error: wholeError });
    return { results, failures };
  }
}

/** Views of single templates, grouped once so that n views cost one pass over the set. */
function templateViews(whole: RuleScope): (template: Template) => RuleScope {
  const resources = new Map<Template, AnalysedResource[]>();
  for (const a of whole.analysis.resources) group(resources, a.resource.template, a);
  return (template) => {
    // Lookups (byResource, evaluators, exports) stay whole: a view narrows what a rule iterates.
    const relations = whole.analysis.relations.viewOf(template);
    return {
      analysis: { ...whole.analysis, templates: [template], resources: resources.get(template) ?? [], relations },
      sharing: sharingView(relations),
    };
  };
}

function group<T>(map: Map<Template, T[]>, template: Template, item: T): void {
  const list = map.get(template);
  if (list) list.push(item);
  else map.set(template, [item]);
}
