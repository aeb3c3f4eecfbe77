// Process entry: wires the real stdout/stderr into main() and sets the exit code.
import { main } from './main.js';

const code = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
  columns: process.stdout.columns,
});
process.exitCode = code;
