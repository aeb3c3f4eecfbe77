// ajv, loaded on first use: compiling it is a sixth of a one-file run's start-up, and a run without
// a config (or with a config that sets no rule options) never validates anything. The CLI awaits
// `preloadAjv()` once a config file is found, so the bundle carries ajv and loads it from there;
// synchronous callers that were not preceded by it (the library, the CDK front end) require it.
import { createRequire } from 'node:module';
import type { Ajv } from 'ajv';

type AjvClass = typeof Ajv;

let ajvClass: AjvClass | undefined;

/** Loads ajv ahead of the synchronous callers (the config validator, rule options). */
export async function preloadAjv(): Promise<void> {
  const loaded = await import('ajv');
  // Node names ajv's CommonJS exports; a bundle's chunk may hand them over only as `default`.
  ajvClass ??= loaded.Ajv ?? (loaded.default as unknown as { Ajv: AjvClass }).Ajv;
}

/** The Ajv class, loaded now if `preloadAjv()` did not run. */
export function ajvConstructor(): AjvClass {
  ajvClass ??= (createRequire(import.meta.url)('ajv') as { Ajv: AjvClass }).Ajv;
  return ajvClass;
}
