// The rule kit: everything a rule module imports to be a rule — built-in or custom. The engine
// imports only its types (a rule is data the engine runs, not code the engine depends on).
export { createRule, NO_OPTIONS, type TypedReport, type TypedRuleContext, type TypedRuleMeta } from './create-rule.js';
export type { Rule, RuleMeta, RuleContext, Report, RelatedReport, MessageData, KeyVariant } from './types.js';
export type { RuleOptionsSchema, OptionSchema, OptionsOf } from './options-schema.js';
export type { PlaceholdersOf } from './message-data.js';
export { forEachVariant, keysOf, awsManagedKeys } from './variants.js';
export { keyPhrase, label } from './phrases.js';
export { requirementRule, notYours, type RequirementCheck } from './requirement-rule.js';
