// kmslint's language server in a real editor: Debian's headless Neovim (0.7, installed by
// scripts/install-integration-deps.sh) opens a fixture template, attaches `kmslint lsp --stdio`
// through its built-in LSP client using the Lua module users load (editors/nvim/lua/kmslint.lua),
// waits for the published diagnostics and asks for a hover; a probe script writes what Neovim
// holds as JSON lines, which the test reads back.
//
// The server runs from this working tree's sources (node with the tsx loader on src/cli/run.ts),
// so the test exercises what is here rather than a dist/ that may be older.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEARCH_PLACES } from '../../src/config/load.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = join(ROOT, 'fixtures/cloudformation/cross-account-aws-managed-key');
const TSX_LOADER = import.meta.resolve('tsx');
const SERVER_CMD = [process.execPath, '--import', TSX_LOADER, join(ROOT, 'src/cli/run.ts'), 'lsp', '--stdio'];
// The fixture's own config (cases.json "config"): the accounts the template deploys to.
const ACCOUNTS = ['111122223333'];

/** What the probe writes: one JSON object per line. */
interface ProbeDiagnostic {
  kind: 'diagnostic';
  phase: 'opened' | 'config-written';
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: number;
  code: string;
  source: string;
  message: string;
}
interface ProbeHover {
  kind: 'hover';
  text: string;
}
interface ProbeAction {
  kind: 'action';
  code: string;
  title: string;
  action_kind: string | null;
}
interface ProbeStatus {
  kind: 'status';
  publishes: number;
  clients: number;
  nvim: string;
}
type ProbeLine = ProbeDiagnostic | ProbeHover | ProbeAction | ProbeStatus;

interface CliFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

// LSP DiagnosticSeverity, which vim.diagnostic.severity numbers the same way.
const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

let root = '';

beforeAll(() => {
  const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) {
    throw new Error('nvim is not installed (scripts/install-integration-deps.sh installs it)');
  }
  root = mkdtempSync(join(tmpdir(), 'kmslint-nvim-'));
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

function luaString(value: string): string {
  return JSON.stringify(value); // a JSON string with ASCII escapes is a valid Lua string literal
}

function luaList(values: readonly string[]): string {
  return `{ ${values.map(luaString).join(', ')} }`;
}

/** The init.lua a user would write: kmslint's module on the runtimepath, then setup(). */
function initLua(accounts: readonly string[]): string {
  return `vim.opt.runtimepath:append(${luaString(join(ROOT, 'editors/nvim'))})
vim.lsp.set_log_level('info')
require('kmslint').setup({ cmd = ${luaList(SERVER_CMD)}, accounts = ${luaList(accounts)} })
`;
}

/**
 * Runs after the template is loaded: counts publishDiagnostics for the buffer, waits for the first
 * one and then for the server to fall quiet, writes the buffer's diagnostics, then hovers.
 */
function probeLua(output: string, asks: EditorAsks): string {
  const { hoverAt, codeActions = false, configWritten } = asks;
  return `local out = {}
local function emit(value) table.insert(out, vim.fn.json_encode(value)) end
local bufnr = vim.api.nvim_get_current_buf()
local uri = vim.uri_from_bufnr(bufnr)
local publishes, last, published = 0, 0, {}
local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  if result and result.uri == uri then publishes = publishes + 1; last = vim.loop.now(); published = result.diagnostics end
  return publish(err, result, ctx, config)
end
local function quiet() return vim.loop.now() - last >= 1000 end
local function emit_diagnostics(phase)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    emit({ kind = 'diagnostic', phase = phase, lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, code = d.code or vim.NIL, source = d.source or vim.NIL, message = d.message })
  end
end
vim.wait(60000, function() return publishes > 0 end, 50)
vim.wait(60000, function() return publishes > 0 and quiet() end, 50)
emit_diagnostics('opened')
${
  configWritten === undefined
    ? ''
    : `-- Write a config file as a user would (:write), in a buffer kmslint is not attached to; the
-- module's BufWritePost tells the server, which reanalyses the open template.
local before = publishes
vim.cmd('noautocmd new ' .. vim.fn.fnameescape(${luaString(configWritten.path)}))
vim.api.nvim_buf_set_lines(0, 0, -1, false, ${luaList(configWritten.text.split('\n'))})
vim.cmd('write')
vim.cmd('close')
vim.wait(60000, function() return publishes > before end, 50)
vim.wait(60000, quiet, 50)
emit_diagnostics('config-written')`
}
${
  hoverAt === undefined
    ? ''
    : `local params = { textDocument = { uri = uri }, position = { line = ${hoverAt.line}, character = ${hoverAt.character} } }
local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 30000) or {}
for _, response in pairs(responses) do
  local contents = response.result and response.result.contents
  local parts = {}
  if type(contents) == 'string' then table.insert(parts, contents)
  elseif type(contents) == 'table' and contents.value then table.insert(parts, contents.value)
  elseif type(contents) == 'table' then
    for _, part in ipairs(contents) do table.insert(parts, type(part) == 'string' and part or part.value) end
  end
  emit({ kind = 'hover', text = table.concat(parts, '\\n') })
end`
}
${
  !codeActions
    ? ''
    : `for _, diagnostic in ipairs(published) do
  local params = { textDocument = { uri = uri }, range = diagnostic.range, context = { diagnostics = { diagnostic } } }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 30000) or {}
  for _, response in pairs(responses) do
    for _, action in ipairs(response.result or {}) do
      emit({ kind = 'action', code = diagnostic.code, title = action.title, action_kind = action.kind or vim.NIL })
    end
  end
