// The VS Code client (editors/vscode): it builds with `tsc -p editors/vscode` from the repository's
// node_modules, and the built extension, loaded against stand-ins for `vscode` and
// `vscode-languageclient/node`, starts the server the way its manifest says — every setting it
// reads is contributed (with the same default) and every contributed setting is read, every
// language it serves activates it, and config files are watched for the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseJsonc } from 'jsonc-parser';
import picomatch from 'picomatch';
import { SEARCH_PLACES } from '../src/config/load.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXTENSION = join(ROOT, 'editors/vscode');
const manifest = JSON.parse(readFileSync(join(EXTENSION, 'package.json'), 'utf8'));
const tsconfig = parseJsonc(readFileSync(join(EXTENSION, 'tsconfig.json'), 'utf8'));

// Stand-ins, CommonJS like the built extension. They record into globalThis.__vscodeStub, read at
// each call: every test installs a fresh one.
const VSCODE_STUB = `
const current = () => globalThis.__vscodeStub;
exports.workspace = {
  get workspaceFolders() { return current().folders; },
  getConfiguration(section) {
    const stub = current();
    return {
      get(key, fallback) {
        const name = section + '.' + key;
        stub.reads.set(name, fallback);
        return Object.prototype.hasOwnProperty.call(stub.settings, name) ? stub.settings[name] : fallback;
      },
    };
  },
  createFileSystemWatcher(glob) {
    const watcher = { glob, disposed: false, dispose() { this.disposed = true; } };
    current().watchers.push(watcher);
    return watcher;
  },
  onDidChangeConfiguration(listener) {
    current().configurationListeners.push(listener);
    return { dispose() {} };
  },
};
`;
const CLIENT_STUB = `
class LanguageClient {
  constructor(id, name, serverOptions, clientOptions) {
    Object.assign(this, { id, name, serverOptions, clientOptions, state: 'new' });
    globalThis.__vscodeStub.clients.push(this);
  }
  async start() { this.state = 'running'; }
  async stop() { this.state = 'stopped'; }
}
exports.LanguageClient = LanguageClient;
`;

interface StubClient {
  id: string;
  name: string;
  serverOptions: { command: string; args: string[]; options?: { shell?: boolean; cwd?: string } };
  clientOptions: {
    documentSelector: { scheme?: string; language?: string; pattern?: string }[];
    initializationOptions: unknown;
    synchronize: { configurationSection: string; fileEvents: { glob: string } };
  };
  state: string;
}
interface Stub {
  folders: { uri: { fsPath: string } }[];
  settings: Record<string, unknown>;
  reads: Map<string, unknown>;
  watchers: { glob: string; disposed: boolean }[];
  configurationListeners: ((event: { affectsConfiguration(name: string): boolean }) => Promise<void>)[];
  clients: StubClient[];
}
interface Extension {
  activate(context: { subscriptions: { dispose(): void }[] }): Promise<void>;
  deactivate(): Promise<void>;
}

let root = '';
let build: ReturnType<typeof spawnSync>;
let extension: Extension;
let workspaceFolder = '';

function freshStub(settings: Record<string, unknown> = {}): Stub {
  const stub: Stub = { folders: [{ uri: { fsPath: workspaceFolder } }], settings, reads: new Map(), watchers: [], configurationListeners: [], clients: [] };
  (globalThis as { __vscodeStub?: Stub }).__vscodeStub = stub;
  return stub;
}

async function activated(settings: Record<string, unknown> = {}): Promise<{ stub: Stub; client: StubClient; context: { subscriptions: { dispose(): void }[] } }> {
  const stub = freshStub(settings);
  const context = { subscriptions: [] as { dispose(): void }[] };
  await extension.activate(context);
  expect(stub.clients).toHaveLength(1);
  return { stub, client: stub.clients[0], context };
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'kmslint-vscode-'));
  const outDir = join(root, 'out');
  build = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', EXTENSION, '--outDir', outDir], { cwd: ROOT, encoding: 'utf8' });
  for (const [name, source] of [
    ['vscode/index.js', VSCODE_STUB],
    ['vscode-languageclient/node.js', CLIENT_STUB],
  ]) {
    mkdirSync(join(root, 'node_modules', name, '..'), { recursive: true });
    writeFileSync(join(root, 'node_modules', name), source);
  }
  workspaceFolder = join(root, 'workspace');
  mkdirSync(workspaceFolder);
  if (build.status === 0) extension = createRequire(join(outDir, 'x.js'))(join(outDir, 'extension.js')) as Extension;
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  delete (globalThis as { __vscodeStub?: Stub }).__vscodeStub;
});

