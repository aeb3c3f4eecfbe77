// Whether cosmiconfig's search could find a config, answered without loading cosmiconfig: most runs
// of a pre-commit hook have no config, and cosmiconfig and ajv are a fifth of their start-up. The
// answer errs towards yes — any file at a search place, a package.json that does not parse, any
// cosmiconfig meta config — and a yes hands the real search to cosmiconfig, so what is found, and
// every error message, stay cosmiconfig's. The walk mirrors cosmiconfig 9's `searchStrategy:
// 'project'` (node_modules/cosmiconfig/dist/Explorer.js): each directory from the start up to the
// first one holding a package.json or package.yaml, that one included.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Where cosmiconfig reads its own meta config, in the working directory (cosmiconfig/dist/defaults.js). */
const META_PLACES = ['package.yaml', '.config/config.json', '.config/config.yaml', '.config/config.yml', '.config/config.js', '.config/config.ts', '.config/config.cjs', '.config/config.mjs'];

/**
 * False only when cosmiconfig would find nothing: no meta config in `processCwd`, and no file at any
 * of `searchPlaces` in the directories searched from `from`, but for package.json files without the
 * `property` key.
 */
export function mayFindConfig(from: string, searchPlaces: readonly string[], property: string, processCwd: string): boolean {
  if (META_PLACES.some((place) => existsSync(join(processCwd, place)))) return true;
  if (packageJsonHas(join(processCwd, 'package.json'), 'cosmiconfig')) return true;
  let dir = resolve(from);
  for (;;) {
    for (const place of searchPlaces) {
      const path = join(dir, place);
      if (place === 'package.json' ? packageJsonHas(path, property) : existsSync(path)) return true;
    }
    if (existsSync(join(dir, 'package.json')) || existsSync(join(dir, 'package.yaml'))) return false;
    const parent = dirname(dir);
    if (parent === dir) return false;
    dir = parent;
  }
}

/** True when the file holds `property`, or may (it exists but cannot be read as JSON). */
function packageJsonHas(path: string, property: string): boolean {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return existsSync(path);
  }
  if (text.trim() === '') return false;
  try {
    const value: unknown = JSON.parse(text);
    return value === null || typeof value !== 'object' || (value as Record<string, unknown>)[property] != null;
  } catch {
    return true;
  }
}
