// Config discovery (cosmiconfig, module name `kmslint`) and validation (ajv); an invalid config
// lists every problem with its path, what was expected and what was found. Both load only once a
// config may exist: a run without one starts faster (see ./config-candidates.ts).
import { dirname, resolve } from 'node:path';
import type { Ajv, ErrorObject } from 'ajv';
import { configSchema } from './schema.js';
import { mayFindConfig } from './config-candidates.js';
import { ajvConstructor, preloadAjv } from '../util/lazy-ajv.js';
import type { ResolvedConfig, UserConfig } from './types.js';
import { knownRuleIds, ruleOptionProblems, type KnownRules } from './rule-options.js';

export class ConfigError extends Error {
  constructor(
    readonly file: string | undefined,
    readonly problems: string[],
  ) {
    super(`invalid config${file ? ` ${file}` : ''}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const MODULE = 'kmslint';
/** Where config discovery looks, in order (the CDK front end searches the same places synchronously). */
export const SEARCH_PLACES = [
  'package.json',
  `.${MODULE}rc`,
  `.${MODULE}rc.json`,
  `.${MODULE}rc.yaml`,
  `.${MODULE}rc.yml`,
  `.${MODULE}rc.js`,
  `.${MODULE}rc.cjs`,
  `.${MODULE}rc.mjs`,
  `${MODULE}.config.json`,
  `${MODULE}.config.yaml`,
  `${MODULE}.config.yml`,
  `${MODULE}.config.js`,
  `${MODULE}.config.cjs`,
  `${MODULE}.config.mjs`,
];

let validator: ReturnType<Ajv['compile']> | undefined;

/** `knownRules`: rule ids, or the rules themselves so that their options are checked against their schemas. */
export function validateConfig(value: unknown, knownRules: KnownRules, file?: string): UserConfig {
  validator ??= new (ajvConstructor())({ allErrors: true, strict: false }).compile(configSchema);
  const problems: string[] = [];
  if (!validator(value)) problems.push(...describeErrors(validator.errors ?? [], value));
  const cfg = (value ?? {}) as UserConfig;
  const ids = knownRuleIds(knownRules);
  const checkRules = (rules: unknown, where: string) => {
    problems.push(...ruleOptionProblems(rules, where, knownRules));
    if (rules && typeof rules === 'object') {
      for (const id of Object.keys(rules)) if (!ids.has(id)) problems.push(`${where}.${id}: expected a rule id (see \`kmslint rules\`), found unknown rule "${id}"`);
    }
  };
  checkRules(cfg.rules, 'rules');
  if (Array.isArray(cfg.overrides)) cfg.overrides.forEach((o, i) => checkRules((o as { rules?: unknown } | null)?.rules, `overrides[${i}].rules`));
  if (problems.length) throw new ConfigError(file, problems);
  return cfg;
}

function describeErrors(errors: ErrorObject[], root: unknown): string[] {
  // oneOf failures repeat each branch's complaint; keep the most specific line per path.
  const seen = new Set<string>();
  const out: string[] = [];
  for (const e of errors) {
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf') continue;
    const base = pathOf(e.instancePath);
    const extra = e.keyword === 'additionalProperties' ? String((e.params as { additionalProperty: string }).additionalProperty) : '';
    const path = extra ? (base ? `${base}.${extra}` : extra) : base;
    const found = e.keyword === 'additionalProperties' ? 'a property that is not allowed' : `${JSON.stringify(valueAt(root, e.instancePath)) ?? 'nothing'}`;
    const expected =
      e.keyword === 'enum' ? `one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`
      : e.keyword === 'additionalProperties' ? 'no such property (check the spelling)'
      : e.keyword === 'required' ? `property "${(e.params as { missingProperty: string }).missingProperty}"`
      : e.keyword === 'pattern' ? `text matching ${(e.params as { pattern: string }).pattern}`
      : e.message ?? e.keyword;
    const line = `${path || 'config'}: expected ${expected}, found ${e.keyword === 'required' ? 'it missing' : found}`;
    if (!seen.has(path) || e.keyword === 'enum') {
      seen.add(path);
      out.push(line);
    }
  }
  return [...new Set(out)];
}

function pathOf(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
}

