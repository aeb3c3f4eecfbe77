// Discover and load every input of a run; problems become input errors, never exceptions.
import { discoverInputs } from '../inputs/discover.js';
import { loadFile, type LoadedInput } from '../inputs/load.js';
import { joinTerraformModules } from '../inputs/terraform/module-scope.js';

export interface LoadedSet {
  inputs: LoadedInput[];
}

export interface LoadInputsOptions {
  cwd?: string;
  /** `--shard i/n`: keep every n-th input starting at i (1-based). */
  shard?: { index: number; count: number };
}

export function loadInputs(patterns: readonly string[], options: LoadInputsOptions = {}): LoadedSet {
  const { inputs: found, missing } = discoverInputs(patterns, options.cwd);
  const selected = options.shard ? found.filter((_, i) => i % options.shard!.count === options.shard!.index - 1) : found;
  const inputs: LoadedInput[] = missing.map((p) => ({ path: p, format: null, error: { message: 'no such file, directory or matching glob', line: 1, column: 1 }, templates: [] }));
  for (const f of selected) {
    try {
      inputs.push(loadFile(f.absolute, { explicit: f.explicit, display: f.path, adapter: f.adapter }));
    } catch (err) {
      // A bug of ours must still not lose the other inputs' results.
      inputs.push({ path: f.path, format: null, error: { message: `internal error while reading: ${(err as Error).message}`, line: 1, column: 1 }, templates: [] });
    }
  }
  joinTerraformModules(inputs.flatMap((i) => i.templates));
  return { inputs };
}
