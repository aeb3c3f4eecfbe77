// The engine: runs every rule over one analysis, then applies severities (config, overrides, CLI),
// suppressions, baselines and fingerprints. CLI, editor server and CDK Aspect all call lint().
import type { LoadedInput } from '../inputs/load.js';
import type { Finding, LintResult, RelatedLocation, Severity, SeveritySetting } from '../model/findings.js';
import type { EffectiveKey, Resource, SourceRange, Template } from '../model/types.js';
import { analyse, type Analysis, type AnalysisFailure } from '../analysis/analyse.js';
import { sharingView, type SharingModel } from '../analysis/sharing.js';
import { keyJson } from '../analysis/key-rows.js';
import type { ResolvedConfig, Requirement } from '../config/types.js';
import { allRules, docsUrlFor } from '../../rules/index.js';
import { rulePage } from './rule-pages.js';
import { shortDigest } from '../util/short-digest.js';
import type { MessageData, Report, Rule, RuleContext } from '../rule-kit/types.js';
import { matchesRequirement } from './requirements.js';
import { suppressionFor } from '../analysis/suppressions.js';
import { ruleSettingFor, type RuleSettingInputs } from './rule-settings.js';
import { renderMessage } from './messages.js';
import { runIsolated, type RuleScope } from './isolate.js';
import { compareFindings } from './order.js';
import type { ChangeSet } from '../diff/change-set.js';
import { version } from '../version.js';
import { own } from '../util/objects.js';
import { withoutRepeatedModuleFindings } from '../inputs/terraform/hcl/repeated-findings.js';

export interface LintOptions {
  config: ResolvedConfig;
  /** `--rule id=severity`, applied last. */
  ruleOverrides?: Record<string, SeveritySetting>;
  /** `--account` values. */
  accounts?: string[];
  /** Fingerprints from `--baseline`. */
  baseline?: Set<string>;
  cwd?: string;
  /** Custom rules, run after the built-in ones; their ids must differ from every other rule's. */
  rules?: readonly Rule[];
  /** `kmslint diff`: the change from the before side to the analysis of these inputs, for the change rules. */
  changeOf?: (analysis: Analysis) => ChangeSet;
}

export interface LintRun {
  result: LintResult;
  analysis: Analysis;
  sharing: SharingModel;
}

/** Findings the engine makes itself; neither is ever suppressed, switched off or baselined. */
const ENGINE_RULES = new Set(['parse-error', 'internal-error']);
/** A suppression's own problem cannot be suppressed by another suppression. */
const UNSUPPRESSIBLE = new Set([...ENGINE_RULES, 'invalid-suppression']);

/** What a run's settings fix before any input is seen; made once for many runs with one plan (lintAlone). */
export interface PreparedRun {
  rules: readonly Rule[];
  ruleIds: ReadonlySet<string>;
  settings: RuleSettingInputs;
  /** The rules active somewhere, with their options where no file or resource narrows them. */
  active: readonly { rule: Rule; options: Record<string, unknown> }[];
  configAccounts: ReadonlySet<string>;
  resultRules: LintResult['rules'];
}

export function prepareRun(options: LintOptions, builtins: readonly Rule[] = allRules): PreparedRun {
  const cwd = options.cwd ?? process.cwd();
  const rules = rulesOfRun(builtins, options.rules);
  const settings: RuleSettingInputs = { config: options.config, ruleOverrides: options.ruleOverrides, cwd };
  return {
    rules,
    ruleIds: new Set(rules.map((r) => r.meta.id)),
    settings,
    active: rules.filter((r) => activeAnywhere(r, options, settings)).map((rule) => ({ rule, options: ruleSettingFor(rule, settings).options })),
    configAccounts: new Set([...options.config.accounts, ...(options.accounts ?? [])]),
    resultRules: rules.map((r) => ({
      id: r.meta.id,
      defaultSeverity: r.meta.defaultSeverity,
      description: r.meta.description,
      docsUrl: r.meta.docsUrl ?? docsUrlFor(r.meta.id),
      group: r.meta.group,
      // Read when a reporter asks (SARIF, JSON): most runs print no rule page.
      get help() {
        return rulePage(r.meta.id);
      },
      ...(r.meta.securitySeverity !== undefined ? { securitySeverity: r.meta.securitySeverity } : {}),
    })),
  };
}

