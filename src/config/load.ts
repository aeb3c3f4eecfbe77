// Config discovery (cosmiconfig, module name `kmslint`) and validation (ajv); an invalid config
// lists every problem with its path, what was expected and what was found.
import { dirname, resolve } from 'node:path';
import { cosmiconfig } from 'cosmiconfig';
import { Ajv, type ErrorObject } from 'ajv';
import { configSchema } from './schema.js';
import type { ResolvedConfig, UserConfig } from './types.js';

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
const SEARCH_PLACES = [
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

export function validateConfig(value: unknown, knownRules: ReadonlySet<string>, file?: string): UserConfig {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(configSchema);
  const problems: string[] = [];
  if (!validator(value)) problems.push(...describeErrors(validator.errors ?? [], value));
  const cfg = (value ?? {}) as UserConfig;
  const checkRules = (rules: unknown, where: string) => {
    if (rules && typeof rules === 'object') {
      for (const id of Object.keys(rules)) if (!knownRules.has(id)) problems.push(`${where}.${id}: expected a rule id (see \`kmslint rules\`), found unknown rule "${id}"`);
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
  knownRules: ReadonlySet<string>;
}

export async function loadConfig(options: LoadConfigOptions): Promise<ResolvedConfig> {
  const empty: ResolvedConfig = { accounts: [], rules: {}, requirements: [], overrides: [], baseDir: options.cwd };
  if (options.noConfig) return empty;
  const explorer = cosmiconfig(MODULE, { searchPlaces: SEARCH_PLACES, searchStrategy: 'project' });
  let found: { config: unknown; filepath: string; isEmpty?: boolean } | null;
  try {
    found = options.configFile ? await explorer.load(resolve(options.cwd, options.configFile)) : await explorer.search(options.cwd);
  } catch (err) {
    // Parser messages name the file and then the problem with its position: keep both.
    const detail = (err as Error).message.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 3).join(' ');
    throw new ConfigError(options.configFile, [`cannot read: ${detail}`]);
  }
  if (!found || found.isEmpty) return empty;
  const cfg = validateConfig(found.config, options.knownRules, found.filepath);
  return resolveConfig(cfg, dirname(found.filepath), found.filepath);
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
