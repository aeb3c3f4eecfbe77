// A CDK cloud assembly (`cdk.out`) → one Template per stack: stack artifacts, their nested stacks and
// the stacks of stage sub-assemblies. Never throws for a bad assembly: the first problem becomes the
// input's `error` and every template that could be read is still returned.
import { lstatSync, readdirSync, realpathSync } from 'node:fs';
import { BoundedReadError, readBounded } from '../../util/read-bounded.js';
import { dirname, isAbsolute, posix, relative, resolve, sep } from 'node:path';
import type { Template } from '../../model/types.js';
import type { LoadedInput } from '../load.js';
import { makeJsonDocument, parseJsonDocument } from '../json-document.js';
import { DocumentParseError } from '../errors.js';
import { buildCloudFormationTemplate } from '../cloudformation/template.js';
import { isRecord, own, setOwn } from '../../util/objects.js';
import {
  MANIFEST_FILE,
  constructPathsByStack,
  isAssemblyManifest,
  manifestPathOf,
  nestedStackPath,
  parseEnvironment,
  readArtifacts,
  stripBom,
  takeClaimedManifest,
  type StackArtifact,
} from './manifest.js';

/** Largest template read (same bound as other inputs). */
const MAX_TEMPLATE_BYTES = 256 * 1024 * 1024;
/** Stage in stage in stage…, nested stack in nested stack…: real apps stay far below these. */
const MAX_DEPTH = 16;
const MAX_TEMPLATES = 10_000;

interface Problem {
  message: string;
  line: number;
  column: number;
}

interface Run {
  /** Real path of the assembly directory the user named: nothing outside it is read. */
  root: string;
  templates: Template[];
  problems: Problem[];
  /** Real paths of assembly directories and template files already read (cycles, duplicates). */
  visited: Set<string>;
  /** Entry names of each directory listed by realPathIn, by real path. */
  listings: Map<string, Set<string>>;
}

/** Where a file of the assembly is: real path for reading, display path for reports. */
interface Place {
  real: string;
  display: string;
}

/** `path` is read; `display` (default: `path`) is how the assembly and its files are reported. */
export function loadAssembly(path: string, display = path): LoadedInput {
  const target = manifestPathOf(path);
  const displayDir = target && !target.isDirectory ? toPosix(dirname(display)) : toPosix(display);
  const dir = target && !target.isDirectory ? dirname(path) : path;
  let root: string;
  try {
    root = realpathSync.native(dir);
  } catch {
    return { path: displayDir, format: 'cdk', error: { message: `${displayDir}: no such directory`, line: 1, column: 1 }, templates: [] };
  }
  const run: Run = { root, templates: [], problems: [], visited: new Set(), listings: new Map() };
  readAssembly(run, { real: root, display: displayDir }, 0);
  const [first] = run.problems;
  const error = first ? { ...first, message: run.problems.length > 1 ? `${first.message} (and ${run.problems.length - 1} more problem${run.problems.length > 2 ? 's' : ''} in the assembly)` : first.message } : null;
  return { path: displayDir, format: 'cdk', error, templates: run.templates };
}

function readAssembly(run: Run, dir: Place, depth: number): void {
  if (run.visited.has(dir.real)) return;
  run.visited.add(dir.real);
  if (depth > MAX_DEPTH) return problem(run, `${dir.display}: assemblies nested more than ${MAX_DEPTH} deep`);
  const manifestDisplay = posix.join(dir.display, MANIFEST_FILE);
  const manifest = readJson(run, { real: resolve(dir.real, MANIFEST_FILE), display: manifestDisplay }, true);
  if (manifest === undefined) return;
  if (!isAssemblyManifest(manifest)) return problem(run, `${manifestDisplay}: not a cloud assembly manifest (no version and artifacts)`);
  const artifacts = readArtifacts(manifest);
  let assets: Map<string, string> | undefined;
  const assetFiles = () => (assets ??= readAssetManifests(run, dir, artifacts.assetManifests));
  for (const stack of artifacts.stacks) readStack(run, dir, stack, assetFiles, depth);
  for (const sub of artifacts.subAssemblies) {
    const place = inside(run, dir, sub, `stage assembly ${sub}`);
    if (place) readAssembly(run, place, depth + 1);
  }
}

