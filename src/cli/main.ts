// The command line (contract §3). Thin: parses flags, calls the engine, picks a reporter, sets the exit code.
import { version } from '../version.js';
import { colorEnabled } from './color.js';
import { commandHelp, overviewHelp } from './help.js';
import { UsageError, optionsNotFor, parseCommandLine, type CliValues, type Command } from './options.js';

export { UsageError, type CliValues };

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  columns?: number;
  /** Standard error is a terminal, and its width (the progress line). */
  stderrIsTTY?: boolean;
  stderrColumns?: number;
  /** Standard input, read whole (for `--stdin` and `-`). */
  readStdin?: () => Promise<string>;
}

const COMMANDS = new Set<Command>(['lint', 'keys', 'rules', 'explain', 'init', 'diff', 'lsp', 'help']);

export async function main(argv: string[], io: CliIO): Promise<number> {
  try {
    const { values, positionals: given } = parseCommandLine(argv);
    let positionals = given;
    let command: Command = 'lint';
    if (positionals.length > 0 && COMMANDS.has(positionals[0] as Command)) {
      command = positionals[0] as Command;
      positionals = positionals.slice(1);
    }
    if (command === 'help') {
      const topic = positionals[0];
      if (topic !== undefined && !COMMANDS.has(topic as Command)) throw new UsageError(`help: unknown command "${topic}" (commands: ${[...COMMANDS].join(', ')})`);
      io.stdout(topic ? commandHelp(topic as Command) : overviewHelp());
      return 0;
    }
    if (values.help) {
      io.stdout(command === 'lint' && given[0] !== 'lint' ? overviewHelp() : commandHelp(command));
      return 0;
    }
    if (values.version) {
      io.stdout(`${version}\n`);
      return 0;
    }
    const misplaced = optionsNotFor(command, values);
    if (misplaced.length) throw new UsageError(`${misplaced.join(', ')} ${misplaced.length === 1 ? 'is' : 'are'} not an option of kmslint ${command} (see kmslint help ${command})`);
    const color = colorEnabled({ noColorFlag: values['no-color'], colorFlag: values.color, env: io.env, isTTY: io.isTTY });
    switch (command) {
      case 'keys':
        // Config, rules and reporters load only for the commands that need them: start-up matters in a pre-commit hook.
        return await (await import('./keys-command.js')).runKeysCommand(positionals, values, io, color);
      case 'lint':
        return await (await import('./commands.js')).runLintCommand(positionals, values, io, color);
      case 'rules':
        return (await import('./commands.js')).runRulesCommand(io, color);
      case 'explain':
        return (await import('./commands.js')).runExplainCommand(positionals, io);
      case 'init':
        return (await import('./commands.js')).runInitCommand(values, io);
      case 'diff':
        return await (await import('./diff-command.js')).runDiffCommand(positionals, values, io, color);
      case 'lsp':
        if (!values.stdio) throw new UsageError('lsp speaks the Language Server Protocol over standard input and output: run kmslint lsp --stdio');
        return await (await import('../lsp/server.js')).runLanguageServer(values, io);
      default:
        // Every command is handled above; a new one fails here loudly until it is.
        io.stderr(`kmslint: the ${String(command)} command is not available in this version yet\n`);
        return 2;
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`kmslint: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
