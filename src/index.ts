// Public API: the one engine every front end (CLI, editor server, CDK Aspect) calls.
export { lintSources, type LintSourcesRequest, type LintSourcesResult } from './engine/lint-sources.js';
export { verdictOf, type Verdict, type VerdictOptions, type VerdictReason } from './engine/verdict.js';
export { loadInputs, type LoadedSet, type LoadInputsOptions } from './engine/load-inputs.js';
export { loadFile, loadText, type LoadedInput, type LoadOptions } from './inputs/load.js';
export { lint, type LintOptions, type LintRun } from './engine/lint.js';
export { analyse, type Analysis } from './analysis/analyse.js';
export { keyRows, type KeyRow } from './analysis/key-rows.js';
export { keyMapOf, type KeyMap, type RelationRow, type DeclaredKeyRow, type MapResource } from './analysis/key-map.js';
export { loadConfig, validateConfig, resolveConfig, ConfigError } from './config/load.js';
export type { ResolvedConfig, UserConfig, Requirement } from './config/types.js';
export { allRules, findRule, docsUrlFor } from '../rules/index.js';
export type { Rule, RuleMeta, RuleContext, Report, RelatedReport, MessageData } from './rule-kit/types.js';
export { createRule, NO_OPTIONS, type TypedRuleContext, type RuleOptionsSchema, type OptionsOf } from './rule-kit/index.js';
export { lintFormatters } from './reporters/index.js';
export { keysFormatters } from './reporters/keys.js';
export type * from './model/types.js';
export type * from './model/findings.js';