function readStack(run: Run, dir: Place, artifact: StackArtifact, assetFiles: () => Map<string, string>, depth: number): void {
  if (typeof artifact.templateFile !== 'string' || !artifact.templateFile) {
    return problem(run, `${posix.join(dir.display, MANIFEST_FILE)}: stack ${artifact.id} has no templateFile`);
  }
  const file = inside(run, dir, artifact.templateFile, `template of stack ${artifact.id}`);
  if (!file) return;
  const { accounts, region } = parseEnvironment(artifact.environment);
  const metadata: Record<string, unknown> = { ...artifact.metadata };
  if (artifact.additionalMetadataFile) {
    // Construct paths only: a missing or broken metadata file costs paths, not findings.
    const extra = inside(run, dir, artifact.additionalMetadataFile, 'metadata file', true);
    const data = extra ? readJsonQuietly(extra.real) : undefined;
    if (isRecord(data)) for (const [k, v] of Object.entries(data)) if (!Object.prototype.hasOwnProperty.call(metadata, k)) setOwn(metadata, k, v);
  }
  const paths = constructPathsByStack(metadata);
  readTemplate(run, dir, file, { stack: artifact.displayName, accounts, region, constructPath: '', paths, assetFiles }, depth);
}

interface StackContext {
  stack: string;
  accounts: string[];
  region?: string;
  /** Construct path of this (nested) stack inside its artifact's metadata; `''` for the artifact's own stack. */
  constructPath: string;
  paths: Map<string, Map<string, string>>;
  assetFiles: () => Map<string, string>;
  /** For a nested stack: the parent template and the `Parameters` it passes. */
  parameterBindings?: Template['parameterBindings'];
}

function readTemplate(run: Run, dir: Place, file: Place, ctx: StackContext, depth: number): void {
  if (run.visited.has(file.real)) return;
  run.visited.add(file.real);
  if (run.templates.length >= MAX_TEMPLATES) return problem(run, `${file.display}: more than ${MAX_TEMPLATES} templates in the assembly`);
  let template: Template;
  try {
    const doc = parseJsonDocument(file.display, readText(file));
    template = buildCloudFormationTemplate(doc, {
      format: 'cdk',
      stack: ctx.stack,
      accounts: ctx.accounts,
      region: ctx.region,
      constructPaths: ctx.paths.get(ctx.constructPath),
    });
  } catch (err) {
    if (err instanceof DocumentParseError) return problem(run, `${file.display}: ${err.message}`, err.line, err.column);
    throw err;
  }
  if (ctx.parameterBindings) template.parameterBindings = ctx.parameterBindings;
  run.templates.push(template);

  for (const resource of template.resources) {
    if (resource.type !== 'AWS::CloudFormation::Stack') continue;
    const nestedFile = nestedTemplateFile(run, dir, resource.metadata, resource.properties, ctx.assetFiles);
    if (!nestedFile) continue; // a stack from a URL outside the assembly: not part of the input
    if (depth + 1 > MAX_DEPTH) {
      problem(run, `${nestedFile.display}: nested stacks more than ${MAX_DEPTH} deep`);
      continue;
    }
    const nestedPath = resource.constructPath ? nestedStackPath(resource.constructPath) : undefined;
    const passed = resource.properties?.Parameters;
    readTemplate(run, dir, nestedFile, {
      ...ctx,
      parameterBindings: passed && typeof passed === 'object' && !Array.isArray(passed) ? { template, values: passed as Record<string, unknown> } : undefined,
      stack: nestedPath ?? `${ctx.stack}/${resource.id}`,
      // Without a construct path the nested stack's logical ids cannot be told from its siblings'.
      constructPath: nestedPath ?? `\0${resource.id}`,
    }, depth + 1);
  }
}

/**
 * The nested template of an `AWS::CloudFormation::Stack`: `aws:asset:path` metadata (written when the
 * CDK CLI synthesizes), else the asset hash inside `TemplateURL` looked up in the asset manifests.
 */