end`
}
emit({ kind = 'status', publishes = publishes, clients = #vim.lsp.buf_get_clients(bufnr), nvim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) })
vim.fn.writefile(out, ${luaString(output)})
vim.cmd('qall!')
`;
}

interface EditorAsks {
  /** A hover request at this 0-based position after the diagnostics. */
  hoverAt?: { line: number; character: number };
  /** Code action requests for each published diagnostic. */
  codeActions?: boolean;
  /** A config file written from Neovim after the first diagnostics (path relative to the workspace). */
  configWritten?: { path: string; text: string };
}

interface EditorRun {
  lines: ProbeLine[];
  log: string;
}

/** Opens `fixture` in a fresh workspace (a git folder with a package.json) in headless Neovim. */
function openInNeovim(
  fixture: string,
  accounts: readonly string[],
  asks: EditorAsks = {},
): EditorRun & { file: string } {
  const run = mkdtempSync(join(root, 'run-'));
  const workspace = join(run, 'workspace');
  mkdirSync(join(workspace, '.git'), { recursive: true });
  mkdirSync(join(workspace, 'templates'));
  writeFileSync(join(workspace, 'package.json'), '{ "name": "workspace", "private": true }\n');
  const file = join(workspace, 'templates', basename(fixture));
  copyFileSync(fixture, file);
  writeFileSync(join(run, 'init.lua'), initLua(accounts));
  const output = join(run, 'probe.jsonl');
  const configWritten = asks.configWritten && { path: join(workspace, asks.configWritten.path), text: asks.configWritten.text };
  writeFileSync(join(run, 'probe.lua'), probeLua(output, { ...asks, configWritten }));

  const xdg = (name: string): string => join(run, name);
  const result = spawnSync('nvim', ['--headless', '--clean', '-u', join(run, 'init.lua'), '-c', `luafile ${join(run, 'probe.lua')}`, file], {
    cwd: workspace,
    encoding: 'utf8',
    timeout: 180_000,
    env: { ...process.env, XDG_CONFIG_HOME: xdg('config'), XDG_DATA_HOME: xdg('data'), XDG_STATE_HOME: xdg('state'), XDG_CACHE_HOME: xdg('cache') },
  });
  // Neovim 0.7 logs to stdpath('cache'), later versions to stdpath('state').
  const log = ['cache', 'state']
    .map((dir) => join(xdg(dir), 'nvim', 'lsp.log'))
    .filter((path) => existsSync(path))
    .map((path) => readFileSync(path, 'utf8'))
    .join('\n');
  const context = `nvim exit ${String(result.status)} ${result.error?.message ?? ''}\nstderr: ${result.stderr}\nlsp.log:\n${log.slice(-6000)}`;
  if (!existsSync(output)) throw new Error(`the probe wrote nothing\n${context}`);
  const lines = readFileSync(output, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as ProbeLine);
  return { lines, log: context, file };
}

