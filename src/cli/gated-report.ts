// What lint and diff share around the engine: the options that shape a gated report, loading the
// config, and printing the report (quiet view, terminal width, atomic output file).
import type { LintResult, SeveritySetting } from '../model/findings.js';
import type { KeyMap } from '../analysis/key-map.js';
import type { ResolvedConfig } from '../config/types.js';
import { ConfigError, loadConfig } from '../config/load.js';
import { allRules, ruleIds } from '../../rules/index.js';
import { isLintFormat, lintFormatNames, loadLintFormatter } from '../reporters/load-lint-formatter.js';
import { UsageError, type CliValues } from './options.js';
import type { CliIO } from './main.js';
import { writeFileAtomic } from './write-atomic.js';

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

export function parseRuleFlags(flags: readonly string[] | undefined): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  for (const f of flags ?? []) {
    const m = /^([a-z0-9-]+)=(\w+)$/.exec(f.trim());
    if (!m) throw new UsageError(`--rule takes <id>=<off|info|warning|error>, got "${f}"`);
    if (!ruleIds.has(m[1])) throw new UsageError(`--rule: unknown rule "${m[1]}" (see \`kmslint rules\`)`);
    if (!SEVERITIES.has(m[2])) throw new UsageError(`--rule ${m[1]}: severity must be off, info, warning or error, got "${m[2]}"`);
    out[m[1]] = m[2] as SeveritySetting;
  }
  return out;
}

export interface ReportOptions {
  /** A known `--format` name; its formatter loads when the report is printed. */
  format: string;
  /** -1: no limit. */
  maxWarnings: number;
  ruleOverrides: Record<string, SeveritySetting>;
  accounts: string[];
}

/** `--format`, `--max-warnings`, `--rule` and `--account`, checked before anything is read. */
export function parseReportOptions(values: CliValues): ReportOptions {
  const format = values.format ?? 'stylish';
  if (!isLintFormat(format)) throw new UsageError(`unknown format: ${format} (use ${lintFormatNames.join(', ')})`);
  const raw = values['max-warnings'];
  const maxWarnings = raw === undefined ? -1 : Number(raw);
  if (!/^-?\d+$/.test(raw ?? '0') || maxWarnings < -1) throw new UsageError(`--max-warnings takes a whole number (-1 for no limit), got "${raw}"`);
  const ruleOverrides = parseRuleFlags(values.rule);
  for (const a of values.account ?? []) if (!/^\d{12}$/.test(a)) throw new UsageError(`--account takes a 12-digit AWS account id, got "${a}"`);
  return { format, maxWarnings, ruleOverrides, accounts: [...(values.account ?? [])] };
}

/** The config the command runs with; undefined after reporting an invalid one (the caller exits 2). */
export async function loadCommandConfig(values: CliValues, io: CliIO): Promise<ResolvedConfig | undefined> {
  try {
    return await loadConfig({
      cwd: io.cwd,
      configFile: values.config,
      noConfig: values['no-config'],
      noConfigJs: values['no-config-js'] || io.env.KMSLINT_NO_CONFIG_JS === '1',
      knownRules: allRules,
    });
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr(`kmslint: ${err.message}\n`);
      return undefined;
    }
    throw err;
  }
}

/** Formats the result (errors only with --quiet) to standard output or, atomically, to --output-file. `keyMap`: for the html format. */
export async function printReport(result: LintResult, options: ReportOptions, values: CliValues, io: CliIO, color: boolean, inputPaths: readonly string[], keyMap?: () => KeyMap): Promise<void> {
  const formatter = await loadLintFormatter(options.format);
  const shown: LintResult = values.quiet
    ? { ...result, findings: result.findings.filter((f) => f.severity === 'error'), summary: { ...result.summary, warnings: 0, infos: 0 } }
    : result;
  const text = formatter(shown, { color: color && !values['output-file'], cwd: io.cwd, width: io.isTTY && io.columns ? io.columns : 80, keyMap });
  if (values['output-file']) writeFileAtomic('--output-file', values['output-file'], text, io.cwd, inputPaths);
  else io.stdout(text);
}
