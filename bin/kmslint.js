#!/usr/bin/env node
// The bundled command line (scripts/bundle.ts, `npm run build`) starts in a fraction of the time
// of the module-by-module build. In a source checkout (it has tsconfig.json, which the package does
// not ship) it is used only if tsc has not written dist/src since it was made, so a tsc-only
// rebuild is never shadowed by an old bundle. An installed package always uses it: its file dates
// are when npm unpacked each file, and dist/cli comes before dist/src in the tarball.
import { statSync } from 'node:fs';

const stat = (url) => statSync(url, { throwIfNoEntry: false });
const bundle = new URL('../dist/cli/kmslint.cjs', import.meta.url);
const modules = new URL('../dist/src/cli/run.js', import.meta.url);
const bundled = stat(bundle);
const built = stat(new URL('../tsconfig.json', import.meta.url)) ? stat(modules)?.mtimeMs : undefined;
if (bundled !== undefined && (built === undefined || bundled.mtimeMs >= built)) {
  const { runBundle } = await import('./run-bundle.js');
  process.exitCode = await runBundle(bundle, bundled);
} else {
  await import(modules.href);
}
