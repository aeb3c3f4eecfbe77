// Test helper: lint files in place with a config object, the way the CLI does.
import { loadFile } from '../../src/inputs/load.js';
import { lint } from '../../src/engine/lint.js';
import { resolveConfig, validateConfig } from '../../src/config/load.js';
import { allRules } from '../../rules/index.js';
import type { ResolvedConfig } from '../../src/config/types.js';

export function configFrom(raw: unknown, baseDir = process.cwd()): ResolvedConfig {
  return resolveConfig(validateConfig(raw ?? {}, allRules), baseDir);
}

export function lintPaths(paths: string[], rawConfig?: unknown) {
  const inputs = paths.map((p) => loadFile(p, { explicit: true }));
  return lint(inputs, { config: configFrom(rawConfig) }).result;
}
