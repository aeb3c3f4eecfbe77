// Test client for `kmslint lsp --stdio`: spawns the server as an editor would, speaks JSON-RPC with
// vscode-jsonrpc, records every byte the server writes to stdout (to prove it is all protocol), and
// waits for the diagnostics of a document version.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PassThrough } from 'node:stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

const ROOT = join(import.meta.dirname, '..', '..');

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    severity?: number;
    code?: string | number;
    codeDescription?: { href: string };
    source?: string;
    message: string;
    relatedInformation?: { location: { uri: string; range: unknown }; message: string }[];
    data?: unknown;
  }[];
}

export interface LspServer {
  conn: MessageConnection;
  proc: ChildProcessWithoutNullStreams;
  /** Every byte the server wrote to stdout. */
  stdout: () => Buffer;
  stderr: () => string;
  published: PublishedDiagnostics[];
  /** The next diagnostics for `uri` (at `version`, when given) — including ones already received. */
  diagnostics(uri: string, version?: number, timeoutMs?: number): Promise<PublishedDiagnostics>;
  /** Requests the client received from the server (`client/registerCapability`, `workspace/configuration`). */
  requests: { method: string; params: unknown }[];
  initialize(options?: { rootPath?: string; capabilities?: object; initializationOptions?: unknown; settings?: unknown }): Promise<{ capabilities: Record<string, unknown> }>;
  /** Resolve once the message is written (await before writing raw bytes to stdin). */
  open(uri: string, text: string, languageId?: string, version?: number): Promise<void>;
  change(uri: string, version: number, text: string): Promise<void>;
  /** Ends the server the way an editor does; resolves with its exit code. */
  stop(): Promise<number | null>;
  exited: Promise<number | null>;
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

export function startLspServer(cwd: string = ROOT): LspServer {
  const proc = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(ROOT, 'src/cli/run.ts'), 'lsp', '--stdio'], { cwd, stdio: 'pipe' });
  const out: Buffer[] = [];
  let err = '';
  const tee = new PassThrough();
  proc.stdout.on('data', (b: Buffer) => {
    out.push(b);
    tee.write(b);
  });
  proc.stdout.on('end', () => tee.end());
  proc.stderr.on('data', (b: Buffer) => (err += b.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const conn = createMessageConnection(new StreamMessageReader(tee), new StreamMessageWriter(proc.stdin));
  const published: PublishedDiagnostics[] = [];
  const waiters: { uri: string; version?: number; from: number; resolve: (p: PublishedDiagnostics) => void }[] = [];
  const requests: { method: string; params: unknown }[] = [];
  let settings: unknown = null;
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
    published.push(p);
    for (const w of [...waiters]) {
      if (p.uri === w.uri && (w.version === undefined || p.version === w.version)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  conn.onRequest('client/registerCapability', (params) => {
    requests.push({ method: 'client/registerCapability', params });
    return null;
  });
  conn.onRequest('workspace/configuration', (params: { items: unknown[] }) => {
    requests.push({ method: 'workspace/configuration', params });
    return params.items.map(() => settings);
  });
  conn.onNotification('window/logMessage', () => undefined);
  conn.listen();
  proc.stdin.on('error', () => undefined);

  const server: LspServer = {
    conn,
    proc,
    stdout: () => Buffer.concat(out),
    stderr: () => err,
    published,
    requests,
    exited,
    diagnostics(uri, version, timeoutMs = 20_000) {
      const seen = published.find((p) => p.uri === uri && (version === undefined || p.version === version));
      if (seen && version !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}@${version} in ${timeoutMs} ms; stderr: ${err}`)), timeoutMs);
        waiters.push({ uri, version, from: published.length, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      });
    },
    async initialize(options = {}) {
      settings = options.settings ?? null;
      const rootUri = options.rootPath ? fileUri(options.rootPath) : null;
      const result = (await conn.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
        processId: process.pid,
        rootUri,
        workspaceFolders: options.rootPath ? [{ uri: rootUri, name: 'root' }] : null,
        capabilities: options.capabilities ?? {},
        initializationOptions: options.initializationOptions,
      }));
      await conn.sendNotification('initialized', {});
      return result;
    },
    open(uri, text, languageId = uri.endsWith('.json') ? 'json' : 'yaml', version = 1) {
      return conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    },
    change(uri, version, text) {
      return conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    async stop() {
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
      const code = await exited;
      conn.dispose();
      return code;
    },
  };
  return server;
}

/** Splits stdout into LSP frames; throws at the first byte that is not part of one. */
export function protocolFrames(bytes: Buffer): unknown[] {
  const frames: unknown[] = [];
  let at = 0;
  while (at < bytes.length) {
    const headerEnd = bytes.indexOf('\r\n\r\n', at);
    if (headerEnd === -1) throw new Error(`stdout has non-protocol bytes at ${at}: ${JSON.stringify(bytes.subarray(at, at + 80).toString())}`);
    const header = bytes.subarray(at, headerEnd).toString('ascii');
    const m = /^Content-Length: (\d+)(\r\nContent-Type: [^\r\n]+)?$/i.exec(header);
    if (!m) throw new Error(`stdout has a bad header at ${at}: ${JSON.stringify(header.slice(0, 80))}`);
    const start = headerEnd + 4;
    const end = start + Number(m[1]);
    if (end > bytes.length) throw new Error(`stdout ends inside a frame at ${at}`);
    frames.push(JSON.parse(bytes.subarray(start, end).toString('utf8')));
    at = end;
  }
  return frames;
}
