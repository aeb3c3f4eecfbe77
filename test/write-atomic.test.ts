// Writes of reports and baselines (issue 8 item 6): a run that dies mid-write leaves the old file whole.
import { afterAll, describe, expect, it, vi } from 'vitest';
import * as realFs from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A crash in the middle of writing: the first write puts half the text down, then the process "dies".
let crashMidWrite = false;
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    writeFileSync: (file: realFs.PathOrFileDescriptor, data: string, options?: realFs.WriteFileOptions) => {
      if (!crashMidWrite) return fs.writeFileSync(file, data, options);
      fs.writeFileSync(file, data.slice(0, data.length / 2), options);
      throw Object.assign(new Error('killed'), { code: 'EKILLED' });
    },
  };
});

const { writeFileAtomic } = await import('../src/cli/write-atomic.js');

const created: string[] = [];
afterAll(() => {
  for (const d of created) realFs.rmSync(d, { recursive: true, force: true });
});
function dir(): string {
  const d = realFs.mkdtempSync(join(tmpdir(), 'kmslint-write-'));
  created.push(d);
  return d;
}

describe('writeFileAtomic', () => {
  it('a write that dies half way leaves the old report intact and no temp file behind', () => {
    const d = dir();
    realFs.writeFileSync(join(d, 'report.json'), 'OLD REPORT');
    crashMidWrite = true;
    try {
      expect(() => writeFileAtomic('--output-file', 'report.json', 'N'.repeat(1000), d, [])).toThrow('--output-file report.json: cannot write (EKILLED)');
    } finally {
      crashMidWrite = false;
    }
    expect(realFs.readFileSync(join(d, 'report.json'), 'utf8')).toBe('OLD REPORT');
    expect(realFs.readdirSync(d)).toEqual(['report.json']);
    writeFileAtomic('--output-file', 'report.json', 'NEW', d, []);
    expect(realFs.readFileSync(join(d, 'report.json'), 'utf8')).toBe('NEW');
  });

  it('a process killed at any moment leaves either the old or the whole new report', async () => {
    const d = dir();
    const resources = Array.from({ length: 400 }, (_, i) => `  Q${i}:\n    Type: AWS::SQS::Queue\n    Properties: { KmsMasterKeyId: alias/aws/sqs }\n  P${i}:\n    Type: AWS::SQS::QueuePolicy\n    Properties:\n      Queues: [!Ref Q${i}]\n      PolicyDocument: { Statement: [{ Effect: Allow, Principal: { AWS: "444455556666" }, Action: "sqs:*", Resource: "*" }] }\n`);
    realFs.writeFileSync(join(d, 'big.yaml'), `Resources:\n${resources.join('')}`);
    const run = (killAfterMs?: number) =>
      new Promise<void>((resolve) => {
        const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(process.cwd(), 'src/cli/run.ts'), 'big.yaml', '--no-config', '--format', 'json', '--output-file', 'out.json'], { cwd: d, stdio: 'ignore' });
        const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        child.on('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    const started = Date.now();
    await run();
    const full = Date.now() - started;
    const complete = realFs.readFileSync(join(d, 'out.json'), 'utf8');
    expect(JSON.parse(complete).findings).toHaveLength(400);
    for (let i = 0; i < 6; i++) {
      realFs.writeFileSync(join(d, 'out.json'), 'OLD');
      await run(Math.round(full * (0.5 + i / 10)));
      const text = realFs.readFileSync(join(d, 'out.json'), 'utf8');
      expect(text === 'OLD' || text === complete).toBe(true);
    }
  });
});
