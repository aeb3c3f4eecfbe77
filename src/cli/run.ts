// Process entry: runs the command line (process-run.ts) and sets the exit code.
import { runProcess } from './process-run.js';

process.exitCode = await runProcess();
