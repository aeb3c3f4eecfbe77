// The lint, rules, explain and init commands.
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createColors } from 'picocolors';
import { keyMapOf } from '../analysis/key-map.js';
import { rulePage } from '../engine/rule-pages.js';
import { verdictOf } from '../engine/verdict.js';
import { allRules, docsUrlFor, findRule } from '../../rules/index.js';
import { UsageError, type CliIO, type CliValues } from './main.js';
import { gatherInputs, inputPaths, openRunCache } from './gather-inputs.js';
import { lintSet } from '../engine/cached-lint.js';
import { progressFor } from './progress.js';
import { loadCommandConfig, parseReportOptions, printReport } from './gated-report.js';
import { baselineOf, readBaseline } from './baseline.js';
import { writeFileAtomic } from './write-atomic.js';
import { configForFile, describeConfigInUse } from './print-config.js';

export async function runLintCommand(positionals: string[], values: CliValues, io: CliIO, color: boolean): Promise<number> {
  const options = parseReportOptions(values);
  const { ruleOverrides, accounts, maxWarnings } = options;
  const config = await loadCommandConfig(values, io);
  if (!config) return 2;
  // In CI a weakened gate must be visible in the log: the first line names the config and what it turns off.
  if (io.env.CI) io.stderr(`kmslint: ${describeConfigInUse(config, io.cwd)}\n`);
  if (values['print-config'] !== undefined) {
    io.stdout(JSON.stringify(configForFile(values['print-config'], { config, ruleOverrides, accounts, cwd: io.cwd }), null, 2) + '\n');
    return 0;
  }
  const baseline = values.baseline ? readBaseline(values.baseline, io.cwd) : undefined;
  const progress = progressFor(io);
  const lintOptions = { config, ruleOverrides, accounts, baseline, cwd: io.cwd };
  const cache = openRunCache(values, io, lintOptions);
  // The HTML key map needs every input's analysis: only then are all inputs kept and linted together.
  const solo = values.format === 'html' ? undefined : { options: lintOptions, rules: allRules, withKeys: false };
  const { set, counted, emptyExit } = await gatherInputs(positionals, values, progress.around(io), progress.update, cache, solo);
  // Inputs linted alone were analysed as they were read; the step shows only when some are left.
  if (set.inputs.length > 0) progress.update({ phase: 'analysing', done: 0, total: set.inputs.length });
  const { result, analysis } = lintSet(set, lintOptions, allRules, cache);
  progress.end();
  const written = inputPaths(set);

  if (values['write-baseline']) {
    const file = baselineOf(result.findings);
    writeFileAtomic('--write-baseline', values['write-baseline'], JSON.stringify(file, null, 2) + '\n', io.cwd, written);
    io.stderr(`kmslint: wrote ${file.findings.length} accepted finding${file.findings.length === 1 ? '' : 's'} to ${values['write-baseline']}\n`);
  }
  // Inputs reused from --cache or linted alone are not in the joint analysis: a map of it would be partial.
  await printReport(result, options, values, io, color, written, set.settled?.length ? undefined : () => keyMapOf(analysis, { accounts: [...config.accounts, ...accounts] }));

  if (counted === 0) return emptyExit;
  const verdict = verdictOf(result, { maxWarnings });
  // A written baseline accepts today's findings: the run that wrote it passes unless an input failed.
  if (values['write-baseline'] && verdict.exitCode === 1) return 0;
  if (verdict.reason === 'too-many-warnings') io.stderr(`kmslint: ${verdict.message}\n`);
  return verdict.exitCode;
}

export function runRulesCommand(io: CliIO, color: boolean): number {
  const c = createColors(color);
  const width = Math.max(...allRules.map((r) => r.meta.id.length));
  const lines: string[] = [];
  let group = '';
  for (const r of allRules) {
    if (r.meta.group !== group) {
      group = r.meta.group;
      lines.push('', c.bold(GROUP_TITLES[group]));
    }
    const sev = r.meta.defaultSeverity;
    const sevText = (sev === 'error' ? c.red : sev === 'warning' ? c.yellow : c.blue)(sev.padEnd(7));
    lines.push(`  ${r.meta.id.padEnd(width)}  ${sevText}  ${r.meta.description}`);
    lines.push(c.dim(`  ${' '.repeat(width)}           ${docsUrlFor(r.meta.id)}`));
  }
  io.stdout(lines.slice(1).join('\n') + '\n');
  return 0;
}

const GROUP_TITLES: Record<string, string> = {
  misuse: 'Misuse of AWS managed keys (always on)',
  requirement: 'Requirements (active where a config requirement matches)',
  hygiene: 'Customer key hygiene',
  information: 'Information',
};

export function runExplainCommand(positionals: string[], io: CliIO): number {
  const id = positionals[0];
  if (!id) throw new UsageError('explain takes a rule id (see `kmslint rules`)');
  const rule = findRule(id);
  if (!rule) throw new UsageError(`unknown rule "${id}" (see \`kmslint rules\`)`);
  io.stdout(rulePage(id) ?? `${id}: ${rule.meta.description}\n${docsUrlFor(id)}\n`);
  return 0;
}

export function runInitCommand(values: CliValues, io: CliIO): number {
  const target = resolve(io.cwd, '.kmslintrc.yaml');
  if (existsSync(target) && !values.force) {
    io.stderr(`kmslint: ${target} exists; use --force to overwrite\n`);
    return 2;
  }
  writeFileSync(target, STARTER_CONFIG);
  io.stdout(`wrote ${target}\n`);
  return 0;
}

export const STARTER_CONFIG = `# kmslint configuration — see \`kmslint rules\` and \`kmslint explain <rule-id>\`.

# Accounts this code deploys to: principals in these accounts are not "another account".
accounts: []
#  - "111122223333"

# organization: o-a1b2c3d4e5   # named in messages about organisation-wide grants

# Severity per rule: off | info | warning | error
rules: {}
#  implicit-aws-managed-key: warning
#  customer-key-deletion-unprotected: [warning, { minPendingWindowDays: 30 }]

# Requirements turn on the requirement-* rules for the resources they match.
requirements: []
#  - name: cardholder-data
#    match:
#      types: [AWS::RDS::DBInstance, aws_db_instance]
#      ids: ["Payments*"]
#      tags: { DataClassification: [restricted] }
#    require: { customerManagedKey: true, rotation: { maxDays: 90 }, deletable: true }

# Overrides by file glob or resource address.
overrides: []
#  - files: ["legacy/**"]
#    rules: { cross-account-aws-managed-key: warning }
`;
