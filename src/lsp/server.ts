// `kmslint lsp --stdio`: a Language Server on standard input and output. It holds no lint logic: each
// analysis is one `lintSources` call over the open documents of a workspace folder (plus the files
// on disk they share exports with); diagnostics, hover and quick fixes are views of its result.
import { readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format } from 'node:util';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  StreamMessageWriter,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SEARCH_PLACES } from '../config/load.js';
import { parseDocument } from '../inputs/load.js';
import { rememberYamlDocuments } from '../inputs/yaml-document.js';
import { lintSources } from '../index.js';
import type { CliIO, CliValues } from '../cli/main.js';
import { version } from '../version.js';
import { blockingDiagnostic, docsUrlsOf, toDiagnostic } from './diagnostics.js';
import { Folders, settingsFrom, type Folder } from './folders.js';
import { FolderFiles } from './folder-files.js';
import { hoverAt } from './hover.js';
import { codeActions } from './code-actions.js';
import { DocumentStates, type DocumentState } from './document-state.js';
import { Debouncer } from './debouncer.js';
import { ResilientStreamMessageReader } from './resilient-reader.js';

/** Quiet time after the last keystroke before a document is analysed again. */
export const CHANGE_DEBOUNCE_MS = 200;
const CONFIG_NAMES = new Set(SEARCH_PLACES);
/**
 * Parsed YAML kept between analyses: an edit re-analyses the whole folder (its other open documents,
 * the files on disk that share exports), and only the edited text needs parsing again. The heap it
 * may hold is counted, not the text (a document holds about 25 bytes per character): 256 MiB is
 * about 10 MiB of templates, ten of CloudFormation's largest, or a folder of 500 ordinary ones.
 */
const REMEMBERED_YAML = { bytes: 256 * 1024 * 1024, documents: 4000 };
/** Where the Terraform suppression quick fix may write: config files that are data, not code. */
const EDITABLE_CONFIG = /(^|[\\/])(package\.json|\.kmslintrc|\.kmslintrc\.(json|ya?ml)|kmslint\.config\.(json|ya?ml))$/;