/**
 * Lints with `builtins` (the built-in rules of rules/index.ts unless given) followed by
 * `options.rules`; `prepared` must be `prepareRun` of the same options and builtins.
 */
export function lint(inputs: LoadedInput[], options: LintOptions, builtins: readonly Rule[] = allRules, prepared: PreparedRun = prepareRun(options, builtins)): LintRun {
  const { rules, ruleIds, settings, configAccounts } = prepared;
  const templates = inputs.flatMap((i) => i.templates);
  const analysis = analyse(templates);
  const change = options.changeOf?.(analysis);
  // The relation graph is the analysis' (analysis.relations); `sharing` is its view for older rules.
  const sharing = sharingView(analysis.relations);
  const ownAccountCache = new Map<Template, Set<string>>();
  const ownAccounts = (t: Template) => {
    let s = ownAccountCache.get(t);
    if (!s) ownAccountCache.set(t, (s = new Set([...configAccounts, ...t.accounts])));
    return s;
  };
  const requirementsFor = (res: Resource): Requirement[] => options.config.requirements.filter((req) => matchesRequirement(req, res, analysis.evaluatorFor(res.template)));

  const findings = new FindingSet();
  const internalError = findRuleIn(rules, 'internal-error');
  for (const { rule, options: ruleOptions } of prepared.active) {
    const run = (r: Rule, scope: RuleScope, report: (x: Report) => void) => {
      const ctx: RuleContext = { analysis: scope.analysis, relations: scope.analysis.relations, sharing: scope.sharing, config: options.config, ownAccounts, requirementsFor, ruleIds, options: ruleOptions, optionsFor: (res: Resource) => ruleSettingFor(r, settings, res.template.doc.file, res.id).options, change, report };
      r.check(ctx);
    };
    const { results, failures } = runIsolated(rule, { analysis, sharing }, run, (r) => toFinding(rule, r, settings));
    for (const f of results) findings.add(f);
    for (const failure of failures) {
      const template = failure.template ?? templates[0];
      const file = template?.doc.file ?? inputs[0]?.path ?? '';
      const data = { rule: rule.meta.id, cause: oneLine(failure.error) };
      findings.add(engineFinding(internalError, failure.template ? 'ruleFailed' : 'setFailed', data, file, settings, { template, counterpart: rule.meta.id }));
    }
  }
  for (const failure of analysis.failures) findings.add(analysisFailureFinding(internalError, failure, settings));
  const parseError = findRuleIn(rules, 'parse-error');
  for (const input of inputs) {
    if (!input.error) continue;
    const e = input.error;
    // One cause per input, so the file alone identifies it; the reader's wording may change.
    findings.add(engineFinding(parseError, 'unparsable', { reason: e.message }, input.path, settings, { range: { line: e.line, column: e.column, endLine: e.line, endColumn: e.column } }));
  }
  const all = withoutRepeatedModuleFindings(findings.list());
  if (options.baseline) {
    for (const f of all) {
      if (!f.suppressed && !ENGINE_RULES.has(f.ruleId) && options.baseline.has(f.fingerprint)) {
        f.suppressed = true;
        f.suppression = { kind: 'external', justification: 'listed in the baseline' };
      }
    }
  }
  all.sort(compareFindings);
  const reportedInputs = inputs.filter((i) => !i.skipped || i.error);
  const result: LintResult = {
    tool: { name: 'kmslint', version },
    inputs: reportedInputs.map((i) => ({ path: i.path, format: i.format, error: i.error })),
    findings: all,
    rules: prepared.resultRules,
    summary: summaryOf(all, reportedInputs.length),
  };
  return { result, analysis, sharing };
}

/** Counts by severity of the findings not suppressed, and of the suppressed ones. */
export function summaryOf(findings: readonly Finding[], inputs: number): LintResult['summary'] {
  const active = findings.filter((f) => !f.suppressed);
  const count = (severity: Severity) => active.filter((f) => f.severity === severity).length;
  return { errors: count('error'), warnings: count('warning'), infos: count('info'), suppressed: findings.length - active.length, inputs };
}

