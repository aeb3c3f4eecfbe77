// Start-up (issue 14 item 3): what a one-file run loads, and the bundled command line.
// - A run without a config loads neither ajv nor cosmiconfig, nor the diff engine: counted by a
//   module hook (ES modules) and require.cache (CommonJS) in the child process.
// - The bundle (scripts/bundle.ts) prints what the module-by-module command line prints, run by
//   bin/kmslint.js from a V8 code cache or without one (bin/run-bundle.js), and the yaml library's
//   trace variables in the environment do not reach its output.
// - The lint of one template evaluates none of the bundle's lazy parts (other reporters, the
//   editor server, the diff and keys commands, ajv): the bundle's own module trace
//   (KMSLINT_TRACE_MODULES); nor does it load tree-sitter from node_modules.
// - Nor, with no finding, the Node built-ins only hashing and the thread pool need (node:crypto,
//   node:worker_threads): Node's own list of loaded built-ins.
// - The pre-check that spares cosmiconfig never says "no config" where cosmiconfig finds one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cosmiconfig } from 'cosmiconfig';
import { bundleCli } from '../scripts/bundle.js';
import { mayFindConfig } from '../src/config/config-candidates.js';
import { SEARCH_PLACES } from '../src/config/load.js';
import { optionsValidator, withDefaults } from '../src/rule-kit/options-schema.js';
import { allRules } from '../rules/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE_CLI = join(ROOT, 'src/cli/run.ts');
/** tsx's loader by URL: the runs in temporary projects cannot resolve the package by name. */
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const FORBIDDEN = /node_modules\/(ajv|cosmiconfig|@aws-cdk\/cloudformation-diff|vscode-languageserver)\//;

const YAML_FIXTURE = 'fixtures/cloudformation/aws-managed-key-modification/fail-alias-targets-aws-managed-key.yaml';
const FIXTURES = [
  YAML_FIXTURE,
  'fixtures/cloudformation/aws-managed-key-modification/fail-alias-targets-aws-managed-arn.json',
  'fixtures/cdk/aws-managed-key-wrong-service/fail-queue-sns-alias',
  'fixtures/terraform/aws-managed-key-modification',
];

let tmp = '';
let tracer = '';
let bundle = '';
let cacheHome = '';

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'kmslint-startup-'));
  // The hook runs off the main thread: it appends every module URL to the file MODULE_LOG names.
  writeFileSync(join(tmp, 'hooks.mjs'), "import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(process.env.MODULE_LOG, url + '\\n'); return next(url, context); }\n");
  tracer = join(tmp, 'trace.mjs');
  writeFileSync(
    tracer,
    `import { register, createRequire } from 'node:module';\nimport { appendFileSync } from 'node:fs';\nregister(${JSON.stringify(pathToFileURL(join(tmp, 'hooks.mjs')).href)});\nconst require = createRequire(import.meta.url);\nprocess.on('exit', () => appendFileSync(process.env.MODULE_LOG, Object.keys(require.cache).map((f) => 'file://' + f + '\\n').join('')));\n`,
  );
  // The bundle needs a package around it: rule pages and package.json two levels up from dist/cli.
  const pkg = join(tmp, 'pkg');
  mkdirSync(pkg);
  for (const name of ['rules', 'package.json', 'node_modules']) symlinkSync(join(ROOT, name), join(pkg, name));
  await bundleCli(SOURCE_CLI, join(pkg, 'dist/cli'));
  // A copy, not a link: Node runs a linked main module from where the link points.
  cpSync(join(ROOT, 'bin'), join(pkg, 'bin'), { recursive: true });
  bundle = join(pkg, 'bin/kmslint.js');
  cacheHome = join(tmp, 'cache-home');
}, 120_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** URLs of every module the process loaded. */
  modules: string[];
}

