// The npm package as a consumer gets it (issue 7 item 9): a snapshot of this working tree is packed
// with `npm pack` (its `prepack` builds), the tarball is installed into a fresh TypeScript project
// that type-checks against the shipped .d.ts files with `skipLibCheck: false` and runs `npx kmslint`.
//
// The snapshot holds what a fresh clone would (tracked files plus untracked ones git does not
// ignore; no dist/), with this repository's node_modules linked in for the build, so the test packs
// what is here and never touches this tree's own dist/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What runtime code (src/**, rules/**, bin/**) imports; nothing else may reach a consumer. */
const RUNTIME_DEPENDENCIES = [
  '@aws-cdk/cloudformation-diff',
  '@dagrejs/dagre',
  '@tree-sitter-grammars/tree-sitter-hcl',
  'ajv',
  'cosmiconfig',
  'fast-xml-builder',
  'ignore',
  'jsonc-parser',
  'leven',
  'picocolors',
  'picomatch',
  'tinyglobby',
  'vscode-languageserver',
  'vscode-languageserver-textdocument',
  'web-tree-sitter',
  'wrap-ansi',
  'yaml',
];
/** Optional peers: the CDK front ends (`kmslint/cdk` only). */
const OPTIONAL_PEERS = ['aws-cdk-lib', 'constructs'];
const CDK_ENTRY = /^dist\/src\/cdk\//;

// One error and nothing else: a key policy statement open to any principal.
const TEMPLATE = `Resources:
  Key:
    Type: AWS::KMS::Key
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      EnableKeyRotation: true
      KeyPolicy:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              AWS: !Sub 'arn:aws:iam::\${AWS::AccountId}:root'
            Action: 'kms:*'
            Resource: '*'
          - Effect: Allow
            Principal: '*'
            Action: 'kms:Decrypt'
            Resource: '*'
`;

const WILDCARD_MESSAGE =
  'Statement 2 of the key policy of Key allows any principal ("*") without a condition that narrows it to accounts or an organisation (kms:CallerAccount, aws:PrincipalAccount, aws:PrincipalOrgID, …), so any AWS account may use the key; name the principals or add such a condition';

// The consumer's program: the library API and its types, including a custom rule.
const CONSUMER_SOURCE = `import { allRules, lint, lintFormatters, loadConfig, loadText, type Finding, type LintRun, type ResolvedConfig, type Rule } from 'kmslint';

const undescribedKey: Rule = {
  meta: {
    id: 'consumer-undescribed-key',
    defaultSeverity: 'info',
    description: 'A KMS key without a Description',
    group: 'hygiene',
    messages: { missing: '{{id}} has no Description' },
  },
  check(ctx) {
    for (const analysed of ctx.analysis.resources) {
      const { resource } = analysed;
      if (resource.type === 'AWS::KMS::Key' && resource.properties?.Description === undefined) {
        ctx.report({ resource, at: resource.path, messageId: 'missing', data: { id: resource.id } });
      }
    }
  },
};

export async function lintTemplate(path: string, text: string): Promise<Finding[]> {
  const config: ResolvedConfig = await loadConfig({ cwd: process.cwd(), noConfig: true, knownRules: new Set(allRules.map((r) => r.meta.id)) });
  const run: LintRun = lint([loadText(path, text, { explicit: true })], { config, rules: [undescribedKey] });
  const sarif: string = lintFormatters.sarif(run.result, { color: false });
  if (!sarif.startsWith('{')) throw new Error('not SARIF');
  return run.result.findings;
}
`;

const CONSUMER_TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    skipLibCheck: false,
    noEmit: true,
    types: ['node'],
  },
  include: ['index.ts'],
};

// The library loaded at run time in plain ESM, as a consumer's compiled code would.
const CONSUMER_RUNTIME_CHECK = `import { allRules, lint, loadConfig, loadText } from 'kmslint';
const config = await loadConfig({ cwd: process.cwd(), noConfig: true, knownRules: new Set(allRules.map((r) => r.meta.id)) });
const run = lint([loadText('template.yaml', process.argv[2], { explicit: true })], { config });
console.log(JSON.stringify(run.result.findings.map((f) => [f.ruleId, f.line, f.column])));
`;

