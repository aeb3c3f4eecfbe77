// `--print-config <file>` (ESLint's convention) and the CI line naming the config in use.
import { relative } from 'node:path';
import type { ResolvedConfig, RuleSetting } from '../config/types.js';
import type { SeveritySetting } from '../model/findings.js';
import { allRules } from '../../rules/index.js';
import { ruleSettingFor } from '../engine/rule-settings.js';

export interface PrintConfigOptions {
  config: ResolvedConfig;
  ruleOverrides: Record<string, SeveritySetting>;
  accounts: string[];
  cwd: string;
}

/** The configuration that applies to one file: every rule's severity and options after overrides and flags. */
export function configForFile(file: string, o: PrintConfigOptions) {
  const rules = Object.fromEntries(
    allRules.map((r) => {
      const s = ruleSettingFor(r, { config: o.config, ruleOverrides: o.ruleOverrides, cwd: o.cwd }, file);
      return [r.meta.id, Object.keys(s.options).length ? [s.severity, s.options] : s.severity];
    }),
  );
  return {
    file,
    configFile: o.config.source ? relative(o.cwd, o.config.source) || o.config.source : null,
    accounts: [...new Set([...o.config.accounts, ...o.accounts])],
    ...(o.config.organization ? { organization: o.config.organization } : {}),
    rules,
    requirements: o.config.requirements,
  };
}

function isOff(s: RuleSetting | undefined): boolean {
  return s === 'off' || (Array.isArray(s) && s[0] === 'off');
}

/** One line: which config file, and every rule it turns off (also in overrides). */
export function describeConfigInUse(config: ResolvedConfig, cwd: string): string {
  const name = config.source ? relative(cwd, config.source) || config.source : undefined;
  const off = Object.entries(config.rules).filter(([, s]) => isOff(s)).map(([id]) => id);
  const overridden = config.overrides.flatMap((o) =>
    Object.entries(o.rules)
      .filter(([, s]) => isOff(s))
      .map(([id]) => `${id} for ${[...(o.files ?? []), ...(o.resources ?? [])].join(', ')}`),
  );
  const parts = [...(off.length ? [`turns off ${off.join(', ')}`] : []), ...(overridden.length ? [`turns off in overrides ${overridden.join('; ')}`] : [])];
  if (!name) return 'config: none (default rules)';
  return `config: ${name}${parts.length ? ` ${parts.join('; ')}` : ' (turns no rule off)'}`;
}
