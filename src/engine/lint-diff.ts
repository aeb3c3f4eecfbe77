// `kmslint diff`: lint both sides, build the change set between them, and report the change rules'
// findings plus every finding of the after side that the before side did not have (contract §3, §5).
// `@aws-cdk/cloudformation-diff` is loaded here and nowhere else, so `lint` never pays for it.
import type { Finding, LintResult } from '../model/findings.js';
import type { Template } from '../model/types.js';
import type { LoadedInput } from '../inputs/load.js';
import type { ChangeSet } from '../diff/change-set.js';
import { buildChangeSet, stackSourceOf, type DiffSides } from '../diff/build-change-set.js';
import type { CloudFormationDiffModule } from '../diff/cloudformation-changes.js';
import { allRules } from '../../rules/index.js';
import type { Rule } from '../rule-kit/types.js';
import { lint, summaryOf, type LintOptions } from './lint.js';
import { compareFindings } from './order.js';

export interface LintDiffOptions extends Omit<LintOptions, 'changeOf'> {
  /** Report every finding of the after side, not only the new ones. */
  all?: boolean;
}

export interface DiffInputs {
  before: LoadedInput[];
  after: LoadedInput[];
  /** The name both sides give the same stack (see DiffSides.pairKey). */
  pairKey: DiffSides['pairKey'];
  /** `kmslint diff plan.json`: each plan (after) with its prior state read as a plan (before). */
  plans?: readonly { before: LoadedInput; after: LoadedInput }[];
}

/** Findings the engine makes about reading inputs: reported from both sides, never filtered as old. */
const INPUT_RULES = new Set(['parse-error', 'internal-error']);

export async function lintDiff(inputs: DiffInputs, options: LintDiffOptions, builtins: readonly Rule[] = allRules): Promise<{ result: LintResult; change: ChangeSet }> {
  const diff = (await import('@aws-cdk/cloudformation-diff')) as unknown as CloudFormationDiffModule;
  const planBefore = new Map<Template, Template>();
  for (const p of inputs.plans ?? []) {
    const [a, b] = [p.after.templates[0], p.before.templates[0]];
    if (a && b) planBefore.set(a, b);
  }
  // An after-side input that failed to load stands for the templates it would have held.
  const failed = inputs.after.filter((i) => i.error);
  const unreadableAfter = (t: Template) =>
    failed.some((i) => inputs.pairKey({ file: i.path, stack: '', format: i.format }, 'after') === inputs.pairKey(stackSourceOf(t), 'before') || (t.format === 'cdk' && (i.format === 'cdk' || i.format === null)));
  const changeRules = new Set(builtins.filter((r) => r.meta.group === 'change').map((r) => r.meta.id));
  const beforeRun = lint(inputs.before, options, builtins);
  let change: ChangeSet | undefined;
  const afterRun = lint(inputs.after, {
    ...options,
    changeOf: (analysis) => (change = buildChangeSet({ before: beforeRun.analysis, after: analysis, pairKey: inputs.pairKey, planBefore, unreadableAfter }, diff)),
  }, builtins);

  // The before side's stacks under the after side's names, so a finding is "old" wherever its stack lives.
  const stackOf = new Map<string, string>();
  for (const pair of change!.pairs) if (pair.before) stackOf.set(pair.before.stack, pair.stack);
  const identity = (f: Finding, stack: string | undefined) => [f.ruleId, f.messageId ?? '', stack ?? '', f.resource?.id ?? '', f.branch ?? ''].join('\u0000');
  const old = new Set(beforeRun.result.findings.map((f) => identity(f, f.resource && (stackOf.get(f.resource.stack) ?? f.resource.stack))));

  const findings = [
    ...beforeRun.result.findings.filter((f) => INPUT_RULES.has(f.ruleId)),
    ...afterRun.result.findings.filter((f) => changeRules.has(f.ruleId) || INPUT_RULES.has(f.ruleId) || options.all || !old.has(identity(f, f.resource?.stack))),
  ].sort(compareFindings);
  const result: LintResult = {
    ...afterRun.result,
    inputs: [...beforeRun.result.inputs, ...afterRun.result.inputs],
    findings,
    summary: summaryOf(findings, beforeRun.result.summary.inputs + afterRun.result.summary.inputs),
  };
  return { result, change: change! };
}