// npm sets npm_* variables (among them this repository's `.npmrc` `omit=peer` and local_prefix)
// for the `npm run` this suite runs under; the consumer's npm must see none of them, or the peers
// a consumer would get would not be counted. Network and cache settings stay.
const KEPT_NPM_SETTINGS = /^npm_config_(registry|cache|cafile|proxy|https_proxy|noproxy|strict_ssl|userconfig)$/i;

let root = '';
let env: NodeJS.ProcessEnv = {};
let consumer = '';
let unpacked = '';
let tarballEntries: string[] = [];

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return result;
}

function mustRun(command: string, args: string[], cwd: string): string {
  const result = run(command, args, cwd);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Copy the files a fresh clone of this working tree would have into `target`. */
function snapshotWorkingTree(target: string): void {
  const files = mustRun('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], ROOT).split('\0');
  for (const file of files) {
    if (!file || file === 'node_modules') continue; // linked below (a linked node_modules is no directory to .gitignore)
    const source = join(ROOT, file);
    if (!existsSync(source)) continue; // deleted here, still in the index
    const stat = lstatSync(source);
    if (!stat.isFile() && !stat.isSymbolicLink()) continue;
    mkdirSync(dirname(join(target, file)), { recursive: true });
    cpSync(source, join(target, file), { verbatimSymlinks: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(target, 'node_modules'), 'dir');
}

interface ListedPackage {
  version?: string;
  dependencies?: Record<string, ListedPackage>;
}

/** Every installed package under `node` in `npm ls --json` output, at any depth. */
function packageNames(node: ListedPackage): string[] {
  const names: string[] = [];
  for (const [name, child] of Object.entries(node.dependencies ?? {})) {
    if (child.version !== undefined) names.push(name, ...packageNames(child));
  }
  return names;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'kmslint-package-'));
  const inherited = Object.entries(process.env).filter(([k]) => !(/^npm_/i.test(k) && !KEPT_NPM_SETTINGS.test(k)) && k !== 'INIT_CWD');
  // Drop the node_modules/.bin directories `npm run` puts first on PATH, so `npx` in the consumer
  // finds only what the consumer installed.
  const path = (process.env.PATH ?? '').split(delimiter).filter((d) => !/node_modules[/\\]\.bin$/.test(d));
  env = {
    ...Object.fromEntries(inherited),
    PATH: path.join(delimiter),
    NO_COLOR: '1',
    // The registry is the only network the install needs; npm's cache comes first.
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    // The bundle's V8 code cache (bin/run-bundle.js) goes under this test's directory, not the home.
    XDG_CACHE_HOME: join(root, 'xdg-cache'),
  };
  delete env.FORCE_COLOR;
  // Under CI kmslint's first stderr line names the config in use; this consumer is not a CI job.
  delete env.CI;

  const source = join(root, 'source');
  snapshotWorkingTree(source);
  const packed = join(root, 'packed');
  mkdirSync(packed);
  mustRun('npm', ['pack', '--pack-destination', packed], source);
  const [tarball] = readdirSync(packed).filter((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack wrote no tarball');
  const tarballPath = join(packed, tarball);
  tarballEntries = mustRun('tar', ['-tzf', tarballPath], root).split('\n').filter(Boolean);
  unpacked = join(root, 'unpacked');
  mkdirSync(unpacked);
  mustRun('tar', ['-xzf', tarballPath, '-C', unpacked], root);

  consumer = join(root, 'consumer');
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }, null, 2) + '\n');
  writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify(CONSUMER_TSCONFIG, null, 2) + '\n');
  writeFileSync(join(consumer, 'index.ts'), CONSUMER_SOURCE);
  writeFileSync(join(consumer, 'check.mjs'), CONSUMER_RUNTIME_CHECK);
  writeFileSync(join(consumer, 'template.yaml'), TEMPLATE);
  mustRun('npm', ['install', tarballPath, 'typescript@6.0.3', '@types/node@20.19.43'], consumer);
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('ships the build, the rule pages and a LICENSE, and no source maps or test helpers', () => {
    expect(tarballEntries).toContain('package/bin/kmslint.js');
    expect(tarballEntries).toContain('package/dist/src/index.js');
    expect(tarballEntries).toContain('package/dist/src/index.d.ts');
    // The bundled command line (scripts/bundle.ts), the parse threads' module and what runs the bundle.
    expect(tarballEntries.filter((e) => e.startsWith('package/dist/cli/')).sort()).toEqual(['package/dist/cli/kmslint.cjs', 'package/dist/cli/parse-worker.js']);
    expect(tarballEntries).toContain('package/bin/run-bundle.js');
    expect(tarballEntries).toContain('package/rules/key-policy-wildcard-principal.md');
    expect(tarballEntries).toContain('package/LICENSE');
    expect(readFileSync(join(unpacked, 'package/LICENSE'), 'utf8')).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);
    expect(tarballEntries.filter((e) => e.endsWith('.map'))).toEqual([]);
    expect(tarballEntries.filter((e) => /^package\/test\/|\/helpers\/|(sarif|junit)-validate|\.test\./.test(e))).toEqual([]);
    expect(tarballEntries).not.toContain('package/out.sarif');
  });

  it('declares where it lives and builds on prepack, not on install', () => {
    const manifest = JSON.parse(readFileSync(join(unpacked, 'package/package.json'), 'utf8'));
    expect(manifest.repository).toEqual({ type: 'git', url: 'git+https://github.com/kmslint/kmslint.git' });
    expect(manifest.bugs).toEqual({ url: 'https://github.com/kmslint/kmslint/issues' });
    expect(manifest.keywords).toEqual(expect.arrayContaining(['aws', 'kms', 'cloudformation', 'terraform', 'cdk']));
    expect(Object.keys(manifest.scripts).filter((s) => /^(pre|post)?(install|prepare)$/.test(s))).toEqual([]);
    expect(Object.keys(manifest.dependencies).sort()).toEqual(RUNTIME_DEPENDENCIES);
    expect(Object.keys(manifest.peerDependencies).sort()).toEqual(OPTIONAL_PEERS);
    expect(manifest.peerDependenciesMeta).toEqual(Object.fromEntries(OPTIONAL_PEERS.map((p) => [p, { optional: true }])));
    expect(manifest.exports['./cdk']).toEqual({ types: './dist/src/cdk/index.d.ts', default: './dist/src/cdk/index.js' });
  });

  it('its .d.ts files import only themselves, Node and runtime dependencies (and CDK in kmslint/cdk)', () => {
    const outside: string[] = [];
    const base = join(unpacked, 'package');
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (entry.name.endsWith('.d.ts')) {
          const relative = file.slice(base.length + 1);
          const allowed = CDK_ENTRY.test(relative) ? [...RUNTIME_DEPENDENCIES, 'aws-cdk-lib', 'constructs'] : RUNTIME_DEPENDENCIES;
          for (const m of readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\()\s*['"]([^'"]+)['"]/g)) {
            const specifier = m[1];
            if (specifier.startsWith('.') || specifier.startsWith('node:')) continue;
            if (!allowed.some((d) => specifier === d || specifier.startsWith(`${d}/`))) outside.push(`${relative}: ${specifier}`);
          }
        }
      }
    };
    walk(join(base, 'dist'));
    expect(outside).toEqual([]);
  });
});

