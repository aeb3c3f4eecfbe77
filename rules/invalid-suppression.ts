import leven from 'leven';
import { createRule, NO_OPTIONS, type TypedRuleContext } from '../src/rule-kit/index.js';
import type { DocPath, Resource, Template } from '../src/model/types.js';
import { suppressionProblems, type SuppressionProblem } from '../src/analysis/suppressions.js';

const SUPPRESSES_NOTHING = 'so it suppresses nothing';

const MESSAGES = {
  notAList: `kmslint.ignore in the Metadata of {{where}} is not a list of { rule, reason } entries, ${SUPPRESSES_NOTHING}`,
  notAnEntry: `Suppression {{entry}} of {{where}} is not a { rule, reason } mapping, ${SUPPRESSES_NOTHING}`,
  missingRule: `Suppression {{entry}} of {{where}} names no rule (give rule: <rule id>, or "*" for every rule), ${SUPPRESSES_NOTHING}`,
  unknownRule: `Suppression {{entry}} of {{where}} names {{rule}}, which is not a kmslint rule{{suggestion}}, ${SUPPRESSES_NOTHING}`,
  missingReason: `Suppression {{entry}} of {{where}} ({{rule}}) has no reason; say why the finding is accepted (reason: <text>) — without one it suppresses nothing`,
} as const;

export const rule = createRule({
  meta: {
    id: 'invalid-suppression',
    defaultSeverity: 'error',
    group: 'information',
    description: 'A suppression in Metadata has no reason or names an unknown rule, so it suppresses nothing.',
    messages: MESSAGES,
    schema: NO_OPTIONS,
  },
  check(ctx) {
    for (const template of ctx.analysis.templates) {
      // Only CloudFormation and CDK templates carry Metadata; Terraform suppresses through the config.
      if (template.format !== 'cloudformation' && template.format !== 'cdk') continue;
      reportProblems(ctx, template, undefined, template.metadata, ['Metadata']);
      for (const r of template.resources) reportProblems(ctx, template, r, r.metadata, [...r.path, 'Metadata']);
    }
  },
});

function reportProblems(ctx: TypedRuleContext<typeof MESSAGES, unknown>, template: Template, resource: Resource | undefined, metadata: Record<string, unknown> | undefined, path: DocPath): void {
  for (const p of suppressionProblems(metadata, path, ctx.ruleIds)) {
    const entry = p.kind === 'notAList' ? 0 : p.index + 1;
    ctx.report({
      resource,
      template,
      at: p.at,
      // Another entry of the same place is another cause; the rule it names identifies it better than its index.
      counterpart: 'rule' in p ? `rule:${p.rule}` : `entry:${entry}`,
      messageId: p.kind,
      data: { where: resource ? resource.id : 'the template', entry, rule: 'rule' in p ? shortened(p.rule) : '', suggestion: p.kind === 'unknownRule' ? suggestion(p, ctx.ruleIds) : '' },
    });
  }
}

/** A rule name is shown as written, up to this many characters. */
const MAX_SHOWN = 80;

function shortened(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

/** " (did you mean key-policy-lockout?)" for a near miss of a known rule id. */
function suggestion(p: Extract<SuppressionProblem, { kind: 'unknownRule' }>, ruleIds: ReadonlySet<string>): string {
  if (p.rule.length > MAX_SHOWN) return '';
  let best: string | undefined;
  let bestDistance = Math.max(3, Math.floor(p.rule.length / 3)) + 1;
  for (const id of ruleIds) {
    const d = leven(p.rule.toLowerCase(), id, { maxDistance: bestDistance });
    if (d < bestDistance) [best, bestDistance] = [id, d];
  }
  return best ? ` (did you mean ${best}?)` : '';
}