function nestedTemplateFile(run: Run, dir: Place, metadata: Record<string, unknown> | undefined, properties: Record<string, unknown> | undefined, assetFiles: () => Map<string, string>): Place | undefined {
  const assetPath = own(metadata, 'aws:asset:path');
  if (typeof assetPath === 'string' && assetPath) return inside(run, dir, assetPath, 'nested stack template');
  const url = JSON.stringify(own(properties, 'TemplateURL') ?? '');
  for (const hash of url.match(/[0-9a-f]{64}/g) ?? []) {
    const source = assetFiles().get(hash);
    if (source) return inside(run, dir, source, 'nested stack template');
  }
  return undefined;
}

/** Asset hash → `source.path` of file assets that are JSON templates. */
function readAssetManifests(run: Run, dir: Place, files: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of files) {
    const place = inside(run, dir, f, 'asset manifest', true);
    const data = place ? readJsonQuietly(place.real) : undefined;
    const assets = own(data, 'files');
    if (!isRecord(assets)) continue;
    for (const [hash, asset] of Object.entries(assets)) {
      const source = own(asset, 'source');
      const path = own(source, 'path');
      if (typeof path === 'string' && /\.json$/i.test(path) && own(source, 'packaging') !== 'zip' && !out.has(hash)) out.set(hash, path);
    }
  }
  return out;
}

/**
 * Resolve a file named by the manifest. Refuses paths that leave the assembly the user named
 * (absolute paths, `..`, symlinks out): a hostile manifest cannot make kmslint read elsewhere.
 */
function inside(run: Run, dir: Place, rel: string, what: string, quiet = false): Place | undefined {
  const display = posix.join(dir.display, toPosix(rel));
  let real: string;
  try {
    real = realPathIn(run, dir.real, rel);
  } catch {
    if (!quiet) problem(run, `${display}: ${what} not found (no such file)`);
    return undefined;
  }
  const r = relative(run.root, real);
  if (r.startsWith('..') || isAbsolute(r)) {
    if (!quiet) problem(run, `${display}: ${what} is outside the assembly directory`);
    return undefined;
  }
  return { real, display };
}

/**
 * The real path of `rel` inside the directory whose real path is `realDir`. A name spelt exactly as
 * the directory's listing has it, and not a link, is `realDir/rel`: one lstat, where realpath(3)
 * reads every component of the path as a link (11 calls a file in the corpus). Anything else goes
 * through realpath(3), which also gives the stored spelling of a name written in another case or
 * Unicode form on a file system that folds them, so `visited` still sees one file as one.
 * Throws when it is missing.
 */
function realPathIn(run: Run, realDir: string, rel: string): string {
  const path = resolve(realDir, rel);
  // A listing holds no `.`, `..` or name with a separator, so only plain names of this directory pass.
  return listing(run, realDir).has(rel) && !lstatSync(path).isSymbolicLink() ? path : realpathSync.native(path);
}

function listing(run: Run, realDir: string): Set<string> {
  let names = run.listings.get(realDir);
  if (!names) {
    try {
      names = new Set(readdirSync(realDir));
    } catch {
      names = new Set();
    }
    run.listings.set(realDir, names);
  }
  return names;
}

function readText(file: Place): string {
  try {
    return readBounded(file.real, MAX_TEMPLATE_BYTES).toString('utf8');
  } catch (err) {
    if (err instanceof BoundedReadError) throw new DocumentParseError(file.display, err.message, 1, 1);
    const code = (err as NodeJS.ErrnoException).code;
    throw new DocumentParseError(file.display, code === 'ENOENT' ? 'no such file' : `cannot read: ${(err as Error).message}`, 1, 1);
  }
}

/** `claimed`: a manifest discovery may have read already (see takeClaimedManifest). */
function readJson(run: Run, file: Place, claimed = false): unknown {
  try {
    const known = claimed ? takeClaimedManifest(file.real) : undefined;
    if (known) return makeJsonDocument(file.display, known.text, known.root).root;
    return parseJsonDocument(file.display, readText(file)).root;
  } catch (err) {
    if (err instanceof DocumentParseError) {
      problem(run, `${file.display}: ${err.message}`, err.line, err.column);
      return undefined;
    }
    throw err;
  }
}

function readJsonQuietly(real: string): unknown {
  try {
    return JSON.parse(stripBom(readBounded(real, MAX_TEMPLATE_BYTES).toString('utf8')));
  } catch {
    return undefined;
  }
}

function problem(run: Run, message: string, line = 1, column = 1): void {
  run.problems.push({ message, line, column });
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}
