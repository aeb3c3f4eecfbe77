// The parse-only floor of the corpus set (issue 14): read and parse the inputs kmslint reads, with the
// parsers kmslint uses, and nothing else — no detection, no template model, no analysis, no report.
// `node parse-only.mjs --parsers <module> <paths…>` prints {"files":…, "inputs":…, "bytes":…}; the
// module exports `parseYamlDocument` and `parseJsonDocument`. `npm run bench` makes it with
// scripts/bundle.ts's `bundleParsers` from the measured build's dist/src, bundled as the command
// line bundles them (the same code, dependencies rewritten as in the command line).
//
// The level chosen: `parseYamlDocument` / `parseJsonDocument` (src/inputs/yaml-document.ts,
// json-document.ts), picked by extension as `parseDocument` in src/inputs/load.ts does. They are the
// lowest functions that turn text into the SourceDocument the rest of kmslint reads (YAML with
// kmslint's CloudFormation schema and leniency, JSON with its duplicate-key and position records);
// `loadText` above them already detects the format and builds the template model. They are taken
// from their own modules, not from load.ts, so the floor does not carry the modules of the model.
// Files are listed with a plain directory walk (kmslint's discovery, ignore files and realpath checks
// are not parsing); inside a CDK assembly (a folder with manifest.json) it parses the manifest and the
// `*.template.json` files, the files kmslint's assembly reader parses, and skips the asset folders.
// Run by `npm run bench` after esbuild strips the types, so no TypeScript loader is in the measured time.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

type Parse = (path: string, text: string) => unknown;

const argv = process.argv.slice(2);
const parsersAt = argv.indexOf('--parsers');
if (parsersAt === -1 || !argv[parsersAt + 1]) {
  console.error('usage: parse-only --parsers <module exporting parseYamlDocument and parseJsonDocument> <paths…>');
  process.exit(2);
}
const roots = argv.filter((_, i) => i !== parsersAt && i !== parsersAt + 1);
const { parseYamlDocument, parseJsonDocument } = (await import(pathToFileURL(resolve(argv[parsersAt + 1])).href)) as { parseYamlDocument: Parse; parseJsonDocument: Parse };

const CANDIDATE = /\.(json|ya?ml|template)$/i;
const SKIPPED = new Set(['node_modules', '.git', '.terraform', '.hg', '.svn']);
let files = 0;
let inputCount = 0;
let bytes = 0;

function parse(path: string): void {
  const text = readFileSync(path, 'utf8');
  files++;
  bytes += text.length;
  try {
    if (/\.ya?ml$/i.test(path)) parseYamlDocument(path, text);
    else if (/\.json$/i.test(path) || /^\s*[{[]/.test(text)) parseJsonDocument(path, text);
    else parseYamlDocument(path, text);
  } catch {
    // A broken file costs its parse, as in kmslint; the error itself is not reported.
  }
}

function assembly(dir: string): void {
  const names = readdirSync(dir, { withFileTypes: true });
  parse(join(dir, 'manifest.json'));
  for (const e of names) {
    if (e.isFile() && e.name.endsWith('.template.json')) parse(join(dir, e.name));
    // Stage sub-assemblies are folders with their own manifest.
    else if (e.isDirectory() && !e.name.startsWith('asset.') && safeIsFile(join(dir, e.name, 'manifest.json'))) assembly(join(dir, e.name));
  }
}

function safeIsFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function walk(dir: string): void {
  if (safeIsFile(join(dir, 'manifest.json'))) {
    inputCount++;
    return assembly(dir);
  }
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED.has(e.name)) walk(path);
    } else if (e.isFile() && CANDIDATE.test(e.name)) {
      inputCount++;
      parse(path);
    }
  }
}

for (const root of roots) {
  if (statSync(root).isDirectory()) walk(root);
  else {
    inputCount++;
    parse(root);
  }
}
console.log(JSON.stringify({ files, inputs: inputCount, bytes }));