function valueAt(root: unknown, pointer: string): unknown {
  let cur = root;
  for (const seg of pointer.split('/').slice(1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return cur;
}

export interface LoadConfigOptions {
  cwd: string;
  /** `--config <path>` */
  configFile?: string;
  /** `--no-config` */
  noConfig?: boolean;
  knownRules: KnownRules;
  /** `--no-config-js` / `KMSLINT_NO_CONFIG_JS=1`: a JavaScript config is code; refuse to run it. */
  noConfigJs?: boolean;
}

const JS_CONFIG = /\.(c|m)?[jt]s$/i;

export async function loadConfig(options: LoadConfigOptions): Promise<ResolvedConfig> {
  const empty: ResolvedConfig = { accounts: [], rules: {}, requirements: [], overrides: [], baseDir: options.cwd };
  if (options.noConfig) return empty;
  const refuseJs = (filepath: string) => {
    throw new ConfigError(filepath, [`refusing to run a JavaScript config (--no-config-js); use .kmslintrc.yaml or .kmslintrc.json`]);
  };
  const named = options.configFile ? resolve(options.cwd, options.configFile) : undefined;
  if (!named && !mayFindConfig(options.cwd, SEARCH_PLACES, MODULE, process.cwd())) return empty;
  const [{ cosmiconfig }] = await Promise.all([import('cosmiconfig'), preloadAjv()]);
  const explorer = cosmiconfig(MODULE, {
    searchPlaces: SEARCH_PLACES,
    searchStrategy: 'project',
    ...(options.noConfigJs ? { loaders: { '.js': refuseJs, '.cjs': refuseJs, '.mjs': refuseJs, '.ts': refuseJs, '.cts': refuseJs, '.mts': refuseJs } } : {}),
  });
  if (named && options.noConfigJs && JS_CONFIG.test(named)) refuseJs(named);
  let found: { config: unknown; filepath: string; isEmpty?: boolean } | null;
  try {
    found = named ? await explorer.load(named) : await explorer.search(options.cwd);
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    // Parser messages name the file and then the problem with its position: keep both.
    const detail = String((err as Error)?.message ?? err).split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 3).join(' ');
    throw new ConfigError(named ?? filepathIn(err), [`cannot read: ${detail}`]);
  }
  if (!found || found.isEmpty) return empty;
  const plain = plainConfig(found.config, found.filepath);
  const cfg = validateConfig(plain, options.knownRules, found.filepath);
  return resolveConfig(cfg, dirname(found.filepath), found.filepath);
}

function filepathIn(err: unknown): string | undefined {
  const f = (err as { filepath?: unknown } | null)?.filepath;
  return typeof f === 'string' ? f : undefined;
}

/** Deepest a config value may nest; real configs are a few levels deep. */
const MAX_CONFIG_DEPTH = 64;

/**
 * A JavaScript config can hand back anything: getters that throw, cycles, prototypes. Copy it into
 * plain data first (own enumerable properties only), so validation and the engine never run its
 * code again, and every problem is a listed config error naming the file.
 */
export function plainConfig(value: unknown, file: string): unknown {
  const problems: string[] = [];
  const copy = (v: unknown, path: string, depth: number, ancestors: Set<object>): unknown => {
    if (v === null || typeof v !== 'object') {
      if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') {
        problems.push(`${path || 'config'}: expected data, found a ${typeof v}`);
        return undefined;
      }
      return v;
    }
    if (ancestors.has(v)) {
      problems.push(`${path || 'config'}: expected data, found a cycle (the value contains itself)`);
      return undefined;
    }
    if (depth > MAX_CONFIG_DEPTH) {
      problems.push(`${path || 'config'}: nested more than ${MAX_CONFIG_DEPTH} levels deep`);
      return undefined;
    }
    ancestors.add(v);
    try {
      if (Array.isArray(v)) return Array.from({ length: v.length }, (_, i) => copy(read(v, String(i), `${path}[${i}]`), `${path}[${i}]`, depth + 1, ancestors));
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const key of Object.keys(v)) {
        const at = path ? `${path}.${key}` : key;
        out[key] = copy(read(v, key, at), at, depth + 1, ancestors);
      }
      return { ...out };
    } finally {
      ancestors.delete(v);
    }
  };
  const read = (obj: object, key: string, at: string): unknown => {
    try {
      return (obj as Record<string, unknown>)[key];
    } catch (err) {
      problems.push(`${at}: reading it failed: ${String((err as Error)?.message ?? err).split('\n')[0]}`);
      return undefined;
    }
  };
  let result: unknown;
  try {
    result = copy(value, '', 0, new Set());
  } catch (err) {
    problems.push(`cannot read: ${String((err as Error)?.message ?? err).split('\n')[0]}`);
  }
  if (problems.length) throw new ConfigError(file, problems);
  return result;
}

/** A validated config with defaults filled in; globs are relative to `baseDir`. */
export function resolveConfig(cfg: UserConfig, baseDir: string, source?: string): ResolvedConfig {
  return {
    accounts: cfg.accounts ?? [],
    organization: cfg.organization,
    rules: cfg.rules ?? {},
    requirements: cfg.requirements ?? [],
    overrides: cfg.overrides ?? [],
    baseDir,
    ...(source ? { source } : {}),
  };
}
