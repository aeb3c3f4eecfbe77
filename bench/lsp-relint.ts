// The editor-server case of `npm run bench` (issue 14: re-lint of the largest corpus template ≤ 50 ms
// after a change). Unlike bench/lsp.ts (which runs the server from the TypeScript sources), this
// starts the built CLI (`<bin> lsp --stdio`) as an editor would, in a scratch workspace holding a copy
// of the template, and times didChange → publishDiagnostics. The server waits its change debounce
// before linting, so the figure is that latency minus the debounce; the server's own CPU per edit
// (from /proc, 10 ms ticks) is reported beside it. `others` are templates opened beside it first (the
// same folder), which every edit analyses again with it.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { median } from './measure.js';

export interface LspRelint {
  template: string;
  kib: number;
  debounceMs: number;
  edits: number;
  /** didChange → publishDiagnostics, median, debounce included. */
  latencyMs: number;
  minMs: number;
  maxMs: number;
  /** latencyMs − debounceMs. */
  relintMs: number;
  /** Server CPU (user + system) per edit, from /proc; undefined off Linux. */
  serverCpuPerEditMs?: number;
  rssMiB?: number;
}

/** The debounce the built server waits after a change (read from its code; 200 ms when not found). */
function debounceOf(bin: string): number {
  const server = join(bin, '..', '..', 'dist', 'src', 'lsp', 'server.js');
  const m = existsSync(server) ? /CHANGE_DEBOUNCE_MS\s*=\s*(\d+)/.exec(readFileSync(server, 'utf8')) : null;
  return m ? Number(m[1]) : 200;
}

function cpuTicksMs(pid: number): number | undefined {
  try {
    // Fields after the command name: state is field 3, utime 14, stime 15 (clock ticks, 100 per second).
    const rest = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(rest[11]) + Number(rest[12])) * 10;
  } catch {
    return undefined;
  }
}

export async function lspRelint(bin: string, template: string, edits = 20, others: readonly string[] = []): Promise<LspRelint> {
  const dir = mkdtempSync(join(tmpdir(), 'kmslint-bench-lsp-'));
  const file = join(dir, basename(template));
  copyFileSync(template, file);
  const text = readFileSync(file, 'utf8');
  const proc = spawn(process.execPath, [bin, 'lsp', '--stdio'], { cwd: dir, stdio: 'pipe' });
  let stderr = '';
  proc.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const waiting = new Map<string, () => void>();
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => {
    if (p.version !== undefined) waiting.get(`${p.version} ${p.uri}`)?.();
  });
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('window/logMessage', () => undefined);
  conn.listen();
  const uri = pathToFileURL(file).href;
  const diagnostics = (version: number, of = uri) =>
    new Promise<void>((resolve, reject) => {
      const key = `${version} ${of}`;
      const timer = setTimeout(() => reject(new Error(`lsp: no diagnostics for version ${version} of ${of} in 60 s; stderr: ${stderr.slice(-500)}`)), 60_000);
      waiting.set(key, () => (clearTimeout(timer), waiting.delete(key), resolve()));
    });
  try {
    const rootUri = pathToFileURL(dir).href;
    await conn.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'bench' }], capabilities: {} });
    await conn.sendNotification('initialized', {});
    const languageIdOf = (f: string) => (f.endsWith('.json') ? 'json' : 'yaml');
    for (const [i, other] of others.entries()) {
      const copy = join(dir, `other-${i}-${basename(other)}`);
      copyFileSync(other, copy);
      const otherUri = pathToFileURL(copy).href;
      const opened = diagnostics(1, otherUri);
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: otherUri, languageId: languageIdOf(copy), version: 1, text: readFileSync(copy, 'utf8') } });
      await opened;
    }
    const languageId = languageIdOf(file);
    let version = 1;
    const first = diagnostics(version);
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    await first;
    // A trailing space on the last line, toggled: the template stays valid and its findings the same.
    const edited = (n: number) => (n % 2 ? text.replace(/\n?$/, ' \n') : text);
    const times: number[] = [];
    const cpuBefore = cpuTicksMs(proc.pid!);
    for (let i = 0; i < edits; i++) {
      version++;
      const published = diagnostics(version);
      const start = process.hrtime.bigint();
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: edited(version) }] });
      await published;
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    const cpuAfter = cpuTicksMs(proc.pid!);
    const rss = /VmRSS:\s+(\d+) kB/.exec(existsSync(`/proc/${proc.pid}/status`) ? readFileSync(`/proc/${proc.pid}/status`, 'utf8') : '')?.[1];
    const debounceMs = debounceOf(bin);
    const latencyMs = median(times);
    return {
      template,
      kib: text.length / 1024,
      debounceMs,
      edits,
      latencyMs,
      minMs: Math.min(...times),
      maxMs: Math.max(...times),
      relintMs: latencyMs - debounceMs,
      ...(cpuBefore !== undefined && cpuAfter !== undefined ? { serverCpuPerEditMs: (cpuAfter - cpuBefore) / edits } : {}),
      ...(rss ? { rssMiB: Number(rss) / 1024 } : {}),
    };
  } finally {
    try {
      await Promise.race([conn.sendRequest('shutdown').then(() => conn.sendNotification('exit')), new Promise((r) => setTimeout(r, 2000))]);
    } catch {
      // The server may already be gone.
    }
    conn.dispose();
    if (proc.exitCode === null) proc.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
