// A rule's options as a JSON Schema (meta.schema): the config reader validates what a config writes
// against it (src/config/rule-options.ts), and `OptionsOf` gives the rule the options' type from the
// same literal, so the schema is the one statement of what a rule accepts.
import type { Ajv, ValidateFunction } from 'ajv';
import { ajvConstructor } from '../util/lazy-ajv.js';

/**
 * The JSON Schema subset rule options use: an object of named options. Options given in several
 * places (config, overrides) are merged before the rule sees them, so each option has a `default`
 * or is optional; `required` would be checked against each partial options object, not the merge.
 */
export interface RuleOptionsSchema {
  readonly type: 'object';
  readonly properties?: Readonly<Record<string, OptionSchema>>;
  readonly additionalProperties?: boolean;
  readonly [keyword: string]: unknown;
}

export interface OptionSchema {
  readonly type?: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';
  readonly enum?: readonly unknown[];
  readonly items?: OptionSchema;
  readonly properties?: Readonly<Record<string, OptionSchema>>;
  readonly default?: unknown;
  readonly description?: string;
  readonly [keyword: string]: unknown;
}

/** The value type one option schema describes. */
export type ValueOf<S> = S extends { readonly enum: readonly (infer E)[] }
  ? E
  : S extends { readonly type: 'string' }
    ? string
    : S extends { readonly type: 'number' | 'integer' }
      ? number
      : S extends { readonly type: 'boolean' }
        ? boolean
        : S extends { readonly type: 'array'; readonly items: infer I }
          ? ValueOf<I>[]
          : S extends { readonly type: 'object'; readonly properties: Readonly<Record<string, unknown>> }
            ? OptionsOf<S>
            : unknown;

type WithDefault<P> = { [K in keyof P]: P[K] extends { readonly default: unknown } ? K : never }[keyof P];

/**
 * The options object a schema describes, as the rule receives it: an option with a `default` is
 * always present (the kit fills defaults in), any other is optional.
 */
export type OptionsOf<S> = S extends { readonly properties: infer P }
  ? { readonly [K in WithDefault<P>]: ValueOf<P[K]> } & { readonly [K in Exclude<keyof P, WithDefault<P>>]?: ValueOf<P[K]> }
  : S extends { readonly additionalProperties: false }
    ? Readonly<Record<never, never>>
    : Readonly<Record<string, unknown>>;

let ajv: Ajv | undefined;
const compiled = new WeakMap<RuleOptionsSchema, ValidateFunction>();

/** The validator of a schema, compiled once. */
export function optionsValidator(schema: RuleOptionsSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    ajv ??= new (ajvConstructor())({ allErrors: true, strict: false, useDefaults: true });
    compiled.set(schema, (validate = ajv.compile(schema)));
  }
  return validate;
}

/**
 * Validated options with the schema's defaults filled in (the config's value is left as written).
 * With no options given (every rule of a run without a config, asked once per resource) the answer
 * is the schema's defaults, one frozen object per schema: no clone, no ajv.
 */
export function withDefaults(schema: RuleOptionsSchema, options: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  const plain = typeof options === 'object' && options !== null && Object.keys(options).length === 0 ? topLevelDefaults(schema) : undefined;
  if (plain) return plain;
  const copy = structuredClone(options) as Record<string, unknown>;
  optionsValidator(schema)(copy);
  return copy;
}

const defaultsOfSchema = new WeakMap<RuleOptionsSchema, Record<string, unknown> | null>();

/**
 * What ajv's `useDefaults` makes of `{}`: each `properties.<name>.default`. Null when a default sits
 * anywhere else (nested, in a combinator), where ajv's own placement rules decide.
 */
function topLevelDefaults(schema: RuleOptionsSchema): Readonly<Record<string, unknown>> | undefined {
  let defaults = defaultsOfSchema.get(schema);
  if (defaults === undefined) {
    defaults = {};
    const { properties, ...rest } = schema;
    if (hasDefault(rest)) defaults = null;
    for (const [name, option] of Object.entries(properties ?? {})) {
      if (defaults === null) break;
      const { default: value, ...others } = option;
      if (hasDefault(others)) defaults = null;
      else if ('default' in option) defaults[name] = value;
    }
    if (defaults) defaults = deepFreeze(structuredClone(defaults));
    defaultsOfSchema.set(schema, defaults);
  }
  return defaults ?? undefined;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function hasDefault(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.some(hasDefault);
  if (schema === null || typeof schema !== 'object') return false;
  return Object.entries(schema).some(([key, value]) => key === 'default' || hasDefault(value));
}
