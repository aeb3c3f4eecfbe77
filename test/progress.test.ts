// The progress line on standard error: drawn only on a terminal, outside CI, after a second; redrawn
// in place at most every 100 ms (sooner when the phase changes); cut to the terminal width; erased
// before anything else is written and at the end. A fake clock and a fake terminal: nothing is timed.
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { progressLine, type ProgressTerminal } from '../src/cli/progress.js';
import { main } from '../src/cli/main.js';

const CLEAR = '\r\u001b[2K';

function terminal(over: Partial<ProgressTerminal> = {}) {
  const clock = { t: 0 };
  const writes: string[] = [];
  const t: ProgressTerminal = { write: (s) => writes.push(s), isTTY: true, columns: 80, env: {}, now: () => clock.t, ...over };
  return { t, clock, writes };
}

describe('progress line', () => {
  it('nothing in the first second; then drawn, throttled, redrawn on a phase change, erased at the end', () => {
    const { t, clock, writes } = terminal();
    const p = progressLine(t);
    clock.t = 999;
    p.update({ phase: 'reading', done: 1, total: 3 });
    expect(writes).toEqual([]);
    clock.t = 1000;
    p.update({ phase: 'reading', done: 2, total: 3 });
    clock.t = 1099;
    p.update({ phase: 'reading', done: 3, total: 3 });
    clock.t = 1100;
    p.update({ phase: 'analysing', done: 0, total: 3 });
    clock.t = 1101;
    p.update({ phase: 'reporting', done: 3, total: 3 });
    p.end();
    p.update({ phase: 'reporting', done: 3, total: 3 });
    expect(writes).toEqual([`${CLEAR}kmslint: reading 2/3 files`, `${CLEAR}kmslint: analysing 3 files…`, `${CLEAR}kmslint: reporting 3 files…`, CLEAR]);
  });

  it('a run under a second writes nothing at all, not even the erase', () => {
    const { t, clock, writes } = terminal();
    const p = progressLine(t);
    for (const [at, phase] of [[0, 'discovering'], [400, 'reading'], [900, 'analysing']] as const) {
      clock.t = at;
      p.update({ phase, done: 0, total: phase === 'discovering' ? 0 : 5 });
    }
    p.end();
    expect(writes).toEqual([]);
  });

  it('discovering has no total; one file is singular; a long line is cut to the width, last column free', () => {
    const { t, clock, writes } = terminal({ columns: 20 });
    const p = progressLine(t);
    clock.t = 5000;
    p.update({ phase: 'discovering', done: 0, total: 0 });
    clock.t = 5200;
    p.update({ phase: 'reading', done: 1, total: 1 });
    clock.t = 5400;
    p.update({ phase: 'reading', done: 1234, total: 56789 });
    // 19 columns: `kmslint: discoverin`, `kmslint: reading 1/`, `kmslint: reading 12`.
    expect(writes).toEqual([`${CLEAR}kmslint: discoverin`, `${CLEAR}kmslint: reading 1/`, `${CLEAR}kmslint: reading 12`]);
    const wide = terminal({ columns: 0 });
    const q = progressLine(wide.t);
    wide.clock.t = 2000;
    q.update({ phase: 'reading', done: 1, total: 1 });
    expect(wide.writes).toEqual([`${CLEAR}kmslint: reading 1/1 file`]);
  });

  it.each([
    ['CI=1', { env: { CI: '1' } }],
    ['CI=true', { env: { CI: 'true' } }],
    ['Azure Pipelines (TF_BUILD)', { env: { TF_BUILD: 'True' } }],
    ['TERM=dumb', { env: { TERM: 'dumb' } }],
    ['standard error not a terminal (piped, redirected)', { isTTY: false }],
  ])('never with %s', (_name, over) => {
    const { t, clock, writes } = terminal(over);
    const p = progressLine(t);
    clock.t = 10_000;
    p.update({ phase: 'reading', done: 1, total: 2 });
    p.around({ stdout: () => {}, stderr: (s) => writes.push(`stderr:${s}`), cwd: '/', isTTY: false, env: {} }).stderr('warning\n');
    p.end();
    expect(writes).toEqual(['stderr:warning\n']);
  });

  it('CI=false and CI=0 are not CI', () => {
    for (const CI of ['false', '0']) {
      const { t, clock, writes } = terminal({ env: { CI } });
      const p = progressLine(t);
      clock.t = 1500;
      p.update({ phase: 'reading', done: 1, total: 2 });
      expect(writes).toEqual([`${CLEAR}kmslint: reading 1/2 files`]);
    }
  });

  it('other standard error output erases the line first; the next update redraws at once', () => {
    const { t, clock, writes } = terminal();
    const p = progressLine(t);
    const io = p.around({ stdout: () => {}, stderr: (s) => writes.push(s), cwd: '/', isTTY: false, env: {} });
    clock.t = 1000;
    p.update({ phase: 'reading', done: 1, total: 2 });
    io.stderr('kmslint: warning: x\n');
    clock.t = 1001;
    p.update({ phase: 'reading', done: 2, total: 2 });
    p.end();
    io.stderr('after\n');
    expect(writes).toEqual([`${CLEAR}kmslint: reading 1/2 files`, CLEAR, 'kmslint: warning: x\n', `${CLEAR}kmslint: reading 2/2 files`, CLEAR, 'after\n']);
  });
});

