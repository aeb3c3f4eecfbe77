#!/usr/bin/env node
// The bundled command line (scripts/bundle.ts, `npm run build`) starts in a fraction of the time
// of the module-by-module build. In a source checkout (it has tsconfig.json, which the package does
// not ship) it is used only if tsc has not written dist/src since it was made, so a tsc-only
// rebuild is never shadowed by an old bundle. An installed package always uses it: its file dates
// are when npm unpacked each file, and dist/cli comes before dist/src in the tarball.
//
// This directory is CommonJS (bin/package.json): an ES module entry makes Node set up its module
// loader and resolve, link and compile each file apart, a few milliseconds of every start.
'use strict';
const { statSync } = require('node:fs');
const { join } = require('node:path');

const stat = (path) => statSync(path, { throwIfNoEntry: false });
const root = join(__dirname, '..');
const bundle = join(root, 'dist/cli/kmslint.cjs');
const modules = join(root, 'dist/src/cli/run.js');
const bundled = stat(bundle);
const built = stat(join(root, 'tsconfig.json')) ? stat(modules)?.mtimeMs : undefined;
if (bundled !== undefined && (built === undefined || bundled.mtimeMs >= built)) {
  require('./run-bundle.js')
    .runBundle(bundle)
    .then((code) => {
      process.exitCode = code;
    });
} else {
  import(require('node:url').pathToFileURL(modules).href);
}
