// createRule: a rule module's one export, typed from its own meta — report() accepts only the
// message ids of meta.messages with data for their placeholders, and ctx.options has the type of
// meta.schema with its defaults filled in. The result is the plain `Rule` the engine runs.
import type { Report, Rule, RuleContext, RuleMeta } from './types.js';
import type { DataFor } from './message-data.js';
import { withDefaults, type OptionsOf, type RuleOptionsSchema } from './options-schema.js';

/** A report of one of the rule's messages. */
export type TypedReport<M extends Readonly<Record<string, string>>, Id extends keyof M & string> = Omit<Report, 'messageId' | 'data'> & {
  messageId: Id;
} & DataFor<M[Id]>;

export interface TypedRuleContext<M extends Readonly<Record<string, string>>, O> extends Omit<RuleContext, 'options' | 'optionsFor' | 'report'> {
  /** The rule's options from the config's `rules`, with the schema's defaults. */
  options: O;
  /** The options at one resource, with the config's matching `overrides` merged in (and the defaults). */
  optionsFor(resource: Parameters<RuleContext['optionsFor']>[0]): O;
  report<Id extends keyof M & string>(r: TypedReport<M, Id>): void;
}

export interface TypedRuleMeta<M extends Readonly<Record<string, string>>, S extends RuleOptionsSchema> extends Omit<RuleMeta, 'messages' | 'schema'> {
  messages: M;
  /** JSON Schema of the options; a rule without options gives `NO_OPTIONS`. */
  schema: S;
}

/** A rule that takes no options: any option written for it is a config error. */
export const NO_OPTIONS = { type: 'object', additionalProperties: false } as const satisfies RuleOptionsSchema;

export function createRule<const M extends Readonly<Record<string, string>>, const S extends RuleOptionsSchema>(spec: {
  meta: TypedRuleMeta<M, S>;
  check(ctx: TypedRuleContext<M, OptionsOf<S>>): void;
}): Rule {
  const { meta } = spec;
  return {
    meta,
    check(ctx) {
      // The engine's context is the same object with untyped options; only the options change.
      const typed = (raw: Record<string, unknown>) => withDefaults(meta.schema, raw) as OptionsOf<S>;
      spec.check({ ...ctx, options: typed(ctx.options), optionsFor: (resource) => typed(ctx.optionsFor(resource)), report: (r) => ctx.report(r) });
    },
  };
}
