// `kmslint keys`: the effective key of every encryptable resource; loads no rules or config.
import { analyse } from '../analysis/analyse.js';
import { keyRows } from '../analysis/key-rows.js';
import { keyMapOf } from '../analysis/key-map.js';
import { keysFormatters } from '../reporters/keys.js';
import { gatherInputs, inputPaths } from './gather-inputs.js';
import { UsageError, type CliValues } from './options.js';
import { writeFileAtomic } from './write-atomic.js';
import { progressFor } from './progress.js';
import type { CliIO } from './main.js';

export async function runKeysCommand(positionals: string[], values: CliValues, io: CliIO, color: boolean): Promise<number> {
  const format = values.format ?? 'table';
  const formatter = keysFormatters[format];
  if (!formatter) throw new UsageError(`unknown format for keys: ${format} (use ${Object.keys(keysFormatters).join(', ')})`);
  const maxNodes = parseMaxNodes(values['max-nodes']);
  const progress = progressFor(io);
  io = progress.around(io);
  const { set, counted, emptyExit } = await gatherInputs(positionals, values, io, progress.update);
  progress.update({ phase: 'analysing', done: 0, total: set.inputs.length });
  const analysis = analyse(set.inputs.flatMap((i) => i.templates));
  const inputs = set.inputs.filter((i) => !i.skipped || i.error).map((i) => ({ path: i.path, format: i.format, error: i.error }));
  const rows = keyRows(analysis);
  progress.update({ phase: 'reporting', done: set.inputs.length, total: set.inputs.length });
  const text = formatter({ inputs, rows, keyMap: () => keyMapOf(analysis, { rows, accounts: values.account }) }, { color: color && !values['output-file'], width: io.columns, maxNodes });
  progress.end();
  if (values['output-file']) writeFileAtomic('--output-file', values['output-file'], text, io.cwd, inputPaths(set));
  else io.stdout(text);
  const errors = inputs.filter((i) => i.error);
  if (format !== 'table') for (const e of errors) io.stderr(`${e.path}:${e.error!.line}:${e.error!.column}: ${e.error!.message}\n`);
  // A resource kmslint failed on is missing from the table: say which, and fail as lint does.
  for (const f of analysis.failures) {
    const cause = String((f.error as Error)?.message ?? f.error).split('\n')[0];
    io.stderr(`kmslint: internal error on ${f.template.doc.file}${f.resource ? ` (${f.resource.id})` : ''}: ${cause}\n`);
  }
  if (counted === 0) return emptyExit;
  return errors.length > 0 || analysis.failures.length > 0 ? 2 : 0;
}

/** `--max-nodes <n>`: the Mermaid chart's node budget. */
function parseMaxNodes(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < 10) throw new UsageError(`--max-nodes takes a whole number of at least 10, got "${raw}"`);
  return Number(raw);
}
