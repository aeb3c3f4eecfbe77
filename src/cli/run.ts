// Process entry: wires the real stdout/stderr/stdin into main() and sets the exit code.
import { main } from './main.js';
import { MAX_FILE_BYTES } from '../inputs/load.js';

/** Standard input, stopping at the size kmslint reads from a file (`yes | kmslint -` must end). */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_FILE_BYTES) throw new Error(`standard input is over the ${MAX_FILE_BYTES / 1048576} MB kmslint reads`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const code = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
  columns: process.stdout.columns,
  readStdin,
});
process.exitCode = code;
