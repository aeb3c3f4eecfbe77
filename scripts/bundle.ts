// `npm run build`, after tsc: the command line as one classic script, dist/cli/kmslint.cjs, which
// bin/kmslint.js runs when it is at least as new as the tsc build. One file saves Node resolving
// and compiling some 400 modules on every start (a pre-commit hook starts once per commit); a
// classic script, unlike an ES module on Node 20, can be compiled from a V8 code cache
// (bin/run-bundle.js). The library entries (dist/src/index.js, kmslint/cdk) stay tsc's output.
//
// The file is one function expression, `(function (module, exports, require, __kmslintImportMetaUrl,
// __kmslintImport, __kmslintLoaded) { ... })`, after a first line `// kmslint-bundle <sha256 of the rest>`: the
// stamp of the running code for `--cache` (src/engine/code-stamp.ts), and the mark that gives it a V8 code cache. `import()` of an external package calls `__kmslintImport` (bin/run-bundle.js's own
// `import()`: on Node 20 a vm script's `import()` needs a flag or prints an experimental warning).
// `import.meta.url` reads the bundle's own URL, so paths read at run time resolve
// from dist/cli exactly as from dist/src/<dir>: the rule pages (src/engine/rule-pages.ts tries
// ../../rules) and package.json (src/version.ts tries ../../package.json). JSON imports
// (src/catalog/key-properties.json) are inlined. The parse threads' module (worker-pool.ts looks for
// ./parse-worker.js beside the code that starts them) is a second file, an ES module. Each module
// of the bundle calls `__kmslintLoaded(<its path>)` when it is first evaluated (traceModuleLoads), so
// a test can see what a run loaded (bin/run-bundle.js, KMSLINT_TRACE_MODULES).
import { build, transform, type Metafile, type Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Loaded from node_modules as they are, not bundled: packages that find their own files next to
 * themselves (web-tree-sitter's and the HCL grammar's .wasm), that load code by path at run time
 * (cosmiconfig's loaders require import-fresh, parse-json, js-yaml and typescript for a config), and
 * large ones only one rarely used command imports (`diff`, `lsp`), which would only lengthen the file
 * every run reads. The optional CDK peers are never part of the command line.
 */
export const EXTERNAL_PACKAGES = [
  'cosmiconfig',
  'web-tree-sitter',
  '@tree-sitter-grammars/tree-sitter-hcl',
  '@aws-cdk/cloudformation-diff',
  'vscode-languageserver',
  'vscode-languageserver-textdocument',
  'aws-cdk-lib',
  'constructs',
  'typescript',
];

/** The bundle's first line, before the sha256 of the body (read by src/engine/code-stamp.ts and bin/run-bundle.js). */
export const BUNDLE_HEADER = '// kmslint-bundle ';

const SHARED_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: EXTERNAL_PACKAGES.flatMap((p) => [p, `${p}/*`]),
  // jsonc-parser's main build is UMD, whose require() calls esbuild cannot follow; its ES module
  // build is the same code.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  legalComments: 'none',
  // Non-ASCII text is escaped in strings, and comments (where esbuild would keep it) are dropped
  // with most of the white space: bin/run-bundle.js decodes the ASCII file as Latin-1, some
  // milliseconds faster than UTF-8 for a file this size, and there is a third less of it to read.
  charset: 'ascii',
  minifyWhitespace: true,
  logLevel: 'warning',
  metafile: true,
} as const;

/**
 * Start-up costs of wrap-ansi that text of printable ASCII never needs.
 *
 * wrap-ansi's string-width is evaluated only for text that is not printable ASCII. Its module body
 * builds `\p{RGI_Emoji}`-class regular expressions, a sixth of a one-file run's start-up, and the
 * stylish report wraps every finding. The stand-in repeats string-width's own first steps, its
 * printable-ASCII fast path included, and hands every other string to it; it is used only while
 * string-width's source still has that fast path (checked at build time).
 *
 * wrap-ansi's own `new Intl.Segmenter()` (some 20 ms: ICU loads its break rules) is made on first
 * use; wrap-ansi segments only text that is not printable ASCII. The source is rewritten only while
 * that one `segment()` call is the segmenter's only use.
 */
function lazyWrapAnsiParts(): Plugin | undefined {
  const wrapAnsi = createRequire(import.meta.url).resolve('wrap-ansi');
  const fromWrapAnsi = createRequire(wrapAnsi);
  const real = fromWrapAnsi.resolve('string-width');
  const stripAnsi = createRequire(real).resolve('strip-ansi');
  const fastPath = "if (/^[\\u0020-\\u007E]*$/.test(string)) {\n\t\treturn string.length;";
  if (!readFileSync(real, 'utf8').includes(fastPath)) return undefined;
  const contents = `let full;
module.exports = function stringWidth(input, options = {}) {
  if (typeof input !== 'string' || input.length === 0) return 0;
  const { countAnsiEscapeCodes = false } = options;
  let string = input;
  if (!countAnsiEscapeCodes && (string.includes('\\u001B') || string.includes('\\u009B'))) string = require(${JSON.stringify(stripAnsi)}).default(string);
  if (string.length === 0) return 0;
  if (/^[\\u0020-\\u007E]*$/.test(string)) return string.length;
  full ??= require(${JSON.stringify(real)}).default;
  return full(input, options);
};
`;
  const declaration = 'const segmenter = new Intl.Segmenter();';
  const wrapSource = readFileSync(wrapAnsi, 'utf8');
  const otherUses = wrapSource.replace(declaration, '').match(/\bsegmenter\b(?!\.segment\()(?! be skipped)/g);
  const wrapContents =
    wrapSource.includes(declaration) && otherUses === null
      ? wrapSource.replace(declaration, 'let segmenterMade;\nconst segmenter = { segment: (text) => (segmenterMade ??= new Intl.Segmenter()).segment(text) };')
      : undefined;
  return {
    name: 'lazy-wrap-ansi-parts',
    setup(b) {
      b.onResolve({ filter: /^string-width$/ }, (args) => (args.importer.includes('/wrap-ansi/') ? { path: 'string-width', namespace: 'kmslint-lazy' } : undefined));
      b.onLoad({ filter: /.*/, namespace: 'kmslint-lazy' }, () => ({ contents, loader: 'js', resolveDir: dirname(real) }));
      if (wrapContents) b.onLoad({ filter: /[\\/]wrap-ansi[\\/]index\.js$/ }, (args) => (args.path === wrapAnsi ? { contents: wrapContents, loader: 'js' } : undefined));
    },
  };
}

/**
 * wrap-ansi, its ANSI tables and regular expressions are evaluated on the first wrap, not at start:
 * the stylish report wraps only findings and the progress line draws only on a terminal, so a hook
 * run that finds nothing never needs them. kmslint's own imports of `wrap-ansi` get a stand-in that
 * loads the real module on its first call.
 */
function wrapAnsiOnFirstUse(): Plugin {
  const real = createRequire(import.meta.url).resolve('wrap-ansi');
  const contents = `let real;\nmodule.exports = function wrapAnsi(...args) {\n  real ??= require(${JSON.stringify(real)}).default;\n  return real(...args);\n};\n`;
  return {
    name: 'wrap-ansi-on-first-use',
    setup(b) {
      b.onResolve({ filter: /^wrap-ansi$/ }, (args) => (args.importer.includes('/node_modules/') ? undefined : { path: 'wrap-ansi', namespace: 'kmslint-first-use' }));
      b.onLoad({ filter: /.*/, namespace: 'kmslint-first-use' }, () => ({ contents, loader: 'js', resolveDir: dirname(real) }));
    },
  };
}

/**
 * jsonc-parser's formatter and editor, which kmslint never calls, build some 1,200 indentation
 * strings when their modules are evaluated. Declared free of side effects they are left out of
 * the bundle where nothing uses them (jsonc-parser's main module imports them for format() and
 * modify() only).
 */
function jsoncParserWithoutFormatter(): Plugin {
  return {
    name: 'jsonc-parser-without-formatter',
    setup(b) {
      b.onResolve({ filter: /^\.\/(impl\/)?(format|edit|string-intern)$/ }, (args) =>
        /[\\/]node_modules[\\/]jsonc-parser[\\/]lib[\\/]esm[\\/]/.test(args.importer) ? { path: join(args.resolveDir, `${args.path}.js`), sideEffects: false } : undefined,
      );
    },
  };
}

/**
 * fdir (tinyglobby's directory walker) looks for picomatch at load time with its own require():
 * from the bundle that finds the package on disk and loads its five files apart, a quarter of the
 * lint of one file, only for fdir's glob() that tinyglobby never calls. The stand-in hands fdir the
 * picomatch already in the bundle (tinyglobby's, the same package) instead. The source is rewritten
 * only while it holds that exact block.
 */
function fdirBundledPicomatch(): Plugin {
  const lookup = 'try {\n\t__require.resolve("picomatch");\n\tpm = __require("picomatch");\n} catch {}';
  return {
    name: 'fdir-bundled-picomatch',
    setup(b) {
      b.onLoad({ filter: /[\\/]node_modules[\\/]fdir[\\/]dist[\\/]index\.mjs$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (source.split(lookup).length !== 2 || !/^let pm = null;$/m.test(source)) return undefined;
        return { contents: `import __kmslintPicomatch from "picomatch";\n${source.replace(lookup, 'pm = __kmslintPicomatch;')}`, loader: 'js' };
      });
    },
  };
}

/**
 * The yaml library's two trace hooks, left out. Its parser reads `process.env.LOG_TOKENS` for every
 * lexical token and its composer `process.env.LOG_STREAM` for every document, and each, when set,
 * prints to standard output: a variable left in someone's environment would write the library's
 * trace into a JSON or SARIF report, or into the editor server's protocol stream. Each read of
 * `process.env` is a call into Node's C++ environment (about 0.2 µs; the corpus' YAML has some
 * 460,000 tokens). Each statement is dropped only while its file holds it exactly once; a test runs
 * the bundle with both variables set.
 */
function yamlWithoutTraceHooks(): Plugin {
  const hooks: [RegExp, RegExp][] = [
    [/[\\/]node_modules[\\/]yaml[\\/]dist[\\/]parse[\\/]parser\.js$/, /\bif \(node_process\.env\.LOG_TOKENS\)\s*console\.log\('\|', cst\.prettyToken\(source\)\);/g],
    [/[\\/]node_modules[\\/]yaml[\\/]dist[\\/]compose[\\/]composer\.js$/, /\bif \(node_process\.env\.LOG_STREAM\)\s*console\.dir\(token, \{ depth: null \}\);/g],
  ];
  return {
    name: 'yaml-without-trace-hooks',
    setup(b) {
      for (const [file, statement] of hooks) {
        b.onLoad({ filter: file }, (args) => {
          const source = readFileSync(args.path, 'utf8');
          if ((source.match(statement) ?? []).length !== 1) return undefined;
          return { contents: source.replace(statement, ''), loader: 'js' };
        });
      }
    },
  };
}

/** What every bundle of kmslint's parsers is built with: the command line's, its parse threads' and the bench's parse-only floor. */
function parserPlugins(): Plugin[] {
  return [yamlWithoutTraceHooks()];
}

/**
 * Opens an ES module bundle: CommonJS packages inside it (yaml, picomatch) call require() for
 * Node's own modules, and an ES module has no require.
 */
const ESM_REQUIRE = "import { createRequire as __kmslintCreateRequire } from 'node:module';\nconst require = __kmslintCreateRequire(import.meta.url);";

/**
 * `parseYamlDocument` and `parseJsonDocument` of the tsc build in `dist`, bundled into one ES
 * module at `outfile` as the command line bundles them (the bench's parse-only floor imports it, so
 * it parses with the code kmslint runs).
 */
export async function bundleParsers(dist: string, outfile: string): Promise<void> {
  const inputs = join(dist, 'src', 'inputs');
  await build({
    ...SHARED_OPTIONS,
    stdin: {
      contents: `export { parseYamlDocument } from ${JSON.stringify(join(inputs, 'yaml-document.js'))};\nexport { parseJsonDocument } from ${JSON.stringify(join(inputs, 'json-document.js'))};`,
      resolveDir: inputs,
      sourcefile: 'kmslint-parsers.js',
    },
    outfile,
    format: 'esm',
    metafile: false,
    banner: { js: ESM_REQUIRE },
    plugins: parserPlugins(),
  });
}

/**
 * Bundles the command line whose entry is `entry` (tsc's dist/src/cli/run.js, or src/cli/run.ts:
 * esbuild reads TypeScript too) into `outdir`/kmslint.cjs, and the parse threads' module into
 * `outdir`/parse-worker.js. `outdir` must sit two levels below the package root (dist/cli) for the
 * rule pages and package.json to be found.
 */
export async function bundleCli(entry: string, outdir: string): Promise<Metafile[]> {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const ext = extname(entry);
  const processRun = join(dirname(entry), `process-run${ext}`);
  const parseWorker = join(dirname(entry), `../engine/parse-worker${ext}`);
  const wrapAnsiParts = lazyWrapAnsiParts();
  const cli = await build({
    ...SHARED_OPTIONS,
    stdin: { contents: `export { runProcess } from ${JSON.stringify(processRun)};`, resolveDir: dirname(entry), sourcefile: 'kmslint-cli.js' },
    format: 'cjs',
    write: false,
    minifyWhitespace: false,
    define: { 'import.meta.url': '__kmslintImportMetaUrl' },
    // ES modules are strict; so is their bundle. The function is what the script evaluates to.
    banner: { js: "(function (module, exports, require, __kmslintImportMetaUrl, __kmslintImport, __kmslintLoaded) {\n'use strict';" },
    footer: { js: '})' },
    plugins: [fdirBundledPicomatch(), wrapAnsiOnFirstUse(), jsoncParserWithoutFormatter(), ...(wrapAnsiParts ? [wrapAnsiParts] : []), ...parserPlugins()],
  });
  // White space goes after the module paths are found (traceModuleLoads): esbuild breaks long lines
  // (kept short all the same, as Node prints the source line of an uncaught error) even in strings.
  const traced = traceModuleLoads(importsThroughParameter(cli.outputFiles[0].text, cli.metafile), cli.metafile);
  const body = (await transform(traced, { charset: 'ascii', minifyWhitespace: true, lineLimit: 160, legalComments: 'none' })).code;
  const outside = /[^\0-\x7f]/.exec(body);
  if (outside) throw new Error(`bundle: kmslint.cjs is to be ASCII (bin/run-bundle.js reads it as Latin-1), found U+${outside[0].codePointAt(0)!.toString(16)} at ${outside.index}`);
  const hash = createHash('sha256').update(body).digest('hex');
  writeFileSync(join(outdir, 'kmslint.cjs'), `${BUNDLE_HEADER}${hash}\n${body}`);
  const worker = await build({
    ...SHARED_OPTIONS,
    entryPoints: [parseWorker],
    outfile: join(outdir, 'parse-worker.js'),
    format: 'esm',
    banner: { js: ESM_REQUIRE },
    plugins: parserPlugins(),
  });
  return [cli.metafile, worker.metafile];
}

/**
 * Each lazily evaluated module of the bundle (esbuild's `__esm`/`__commonJS` wrappers: here every
 * module, as the commands are dynamic imports) starts with `__kmslintLoaded("<path>")`. The call is
 * a parameter of the bundle; it costs nothing noticeable when tracing is off.
 */
function traceModuleLoads(code: string, metafile: Metafile): string {
  let count = 0;
  const traced = code.replace(/(=\s*__(?:esm|commonJS)\(\{\s*("[^"\\\n]+")\([\w$, ]*\)\s*\{)(\s*"use strict";)?/g, (_, head: string, path: string, strict = '') => {
    count++;
    return `${head}${strict}__kmslintLoaded(${path});`;
  });
  const wrappers = code.split(/=\s*__(?:esm|commonJS)\(/).length - 1;
  const inputs = Object.keys(Object.values(metafile.outputs)[0].inputs).length;
  if (count !== wrappers || count < inputs / 2) throw new Error(`bundle: traced ${count} of ${wrappers} module wrappers (${inputs} modules)`);
  return traced;
}

/** `import("<external package>")` → `__kmslintImport("<external package>")`, each one the metafile lists. */
function importsThroughParameter(code: string, metafile: Metafile): string {
  const names = EXTERNAL_PACKAGES.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
  const external = new RegExp(`\\bimport\\(("(?:${names})(?:/[^"]*)?")\\)`, 'g');
  const replaced = code.replace(external, '__kmslintImport($1)');
  const wanted = Object.values(metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external && i.kind === 'dynamic-import').map((i) => i.path));
  const missed = wanted.filter((path) => !replaced.includes(`__kmslintImport(${JSON.stringify(path)})`));
  if (missed.length > 0 || external.test(replaced)) throw new Error(`bundle: dynamic imports not routed through __kmslintImport: ${missed.join(', ')}`);
  return replaced;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const entry = join(root, 'dist/src/cli/run.js');
  if (!existsSync(entry)) throw new Error(`bundle: ${entry} is missing; run tsc first (npm run build)`);
  const metafiles = await bundleCli(entry, join(root, 'dist/cli'));
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
  const cli = statSync(join(root, 'dist/cli/kmslint.cjs')).size;
  const worker = Object.values(metafiles[1].outputs).reduce((n, o) => n + o.bytes, 0);
  console.log(`bundle: dist/cli/kmslint.cjs ${kib(cli)} from ${Object.keys(metafiles[0].inputs).length} modules; dist/cli/parse-worker.js ${kib(worker)}`);
}
