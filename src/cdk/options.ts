// What the CDK front ends (Aspect and validation plugin) are given, and the config it resolves to.
// Config is read synchronously: CDK synthesis has no await point.
import { dirname, resolve } from 'node:path';
import { cosmiconfigSync } from 'cosmiconfig';
import { ConfigError, SEARCH_PLACES, plainConfig, resolveConfig, validateConfig } from '../config/load.js';
import type { ResolvedConfig, UserConfig } from '../config/types.js';
import { allRules } from '../../rules/index.js';
import type { Rule } from '../rule-kit/types.js';

export interface KmsLintOptions {
  /**
   * The config: an object (as in `.kmslintrc.json`), or the path of a config file (JSON, YAML or
   * CommonJS). Default: discovered from `cwd` as the CLI does (`.kmslintrc*`, `kmslint.config.*`,
   * `package.json#kmslint`); an ES module config (`.mjs`) fails synthesis with a ConfigError.
   */
  readonly config?: UserConfig | string;
  /** Accounts of your own besides each stack's (the CLI's `--account`). */
  readonly accounts?: string[];
  /** Also report info-level findings (default: errors and warnings only). */
  readonly reportInfo?: boolean;
  /** Directory the config is discovered from and relative paths are resolved against (default: `process.cwd()`). */
  readonly cwd?: string;
  /** Custom rules, run after the built-in ones. */
  readonly rules?: readonly Rule[];
}

const INLINE = '<inline config>';

/** Found in the CLI's search order, so it is not skipped silently: it cannot be imported synchronously. */
function refuseEsm(filepath: string): never {
  throw new ConfigError(filepath, ['an ES module config cannot be read during CDK synthesis; use .kmslintrc.json, .kmslintrc.yaml or .kmslintrc.cjs, or pass the config object to the Aspect']);
}

/** The config the options name; a bad config throws `ConfigError`, which fails synthesis with its problems listed. */
export function resolveCdkConfig(options: KmsLintOptions): ResolvedConfig {
  const cwd = options.cwd ?? process.cwd();
  const known = [...allRules, ...(options.rules ?? [])];
  if (typeof options.config === 'object') {
    return resolveConfig(validateConfig(plainConfig(options.config, INLINE), known, INLINE), cwd);
  }
  const explorer = cosmiconfigSync('kmslint', { searchPlaces: SEARCH_PLACES, searchStrategy: 'project', loaders: { '.mjs': refuseEsm } });
  const named = typeof options.config === 'string' ? resolve(cwd, options.config) : undefined;
  let found;
  try {
    found = named ? explorer.load(named) : explorer.search(cwd);
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(named, [`cannot read: ${String((err as Error)?.message ?? err).split('\n')[0]}`]);
  }
  if (!found || found.isEmpty) return resolveConfig({}, cwd);
  const cfg = validateConfig(plainConfig(found.config, found.filepath), known, found.filepath);
  return resolveConfig(cfg, dirname(found.filepath), found.filepath);
}
