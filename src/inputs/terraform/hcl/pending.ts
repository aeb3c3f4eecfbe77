// Reading `*.tf` needs the parser, which loads asynchronously; loading is synchronous. An HCL file
// read before the parser is loaded comes back as a pending input (a marked error); an async entry
// point then calls `readPendingHcl`, which loads the parser once and reads those files again. A run
// with no `*.tf` file never loads the parser (nor web-tree-sitter).
import { resolve } from 'node:path';
import type { LoadedInput } from '../../load.js';

/** The error a `*.tf` file read before the parser was loaded carries. */
export const HCL_PENDING = 'the HCL reader was not loaded before reading (kmslint reads it once loaded)';

export function isPendingHcl(input: LoadedInput): boolean {
  return input.error?.message === HCL_PENDING;
}

/** Does a run need the parser before it reads these paths (names of files or buffers)? */
export function needsHclParser(paths: readonly string[]): boolean {
  return paths.some((p) => /\.tf$/i.test(p));
}

/** Load the parser (dynamically imported). */
export async function loadHclReader(): Promise<void> {
  const { loadHclParser } = await import('./parser.js');
  await loadHclParser();
}

/**
 * Read again the inputs that waited for the parser, in place. Returns whether any did (the caller
 * joins the Terraform modules again).
 */
export async function readPendingHcl(inputs: LoadedInput[], cwd = process.cwd()): Promise<boolean> {
  const pending = inputs.map((input, i) => [input, i] as const).filter(([input]) => isPendingHcl(input));
  if (pending.length === 0) return false;
  await loadHclReader();
  const { loadHclInput } = await import('./index.js');
  for (const [input, i] of pending) inputs[i] = loadHclInput(resolve(cwd, input.path), { explicit: true, display: input.path });
  return true;
}
