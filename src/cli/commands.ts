// Placeholder wiring until the rule engine lands in this file.
import type { CliIO, CliValues } from './main.js';

export async function runLintCommand(_p: string[], _v: CliValues, io: CliIO, _c: boolean): Promise<number> {
  io.stderr('lint: not wired yet\n');
  return 2;
}
export function runRulesCommand(_io: CliIO, _c: boolean): number {
  return 2;
}
export function runExplainCommand(_p: string[], _io: CliIO): number {
  return 2;
}
export function runInitCommand(_v: CliValues, _io: CliIO): number {
  return 2;
}
