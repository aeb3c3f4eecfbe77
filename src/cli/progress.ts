// The progress line on standard error: `kmslint: reading 120/384 files`, redrawn in place, for runs
// that last over a second. Only on a terminal: never when standard error is piped or redirected,
// never in CI (the log would keep every redraw), never on a terminal that cannot redraw (TERM=dumb).
// It is drawn from the engine's progress calls, so a run that finishes within the second shows nothing.
import wrapAnsi from 'wrap-ansi';
import type { OnProgress, ProgressEvent } from '../engine/progress.js';
import type { CliIO } from './main.js';

/** Quiet for this long before anything is drawn. */
export const PROGRESS_DELAY_MS = 1000;
/** At most one redraw this often, unless the phase changes. */
export const PROGRESS_INTERVAL_MS = 100;

/** Carriage return, then erase the whole line (ECMA-48 EL 2). */
const CLEAR_LINE = '\r\u001b[2K';

export interface ProgressLine {
  update: OnProgress;
  /** Erases the line (before the report is printed); later updates draw nothing. */
  end(): void;
  /** `io` whose stderr erases the line first, so a warning never lands on it; the next update redraws. */
  around(io: CliIO): CliIO;
}

export interface ProgressTerminal {
  write: (s: string) => void;
  isTTY: boolean;
  columns?: number;
  env: NodeJS.ProcessEnv;
  /** Milliseconds; a test passes a fake clock. */
  now?: () => number;
}

/** CI runners set CI (GitHub Actions, GitLab, CircleCI, Travis, Buildkite, Azure as TF_BUILD…); "false" or "0" mean not CI. */
function inCi(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI;
  return (ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0') || env.TF_BUILD !== undefined;
}

export function progressEnabled(t: Pick<ProgressTerminal, 'isTTY' | 'env'>): boolean {
  return t.isTTY && !inCi(t.env) && t.env.TERM !== 'dumb';
}

/** `reading 120/384 files`; a phase that does not count files as it goes shows its total alone. */
function describe(p: ProgressEvent): string {
  const files = `file${p.total === 1 ? '' : 's'}`;
  if (p.phase === 'discovering' || p.total === 0) return `kmslint: ${p.phase}…`;
  if (p.done === 0 || p.done === p.total) return p.phase === 'reading' ? `kmslint: reading ${p.done}/${p.total} ${files}` : `kmslint: ${p.phase} ${p.total} ${files}…`;
  return `kmslint: ${p.phase} ${p.done}/${p.total} ${files}`;
}

/** Fits the text in one row of the terminal (a wrapped line could not be redrawn in place). */
function fitted(text: string, columns: number | undefined): string {
  // 0 or absent: a pseudo-terminal that does not say; the last column stays free so no terminal wraps.
  const width = Math.max(10, (columns || 80) - 1);
  return wrapAnsi(text, width, { hard: true, wordWrap: false, trim: false }).split('\n')[0];
}

const SILENT: ProgressLine = { update: () => {}, end: () => {}, around: (io) => io };

export function progressLine(t: ProgressTerminal): ProgressLine {
  if (!progressEnabled(t)) return SILENT;
  const now = t.now ?? Date.now;
  const start = now();
  let drawnAt: number | undefined;
  let drawnPhase: string | undefined;
  let shown = false;
  let ended = false;
  const clear = () => {
    if (shown) t.write(CLEAR_LINE);
    shown = false;
  };
  const line: ProgressLine = {
    update(p) {
      if (ended) return;
      const at = now();
      if (at - start < PROGRESS_DELAY_MS) return;
      if (shown && drawnAt !== undefined && p.phase === drawnPhase && at - drawnAt < PROGRESS_INTERVAL_MS) return;
      t.write(CLEAR_LINE + fitted(describe(p), t.columns));
      shown = true;
      drawnAt = at;
      drawnPhase = p.phase;
    },
    end() {
      clear();
      ended = true;
    },
    around(io) {
      return {
        ...io,
        stderr: (s) => {
          clear();
          io.stderr(s);
        },
      };
    },
  };
  return line;
}

/** The progress line for a command run through `io`. */
export function progressFor(io: CliIO): ProgressLine {
  return progressLine({ write: io.stderr, isTTY: io.stderrIsTTY ?? false, columns: io.stderrColumns, env: io.env });
}