describe('editors/vscode', () => {
  it('builds with tsc -p editors/vscode and the repository node_modules', () => {
    expect(build.status, `${String(build.stdout)}${String(build.stderr)}`).toBe(0);
  });

  it('is a private manifest whose main is the tsc output of src/extension.ts', () => {
    expect(manifest.private).toBe(true);
    expect(manifest.type ?? 'commonjs').toBe('commonjs');
    expect(tsconfig.compilerOptions).toMatchObject({ rootDir: 'src', outDir: 'out' });
    expect(manifest.main).toBe('./out/extension.js');
    expect(manifest.engines.vscode).toBe('^1.91.0');
  });

  it('starts `kmslint lsp --stdio`: the workspace install, else kmslint on PATH', async () => {
    const onPath = await activated();
    expect(onPath.client.serverOptions).toMatchObject({ command: 'kmslint', args: ['lsp', '--stdio'] });
    await extension.deactivate();
    expect(onPath.client.state).toBe('stopped');

    mkdirSync(join(workspaceFolder, 'node_modules/.bin'), { recursive: true });
    writeFileSync(join(workspaceFolder, 'node_modules/.bin/kmslint'), '#!/bin/sh\n');
    try {
      const local = await activated();
      expect(local.client.serverOptions).toMatchObject({ command: join(workspaceFolder, 'node_modules/.bin/kmslint'), args: ['lsp', '--stdio'] });
      expect(local.client.serverOptions.options?.cwd).toBe(workspaceFolder);
      await extension.deactivate();
    } finally {
      rmSync(join(workspaceFolder, 'node_modules'), { recursive: true, force: true });
    }

    const configured = await activated({ 'kmslint.path': 'tools/kmslint' });
    expect(configured.client.serverOptions.command).toBe(join(workspaceFolder, 'tools/kmslint'));
    await extension.deactivate();
  });

  it('serves YAML, JSON and Terraform JSON files, and each served language activates it', async () => {
    const { client } = await activated();
    expect(client.id).toBe('kmslint');
    expect(client.clientOptions.documentSelector).toEqual([
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'file', pattern: '**/*.tf.json' },
      { scheme: 'file', pattern: '**/*.tf' },
    ]);
    for (const { language } of client.clientOptions.documentSelector) {
      if (language) expect(manifest.activationEvents).toContain(`onLanguage:${language}`);
    }
    expect(manifest.activationEvents).toContain('workspaceContains:**/*.tf.json');
    expect(manifest.activationEvents).toContain('workspaceContains:**/*.tf');
    await extension.deactivate();
  });

  it('passes kmslint.accounts and kmslint.configFile at start and on change', async () => {
    const { client } = await activated({ 'kmslint.accounts': ['111122223333'], 'kmslint.configFile': 'ci/kmslint.yaml' });
    const initializationOptions = client.clientOptions.initializationOptions as () => unknown;
    expect(initializationOptions()).toEqual({ accounts: ['111122223333'], configFile: 'ci/kmslint.yaml' });
    expect(client.clientOptions.synchronize.configurationSection).toBe('kmslint');
    await extension.deactivate();

    const unset = await activated();
    expect((unset.client.clientOptions.initializationOptions as () => unknown)()).toEqual({ accounts: [], configFile: null });
    await extension.deactivate();
  });

  it('watches every config file name the CLI discovers, and nothing else', async () => {
    const { stub, client, context } = await activated();
    expect(stub.watchers).toHaveLength(1);
    expect(client.clientOptions.synchronize.fileEvents).toBe(stub.watchers[0]);
    const matches = picomatch(stub.watchers[0].glob, { dot: true });
    for (const name of SEARCH_PLACES) {
      expect(matches(name), name).toBe(true);
      expect(matches(`infra/stacks/${name}`), name).toBe(true);
    }
    for (const name of ['template.yaml', 'main.tf.json', 'kmslintrc', 'my.kmslintrc']) expect(matches(name), name).toBe(false);
    // The watcher goes with the extension.
    for (const disposable of context.subscriptions) disposable.dispose();
    expect(stub.watchers[0].disposed).toBe(true);
    await extension.deactivate();
  });

  it('restarts the server with the new executable when kmslint.path changes, and only then', async () => {
    const { stub, client } = await activated();
    expect(stub.configurationListeners).toHaveLength(1);
    const listener = stub.configurationListeners[0];
    await listener({ affectsConfiguration: (name) => name === 'kmslint.accounts' || name === 'kmslint' });
    expect(stub.clients).toHaveLength(1);
    stub.settings['kmslint.path'] = '/opt/kmslint/bin/kmslint';
    await listener({ affectsConfiguration: (name) => name === 'kmslint.path' || name === 'kmslint' });
    expect(client.state).toBe('stopped');
    expect(stub.clients).toHaveLength(2);
    expect(stub.clients[1]).toMatchObject({ state: 'running', serverOptions: { command: '/opt/kmslint/bin/kmslint' } });
    // The same watcher keeps serving the restarted client.
    expect(stub.clients[1].clientOptions.synchronize.fileEvents).toBe(stub.watchers[0]);
    await extension.deactivate();
    expect(stub.clients[1].state).toBe('stopped');
  });

  it('contributes exactly the settings it reads, with the defaults it reads them with', async () => {
    const { stub } = await activated({ 'kmslint.accounts': ['111122223333'] });
    (stub.clients[0].clientOptions.initializationOptions as () => unknown)();
    await extension.deactivate();
    const properties = manifest.contributes.configuration.properties as Record<string, { default: unknown }>;
    // vscode-languageclient itself reads `<client id>.trace.server`.
    const read = new Set([...stub.reads.keys(), `${stub.clients[0].id}.trace.server`]);
    expect(Object.keys(properties).sort()).toEqual([...read].sort());
    for (const [name, fallback] of stub.reads) expect(properties[name].default, name).toEqual(fallback);
  });
});