function cliFindings(file: string, accounts: readonly string[]): CliFinding[] {
  const args = [
    '--import',
    TSX_LOADER,
    join(ROOT, 'src/cli/run.ts'),
    '--format',
    'json',
    ...accounts.flatMap((account) => ['--account', account]),
    file,
  ];
  const result = spawnSync(process.execPath, args, { cwd: join(file, '../..'), encoding: 'utf8' });
  try {
    return (JSON.parse(result.stdout) as { findings: CliFinding[] }).findings;
  } catch {
    throw new Error(`kmslint --format json exited ${String(result.status)} without JSON:\n${result.stdout}${result.stderr}`);
  }
}

function diagnostics(run: EditorRun, phase: ProbeDiagnostic['phase'] = 'opened'): ProbeDiagnostic[] {
  return run.lines.filter((line): line is ProbeDiagnostic => line.kind === 'diagnostic' && line.phase === phase);
}

/** Neovim's 0-based positions as the CLI's 1-based (rule id, line, column, severity). */
function tuples(run: EditorRun, phase: ProbeDiagnostic['phase'] = 'opened'): [string, number, number, number][] {
  return diagnostics(run, phase)
    .map((d): [string, number, number, number] => [d.code, d.lnum + 1, d.col + 1, d.severity])
    .sort((a, b) => a[1] - b[1] || a[2] - b[2] || a[0].localeCompare(b[0]));
}

/** The same findings as the CLI reports for the file: ranges, severities and messages. */
function expectCliParity(run: EditorRun & { file: string }, accounts: readonly string[]): void {
  const fromCli = cliFindings(run.file, accounts)
    .map((f) => ({ code: f.ruleId, severity: SEVERITY[f.severity], line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, message: f.message }))
    .sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
  const fromEditor = diagnostics(run)
    .map((d) => ({ code: d.code, severity: d.severity, line: d.lnum + 1, column: d.col + 1, endLine: d.end_lnum + 1, endColumn: d.end_col + 1, message: d.message }))
    .sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
  expect(fromEditor, run.log).toEqual(fromCli);
}

/** An entry of cases.json (test/helpers/rule-tester.ts): a finding of the folder's rule. */
interface CaseEntry {
  ruleId: string;
  resource: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  messageId: string;
  severity: keyof typeof SEVERITY;
}

const RULE = 'cross-account-aws-managed-key';
const cases = JSON.parse(readFileSync(join(FIXTURES, 'cases.json'), 'utf8')) as {
  config: { accounts: string[] };
  cases: Record<string, CaseEntry[]>;
};

/** What cases.json expects of the rule on the fixture, as (rule id, line, column, end line, end column, severity). */
function expectedOfRule(fixture: string): [string, number, number, number, number, number][] {
  return cases.cases[fixture].map((e) => [e.ruleId, e.line, e.column, e.endLine, e.endColumn, SEVERITY[e.severity]]);
}

function shownOfRule(run: EditorRun): [string, number, number, number, number, number][] {
  return diagnostics(run)
    .filter((d) => d.code === RULE)
    .map((d): [string, number, number, number, number, number] => [d.code, d.lnum + 1, d.col + 1, d.end_lnum + 1, d.end_col + 1, d.severity])
    .sort((a, b) => a[1] - b[1] || a[2] - b[2]);
}