/** The built-in rules followed by the custom ones. */
function rulesOfRun(given: readonly Rule[], custom: readonly Rule[] | undefined): readonly Rule[] {
  // parse-error and internal-error are the engine's own findings: every run has them, whatever list it is given.
  const builtins = [...given, ...allRules.filter((r) => ENGINE_RULES.has(r.meta.id) && !given.some((g) => g.meta.id === r.meta.id))];
  if (!custom?.length) return builtins;
  const ids = new Set(builtins.map((r) => r.meta.id));
  for (const r of custom) {
    if (ids.has(r.meta.id)) throw new Error(`custom rule ${r.meta.id}: a rule with that id already exists`);
    ids.add(r.meta.id);
  }
  return [...builtins, ...custom];
}

function findRuleIn(rules: readonly Rule[], id: string): Rule {
  return rules.find((r) => r.meta.id === id)!;
}

/** A rule switched off everywhere (and in no override), or a requirement rule no requirement asks for, costs nothing. */
function activeAnywhere(rule: Rule, options: LintOptions, settings: RuleSettingInputs): boolean {
  if (ENGINE_RULES.has(rule.meta.id)) return false; // the engine makes these findings itself
  if (ruleSettingFor(rule, settings).severity === 'off' && !options.config.overrides.some((o) => own(o.rules, rule.meta.id) !== undefined)) return false;
  if (rule.meta.group === 'requirement' && !options.config.requirements.some((r) => rule.meta.requirement && r.require[rule.meta.requirement] !== undefined)) return false;
  return true;
}

function toFinding(rule: Rule, r: Report, settings: RuleSettingInputs): Finding | undefined {
  const template = r.template ?? r.resource?.template;
  if (!template) return undefined;
  const file = template.doc.file;
  const setting = ruleSettingFor(rule, settings, file, r.resource?.id);
  if (setting.severity === 'off') return undefined;
  const severity: Severity = r.severity && setting.severity === rule.meta.defaultSeverity ? r.severity : setting.severity;
  const message = renderMessage(rule.meta, r.messageId, r.data); // reporters add the branch from `branch`
  const loc = r.range ?? template.doc.locate(r.at, true) ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
  // A Terraform side resource that sets the key (aws_s3_bucket_server_side_encryption_configuration)
  // is named as a related location of the finding on the bucket.
  const side = r.resource?.keySource?.resource;
  const call = r.resource?.moduleCall;
  const relatedReports = [
    ...(r.related ?? []),
    ...(side ? [{ template: side.template, at: side.path, message: `the key is set by ${side.id}` }] : []),
    ...(call ? [{ template: call.template, at: call.path, message: `instantiated by ${call.address}` }] : []),
  ];
  const related: RelatedLocation[] = relatedReports.map((rel) => {
    const l = rel.range ?? rel.template.doc.locate(rel.at, true);
    return { file: rel.template.doc.file, line: l?.line ?? 1, column: l?.column ?? 1, message: rel.message };
  });
  const branch = r.branch && Object.keys(r.branch).length ? Object.entries(r.branch).map(([k, v]) => `${k}=${v}`).join(', ') : undefined;
  const suppression = UNSUPPRESSIBLE.has(rule.meta.id) ? undefined : suppressionFor(rule.meta.id, r.resource, template);
  return {
    ruleId: rule.meta.id,
    messageId: r.messageId,
    severity,
    message,
    file,
    line: loc.line,
    column: loc.column,
    endLine: loc.endLine,
    endColumn: loc.endColumn,
    resource: r.resource ? { id: r.resource.id, type: r.resource.type, stack: template.stack, ...(r.resource.constructPath ? { path: r.resource.constructPath } : {}) } : undefined,
    key: r.key ? keyJson(r.key) : undefined,
    branch,
    related: related.length ? related : undefined,
    suppressed: suppression !== undefined,
    suppression: suppression ? { kind: 'inSource', justification: suppression } : undefined,
    fingerprint: findingFingerprint({
      ruleId: rule.meta.id,
      messageId: r.messageId,
      file,
      stack: template.stack,
      resource: r.resource?.id,
      branch: r.branch,
      key: r.key,
      keyPurpose: r.keyPurpose,
      counterpart: r.counterpart,
    }),
  };
}

