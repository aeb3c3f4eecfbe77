// Hostile files on the command line (issue 8): devices, FIFOs inside assemblies, links — each beside
// a good template whose finding must survive exactly once, with exit 2 where something was unreadable.
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';

const created: string[] = [];
afterAll(() => {
  for (const d of created) rmSync(d, { recursive: true, force: true });
});

const GOOD = join(process.cwd(), 'fixtures/hostile/good.yaml');

async function lintJson(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const started = Date.now();
  const code = await main([...args, '--no-config', '--format', 'json'], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, isTTY: false, env: {} });
  const out = JSON.parse(stdout) as { findings: { ruleId: string; file: string }[]; inputs: { path: string; error: { message: string } | null }[] };
  return { code, out, stderr, ms: Date.now() - started };
}

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kmslint-hostile-cli-'));
  created.push(dir);
  cpSync(GOOD, join(dir, 'good.yaml'));
  return dir;
}

const goodFindings = (out: { findings: { ruleId: string; file: string }[] }) => out.findings.filter((f) => f.file === 'good.yaml' && f.ruleId === 'cross-account-aws-managed-key');

describe('hostile files named or found', () => {
  it('a link to /dev/zero named template.yaml is skipped in a walk and refused when named, in bounded time', async () => {
    const dir = workspace();
    symlinkSync('/dev/zero', join(dir, 'template.yaml'));
    const walked = await lintJson(['.'], dir);
    expect(walked.code).toBe(1);
    expect(goodFindings(walked.out)).toHaveLength(1);
    expect(walked.stderr).toContain('kmslint: warning: skipped template.yaml');
    const named = await lintJson(['good.yaml', 'template.yaml'], dir);
    expect(named.code).toBe(1);
    expect(named.stderr).toBe('kmslint: warning: skipped template.yaml: a device, not a regular file\n');
    expect(goodFindings(named.out)).toHaveLength(1);
    expect(named.ms).toBeLessThan(20_000);
  });

  it('a FIFO in place of a CDK template is an unreadable input (exit 2), the good finding kept', async () => {
    const dir = workspace();
    cpSync(join(process.cwd(), 'fixtures/cdk/broken-template'), join(dir, 'cdk.out'), { recursive: true });
    unlinkSync(join(dir, 'cdk.out/Good.template.json'));
    execFileSync('mkfifo', [join(dir, 'cdk.out/Good.template.json')]);
    const r = await lintJson(['.'], dir);
    expect(r.code).toBe(2);
    expect(goodFindings(r.out)).toHaveLength(1);
    expect(r.out.inputs.find((i) => i.path === 'cdk.out')?.error?.message).toMatch(/Good\.template\.json: is a FIFO \(named pipe\); kmslint reads only regular files/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a manifest.json that is a FIFO does not hang recognition', async () => {
    const dir = workspace();
    execFileSync('mkfifo', [join(dir, 'manifest.json')]);
    writeFileSync(join(dir, 'other.json'), '{"name":"x"}');
    const r = await lintJson(['.'], dir);
    expect(r.code).toBe(1);
    expect(goodFindings(r.out)).toHaveLength(1);
    expect(r.stderr).toBe('kmslint: warning: skipped manifest.json: a FIFO, not a regular file\n');
  });
});
