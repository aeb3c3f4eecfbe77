// A rule's severity and options at a file or resource: default → config → matching overrides →
// `--rule`. The engine and `--print-config` both ask here.
import { relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { SeveritySetting } from '../model/findings.js';
import type { ResolvedConfig, RuleSetting } from '../config/types.js';
import type { Rule } from '../rule-kit/types.js';
import { own } from '../util/objects.js';

export interface RuleSettingInputs {
  config: ResolvedConfig;
  ruleOverrides?: Record<string, SeveritySetting>;
  cwd: string;
}

export interface EffectiveSetting {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

function splitSetting(s: RuleSetting | undefined): { severity?: SeveritySetting; options?: Record<string, unknown> } {
  if (s === undefined) return {};
  if (typeof s === 'string') return { severity: s };
  return { severity: s[0], options: s[1] };
}

export function ruleSettingFor(rule: Rule, o: RuleSettingInputs, file?: string, resourceId?: string): EffectiveSetting {
  let severity: SeveritySetting = rule.meta.defaultSeverity;
  let options: Record<string, unknown> = {};
  const apply = (s: RuleSetting | undefined) => {
    const { severity: sv, options: more } = splitSetting(s);
    if (sv) severity = sv;
    if (more) options = { ...options, ...more };
  };
  apply(own(o.config.rules, rule.meta.id) as RuleSetting | undefined);
  if (file !== undefined) {
    const rel = relative(o.config.baseDir, resolve(o.cwd, file)).split(sep).join('/');
    for (const override of o.config.overrides) {
      const byFile = override.files?.some((g) => picomatch.isMatch(rel, g, { dot: true }) || picomatch.isMatch(file, g, { dot: true }));
      const byResource = resourceId !== undefined && override.resources?.some((g) => picomatch.isMatch(resourceId, g, { dot: true }));
      if (byFile || byResource) apply(own(override.rules, rule.meta.id) as RuleSetting | undefined);
    }
  }
  const cli = o.ruleOverrides?.[rule.meta.id];
  if (cli) severity = cli;
  return { severity, options };
}