let runs = 0;
function run(entry: 'source' | 'bundle', args: string[], cwd = ROOT, env: Record<string, string> = {}): Run {
  const log = join(tmp, `modules-${runs++}.txt`);
  writeFileSync(log, '');
  const node = entry === 'source' ? ['--import', TSX, '--import', tracer, SOURCE_CLI] : ['--import', tracer, bundle];
  const r = spawnSync(process.execPath, [...node, ...args], { cwd, encoding: 'utf8', env: { ...process.env, MODULE_LOG: log, NO_COLOR: '1', CI: '', XDG_CACHE_HOME: cacheHome, KMSLINT_NO_CODE_CACHE: '', ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, modules: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}

const heavy = (modules: string[]) => [...new Set(modules.filter((m) => FORBIDDEN.test(m)).map((m) => FORBIDDEN.exec(m)?.[1]))].sort();

describe('a run without a config', () => {
  it('--no-config on one file loads neither ajv, cosmiconfig, the diff engine nor the language server', () => {
    const r = run('source', ['--no-config', '--format', 'json', YAML_FIXTURE]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).findings.map((f: { ruleId: string; line: number }) => [f.ruleId, f.line])).toEqual([['aws-managed-key-modification', 8]]);
    // The trace sees the modules that were needed (so an empty list below means something).
    expect(r.modules.some((m) => m.includes('node_modules/yaml/'))).toBe(true);
    expect(heavy(r.modules)).toEqual([]);
  });

  it('with no config file to find (a package.json without a kmslint key ends the search), loads neither either', () => {
    const project = join(tmp, 'project-without-config');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), '{ "name": "p" }\n');
    writeFileSync(join(project, 'template.yaml'), readFileSync(join(ROOT, YAML_FIXTURE)));
    const r = run('source', ['--format', 'json', 'template.yaml'], project);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['aws-managed-key-modification']);
    expect(heavy(r.modules)).toEqual([]);
  });

  it('a config that is there is found, validated and applied (both libraries load then)', () => {
    const project = join(tmp, 'project-with-config');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), '{ "name": "p" }\n');
    writeFileSync(join(project, '.kmslintrc.yaml'), 'rules:\n  aws-managed-key-modification: off\n  customer-key-deletion-unprotected: [warning, { minPendingWindowDays: 7 }]\n');
    writeFileSync(join(project, 'template.yaml'), readFileSync(join(ROOT, YAML_FIXTURE)));
    const r = run('bundle', ['--format', 'json', 'template.yaml'], project);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).findings).toEqual([]);
    expect(heavy(r.modules)).toEqual(['cosmiconfig']);
    writeFileSync(join(project, '.kmslintrc.yaml'), 'rules:\n  customer-key-deletion-unprotected: [warning, { minPendingWindowDays: 3 }]\n');
    const invalid = run('bundle', ['template.yaml'], project);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toContain('rules.customer-key-deletion-unprotected[1].minPendingWindowDays: invalid option of rule customer-key-deletion-unprotected: must be >= 7, found 3');
  });
});

