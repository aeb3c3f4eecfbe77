// VS Code client for kmslint's language server (`kmslint lsp --stdio`). It holds no lint logic: it
// finds the executable, starts it over stdio for template-shaped documents, forwards the
// `kmslint.*` settings and tells the server when a config file changes.
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { workspace, type ExtensionContext, type FileSystemWatcher, type WorkspaceFolder } from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

const SECTION = 'kmslint';

// Every place the CLI's config discovery reads (src/config/load.ts SEARCH_PLACES), package.json
// included because it may hold a `kmslint` key.
const CONFIG_FILES = '**/{.kmslintrc,.kmslintrc.*,kmslint.config.*,package.json}';

let client: LanguageClient | undefined;

/** The settings the server reads, as sent in initializationOptions and didChangeConfiguration. */
interface ServerSettings {
  accounts: string[];
  configFile: string | null;
}

function readServerSettings(): ServerSettings {
  const settings = workspace.getConfiguration(SECTION);
  const configFile = settings.get<string>('configFile', '');
  return { accounts: settings.get<string[]>('accounts', []), configFile: configFile === '' ? null : configFile };
}

/**
 * The executable: `kmslint.path` when set (relative paths against the first workspace folder),
 * else the first workspace folder's local install, else `kmslint` on PATH.
 */
export function resolveExecutable(folders: readonly WorkspaceFolder[], configured: string): string {
  const first = folders[0]?.uri.fsPath;
  if (configured !== '') return isAbsolute(configured) || first === undefined ? configured : join(first, configured);
  const binary = process.platform === 'win32' ? 'kmslint.cmd' : 'kmslint';
  for (const folder of folders) {
    const local = join(folder.uri.fsPath, 'node_modules', '.bin', binary);
    if (existsSync(local)) return local;
  }
  return binary;
}

function serverOptions(): ServerOptions {
  const folders = workspace.workspaceFolders ?? [];
  const command = resolveExecutable(folders, workspace.getConfiguration(SECTION).get<string>('path', ''));
  return {
    command,
    args: ['lsp', '--stdio'],
    // npm's .cmd shims only start through a shell on Windows.
    options: { shell: process.platform === 'win32' && /\.cmd$/i.test(command), cwd: folders[0]?.uri.fsPath },
  };
}

function clientOptions(watcher: FileSystemWatcher): LanguageClientOptions {
  return {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'file', pattern: '**/*.tf.json' },
      { scheme: 'file', pattern: '**/*.tf' },
    ],
    initializationOptions: readServerSettings,
    synchronize: { configurationSection: SECTION, fileEvents: watcher },
  };
}

export async function activate(context: ExtensionContext): Promise<void> {
  const watcher = workspace.createFileSystemWatcher(CONFIG_FILES);
  context.subscriptions.push(watcher);
  client = new LanguageClient(SECTION, 'kmslint', serverOptions(), clientOptions(watcher));
  context.subscriptions.push(
    workspace.onDidChangeConfiguration(async (event) => {
      // The executable is chosen at start; the other settings reach the running server.
      if (!event.affectsConfiguration(`${SECTION}.path`) || client === undefined) return;
      await client.stop();
      client = new LanguageClient(SECTION, 'kmslint', serverOptions(), clientOptions(watcher));
      await client.start();
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
