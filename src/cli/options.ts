// Every command-line option once: its type, short flag, the commands it applies to and its help
// line. Parsing, per-command help and "did you mean" all read this table.
import { parseArgs } from 'node:util';
import leven from 'leven';

export class UsageError extends Error {}

type Command = 'lint' | 'keys' | 'rules' | 'explain' | 'init' | 'diff' | 'lsp' | 'help';

interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** Shown in help, e.g. `<path>`. */
  value?: string;
  help: string;
  commands: readonly Command[];
}

const LINTING: readonly Command[] = ['lint', 'keys', 'diff'];

export const OPTION_SPECS = {
  format: { type: 'string', short: 'f', value: '<name>', help: 'lint, diff: stylish (default), json, sarif, github, junit, codeclimate, html, markdown; keys: table (default), json, csv, mermaid, html', commands: LINTING },
  'max-nodes': { type: 'string', value: '<n>', help: 'keys --format mermaid: collapse stacks into counts beyond n nodes (default 200)', commands: ['keys'] },
  'output-file': { type: 'string', short: 'o', value: '<path>', help: 'write the report to a file (atomically; never over an input)', commands: LINTING },
  config: { type: 'string', short: 'c', value: '<path>', help: 'use this config file', commands: LINTING },
  'no-config': { type: 'boolean', help: 'ignore config files', commands: LINTING },
  'no-config-js': { type: 'boolean', help: 'refuse JavaScript config files (also KMSLINT_NO_CONFIG_JS=1)', commands: LINTING },
  'print-config': { type: 'string', value: '<file>', help: 'print the configuration that applies to a file, then exit', commands: ['lint'] },
  rule: { type: 'string', multiple: true, value: '<id>=<severity>', help: 'off | info | warning | error (repeatable)', commands: ['lint', 'diff'] },
  account: { type: 'string', multiple: true, value: '<12 digits>', help: 'an account the code deploys to (repeatable)', commands: LINTING },
  quiet: { type: 'boolean', short: 'q', help: 'report errors only', commands: ['lint', 'diff'] },
  'max-warnings': { type: 'string', value: '<n>', help: 'fail when more than n warnings (-1: no limit, the default)', commands: ['lint', 'diff'] },
  baseline: { type: 'string', value: '<file>', help: 'findings listed there are not counted', commands: ['lint', 'diff'] },
  'write-baseline': { type: 'string', value: '<file>', help: 'write the current findings as a baseline, then exit 0', commands: ['lint'] },
  shard: { type: 'string', value: '<i>/<n>', help: 'lint the i-th of n slices of the inputs', commands: ['lint', 'keys'] },
  stdin: { type: 'boolean', help: 'read one document from standard input (also the path -)', commands: ['lint', 'keys'] },
  'stdin-filename': { type: 'string', value: '<path>', help: 'the name of the standard input document (detection, overrides, reports)', commands: ['lint', 'keys'] },
  'allow-empty': { type: 'boolean', help: 'exit 0 when no input is found (default: exit 2)', commands: LINTING },
  cache: { type: 'boolean', help: 'reuse the findings of inputs unchanged since the last --cache run (docs/cache.md)', commands: ['lint'] },
  'cache-location': { type: 'string', value: '<path>', help: 'the cache file, or a directory to hold .kmslintcache (default: ./.kmslintcache)', commands: ['lint'] },
  concurrency: { type: 'string', value: '<n|auto|off>', help: 'threads reading and linting files (auto: workers on 3+ cores when the inputs are large enough; off: one)', commands: ['lint', 'keys'] },
  'ignore-unknown': { type: 'boolean', help: 'skip named files that are not templates silently (hooks, lint-staged)', commands: ['lint', 'keys'] },
  'no-color': { type: 'boolean', help: 'no colours (also NO_COLOR; FORCE_COLOR as Node reads it)', commands: ['lint', 'keys', 'diff', 'rules'] },
  color: { type: 'boolean', help: 'colours even when not a terminal', commands: ['lint', 'keys', 'diff', 'rules'] },
  all: { type: 'boolean', help: 'diff: show every finding of <after>, not only the new ones', commands: ['diff'] },
  base: { type: 'string', value: '<git-ref>', help: 'diff: read the before side of each changed template from git', commands: ['diff'] },
  force: { type: 'boolean', help: 'init: overwrite an existing .kmslintrc.yaml', commands: ['init'] },
  stdio: { type: 'boolean', help: 'lsp: speak the Language Server Protocol on standard input and output', commands: ['lsp'] },
  help: { type: 'boolean', short: 'h', help: 'show help (kmslint help <command> for one command)', commands: ['lint', 'keys', 'rules', 'explain', 'init', 'diff', 'lsp', 'help'] },
  version: { type: 'boolean', short: 'v', help: 'print the version', commands: ['lint', 'help'] },
} as const satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTION_SPECS;

