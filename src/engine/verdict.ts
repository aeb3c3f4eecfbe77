// The gate's verdict from a lint result, in one place so the CLI, the CDK front ends and the editor
// server decide alike (contract §3): 2 when an input could not be read or kmslint failed on one,
// or nothing was linted; 1 when an error-level finding, or too many warnings, fail the gate; else 0.
import type { LintResult } from '../model/findings.js';

export interface VerdictOptions {
  /** Fail when more warnings than this; -1 or undefined: no limit. */
  maxWarnings?: number;
  /** Pass a run that linted no input (`--allow-empty`). */
  allowEmpty?: boolean;
}

export type VerdictReason = 'clean' | 'no-inputs' | 'unreadable-input' | 'internal-error' | 'errors' | 'too-many-warnings';

export interface Verdict {
  exitCode: 0 | 1 | 2;
  reason: VerdictReason;
  /** One line for people, when the gate does not pass cleanly. */
  message?: string;
}

export function verdictOf(result: LintResult, options: VerdictOptions = {}): Verdict {
  if (result.inputs.length === 0) {
    return options.allowEmpty ? { exitCode: 0, reason: 'no-inputs' } : { exitCode: 2, reason: 'no-inputs', message: 'no inputs found' };
  }
  const unreadable = result.inputs.filter((i) => i.error).length;
  if (unreadable) return { exitCode: 2, reason: 'unreadable-input', message: `${unreadable} input${unreadable === 1 ? '' : 's'} could not be read` };
  if (result.findings.some((f) => f.ruleId === 'internal-error' && !f.suppressed)) return { exitCode: 2, reason: 'internal-error', message: 'kmslint failed on part of the input (see internal-error findings)' };
  if (result.summary.errors > 0) return { exitCode: 1, reason: 'errors', message: `${result.summary.errors} error${result.summary.errors === 1 ? '' : 's'}` };
  const max = options.maxWarnings ?? -1;
  if (max >= 0 && result.summary.warnings > max) {
    return { exitCode: 1, reason: 'too-many-warnings', message: `too many warnings (${result.summary.warnings}); the maximum is ${max}` };
  }
  return { exitCode: 0, reason: 'clean' };
}