export async function runLanguageServer(_values: CliValues, io: CliIO): Promise<number> {
  // Standard output carries the protocol alone: anything a dependency logs goes to standard error.
  for (const name of ['log', 'info', 'debug', 'trace', 'dir', 'table'] as const) {
    (console as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => process.stderr.write(format(...args) + '\n');
  }
  const connection = createConnection(ProposedFeatures.all, new ResilientStreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  startServer(connection, io);
  connection.listen();
  // The `exit` notification ends the process (0 after `shutdown`); a client that closes standard
  // input without it ends the server with 1, as the protocol says for an exit without shutdown.
  return new Promise<number>((resolve) => process.stdin.once('end', () => resolve(1)));
}

export function startServer(connection: Connection, io: Pick<CliIO, 'env'>): void {
  rememberYamlDocuments(REMEMBERED_YAML.bytes, REMEMBERED_YAML.documents);
  const documents = new TextDocuments(TextDocument);
  const states = new DocumentStates();
  const files = new FolderFiles();
  let capabilities: ClientCapabilities = {};
  const log = (s: string) => connection.console.log(s);
  const folders = new Folders(
    {},
    async (folder) => {
      if (!capabilities.workspace?.configuration || !folder.workspace) return {};
      const [section] = (await connection.workspace.getConfiguration([{ scopeUri: pathToFileURL(folder.path).href, section: 'kmslint' }])) as unknown[];
      return settingsFrom(section, log);
    },
    io.env.KMSLINT_NO_CONFIG_JS === '1',
  );
  const debouncer = new Debouncer((key) => analyseFolder(key));
  const pathOf = (uri: string, languageId?: string) => documentPath(uri, languageId);

  connection.onInitialize((params: InitializeParams) => {
    capabilities = params.capabilities;
    folders.setDefaults(settingsFrom(params.initializationOptions, log));
    const roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    folders.setWorkspaceFolders(roots.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u)));
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'kmslint', version },
    };
  });

  connection.onInitialized(() => {
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/{${SEARCH_PLACES.join(',')}}` }] });
    }
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'kmslint' });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const now = new Set((folders as unknown as { workspace: string[] }).workspace);
        for (const f of e.removed) if (f.uri.startsWith('file:')) now.delete(fileURLToPath(f.uri));
        for (const f of e.added) if (f.uri.startsWith('file:')) now.add(fileURLToPath(f.uri));
        folders.setWorkspaceFolders([...now]);
        reanalyseAll();
      });
    }
  });

  const folderKeyOf = (doc: TextDocument) => folders.folderOf(pathOf(doc.uri, doc.languageId)).path;
  const reanalyseAll = () => {
    for (const key of new Set(documents.all().map(folderKeyOf))) debouncer.schedule(key, 0);
  };

  documents.onDidOpen(({ document }) => debouncer.schedule(folderKeyOf(document), 0));
  documents.onDidChangeContent(({ document }) => {
    if (states.get(document.uri)?.version !== document.version) debouncer.schedule(folderKeyOf(document), CHANGE_DEBOUNCE_MS);
  });
  documents.onDidClose(({ document }) => {
    states.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    // The others of its folder now see the file on disk instead of the buffer.
    debouncer.schedule(folderKeyOf(document), 0);
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    files.invalidate();
    if (changes.some((c) => CONFIG_NAMES.has(basename(c.uri)) || !c.uri.startsWith('file:') || isConfigInUse(c.uri))) folders.reset();
    reanalyseAll();
  });
  connection.onDidChangeConfiguration((change) => {
    folders.setDefaults({ ...settingsFrom(change.settings, log) });
    reanalyseAll();
  });
  const configsInUse = new Set<string>();
  const isConfigInUse = (uri: string) => configsInUse.has(fileURLToPath(uri));

  connection.onHover(({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri);
    const state = states.get(textDocument.uri);
    if (!doc || !state?.lastGood) return null;
    return hoverAt(state.lastGood.analysis, state.path, position) ?? null;
  });

  connection.onCodeAction(async ({ textDocument, range }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc) return [];
    if (states.get(doc.uri)?.version !== doc.version) await debouncer.flush(folderKeyOf(doc));
    const state = states.get(doc.uri);
    if (!state || state.version !== doc.version || !state.lastGood || state.lastGood.version !== doc.version) return [];
    const folder = folders.folderOf(state.path);
    return codeActions({
      uri: doc.uri,
      file: state.path,
      analysis: state.lastGood.analysis,
      findings: state.findings,
      range,
      config: await configDocument(folder),
      newConfigUri: folder.workspace && capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create') ? pathToFileURL(join(folder.path, '.kmslintrc.yaml')).href : undefined,
    });
  });

  /** The folder's config file as a document, when it is one the quick fix may edit. */
  const configDocument = async (folder: Folder) => {
    const state = await folders.configOf(folder);
    const source = 'config' in state ? state.config.source : undefined;
    if (!source || !EDITABLE_CONFIG.test(source)) return undefined;
    const uri = pathToFileURL(source).href;
    try {
      const text = documents.get(uri)?.getText() ?? readFileSync(source, 'utf8');
      return { uri, doc: parseDocument(source, text) };
    } catch {
      return undefined;
    }
  };

  async function analyseFolder(key: string): Promise<void> {
    const open = documents.all().filter((d) => folderKeyOf(d) === key);
    if (!open.length) return;
    const snapshot = open.map((d) => ({ uri: d.uri, version: d.version, path: pathOf(d.uri, d.languageId), text: d.getText() }));
    const folder = folders.folderOf(snapshot[0].path);
    try {
      const [settings, configState] = [await folders.settingsOf(folder), await folders.configOf(folder)];
      if ('config' in configState && configState.config.source) configsInUse.add(configState.config.source);
      const disk = files.related(folder.workspace ? folder.path : undefined, snapshot);
      const run = await lintSources({
        texts: [...snapshot, ...disk].map((t) => ({ path: t.path, text: t.text, explicit: false })),
        resolvedConfig: 'config' in configState ? configState.config : { accounts: [], rules: {}, requirements: [], overrides: [], baseDir: folder.path },
        accounts: settings.accounts,
        cwd: folder.path,
      });
      const docsUrls = docsUrlsOf(run.result);
      const uriOfPath = new Map(snapshot.map((s) => [s.path, s.uri]));
      const uriOf = (file: string) => uriOfPath.get(file) ?? pathToFileURL(file).href;
      for (const s of snapshot) {
        // Latest version wins: a document edited since the snapshot gets the next analysis instead.
        if (documents.get(s.uri)?.version !== s.version) continue;
        const input = run.result.inputs.find((i) => i.path === s.path);
        const findings =
          !input ? []
          : 'error' in configState ? []
          : run.result.findings.filter((f) => f.file === s.path && !f.suppressed).map((finding) => ({ finding, diagnostic: toDiagnostic(finding, docsUrls, uriOf) }));
        const diagnostics = input && 'error' in configState ? [blockingDiagnostic('invalid-config', configState.error)] : findings.map((f) => f.diagnostic);
        const previous = states.get(s.uri);
        const parsed = input !== undefined && input.error === null;
        const state: DocumentState = {
          path: s.path,
          version: s.version,
          findings,
          lastGood: parsed ? { analysis: run.analysis, version: s.version } : input?.error ? previous?.lastGood : undefined,
        };
        states.set(s.uri, state);
        void connection.sendDiagnostics({ uri: s.uri, version: s.version, diagnostics });
      }
    } catch (err) {
      connection.console.error(`kmslint: analysis failed: ${(err as Error)?.stack ?? String(err)}`);
    }
  }

  documents.listen(connection);
}

/** The file path a document is analysed under; a buffer that was never saved gets a name from its language. */
export function documentPath(uri: string, languageId?: string): string {
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      // a file URI with a host, on a system that cannot name it: treated as unsaved
    }
  }
  const name = (uri.split(/[/:]/).pop() || 'untitled').replace(/[^\w.-]/g, '_');
  const ext = extname(name) ? '' : languageId === 'json' || languageId === 'jsonc' ? '.json' : languageId === 'yaml' ? '.yaml' : languageId === 'terraform' ? '.tf' : '';
  return join('/', 'untitled', name + ext);
}
