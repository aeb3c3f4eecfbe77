// The command line in this process: main() with the real stdout/stderr/stdin, resolving to the exit
// code. run.ts awaits it as the module entry; the bundle (scripts/bundle.ts) exports it, so that
// bin/kmslint.js can run a bundle compiled from its V8 code cache, which has to be a classic script.
import { isatty } from 'node:tty';
import { main } from './main.js';

/** Standard input, stopping at the size kmslint reads from a file (`yes | kmslint -` must end). */
async function readStdin(): Promise<string> {
  // Imported here: the input readers are the larger part of the bundle's start, and `--version`,
  // `rules` or `explain` need none of them.
  const { MAX_FILE_BYTES } = await import('../inputs/load.js');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_FILE_BYTES) throw new Error(`standard input is over the ${MAX_FILE_BYTES / 1048576} MB kmslint reads`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function runProcess(): Promise<number> {
  // Asked of the descriptors, not of process.stdout and process.stderr: making those streams costs a
  // one-file run about a millisecond when they are pipes (a pre-commit hook's), and a run that prints
  // nothing never needs them. Only a terminal has columns.
  const stdoutIsTTY = isatty(1);
  const stderrIsTTY = isatty(2);
  return main(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    isTTY: stdoutIsTTY,
    env: process.env,
    columns: stdoutIsTTY ? process.stdout.columns : undefined,
    stderrIsTTY,
    stderrColumns: stderrIsTTY ? process.stderr.columns : undefined,
    readStdin,
  });
}