describe('a consumer project that installs the tarball', () => {
  it('type-checks against the shipped .d.ts with strict and skipLibCheck: false', () => {
    const result = run('npx', ['tsc', '--noEmit'], consumer);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('loads the library at run time without the optional peer', () => {
    const result = run('node', ['check.mjs', TEMPLATE], consumer);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([['key-policy-wildcard-principal', 17, 13]]);
    expect(result.status).toBe(0);
  });

  it('runs the bundled command line: an installed bin/kmslint.js always takes the bundle', () => {
    const installed = join(consumer, 'node_modules/kmslint');
    // No tsconfig.json: bin/kmslint.js compares the dates of dist/cli and dist/src only in a checkout.
    expect(existsSync(join(installed, 'tsconfig.json'))).toBe(false);
    // Only a run from the bundle leaves a code cache in $XDG_CACHE_HOME/kmslint.
    expect(run('node', [join(installed, 'bin/kmslint.js'), '--version'], consumer).status).toBe(0);
    expect(readdirSync(join(root, 'xdg-cache/kmslint'))).toEqual([expect.stringMatching(/^cli-[0-9a-f]{8}-[0-9a-f]{8}-v[0-9.]+-[a-z0-9]+-version\.v8$/)]);
  });

  it('runs npx kmslint on a template with a known error, exit 1', () => {
    const stylish = run('npx', ['kmslint', '--no-config', 'template.yaml'], consumer);
    expect(stylish.stderr).toBe('');
    expect(stylish.stdout).toMatch(/^template\.yaml\n\s+17:13\s+error\s+Key\s+Statement 2 of the key policy of Key allows any principal/);
    expect(stylish.stdout).toContain('key-policy-wildcard-principal');
    expect(stylish.stdout).toContain('1 problem (1 error, 0 warnings, 0 infos)');
    expect(stylish.status).toBe(1);

    const json = run('npx', ['kmslint', '--no-config', '--format', 'json', 'template.yaml'], consumer);
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.inputs).toEqual([{ path: 'template.yaml', format: 'cloudformation', error: null }]);
    expect(report.findings).toEqual([
      {
        ruleId: 'key-policy-wildcard-principal',
        severity: 'error',
        message: WILDCARD_MESSAGE,
        file: 'template.yaml',
        line: 17,
        column: 13,
        endLine: 17,
        endColumn: 27,
        resource: { id: 'Key', type: 'AWS::KMS::Key', stack: 'template' },
        suppressed: false,
      },
    ]);
  });

  it('gets only the intended runtime dependencies, peers included', () => {
    const result = run('npm', ['ls', '--omit=dev', '--all', '--json'], consumer);
    expect(result.status, result.stderr).toBe(0);
    const tree = JSON.parse(result.stdout);
    expect(Object.keys(tree.dependencies).sort()).toEqual(['@types/node', 'kmslint', 'typescript']);
    const kmslint = tree.dependencies.kmslint;
    // Optional peers nobody installed are listed without a version.
    const installed = Object.entries(kmslint.dependencies as Record<string, ListedPackage>).filter(([, d]) => d.version !== undefined);
    expect(installed.map(([name]) => name).sort()).toEqual(RUNTIME_DEPENDENCIES);
    for (const peer of OPTIONAL_PEERS) expect(existsSync(join(consumer, 'node_modules', peer)), peer).toBe(false);
    const everything = packageNames(kmslint);
    // `kmslint diff` brings @aws-cdk/cloudformation-diff and the resource database it reads; the AWS SDK
    // it names as a peer is used for types only and comes only if the consumer's npm installs peers.
    const cdkPackages = everything.filter((n) => /^@aws-cdk\//.test(n));
    expect([...new Set(cdkPackages)].sort()).toEqual(['@aws-cdk/aws-service-spec', '@aws-cdk/cloudformation-diff', '@aws-cdk/service-spec-types']);
    expect(everything.filter((n) => /^ajv-formats$|^@types\/sarif$/.test(n))).toEqual([]);
    console.log(`AWS SDK packages a peer-installing npm added: ${new Set(everything.filter((n) => /^@aws-sdk\/|^@smithy\//.test(n))).size}`);
    const [size] = run('du', ['-sh', 'node_modules'], consumer).stdout.split(/\s/);
    console.log(`consumer node_modules: ${size}; kmslint's packages: ${new Set(everything).size}`);
  });
});
