// Rule options in a config (`rules: { id: [severity, options] }`, also in overrides) checked against
// each rule's JSON Schema (meta.schema), so a misspelt or out-of-range option is a config error
// naming the rule, as ESLint does, instead of an option the rule silently ignores.
import type { ErrorObject } from 'ajv';
import { optionsValidator, type RuleOptionsSchema } from '../rule-kit/options-schema.js';
import { isRecord } from '../util/objects.js';

/** What validation needs of a rule: its id and the schema of its options, if it declares one. */
export interface RuleOptionsDeclaration {
  readonly meta: { readonly id: string; readonly schema?: RuleOptionsSchema };
}

/** The rules a config may name: their ids only, or the rules, whose options are then checked too. */
export type KnownRules = ReadonlySet<string> | readonly RuleOptionsDeclaration[];

export function knownRuleIds(known: KnownRules): ReadonlySet<string> {
  return isRuleList(known) ? new Set(known.map((r) => r.meta.id)) : known;
}

/** Problems of the options written in one `rules` map at `where` (`rules`, `overrides[0].rules`). */
export function ruleOptionProblems(rules: unknown, where: string, known: KnownRules): string[] {
  if (!isRuleList(known) || !isRecord(rules)) return [];
  const problems: string[] = [];
  for (const rule of known) {
    const schema = rule.meta.schema;
    const setting = Object.prototype.hasOwnProperty.call(rules, rule.meta.id) ? rules[rule.meta.id] : undefined;
    if (!schema || !Array.isArray(setting) || !isRecord(setting[1])) continue;
    // Validated on a copy: the schema's defaults are filled in when the rule runs, not in the config.
    const options = structuredClone(setting[1]);
    const validate = optionsValidator(schema);
    if (validate(options)) continue;
    for (const e of validate.errors ?? []) problems.push(describe(e, `${where}.${rule.meta.id}[1]`, rule.meta.id, setting[1]));
  }
  return problems;
}

function describe(e: ErrorObject, base: string, id: string, options: unknown): string {
  const extra = e.keyword === 'additionalProperties' ? String((e.params as { additionalProperty: string }).additionalProperty) : undefined;
  const segments = e.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const path = [...segments, ...(extra !== undefined ? [extra] : [])].reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : `${acc}.${seg}`), base);
  const found = extra !== undefined ? '' : `, found ${JSON.stringify(valueAt(options, segments)) ?? 'nothing'}`;
  return `${path}: invalid option of rule ${id}: ${e.message ?? e.keyword}${found}`;
}

function valueAt(root: unknown, segments: string[]): unknown {
  let cur = root;
  for (const seg of segments) cur = isRecord(cur) || Array.isArray(cur) ? (cur as Record<string, unknown>)[seg] : undefined;
  return cur;
}

function isRuleList(known: KnownRules): known is readonly RuleOptionsDeclaration[] {
  return Array.isArray(known);
}
