// The command line (contract §3). Thin: parses flags, calls the engine, picks a reporter, sets the exit code.
import { parseArgs } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadInputs } from '../engine/load-inputs.js';
import { analyse } from '../analysis/analyse.js';
import { keyRows } from '../analysis/key-rows.js';
import { keysFormatters } from '../reporters/keys.js';
import { version } from '../version.js';

export const USAGE = `Usage: kmslint [lint] [paths…]     lint files, directories and globs (default ".")
       kmslint keys [paths…]       print the effective KMS key of every encryptable resource
       kmslint rules               list rules with default severity and docs link
       kmslint explain <rule-id>   print a rule's documentation
       kmslint init                write a commented .kmslintrc.yaml

Options:
  --format <name>          lint: stylish (default), json, sarif, github, junit, codeclimate, html
                           keys: table (default), json, csv, mermaid, html
  --output-file <path>     write the report to a file
  --config <path>          use this config file;  --no-config  ignore config files
  --rule <id>=<severity>   off | info | warning | error (repeatable)
  --account <12 digits>    an account the code deploys to (repeatable)
  --quiet                  report errors only
  --max-warnings <n>       fail when more than n warnings
  --baseline <file>        findings listed there are not counted
  --write-baseline <file>  write the current findings as a baseline
  --shard <i>/<n>          lint the i-th of n slices of the inputs
  --no-color               no colours (also NO_COLOR, and when not a terminal)
  -h, --help  -v, --version

Exit status: 0 clean, 1 a finding fails the gate, 2 bad usage, invalid config or unreadable input.
`;

export const OPTIONS = {
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  rule: { type: 'string', multiple: true },
  account: { type: 'string', multiple: true },
  quiet: { type: 'boolean', short: 'q' },
  'max-warnings': { type: 'string' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  shard: { type: 'string' },
  'no-color': { type: 'boolean' },
  color: { type: 'boolean' },
  all: { type: 'boolean' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export type CliValues = ReturnType<typeof parse>['values'];

function parse(argv: string[]) {
  return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
}

export class UsageError extends Error {}

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  columns?: number;
}

const COMMANDS = new Set(['lint', 'keys', 'rules', 'explain', 'init', 'diff', 'lsp']);

export async function main(argv: string[], io: CliIO): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    io.stderr(`kmslint: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values } = parsed;
  let positionals = parsed.positionals;
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (values.version) {
    io.stdout(`${version}\n`);
    return 0;
  }
  let command = 'lint';
  if (positionals.length > 0 && COMMANDS.has(positionals[0])) {
    command = positionals[0];
    positionals = positionals.slice(1);
  }
  const color = colorEnabled(values, io);
  try {
    if (command === 'keys') return runKeys(positionals, values, io, color);
    // Config, rules and reporters load only for the commands that need them: start-up matters in a pre-commit hook.
    const commands = await import('./commands.js');
    switch (command) {
      case 'lint':
        return await commands.runLintCommand(positionals, values, io, color);
      case 'rules':
        return commands.runRulesCommand(io, color);
      case 'explain':
        return commands.runExplainCommand(positionals, io);
      case 'init':
        return commands.runInitCommand(values, io);
      default:
        io.stderr(`kmslint: the ${command} command is not available in this version yet\n`);
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

export function colorEnabled(values: CliValues, io: CliIO): boolean {
  if (values['no-color'] || io.env.NO_COLOR) return false;
  if (values.color || io.env.FORCE_COLOR) return true;
  return io.isTTY;
}

export function parseShard(value: string | undefined): { index: number; count: number } | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`--shard takes <i>/<n> with 1 ≤ i ≤ n, got "${value}"`);
  return { index, count };
}

export function emit(text: string, values: CliValues, io: CliIO): void {
  const file = values['output-file'];
  if (!file) return io.stdout(text);
  const target = resolve(io.cwd, file);
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  } catch (err) {
    throw new UsageError(`--output-file ${file}: ${(err as Error).message}`);
  }
}

function runKeys(positionals: string[], values: CliValues, io: CliIO, color: boolean): number {
  const format = values.format ?? 'table';
  const formatter = keysFormatters[format];
  if (!formatter) throw new UsageError(`unknown format for keys: ${format} (use ${Object.keys(keysFormatters).join(', ')})`);
  const set = loadInputs(positionals, { cwd: io.cwd, shard: parseShard(values.shard) });
  const analysis = analyse(set.inputs.flatMap((i) => i.templates));
  const inputs = set.inputs.filter((i) => !i.skipped || i.error).map((i) => ({ path: i.path, format: i.format, error: i.error }));
  emit(formatter({ inputs, rows: keyRows(analysis) }, { color: color && !values['output-file'], width: io.columns }), values, io);
  const errors = inputs.filter((i) => i.error);
  if (format !== 'table') for (const e of errors) io.stderr(`${e.path}:${e.error!.line}:${e.error!.column}: ${e.error!.message}\n`);
  return errors.length > 0 ? 2 : 0;
}
