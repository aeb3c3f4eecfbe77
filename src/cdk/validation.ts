// `new App({ policyValidationBeta1: [new KmsLintValidation()] })` or `Validations.of(app).addPlugins(…)`:
// CDK hands the plugin the synthesized templates; kmslint reads the cloud assemblies holding them
// (nested stacks, Stage environments and construct paths included) and lints them together.
import { existsSync } from 'node:fs';
import { dirname, join, relative, isAbsolute, sep } from 'node:path';
import type {
  IPolicyValidationContextBeta1,
  IPolicyValidationPlugin,
  IPolicyValidationPluginBeta1,
  PolicyValidationPluginReportBeta1,
  PolicyViolatingResource,
  PolicyViolatingResourceBeta1,
  PolicyViolationBeta1,
} from 'aws-cdk-lib';
import { loadFile, type LoadedInput } from '../inputs/load.js';
import type { Finding } from '../model/findings.js';
import { version } from '../version.js';
import type { KmsLintOptions } from './options.js';
import { lintForCdk } from './findings.js';

/** One plugin for both registrations: `policyValidationBeta1` (aws-cdk-lib ≥ 2.71) and `Validations.of(app).addPlugins` (newer releases). */
export class KmsLintValidation implements IPolicyValidationPluginBeta1, IPolicyValidationPlugin {
  readonly name = 'kmslint';
  readonly version = version;

  constructor(private readonly options: KmsLintOptions = {}) {}

  validate(context: IPolicyValidationContextBeta1): PolicyValidationPluginReportBeta1 {
    const inputs = assembliesOf(context.templatePaths).map((dir) => loadFile(dir, { explicit: true }));
    // Templates outside any cloud assembly (not written by CDK) are read one by one.
    const covered = new Set(inputs.flatMap((i) => i.templates.map((t) => t.doc.file)));
    const loose: LoadedInput[] = context.templatePaths.filter((p) => !covered.has(p)).map((p) => loadFile(p, { explicit: true }));
    const run = lintForCdk([...inputs, ...loose], this.options);
    return {
      success: run.verdict.exitCode === 0,
      violations: violations(run.shown, run.result.rules),
      pluginVersion: version,
    };
  }
}

/** The outermost directories holding a `manifest.json` among the templates' directories (a Stage's sits inside the App's). */
function assembliesOf(templatePaths: readonly string[]): string[] {
  const dirs = [...new Set(templatePaths.map((p) => dirname(p)))].filter((d) => existsSync(join(d, 'manifest.json'))).sort();
  const out: string[] = [];
  for (const d of dirs) if (!out.some((o) => isInside(o, d))) out.push(d);
  return out;
}

function isInside(parent: string, child: string): boolean {
  const r = relative(parent, child);
  return r === '' || (!r.startsWith(`..${sep}`) && r !== '..' && !isAbsolute(r));
}

/** One violation per rule and message; each finding is a violating resource with its template location. */
function violations(findings: Finding[], rules: { id: string; docsUrl?: string }[]): PolicyViolationBeta1[] {
  const byRule = new Map<string, { violation: PolicyViolationBeta1; resources: PolicyViolatingResourceBeta1[] }>();
  for (const f of findings) {
    const key = `${f.ruleId}\u0000${f.severity}\u0000${f.message}`;
    let entry = byRule.get(key);
    if (!entry) {
      const resources: PolicyViolatingResourceBeta1[] = [];
      const docs = rules.find((r) => r.id === f.ruleId)?.docsUrl;
      const violation: PolicyViolationBeta1 = {
        ruleName: f.ruleId,
        description: f.message,
        severity: f.severity,
        violatingResources: resources,
        ...(docs ? { fix: docs } : {}),
      };
      byRule.set(key, (entry = { violation, resources }));
    }
    // The stable report type also takes the construct path; CDK would otherwise infer it from the logical id.
    const resource: PolicyViolatingResource & PolicyViolatingResourceBeta1 = {
      resourceLogicalId: f.resource?.id ?? '',
      templatePath: f.file,
      locations: [`line ${f.line}, column ${f.column}${f.branch ? ` (when ${f.branch})` : ''}`],
      ...(f.resource?.path ? { constructPath: f.resource.path } : {}),
    };
    entry.resources.push(resource);
  }
  return [...byRule.values()].map((e) => e.violation);
}