describe('the bundled command line', () => {
  it('prints what the module-by-module command line prints, in every format tried', () => {
    for (const format of ['json', 'stylish', 'sarif']) {
      const source = run('source', ['--no-config', '--format', format, ...FIXTURES]);
      const bundled = run('bundle', ['--no-config', '--format', format, ...FIXTURES]);
      expect(bundled.stderr, format).toBe(source.stderr);
      expect(bundled.stdout, format).toBe(source.stdout);
      expect(bundled.status, format).toBe(source.status);
    }
    const sarif = JSON.parse(run('bundle', ['--no-config', '--format', 'sarif', YAML_FIXTURE]).stdout);
    // The rule pages resolve from the bundle's directory too.
    expect(sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'aws-managed-key-modification').help.markdown).toMatch(/^# aws-managed-key-modification/);
  });

  it('a --no-config run of one file reads the bundle and loads no heavy package', () => {
    const r = run('bundle', ['--no-config', YAML_FIXTURE]);
    expect(r.stdout).toContain('aws-managed-key-modification');
    expect(r.modules.filter((m) => m.endsWith('/bin/run-bundle.js'))).toHaveLength(1);
    expect(r.modules.filter((m) => m.includes('/node_modules/yaml/') || m.includes('/dist/src/'))).toEqual([]);
    expect(heavy(r.modules)).toEqual([]);
  });

  it("the yaml library's trace variables (LOG_TOKENS, LOG_STREAM) set in the environment change nothing it prints, on the main thread or the parse threads", () => {
    const trace = { LOG_TOKENS: '1', LOG_STREAM: '1' };
    // The library itself prints its trace on standard output: the module-by-module build shows it.
    expect(run('source', ['--no-config', '--format', 'json', YAML_FIXTURE], ROOT, trace).stdout).toMatch(/^\| <DOC>\n/);
    for (const args of [['--no-config', '--format', 'json', ...FIXTURES], ['--no-config', '--format', 'sarif', '--concurrency', '2', 'fixtures/cloudformation']]) {
      const plain = run('bundle', args);
      const traced = run('bundle', args, ROOT, trace);
      expect(traced.stdout, args.join(' ')).toBe(plain.stdout);
      expect(traced.stderr, args.join(' ')).toBe(plain.stderr);
      expect(traced.status, args.join(' ')).toBe(plain.status);
      expect(JSON.parse(traced.stdout)).toBeTruthy();
    }
  });

  it('keys, rules, explain and --version run from the bundle', () => {
    for (const args of [['keys', '--no-config', '--format', 'json', YAML_FIXTURE], ['rules'], ['explain', 'aws-managed-key-modification'], ['--version']]) {
      const source = run('source', args);
      const bundled = run('bundle', args);
      expect(bundled.stdout, args.join(' ')).toBe(source.stdout);
      expect(bundled.status, args.join(' ')).toBe(0);
    }
  });
});

describe('the lazy parts of the bundle', () => {
  /** The bundle's modules a run evaluated, as paths (bin/run-bundle.js, KMSLINT_TRACE_MODULES). */
  const traced = (args: string[], cwd = ROOT): string[] => {
    const log = join(tmp, `bundle-modules-${runs}.txt`);
    const r = run('bundle', args, cwd, { KMSLINT_TRACE_MODULES: log });
    expect(r.status, r.stderr).toBeLessThan(2);
    expect(r.modules.filter((m) => m.includes('node_modules/web-tree-sitter/'))).toEqual([]);
    return readFileSync(log, 'utf8').split('\n').filter(Boolean);
  };
  const LAZY = /\/(reporters\/(?!stylish|common|load-lint-formatter)[\w/-]+|lsp\/[\w-]+|cli\/(diff|keys)-command|engine\/lint-diff)\.[jt]s$|node_modules\/(ajv|fast-xml-builder|fast-uri)\//;
  const lazy = (modules: string[]) => [...new Set(modules.filter((m) => LAZY.test(m)))].sort();

  it('the pre-commit command line on one template evaluates none of them', () => {
    const project = join(tmp, 'project-lazy');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), '{ "name": "p" }\n');
    writeFileSync(join(project, 'template.yaml'), readFileSync(join(ROOT, YAML_FIXTURE)));
    const modules = traced(['--ignore-unknown', '--allow-empty', 'template.yaml'], project);
    // The trace lists what the lint needs, so an empty list below means something.
    expect(modules.filter((m) => /\/(reporters\/stylish|inputs\/yaml-document)\.[jt]s$/.test(m) || m.includes('node_modules/yaml/dist/parse/parser.js'))).toHaveLength(3);
    expect(lazy(modules)).toEqual([]);
  });

  it('a one-template run with no finding loads neither node:crypto nor node:worker_threads; a finding loads crypto for its fingerprint', () => {
    // Node's own list of the built-ins it loaded, written as the process exits (the bundle's runner
    // loads node:vm, so the list is the real one).
    const listBuiltins = join(tmp, 'list-builtins.cjs');
    writeFileSync(listBuiltins, "process.on('exit', () => require('node:fs').writeFileSync(process.env.BUILTINS_LOG, process.moduleLoadList.join('\\n')));\n");
    const builtins = (fixture: string) => {
      const log = join(tmp, `builtins-${runs++}.txt`);
      const r = spawnSync(process.execPath, ['--require', listBuiltins, bundle, '--no-config', '--format', 'json', fixture], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, BUILTINS_LOG: log, XDG_CACHE_HOME: cacheHome } });
      const names = readFileSync(log, 'utf8').split('\n').filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length));
      return { findings: JSON.parse(r.stdout).findings.map((f: { ruleId: string }) => f.ruleId), loaded: ['crypto', 'worker_threads'].map((m) => [m, names.includes(m)]), vm: names.includes('vm') };
    };
    expect(builtins('fixtures/cloudformation/aws-managed-key-modification/pass-customer-alias.yaml')).toEqual({ findings: [], loaded: [['crypto', false], ['worker_threads', false]], vm: true });
    expect(builtins(YAML_FIXTURE)).toEqual({ findings: ['aws-managed-key-modification'], loaded: [['crypto', true], ['worker_threads', false]], vm: true });
  });

  it('a format loads its own reporter and no other', () => {
    const reporters = (format: string) => lazy(traced(['--no-config', '--format', format, YAML_FIXTURE])).map((m) => m.replace(/.*\/(reporters\/[\w/-]+)\.[jt]s$/, '$1'));
    expect(reporters('json')).toEqual(['reporters/json']);
    expect(reporters('junit')).toEqual(expect.arrayContaining(['reporters/junit']));
    expect(reporters('junit').filter((m) => m.startsWith('reporters/'))).toEqual(['reporters/junit']);
    expect(reporters('html')).toEqual(expect.arrayContaining(['reporters/html', 'reporters/html/page']));
  });

  it('the command line and the library list the same lint formats, in the same order', async () => {
    const { lintFormatters } = await import('../src/reporters/index.js');
    const { lintFormatNames } = await import('../src/reporters/load-lint-formatter.js');
    expect(lintFormatNames).toEqual(Object.keys(lintFormatters));
  });
});

