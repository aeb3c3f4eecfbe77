// Usage text: the overview and one page per command, options taken from the option table.
import { optionHelp, type Command } from './options.js';

const COMMAND_LINES: [Command, string, string][] = [
  ['lint', 'kmslint [lint] [paths…]', 'lint files, directories (recursive) and globs (default ".")'],
  ['keys', 'kmslint keys [paths…]', 'print the effective KMS key of every encryptable resource'],
  ['diff', 'kmslint diff <before> <after>', 'lint the change between two templates, assemblies or plans (one plan: its own change; --base <git-ref>: the change since a commit)'],
  ['rules', 'kmslint rules', 'list rules with default severity and docs link'],
  ['explain', 'kmslint explain <rule-id>', "print a rule's documentation"],
  ['init', 'kmslint init', 'write a commented .kmslintrc.yaml'],
  ['lsp', 'kmslint lsp --stdio', 'run the editor server (Language Server Protocol): diagnostics, hover, quick fixes'],
  ['help', 'kmslint help [command]', 'this text, or the help of one command'],
];

const EXIT_STATUS = 'Exit status: 0 clean, 1 a finding fails the gate, 2 bad usage, invalid config, no input found,\nor an input that could not be read (reported after every other input is linted).';

const DETAILS: Partial<Record<Command, string>> = {
  lint: `Paths are files, directories (walked honouring .gitignore and .kmslintignore; cdk.out is linted
even when git ignores it) and globs. "-" or --stdin reads one document from standard input.
A run that finds no input exits 2 unless --allow-empty.`,
  keys: 'Prints, per resource, the effective key (customer-managed, aws-managed, aws-owned, none, unknown) and why.',
  diff: `Reports the change rules (a key removed, a resource replaced because its key changed, a key
downgraded, a key policy widened, rotation switched off) and every finding of <after> that <before>
did not have (--all: every finding). With one argument, a Terraform plan (terraform show -json) is
compared with its prior state. With --base <git-ref>, each template changed since that commit (in the
given paths, default ".") is compared with its version there. Exit status as for lint.`,
  rules: 'Lists every rule id, its default severity and the link to its page.',
  explain: 'Prints the page of one rule: what it finds, the AWS fact behind it, how to fix it.',
  init: 'Writes a commented .kmslintrc.yaml in the current directory (--force to overwrite).',
};

export function overviewHelp(): string {
  const width = Math.max(...COMMAND_LINES.map(([, usage]) => usage.length)) + 2;
  const commands = COMMAND_LINES.map(([, usage, what], i) => `${i === 0 ? 'Usage: ' : '       '}${usage.padEnd(width)}${what}`).join('\n');
  return `${commands}\n\nOptions (lint):\n${optionHelp('lint')}\n\n${EXIT_STATUS}\nkmslint help <command> shows the options of one command.\n`;
}

export function commandHelp(command: Command): string {
  const line = COMMAND_LINES.find(([c]) => c === command);
  if (!line) return overviewHelp();
  const options = optionHelp(command);
  return `Usage: ${line[1]}\n\n${line[2]}.\n${DETAILS[command] ? `\n${DETAILS[command]}\n` : ''}${options ? `\nOptions:\n${options}\n` : ''}${command === 'lint' || command === 'keys' || command === 'diff' ? `\n${EXIT_STATUS}\n` : ''}`;
}
