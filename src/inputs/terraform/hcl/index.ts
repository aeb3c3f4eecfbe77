// Terraform HCL input (contract §1): a `*.tf` file is read with the other files of its directory as
// one module (module.ts) and gives the Template of its own blocks, positioned in its own text.
// The parser is loaded asynchronously beforehand (`loadHclParser`, see load-hcl.ts).
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, posix, resolve } from 'node:path';
import type { Template } from '../../../model/types.js';
import type { InputAdapter } from '../../adapters.js';
import type { LoadedInput, LoadOptions } from '../../load.js';
import { readBounded, BoundedReadError } from '../../../util/read-bounded.js';
import { hclParserReady } from './parser.js';
import { HCL_PENDING } from './pending.js';
import { directorySignature, MAX_HCL_BYTES, parseHclFile, readDirectoryModule } from './files.js';
import { ModuleReader, type ModuleFile, type ModuleLoader } from './module.js';

const HCL_FILE = /\.tf$/i;
const VARIABLE_FILE = /\.tfvars$/i;

/**
 * Built modules by directory: the files of one directory are loaded one after another. An entry is
 * reused only while its directory and every local module it called are unchanged (a long-lived
 * process, such as the editor server, must see an edit to a called module).
 */
const built = new Map<string, { signature: string; called: Map<string, string>; templates: Map<string, Template[]> }>();
const MAX_BUILT = 16;

export function loadHclInput(readPath: string, options: LoadOptions): LoadedInput {
  const path = options.display ?? readPath;
  if (VARIABLE_FILE.test(readPath)) {
    // Variable files are read with their module; named alone they are not a template of their own.
    return { path, format: null, error: null, templates: [], skipped: true };
  }
  if (!hclParserReady()) return { path, format: 'terraform-config', error: { message: HCL_PENDING, line: 1, column: 1 }, templates: [] };
  let text = options.text;
  if (text === undefined) {
    try {
      text = readBounded(readPath, MAX_HCL_BYTES).toString('utf8');
    } catch (err) {
      const message = err instanceof BoundedReadError ? err.message : (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot read: ${(err as Error).message}`;
      return { path, format: null, error: { message, line: 1, column: 1 }, templates: [] };
    }
  }
  return loadHclText(readPath, path, text, options.text !== undefined);
}

/** An HCL text (from disk or an editor buffer) with its directory's module. */
export function loadHclText(readPath: string, path: string, text: string, isOverride = true): LoadedInput {
  if (!hclParserReady()) return { path, format: 'terraform-config', error: { message: HCL_PENDING, line: 1, column: 1 }, templates: [] };
  const own = parseHclFile(resolve(readPath), text);
  if (own.error) return { path, format: 'terraform-config', error: own.error, templates: [] };
  const dir = dirname(resolve(readPath));
  // A file read from disk is identified by its size and date like its siblings, so every file of the
  // directory finds the module built for the first one; an editor buffer by its text.
  const override = isOverride || !existsSync(readPath) ? { path: readPath, text } : undefined;
  const signature = directorySignature(dir, override);
  const key = `${dir}\u0000${dirname(path)}`;
  let entry = built.get(key);
  if (!entry || entry.signature !== signature || [...entry.called].some(([d, sig]) => directorySignature(d) !== sig)) {
    const module = readDirectoryModule(dir, dirname(path), { path: readPath, text });
    const called = new Map<string, string>();
    const loadModule: ModuleLoader = (source, from, fromDisplay) => {
      // Signed before it is read, so an edit during the read shows as a change next time.
      const before = directorySignature(resolve(from, source));
      const loaded = localModuleLoader(source, from, fromDisplay);
      if (loaded) called.set(loaded.dir, before);
      return loaded;
    };
    const reader = new ModuleReader(module.files, { tfvars: module.tfvars, loadModule, dir });
    // A file's input holds its own Template and those of the module calls it writes (their
    // resources under the call's address, positioned in the called module's files).
    const own = reader.build();
    const templates = new Map<string, Template[]>();
    reader.templates.forEach((t, i) => t && templates.set(t.doc.file, [t, ...(reader.calledTemplates.get(i) ?? [])]));
    for (const t of own) if (!templates.has(t.doc.file)) templates.set(t.doc.file, [t]);
    entry = { signature, called, templates };
    if (built.size >= MAX_BUILT) built.delete(built.keys().next().value!);
    built.set(key, entry);
  }
  const mine = entry.templates.get(path) ?? entry.templates.get(displayJoin(dirname(path), basename(readPath)));
  return { path, format: 'terraform-config', error: null, templates: mine ?? [] };
}

function displayJoin(dir: string, name: string): string {
  return dir === '.' || dir === '' ? name : `${dir}/${name}`;
}

/** A called module's files, for a `./` or `../` source. */
const localModuleLoader: ModuleLoader = (source, from, fromDisplay) => {
  const dir = resolve(from, source);
  try {
    if (!statSync(dir).isDirectory()) return undefined;
  } catch {
    return undefined;
  }
  // Named as the caller's files are (relative to the same directory), so a module directory linted
  // on its own and through a call gives the same file names.
  const display = posix.normalize(posix.join(fromDisplay, source.replace(/\\/g, '/'))).replace(/\/$/, '') || '.';
  const module = readDirectoryModule(dir, display);
  const files: ModuleFile[] = module.files;
  return { dir, files };
};

export const terraformHclAdapter: InputAdapter = {
  format: 'terraform-config',
  claimsPath: (path) => (HCL_FILE.test(path) || VARIABLE_FILE.test(path)) && isFile(path),
  load: loadHclInput,
};

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