/** A parse-error or internal-error finding: never suppressed, and never switched off (an input was not checked). */
function engineFinding(
  rule: Rule,
  messageId: string,
  data: MessageData,
  file: string,
  settings: RuleSettingInputs,
  where: { template?: Template; resource?: Resource; range?: SourceRange; counterpart?: string },
): Finding {
  const range = where.range ?? (where.resource ? safeLocate(where.resource) : undefined) ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
  const r = where.resource;
  const configured = ruleSettingFor(rule, settings, file, r?.id).severity;
  return {
    ruleId: rule.meta.id,
    messageId,
    severity: configured === 'off' ? 'error' : configured,
    message: renderMessage(rule.meta, messageId, data),
    file,
    ...range,
    resource: r ? { id: r.id, type: r.type, stack: r.template.stack, ...(r.constructPath ? { path: r.constructPath } : {}) } : undefined,
    suppressed: false,
    fingerprint: findingFingerprint({ ruleId: rule.meta.id, messageId, file, stack: where.template?.stack ?? r?.template.stack, resource: r?.id, counterpart: where.counterpart }),
  };
}

function analysisFailureFinding(internalError: Rule, failure: AnalysisFailure, settings: RuleSettingInputs): Finding {
  const cause = oneLine(failure.error);
  const where = { template: failure.template, resource: failure.resource, counterpart: `analysis:${failure.stage}` };
  const file = failure.template.doc.file;
  if (failure.stage === 'exports' || !failure.resource) return engineFinding(internalError, 'exportsFailed', { cause }, file, settings, where);
  return engineFinding(internalError, failure.stage === 'key' ? 'keyFailed' : 'sharingFailed', { resource: failure.resource.id, cause }, file, settings, where);
}

/** The resource's range, unless locating it is what fails on this input. */
function safeLocate(resource: Resource): SourceRange | undefined {
  try {
    return resource.template.doc.locate(resource.path, true);
  } catch {
    return undefined;
  }
}

/** "RangeError: Maximum call stack size exceeded": the first line of an error, without its stack. */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : `thrown ${typeof error}: ${String(error)}`;
  const line = text.split(/\r?\n/, 1)[0];
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/**
 * Findings of a run, one per cause: a report whose fingerprint is already present is the same
 * finding reached another way (a second statement of the same policy, a second action of the same
 * alarm); its sites are added to the first's `related` locations.
 */
class FindingSet {
  private readonly byFingerprint = new Map<string, Finding>();

  add(f: Finding): void {
    const first = this.byFingerprint.get(f.fingerprint);
    if (!first) {
      this.byFingerprint.set(f.fingerprint, f);
      return;
    }
    if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[first.severity]) first.severity = f.severity;
    const sites = [...(first.related ?? []), ...(f.related ?? [])];
    const seen = new Set<string>();
    const related = sites.filter((s) => {
      const k = `${s.file}\u0000${s.line}\u0000${s.column}\u0000${s.message}`;
      return !seen.has(k) && seen.add(k);
    });
    first.related = related.length ? related : undefined;
  }

  list(): Finding[] {
    return [...this.byFingerprint.values()];
  }
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** What identifies a finding across edits (contract §4): never its message text or its lines. */
export interface FingerprintParts {
  ruleId: string;
  messageId: string;
  file: string;
  stack?: string;
  /** Logical id or Terraform address. */
  resource?: string;
  branch?: Readonly<Record<string, boolean>>;
  key?: EffectiveKey;
  keyPurpose?: string;
  counterpart?: string;
}

export function findingFingerprint(p: FingerprintParts): string {
  const branch = p.branch ? Object.keys(p.branch).sort().map((k) => `${k}=${String(p.branch![k])}`) : [];
  const key = p.key ? [p.key.kind, p.key.alias ?? '', p.key.keyRef ?? '', p.keyPurpose ?? 'data'] : [];
  return shortDigest(JSON.stringify([p.ruleId, p.messageId, p.file, p.stack ?? '', p.resource ?? '', branch.join(','), key.join('|'), p.counterpart ?? '']));
}
