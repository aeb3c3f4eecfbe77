// Discover and load every input of a run; problems become input errors, never exceptions.
import { discoverInputs } from '../inputs/discover.js';
import { loadFile, loadText, type LoadedInput } from '../inputs/load.js';
import { joinTerraformModules } from '../inputs/terraform/module-scope.js';

export interface LoadedSet {
  inputs: LoadedInput[];
  /** Named paths or globs that do not exist or match nothing (a usage error for the CLI). */
  missing: string[];
  /** Recognised files kmslint does not read yet (Terraform HCL). */
  notReadYet: string[];
  /** What discovery skipped and why, one line each. */
  warnings: string[];
  /** Absolute paths of every file or directory read, so outputs never overwrite an input. */
  readPaths: string[];
}

export interface StdinDocument {
  text: string;
  /** `--stdin-filename`: used for format detection, config overrides and reporting. */
  path: string;
}

export interface LoadInputsOptions {
  cwd?: string;
  /** `--shard i/n`: keep every n-th input starting at i (1-based). */
  shard?: { index: number; count: number };
  /** One document read from standard input, linted beside the paths. */
  stdin?: StdinDocument;
  /** `--ignore-unknown`: a named file that is not a template is skipped silently (hooks pass every staged file). */
  ignoreUnknown?: boolean;
}

export function loadInputs(patterns: readonly string[], options: LoadInputsOptions = {}): LoadedSet {
  const discovery = patterns.length || !options.stdin ? discoverInputs(patterns, options.cwd) : { inputs: [], missing: [], notReadYet: [], warnings: [] };
  const selected = options.shard ? discovery.inputs.filter((_, i) => i % options.shard!.count === options.shard!.index - 1) : discovery.inputs;
  const inputs: LoadedInput[] = [];
  const keep = (input: LoadedInput) => {
    if (options.ignoreUnknown && input.skipped) inputs.push({ ...input, error: null });
    else inputs.push(input);
  };
  if (options.stdin) keep(loadText(options.stdin.path, options.stdin.text, { explicit: true }));
  for (const f of selected) {
    try {
      keep(loadFile(f.absolute, { explicit: f.explicit, display: f.path, adapter: f.adapter }));
    } catch (err) {
      // A bug of ours must still not lose the other inputs' results.
      inputs.push({ path: f.path, format: null, error: { message: `internal error while reading: ${(err as Error).message.split('\n')[0]}`, line: 1, column: 1 }, templates: [] });
    }
  }
  joinTerraformModules(inputs.flatMap((i) => i.templates));
  return {
    inputs,
    missing: discovery.missing,
    notReadYet: discovery.notReadYet,
    warnings: discovery.warnings,
    readPaths: selected.map((f) => f.absolute),
  };
}

/** Inputs that count as linted: recognised ones and ones that failed to load. */
export function countedInputs(set: LoadedSet): LoadedInput[] {
  return set.inputs.filter((i) => !i.skipped || i.error);
}