describe('Neovim built-in LSP client with kmslint lsp --stdio', () => {
  it('the Lua module lists every config file name the CLI discovers (it tells the server when one is written)', () => {
    const lua = readFileSync(join(ROOT, 'editors/nvim/lua/kmslint.lua'), 'utf8');
    const block = /local CONFIG_FILES = \{([^}]*)\}/.exec(lua)?.[1] ?? '';
    const names = [...block.matchAll(/'([^']+)'/g)].map((match) => match[1]);
    expect(names.sort()).toEqual([...SEARCH_PLACES].sort());
  });

  it('the fixture config is the one these cases assume', () => {
    expect(cases.config.accounts).toEqual(ACCOUNTS);
  });

  it('shows the cross-account error on the queue key and hovers the queue with its effective key', () => {
    const fixture = 'fail-queue-policy-other-account.yaml';
    // cases.json: one finding, on OrdersQueue's `KmsMasterKeyId: alias/aws/sqs` (line 7, value at column 7).
    expect(cases.cases[fixture]).toMatchObject([{ ruleId: RULE, resource: 'OrdersQueue', line: 7, column: 7, severity: 'error' }]);
    // Hover on the logical id `OrdersQueue` (line 4, column 3; 0-based 3:2).
    const run = openInNeovim(join(FIXTURES, fixture), ACCOUNTS, { hoverAt: { line: 3, character: 2 }, codeActions: true });
    const status = run.lines.find((line): line is ProbeStatus => line.kind === 'status');
    expect(status, run.log).toMatchObject({ clients: 1 });
    expect(status?.publishes, run.log).toBeGreaterThan(0);

    expect(shownOfRule(run), run.log).toEqual(expectedOfRule(fixture));
    // And nothing else: the key is named explicitly, so no other rule reports on this template.
    expect(tuples(run), run.log).toEqual([[RULE, 7, 7, SEVERITY.error]]);
    expect(diagnostics(run)[0]?.source, run.log).toBe('kmslint');
    expectCliParity(run, ACCOUNTS);

    const hovers = run.lines.filter((line): line is ProbeHover => line.kind === 'hover');
    expect(hovers, run.log).toHaveLength(1);
    // The effective key: AWS managed, the alias named in the template.
    expect(hovers[0]?.text, run.log).toMatch(/AWS managed\W+`alias\/aws\/sqs`/);
    expect(hovers[0]?.text, run.log).toContain('OrdersQueue');

    // The quick fix for the diagnostic: a suppression in the resource's Metadata, with a reason to write.
    const actions = run.lines.filter((line): line is ProbeAction => line.kind === 'action');
    expect(actions, run.log).toContainEqual(
      expect.objectContaining({ code: RULE, action_kind: 'quickfix', title: expect.stringMatching(/^Suppress cross-account-aws-managed-key for OrdersQueue\b.*Metadata/) }),
    );
  });

  it('passes kmslint.accounts to the server: a principal of a configured account is not another account', () => {
    const fixture = 'pass-own-account-principal.yaml';
    // cases.json: no cross-account-aws-managed-key finding with accounts 111122223333.
    expect(cases.cases[fixture]).toEqual([]);
    const run = openInNeovim(join(FIXTURES, fixture), ACCOUNTS);
    expect(shownOfRule(run), run.log).toEqual(expectedOfRule(fixture));
    // What remains is the bucket's implicit AWS managed key (SSEAlgorithm aws:kms, no key id), an info,
    // on line 10 (`SSEAlgorithm: aws:kms`) at the value's column 15. Without the setting the
    // server would also report cross-account-aws-managed-key there for account 111122223333.
    expect(tuples(run), run.log).toEqual([['implicit-aws-managed-key', 10, 15, SEVERITY.info]]);
    expectCliParity(run, ACCOUNTS);
  });

  it('reloads the config written from Neovim (workspace/didChangeWatchedFiles from the module)', () => {
    const fixture = 'pass-own-account-principal.yaml';
    // No accounts setting: at first account 111122223333 is another account. Then the user writes
    // a .kmslintrc.yaml naming it, and the cross-account error goes.
    const run = openInNeovim(join(FIXTURES, fixture), [], {
      configWritten: { path: '.kmslintrc.yaml', text: 'accounts: ["111122223333"]' },
    });
    expect(tuples(run, 'opened'), run.log).toEqual([
      [RULE, 10, 15, SEVERITY.error],
      ['implicit-aws-managed-key', 10, 15, SEVERITY.info],
    ]);
    expect(tuples(run, 'config-written'), run.log).toEqual([['implicit-aws-managed-key', 10, 15, SEVERITY.info]]);
  });
});