describe('the code cache of the bundle', () => {
  const args = ['--no-config', '--format', 'json', YAML_FIXTURE];
  const cacheFiles = (home: string) => (existsSync(join(home, 'kmslint')) ? readdirSync(join(home, 'kmslint')) : []);
  let expected = '';
  beforeAll(() => {
    expected = run('source', args).stdout;
  });

  it('the first run writes it under $XDG_CACHE_HOME/kmslint, the next runs read it and leave it be', () => {
    const home = mkdtempSync(join(tmp, 'xdg-'));
    const first = run('bundle', args, ROOT, { XDG_CACHE_HOME: home });
    expect([first.stdout, first.stderr, first.status]).toEqual([expected, '', 1]);
    const [name] = cacheFiles(home);
    expect(cacheFiles(home)).toEqual([expect.stringMatching(new RegExp(`^cli-[0-9a-f]{8}-[0-9a-f]{8}-${process.version.replaceAll('.', '\\.')}-${process.arch}-lint\\.v8$`))]);
    const written = statSync(join(home, 'kmslint', name));
    const second = run('bundle', args, ROOT, { XDG_CACHE_HOME: home });
    expect([second.stdout, second.stderr, second.status]).toEqual([expected, '', 1]);
    // Accepted: not written again (a rejected cache is replaced, which gives a new inode).
    expect(statSync(join(home, 'kmslint', name)).ino).toBe(written.ino);
    expect(cacheFiles(home)).toEqual([name]);
  });

  it('a cache V8 rejects (here: not a cache at all) changes nothing printed and is written anew', () => {
    const home = mkdtempSync(join(tmp, 'xdg-'));
    run('bundle', args, ROOT, { XDG_CACHE_HOME: home });
    const [name] = cacheFiles(home);
    writeFileSync(join(home, 'kmslint', name), 'not a code cache');
    const r = run('bundle', args, ROOT, { XDG_CACHE_HOME: home });
    expect([r.stdout, r.stderr, r.status]).toEqual([expected, '', 1]);
    expect(readFileSync(join(home, 'kmslint', name), 'utf8')).not.toBe('not a code cache');
  });

  it('a cache with damaged bytes of the same length is not handed to V8 (which would abort) and is written anew', () => {
    const home = mkdtempSync(join(tmp, 'xdg-'));
    run('bundle', args, ROOT, { XDG_CACHE_HOME: home });
    const [name] = cacheFiles(home);
    const file = join(home, 'kmslint', name);
    const damaged = readFileSync(file);
    for (let i = damaged.length >> 1, end = i + 256; i < end; i++) damaged[i] ^= 0xa5;
    writeFileSync(file, damaged);
    const r = run('bundle', args, ROOT, { XDG_CACHE_HOME: home });
    expect([r.stdout, r.stderr, r.status]).toEqual([expected, '', 1]);
    const rewritten = readFileSync(file);
    expect(rewritten.equals(damaged)).toBe(false);
    expect(cacheFiles(home)).toEqual([name]);
    // The rewritten cache is accepted: the next run leaves it be.
    const written = statSync(file).ino;
    const next = run('bundle', args, ROOT, { XDG_CACHE_HOME: home });
    expect([next.stdout, next.stderr, next.status]).toEqual([expected, '', 1]);
    expect(statSync(file).ino).toBe(written);
  });

  /** A copy of the checkout under `tmp/name` whose bundle may be edited; rules, package.json and node_modules are links. */
  const copyPackage = (name: string) => {
    const pkg = join(tmp, name);
    mkdirSync(pkg);
    const linked = ['rules', 'package.json', 'node_modules'];
    for (const n of linked) symlinkSync(join(ROOT, n), join(pkg, n));
    const from = join(bundle, '../..');
    // The links of the package root stay links (bin/package.json is copied: it makes bin CommonJS).
    cpSync(from, pkg, { recursive: true, filter: (path) => !linked.some((n) => path === join(from, n)) });
    return pkg;
  };

  it('a changed bundle reads a cache of its own, and the old one is removed', () => {
    const home = mkdtempSync(join(tmp, 'xdg-'));
    const pkg = copyPackage('pkg-changed');
    const changed = (extra: string[] = []) => spawnSync(process.execPath, [join(pkg, 'bin/kmslint.js'), ...args, ...extra], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: home, KMSLINT_NO_CODE_CACHE: '' } });
    expect(changed().stdout).toBe(expected);
    const [before] = cacheFiles(home);
    appendFileSync(join(pkg, 'dist/cli/kmslint.cjs'), '\n// changed\n');
    expect(changed().stdout).toBe(expected);
    const after = cacheFiles(home);
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before);
  });

  it('an edit of the bundle that keeps its length, date and header runs the edited code, from a cache of its own', () => {
    const home = mkdtempSync(join(tmp, 'xdg-'));
    const pkg = copyPackage('pkg-same-size');
    const help = () => spawnSync(process.execPath, [join(pkg, 'bin/kmslint.js'), '--help'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: home, KMSLINT_NO_CODE_CACHE: '' } }).stdout;
    const file = join(pkg, 'dist/cli/kmslint.cjs');
    // A whole second, so the date set after the edit is exactly the one before (and newer than dist/src).
    const date = new Date(Math.ceil(Date.now() / 1000) * 1000 + 3600_000);
    utimesSync(file, date, date);
    expect(help()).toContain('of every encryptable resource');
    const [before] = cacheFiles(home);
    writeFileSync(file, readFileSync(file, 'latin1').replace('of every encryptable resource', 'of every ENCRYPTABLE resource'), 'latin1');
    utimesSync(file, date, date);
    expect(help()).toContain('of every ENCRYPTABLE resource');
    const after = cacheFiles(home);
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before);
  });

  it('a cache read is dated as used; caches of other installations unused for 30 days, and of kmslint before per-installation caches, are removed', () => {
    const home = mkdtempSync(join(tmp, 'xdg-'));
    run('bundle', args, ROOT, { XDG_CACHE_HOME: home });
    const [lint] = cacheFiles(home);
    const dir = join(home, 'kmslint');
    const monthAgo = new Date(Date.now() - 31 * 24 * 3600_000);
    const weekAgo = new Date(Date.now() - 7 * 24 * 3600_000);
    utimesSync(join(dir, lint), monthAgo, monthAgo);
    const version = `${process.version}-${process.arch}`;
    const unused = `cli-0123abcd-fedc9876-${version}-lint.v8`;
    const recent = `cli-4567abcd-fedc9876-${version}-lint.v8`;
    const previousScheme = `cli-0123456789abcdef0123456789abcdef-fedc9876-1253719-1764780000000-${version}-lint.v8`;
    const shared = `cli-0123456789abcdef0123456789abcdef-1253719-1764780000000-${version}.v8`;
    for (const name of [unused, recent, previousScheme, shared]) writeFileSync(join(dir, name), 'x');
    for (const name of [unused, previousScheme, shared]) utimesSync(join(dir, name), monthAgo, monthAgo);
    utimesSync(join(dir, recent), weekAgo, weekAgo);
    // Read (and dated) by the first run; the --version run writes a cache, which removes the stale ones.
    run('bundle', args, ROOT, { XDG_CACHE_HOME: home });
    expect(Date.now() - statSync(join(dir, lint)).mtimeMs).toBeLessThan(3600_000);
    expect(run('bundle', ['--version'], ROOT, { XDG_CACHE_HOME: home }).status).toBe(0);
    expect(cacheFiles(home).sort()).toEqual([lint, lint.replace(/-lint\.v8$/, '-version.v8'), recent].sort());
  });

  it('--version and a lint keep a cache each (each holds what its command compiled), and another installation keeps its own', () => {
    const home = mkdtempSync(join(tmp, 'xdg-'));
    run('bundle', args, ROOT, { XDG_CACHE_HOME: home });
    const [lint] = cacheFiles(home);
    const written = statSync(join(home, 'kmslint', lint)).ino;
    expect(run('bundle', ['--version'], ROOT, { XDG_CACHE_HOME: home }).status).toBe(0);
    expect(cacheFiles(home)).toEqual([lint, lint.replace(/-lint\.v8$/, '-version.v8')]);
    expect(statSync(join(home, 'kmslint', lint)).ino).toBe(written);
    // A second installation of the same build: its caches go beside the first one's.
    const other = join(tmp, 'pkg-other');
    mkdirSync(other);
    for (const name of ['rules', 'package.json', 'node_modules']) symlinkSync(join(ROOT, name), join(other, name));
    cpSync(join(bundle, '../../dist'), join(other, 'dist'), { recursive: true });
    cpSync(join(bundle, '..'), join(other, 'bin'), { recursive: true });
    const r = spawnSync(process.execPath, [join(other, 'bin/kmslint.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: home, KMSLINT_NO_CODE_CACHE: '' } });
    expect(r.stdout).toBe(expected);
    const after = cacheFiles(home);
    expect(after).toHaveLength(3);
    expect(after).toEqual(expect.arrayContaining([lint, lint.replace(/-lint\.v8$/, '-version.v8')]));
    expect(statSync(join(home, 'kmslint', lint)).ino).toBe(written);
  });

  it('a lint of a directory or a glob keeps a cache apart from a lint of named files (a tree run compiles far more)', () => {
    const home = mkdtempSync(join(tmp, 'xdg-'));
    const tree = ['--no-config', '--format', 'json', 'fixtures/cloudformation/aws-managed-key-modification'];
    expect(run('bundle', tree, ROOT, { XDG_CACHE_HOME: home }).stdout).toBe(run('source', tree).stdout);
    const [treeCache] = cacheFiles(home);
    expect(treeCache).toMatch(/-lint-tree\.v8$/);
    const written = statSync(join(home, 'kmslint', treeCache)).ino;
    expect(run('bundle', args, ROOT, { XDG_CACHE_HOME: home }).stdout).toBe(expected);
    expect(cacheFiles(home).sort()).toEqual([treeCache.replace(/-lint-tree\.v8$/, '-lint.v8'), treeCache].sort());
    const glob = ['--no-config', '--format', 'json', 'fixtures/cloudformation/aws-managed-key-modification/*.yaml'];
    expect(run('bundle', glob, ROOT, { XDG_CACHE_HOME: home }).status).toBe(1);
    expect(cacheFiles(home)).toHaveLength(2);
    expect(statSync(join(home, 'kmslint', treeCache)).ino).toBe(written);
  });

  it('a cache directory that cannot be made, or KMSLINT_NO_CODE_CACHE=1, only costs the cache', () => {
    const home = mkdtempSync(join(tmp, 'xdg-'));
    writeFileSync(join(home, 'kmslint'), 'a file where the directory would be');
    const blocked = run('bundle', args, ROOT, { XDG_CACHE_HOME: home });
    expect([blocked.stdout, blocked.stderr, blocked.status]).toEqual([expected, '', 1]);
    const off = mkdtempSync(join(tmp, 'xdg-'));
    const disabled = run('bundle', args, ROOT, { XDG_CACHE_HOME: off, KMSLINT_NO_CODE_CACHE: '1' });
    expect([disabled.stdout, disabled.stderr, disabled.status]).toEqual([expected, '', 1]);
    expect(cacheFiles(off)).toEqual([]);
  });

  /** A bundle run with exactly `env` (plus PATH) as its environment. */
  const bare = (env: Record<string, string>, cwd = ROOT, node: string[] = [], extra = args) =>
    spawnSync(process.execPath, [...node, bundle, ...extra], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env } });

  it('no home directory at all (HOME unset, a uid without a passwd entry) only costs the cache', () => {
    // os.homedir() throws then; a preload makes it throw here whoever runs the tests.
    const noHome = join(tmp, 'no-home.cjs');
    writeFileSync(noHome, "require('node:os').homedir = () => { throw Object.assign(new Error('uv_os_homedir returned ENOENT'), { code: 'ERR_SYSTEM_ERROR' }); };\n");
    for (const extra of [args, ['--version']]) {
      const r = bare({}, ROOT, ['--require', noHome], extra);
      expect([r.stderr, r.status]).toEqual(['', extra === args ? 1 : 0]);
      if (extra === args) expect(r.stdout).toBe(expected);
    }
  });

  it('a relative HOME is not used: the cache never lands beside the inputs', () => {
    const cwd = mkdtempSync(join(tmp, 'cwd-'));
    const absolute = ['--no-config', '--format', 'json', join(ROOT, YAML_FIXTURE)];
    const r = bare({ HOME: 'relhome' }, cwd, [], absolute);
    expect([r.stdout, r.stderr, r.status]).toEqual([run('source', absolute, cwd).stdout, '', 1]);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a cache write that fails part way (a full disk) leaves no temp file, and one left by a killed writer is removed later', () => {
    const home = mkdtempSync(join(tmp, 'xdg-'));
    // ulimit -f: writes past 100 KiB fail with EFBIG (Node ignores SIGXFSZ), as on a full disk.
    const limited = spawnSync('bash', ['-c', 'ulimit -f 100; exec "$0" "$@"', process.execPath, bundle, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '', XDG_CACHE_HOME: home, KMSLINT_NO_CODE_CACHE: '' } });
    expect([limited.stdout, limited.stderr, limited.status]).toEqual([expected, '', 1]);
    expect(cacheFiles(home)).toEqual([]);
    const abandoned = join(home, 'kmslint', 'cli-0123456789abcdef0123456789abcdef-00000000-1-1-v0-x-lint.v8.1-x.tmp');
    const fresh = abandoned.replace('.1-x.tmp', '.2-y.tmp');
    writeFileSync(abandoned, 'half');
    writeFileSync(fresh, 'being written');
    const hourAgo = new Date(Date.now() - 3600_000);
    utimesSync(abandoned, hourAgo, hourAgo);
    run('bundle', args, ROOT, { XDG_CACHE_HOME: home });
    expect(cacheFiles(home).filter((f) => f.endsWith('.tmp'))).toEqual([fresh.slice(fresh.lastIndexOf('/') + 1)]);
  });

  it('the parse threads start from the bundle (dist/cli/parse-worker.js) and print the same', () => {
    const source = run('source', ['--no-config', '--format', 'json', '--concurrency', '2', ...FIXTURES]);
    const bundled = run('bundle', ['--no-config', '--format', 'json', '--concurrency', '2', ...FIXTURES]);
    expect(bundled.stderr).toBe('');
    expect(bundled.stdout).toBe(source.stdout);
    expect(bundled.status).toBe(source.status);
  });
});