/** parseArgs' option table, derived from the specs. */
const PARSE_OPTIONS = Object.fromEntries(
  Object.entries(OPTION_SPECS).map(([name, spec]) => [
    name,
    { type: spec.type, ...('short' in spec ? { short: spec.short } : {}), ...('multiple' in spec ? { multiple: spec.multiple } : {}) },
  ]),
) as { [K in OptionName]: { type: (typeof OPTION_SPECS)[K]['type']; short?: string; multiple?: boolean } };

export type CliValues = {
  [K in OptionName]?: (typeof OPTION_SPECS)[K] extends { multiple: true } ? string[] : (typeof OPTION_SPECS)[K]['type'] extends 'string' ? string : boolean;
};

/** Options whose value may look like an option (`--max-warnings -1`). */
const NEGATIVE_VALUE_OPTIONS = new Set(['--max-warnings']);

export function parseCommandLine(argv: readonly string[]): { values: CliValues; positionals: string[] } {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (NEGATIVE_VALUE_OPTIONS.has(argv[i]) && /^-\d+$/.test(argv[i + 1] ?? '')) {
      args.push(`${argv[i]}=${argv[i + 1]}`);
      i++;
    } else args.push(argv[i]);
  }
  try {
    const { values, positionals } = parseArgs({ args, options: PARSE_OPTIONS, allowPositionals: true, strict: true });
    return { values: values as CliValues, positionals };
  } catch (err) {
    throw new UsageError(describeParseError(err as NodeJS.ErrnoException, args));
  }
}

/** One line, with the nearest known option when one is close. */
function describeParseError(err: NodeJS.ErrnoException, args: readonly string[]): string {
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const given = /'([^']+)'/.exec(err.message)?.[1] ?? args.find((a) => a.startsWith('-')) ?? '';
    const suggestion = nearestOption(given);
    return `unknown option ${given}${suggestion ? `; did you mean ${suggestion}?` : ''} (see kmslint --help)`;
  }
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const m = /Option '([^']+)/.exec(err.message);
    const name = m?.[1]?.split(' ')[0]?.split(',').pop()?.trim() ?? '';
    const spec = OPTION_SPECS[name.replace(/^--/, '') as OptionName] as OptionSpec | undefined;
    return spec?.type === 'string' ? `${name} takes a value: ${name} ${spec.value ?? '<value>'}` : `${name} takes no value`;
  }
  return err.message.split('\n')[0];
}

export function nearestOption(given: string): string | undefined {
  const bare = given.replace(/^-+/, '').split('=')[0];
  if (!bare) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of Object.keys(OPTION_SPECS)) {
    const d = leven(bare, name);
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  // Close enough to be a typo: a third of the name, at least 2 edits.
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? `--${best}` : undefined;
}

/** Options given that the command does not take. */
export function optionsNotFor(command: Command, values: CliValues): string[] {
  return (Object.keys(values) as OptionName[]).filter((name) => values[name] !== undefined && !(OPTION_SPECS[name].commands as readonly string[]).includes(command)).map((n) => `--${n}`);
}

export function optionHelp(command: Command): string {
  const rows = (Object.entries(OPTION_SPECS) as [OptionName, OptionSpec][]).filter(([, s]) => s.commands.includes(command));
  const left = rows.map(([name, s]) => `${s.short ? `-${s.short}, ` : '    '}--${name}${s.value ? ` ${s.value}` : ''}`);
  const width = Math.max(...left.map((l) => l.length)) + 2;
  return rows.map(([, s], i) => `  ${left[i].padEnd(width)}${s.help}`).join('\n');
}

export type { Command };
