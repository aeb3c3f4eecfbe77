// The engine: runs every rule over one analysis, then applies severities (config, overrides, CLI),
// suppressions, baselines and fingerprints. CLI, editor server and CDK Aspect all call lint().
import { createHash } from 'node:crypto';
import { relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { LoadedInput } from '../inputs/load.js';
import type { Finding, LintResult, RelatedLocation, Severity, SeveritySetting } from '../model/findings.js';
import type { Resource, Template } from '../model/types.js';
import { analyse, type Analysis } from '../analysis/analyse.js';
import { buildSharingModel, type SharingModel } from '../analysis/sharing.js';
import { keyJson } from '../analysis/key-rows.js';
import type { ResolvedConfig, Requirement, RuleSetting } from '../config/types.js';
import { allRules, docsUrlFor } from './registry.js';
import type { Report, Rule, RuleContext } from './rule.js';
import { matchesRequirement } from './requirements.js';
import { suppressionFor } from './suppressions.js';
import { version } from '../version.js';
import { own } from '../util/objects.js';

export interface LintOptions {
  config: ResolvedConfig;
  /** `--rule id=severity`, applied last. */
  ruleOverrides?: Record<string, SeveritySetting>;
  /** `--account` values. */
  accounts?: string[];
  /** Fingerprints from `--baseline`. */
  baseline?: Set<string>;
  cwd?: string;
}

export interface LintRun {
  result: LintResult;
  analysis: Analysis;
  sharing: SharingModel;
}

export function lint(inputs: LoadedInput[], options: LintOptions): LintRun {
  const cwd = options.cwd ?? process.cwd();
  const templates = inputs.flatMap((i) => i.templates);
  const analysis = analyse(templates);
  const sharing = buildSharingModel(analysis);
  const configAccounts = new Set([...options.config.accounts, ...(options.accounts ?? [])]);
  const ownAccountCache = new Map<Template, Set<string>>();
  const ownAccounts = (t: Template) => {
    let s = ownAccountCache.get(t);
    if (!s) ownAccountCache.set(t, (s = new Set([...configAccounts, ...t.accounts])));
    return s;
  };

  const findings: Finding[] = [];
  for (const rule of allRules) {
    const setting = severityFor(rule, options, undefined, undefined, cwd);
    const requirementRule = rule.meta.group === 'requirement';
    // A rule switched off everywhere (and in no override) costs nothing.
    if (setting.severity === 'off' && !options.config.overrides.some((o) => own(o.rules, rule.meta.id) !== undefined)) continue;
    if (requirementRule && !options.config.requirements.some((r) => rule.meta.requirement && r.require[rule.meta.requirement] !== undefined)) continue;
    const ctx: RuleContext = {
      analysis,
      sharing,
      config: options.config,
      ownAccounts,
      requirementsFor: (res: Resource): Requirement[] => options.config.requirements.filter((req) => matchesRequirement(req, res, analysis.evaluatorFor(res.template))),
      options: setting.options,
      report: (r: Report) => {
        const f = toFinding(rule, r, options, cwd);
        if (f) findings.push(f);
      },
    };
    try {
      rule.check(ctx);
    } catch (err) {
      // A rule bug must not lose other rules' findings; say so loudly instead.
      process.emitWarning(`kmslint: rule ${rule.meta.id} failed: ${(err as Error).stack ?? String(err)}`);
    }
  }
  for (const input of inputs) {
    if (!input.error) continue;
    const sev = severityFor(parseErrorRule(), options, input.path, undefined, cwd).severity;
    findings.push({
      ruleId: 'parse-error',
      severity: sev === 'off' ? 'error' : sev, // an unreadable input always fails the run (exit 2)
      message: input.error.message,
      file: input.path,
      line: input.error.line,
      column: input.error.column,
      endLine: input.error.line,
      endColumn: input.error.column,
      suppressed: false,
      fingerprint: fingerprint(['parse-error', input.path, input.error.message]),
    });
  }
  if (options.baseline) {
    for (const f of findings) {
      if (!f.suppressed && options.baseline.has(f.fingerprint)) {
        f.suppressed = true;
        f.suppression = { kind: 'external', justification: 'listed in the baseline' };
      }
    }
  }
  findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
  const active = findings.filter((f) => !f.suppressed);
  const reportedInputs = inputs.filter((i) => !i.skipped || i.error);
  const result: LintResult = {
    tool: { name: 'kmslint', version },
    inputs: reportedInputs.map((i) => ({ path: i.path, format: i.format, error: i.error })),
    findings,
    rules: allRules.map((r) => ({ id: r.meta.id, defaultSeverity: r.meta.defaultSeverity, description: r.meta.description, docsUrl: docsUrlFor(r.meta.id) })),
    summary: {
      errors: active.filter((f) => f.severity === 'error').length,
      warnings: active.filter((f) => f.severity === 'warning').length,
      infos: active.filter((f) => f.severity === 'info').length,
      suppressed: findings.length - active.length,
      inputs: reportedInputs.length,
    },
  };
  return { result, analysis, sharing };
}

function parseErrorRule(): Rule {
  return allRules.find((r) => r.meta.id === 'parse-error')!;
}

interface EffectiveSetting {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

function splitSetting(s: RuleSetting | undefined): { severity?: SeveritySetting; options?: Record<string, unknown> } {
  if (s === undefined) return {};
  if (typeof s === 'string') return { severity: s };
  return { severity: s[0], options: s[1] };
}

/** Severity for a rule at a file/resource: default → config → matching overrides → `--rule`. */
function severityFor(rule: Rule, options: LintOptions, file: string | undefined, resourceId: string | undefined, cwd: string): EffectiveSetting {
  let severity: SeveritySetting = rule.meta.defaultSeverity;
  let opts: Record<string, unknown> = {};
  const apply = (s: RuleSetting | undefined) => {
    const { severity: sv, options: o } = splitSetting(s);
    if (sv) severity = sv;
    if (o) opts = { ...opts, ...o };
  };
  apply(own(options.config.rules, rule.meta.id) as RuleSetting | undefined);
  if (file !== undefined) {
    const rel = relative(options.config.baseDir, resolve(cwd, file)).split(sep).join('/');
    for (const o of options.config.overrides) {
      const byFile = o.files?.some((g) => picomatch.isMatch(rel, g, { dot: true }) || picomatch.isMatch(file, g, { dot: true }));
      const byResource = resourceId !== undefined && o.resources?.some((g) => picomatch.isMatch(resourceId, g, { dot: true }));
      if (byFile || byResource) apply(own(o.rules, rule.meta.id) as RuleSetting | undefined);
    }
  }
  const cli = options.ruleOverrides?.[rule.meta.id];
  if (cli) severity = cli;
  return { severity, options: opts };
}

function toFinding(rule: Rule, r: Report, options: LintOptions, cwd: string): Finding | undefined {
  const template = r.template ?? r.resource?.template;
  if (!template) return undefined;
  const file = template.doc.file;
  const setting = severityFor(rule, options, file, r.resource?.id, cwd);
  if (setting.severity === 'off') return undefined;
  const severity: Severity = r.severity && setting.severity === rule.meta.defaultSeverity ? r.severity : setting.severity;
  const loc = template.doc.locate(r.at, true) ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
  // A Terraform side resource that sets the key (aws_s3_bucket_server_side_encryption_configuration)
  // is named as a related location of the finding on the bucket.
  const side = r.resource?.keySource?.resource;
  const relatedReports = [...(r.related ?? []), ...(side ? [{ template: side.template, at: side.path, message: `the key is set by ${side.id}` }] : [])];
  const related: RelatedLocation[] | undefined = relatedReports.map((rel) => {
    const l = rel.template.doc.locate(rel.at, true);
    return { file: rel.template.doc.file, line: l?.line ?? 1, column: l?.column ?? 1, message: rel.message };
  });
  const branch = r.branch && Object.keys(r.branch).length ? Object.entries(r.branch).map(([k, v]) => `${k}=${v}`).join(', ') : undefined;
  const suppression = r.resource ? suppressionFor(rule.meta.id, r.resource, template) : suppressionFor(rule.meta.id, undefined, template);
  const finding: Finding = {
    ruleId: rule.meta.id,
    severity,
    message: r.message, // reporters add the branch from `branch`
    file,
    line: loc.line,
    column: loc.column,
    endLine: loc.endLine,
    endColumn: loc.endColumn,
    resource: r.resource ? { id: r.resource.id, type: r.resource.type, stack: template.stack, ...(r.resource.constructPath ? { path: r.resource.constructPath } : {}) } : undefined,
    key: r.key ? keyJson(r.key) : undefined,
    branch,
    related: related?.length ? related : undefined,
    suppressed: suppression !== undefined,
    suppression: suppression ? { kind: 'inSource', justification: suppression } : undefined,
    fingerprint: fingerprint([rule.meta.id, file, template.stack, r.resource?.id ?? '', r.message, branch ?? '']),
  };
  return finding;
}

/** Line-free, so moving code around does not break a baseline. */
export function fingerprint(parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}