describe('progress in the CLI', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  function workspace(): string {
    const dir = mkdtempSync(join(tmpdir(), 'kmslint-progress-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'package.json'), '{"name":"ws"}');
    writeFileSync(join(dir, 'a.yaml'), 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties: { KmsMasterKeyId: alias/aws/sqs }\n');
    writeFileSync(join(dir, 'b.yaml'), 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n');
    return dir;
  }

  /** Each read of the clock is 2 s later: every update is past the delay and the throttle. */
  function slowClock(): void {
    let t = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => (t += 2000));
  }

  async function run(args: string[], env: NodeJS.ProcessEnv, stderrIsTTY: boolean) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, { stdout: (s) => out.push(s), stderr: (s) => err.push(s), cwd: workspace(), isTTY: false, env, stderrIsTTY, stderrColumns: 100 });
    return { code, stdout: out.join(''), stderr: err.join('') };
  }

  // Discovery finds three files (package.json is read and skipped as no template).
  it('keys on a terminal: every phase, then erased before the report', async () => {
    slowClock();
    const r = await run(['keys', '.', '--format', 'csv'], {}, true);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      [`${CLEAR}kmslint: discovering…`, `${CLEAR}kmslint: reading 1/3 files`, `${CLEAR}kmslint: reading 2/3 files`, `${CLEAR}kmslint: reading 3/3 files`, `${CLEAR}kmslint: analysing 3 files…`, `${CLEAR}kmslint: reporting 3 files…`, CLEAR].join(''),
    );
    expect(r.stdout.split('\n')[0]).toBe('file,line,stack,id,type,path,branch,kind,alias,keyRef,origin,external,reason,purpose');
  });

  it('lint on a terminal: inputs linked by an export and an import are analysed together after reading, and that step shows', async () => {
    slowClock();
    const out: string[] = [];
    const err: string[] = [];
    const cwd = workspace();
    writeFileSync(join(cwd, 'a.yaml'), 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties: { KeyPolicy: {} }\nOutputs:\n  KeyArn:\n    Value: !GetAtt Key.Arn\n    Export: { Name: shared-key }\n');
    writeFileSync(join(cwd, 'b.yaml'), 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties: { KmsMasterKeyId: !ImportValue shared-key }\n');
    const code = await main(['.', '--no-config', '--format', 'json'], { stdout: (s) => out.push(s), stderr: (s) => err.push(s), cwd, isTTY: false, env: {}, stderrIsTTY: true, stderrColumns: 100 });
    expect(code).not.toBe(2);
    expect(err.join('')).toBe([`${CLEAR}kmslint: discovering…`, `${CLEAR}kmslint: reading 1/3 files`, `${CLEAR}kmslint: reading 2/3 files`, `${CLEAR}kmslint: reading 3/3 files`, `${CLEAR}kmslint: analysing 2 files…`, CLEAR].join(''));
    expect(JSON.parse(out.join('')).inputs).toHaveLength(2);
  });

  it('lint on a terminal: erased before the report; nothing with CI=1 or when standard error is not a terminal', async () => {
    slowClock();
    const tty = await run(['.', '--no-config', '--format', 'json'], {}, true);
    // Each template is linted as it is read (none exports or imports), so no joint analysis step is left to show.
    expect(tty.stderr).toBe([`${CLEAR}kmslint: discovering…`, `${CLEAR}kmslint: reading 1/3 files`, `${CLEAR}kmslint: reading 2/3 files`, `${CLEAR}kmslint: reading 3/3 files`, CLEAR].join(''));
    expect(JSON.parse(tty.stdout).inputs).toHaveLength(2);
    const ci = await run(['.', '--no-config', '--format', 'json'], { CI: '1' }, true);
    expect(ci.stderr).not.toContain(CLEAR);
    const piped = await run(['keys', '.'], {}, false);
    expect(piped.stderr).toBe('');
    const ciKeys = await run(['keys', '.'], { CI: 'true' }, true);
    expect(ciKeys.stderr).toBe('');
  });
});