describe('the config pre-check', () => {
  const cases: [string, Record<string, string>, string, boolean][] = [
    ['nothing at all', { 'a/b/package.json': '{}' }, 'a/b', false],
    ['a .kmslintrc.yaml in the start directory', { 'a/package.json': '{}', 'a/.kmslintrc.yaml': 'rules: {}\n' }, 'a', true],
    ['a config above the start, below the package.json', { 'a/package.json': '{}', 'a/.kmslintrc.json': '{}', 'a/b/c/x.yaml': '' }, 'a/b/c', true],
    ['a config above the package.json (not searched)', { '.kmslintrc.yaml': 'rules: {}\n', 'a/package.json': '{}' }, 'a', false],
    ['a package.json with a kmslint key', { 'a/package.json': '{ "kmslint": { "rules": {} } }' }, 'a', true],
    ['a package.json that does not parse', { 'a/package.json': '{ nope' }, 'a', true],
    ['an empty config file (cosmiconfig skips it, the pre-check hands it over)', { 'a/package.json': '{}', 'a/kmslint.config.yaml': '' }, 'a', true],
    ['a package.yaml ends the search', { '.kmslintrc': '{}', 'a/package.yaml': 'name: p\n' }, 'a', false],
  ];
  for (const [name, files, from, expected] of cases) {
    it(`${name}: ${expected ? 'may find one' : 'finds none'}, and cosmiconfig agrees where it says none`, async () => {
      const dir = mkdtempSync(join(tmp, 'precheck-'));
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(join(dir, file, '..'), { recursive: true });
        writeFileSync(join(dir, file), text);
      }
      // The working directory is the temporary root: no cosmiconfig meta config there.
      expect(mayFindConfig(join(dir, from), SEARCH_PLACES, 'kmslint', dir)).toBe(expected);
      const found = await cosmiconfig('kmslint', { searchPlaces: SEARCH_PLACES, searchStrategy: 'project' }).search(join(dir, from)).catch(() => 'error');
      if (!expected) expect(found).toBeNull();
    });
  }

  it('a cosmiconfig meta config in the working directory hands the search over', () => {
    const dir = mkdtempSync(join(tmp, 'precheck-meta-'));
    writeFileSync(join(dir, 'package.json'), '{}');
    expect(mayFindConfig(dir, SEARCH_PLACES, 'kmslint', dir)).toBe(false);
    mkdirSync(join(dir, '.config'));
    writeFileSync(join(dir, '.config/config.json'), '{ "cosmiconfig": { "searchPlaces": ["{name}.toml"] } }');
    expect(mayFindConfig(dir, SEARCH_PLACES, 'kmslint', dir)).toBe(true);
    rmSync(join(dir, '.config'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{ "cosmiconfig": { "searchPlaces": ["{name}.toml"] } }');
    expect(mayFindConfig(dir, SEARCH_PLACES, 'kmslint', dir)).toBe(true);
  });
});

describe('rule options without ajv', () => {
  it('the defaults of a run without options are what ajv fills in, for every rule', () => {
    const withOptions = allRules.filter((r) => r.meta.schema && Object.keys(r.meta.schema.properties ?? {}).length > 0);
    expect(withOptions.map((r) => r.meta.id)).toContain('customer-key-deletion-unprotected');
    for (const rule of allRules) {
      const schema = rule.meta.schema;
      if (!schema) continue;
      const byAjv = {};
      optionsValidator(schema)(byAjv);
      expect(withDefaults(schema, {}), rule.meta.id).toEqual(byAjv);
    }
    expect(withDefaults(allRules.find((r) => r.meta.id === 'customer-key-deletion-unprotected')!.meta.schema!, {})).toEqual({ minPendingWindowDays: 30 });
  });

  it('a schema with a default below the top level is left to ajv', () => {
    const schema = { type: 'object', properties: { nested: { type: 'object', default: {}, properties: { depth: { type: 'integer', default: 2 } } } } } as const;
    expect(withDefaults(schema, {})).toEqual({ nested: { depth: 2 } });
  });
});
