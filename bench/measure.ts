// One child process timed: wall clock from this process, CPU (user + system) and peak resident memory
// of the child from GNU time's rusage (`/usr/bin/time -f`), which covers a Python peer as well as
// Node. Several commands are run interleaved (round by round, order alternating) so a burst of load
// on the shared machine hits them alike; each figure is the median over the rounds.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = existsSync(GNU_TIME);

export interface Command {
  label: string;
  cmd: string;
  args: string[];
  cwd?: string;
  /** How many rounds run this command (default: every round). A slow peer may run fewer. */
  runs?: number;
  /** Run before each timed run of this command (not timed): e.g. deleting a cache. */
  before?: () => void;
  /** Killed after this long (the run is then reported as failed). */
  timeoutMs?: number;
}

export interface Sample {
  wallMs: number;
  /** User + system CPU of the child; undefined without GNU time. */
  cpuMs?: number;
  rssMiB?: number;
  status: number | null;
  stderr: string;
}

export interface Measurement {
  label: string;
  runs: number;
  wallMs: number;
  cpuMs?: number;
  rssMiB?: number;
  /** Exit statuses seen (kmslint exits 1 when a finding fails the gate: that is a normal run). */
  statuses: (number | null)[];
  /** Inputs per second of wall time, when the set knows how many inputs the command read. */
  inputsPerSecond?: number;
  inputs?: number;
  /** Set when a run ended by a signal or with a status the set treats as a crash. */
  failed?: string;
}

const scratch = mkdtempSync(join(tmpdir(), 'kmslint-bench-time-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

/** Runs once; stdout goes to `stdoutFile` when given (to read a report), else is discarded. */
export function runOnce(c: Command, stdoutFile?: string): Sample {
  const timeFile = join(scratch, 'time');
  // A time limit goes inside GNU time (coreutils timeout kills the command itself, not GNU time).
  const limited = c.timeoutMs ? ['timeout', '--signal=KILL', String(Math.ceil(c.timeoutMs / 1000)), c.cmd, ...c.args] : [c.cmd, ...c.args];
  const [cmd, args] = hasGnuTime ? [GNU_TIME, ['-f', '%U %S %M', '-o', timeFile, ...limited]] : [limited[0], limited.slice(1)];
  const out = stdoutFile ? openSync(stdoutFile, 'w') : 'ignore';
  try {
    const start = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { cwd: c.cwd, stdio: ['ignore', out, 'pipe'], maxBuffer: 1 << 28 });
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    const sample: Sample = { wallMs, status: r.status, stderr: r.stderr?.toString('utf8') ?? '' };
    if (hasGnuTime && existsSync(timeFile)) {
      // GNU time writes "Command exited with non-zero status N" before the format line.
      const line = readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
      const [user, sys, kib] = line.split(/\s+/).map(Number);
      if ([user, sys, kib].every(Number.isFinite)) Object.assign(sample, { cpuMs: (user + sys) * 1000, rssMiB: kib / 1024 });
      rmSync(timeFile, { force: true });
    }
    if (r.signal) sample.status = null;
    // timeout(1) exits 137 when it killed the command.
    if (c.timeoutMs && r.status === 137) sample.stderr += `\nkilled at the ${c.timeoutMs / 1000} s time limit`;
    return sample;
  } finally {
    if (typeof out === 'number') closeSync(out);
  }
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Statuses a command may end with and still count as a completed run. Default 0–2: kmslint exits 1
 * for a failing finding and 2 for an input it could not read (the corpus has broken files on purpose).
 */
export type StatusCheck = (status: number | null) => boolean;
const completed: StatusCheck = (s) => s === 0 || s === 1 || s === 2;

/** Runs the commands round by round (order reversed every other round) and takes medians. */
export function interleaved(commands: Command[], rounds: number, ok: StatusCheck = completed): Measurement[] {
  const samples = commands.map(() => [] as Sample[]);
  for (let r = 0; r < rounds; r++) {
    const order = commands.map((_, i) => i);
    if (r % 2) order.reverse();
    for (const i of order) {
      const c = commands[i];
      if (r >= (c.runs ?? rounds)) continue;
      c.before?.();
      samples[i].push(runOnce(c));
    }
  }
  return commands.map((c, i) => summarise(c.label, samples[i], ok));
}

export function summarise(label: string, samples: Sample[], ok: StatusCheck = completed): Measurement {
  const cpu = samples.map((s) => s.cpuMs).filter((x): x is number => x !== undefined);
  const rss = samples.map((s) => s.rssMiB).filter((x): x is number => x !== undefined);
  const bad = samples.find((s) => !ok(s.status));
  return {
    label,
    runs: samples.length,
    wallMs: median(samples.map((s) => s.wallMs)),
    ...(cpu.length ? { cpuMs: median(cpu) } : {}),
    ...(rss.length ? { rssMiB: median(rss) } : {}),
    statuses: samples.map((s) => s.status),
    ...(bad ? { failed: `exit ${bad.status ?? 'by signal'}: ${bad.stderr.trim().split('\n').slice(-3).join(' | ').slice(0, 300)}` } : {}),
  };
}

export function withInputs(m: Measurement, inputs: number | undefined): Measurement {
  if (inputs === undefined) return m;
  return { ...m, inputs, inputsPerSecond: inputs / (m.wallMs / 1000) };
}

export const gnuTimeAvailable = hasGnuTime;
