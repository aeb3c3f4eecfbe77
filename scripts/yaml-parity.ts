// `npm run yaml-parity [dir…]`: every YAML file of ../shared/corpus and of fixtures/ (or of the
// directories given) is read by kmslint and by PyYAML, and the two results must be the same data.
// PyYAML reads with a loader like cfn-lint's (short-form tags to their long form, `!GetAtt A.B` to a
// list, the last of repeated keys wins). Each difference is listed with its reason; a difference no
// known reason explains makes the run fail (exit 1).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseYamlDocument } from '../src/inputs/yaml-document.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Read on standard input by python3; file names come as arguments, one JSON line per file goes out. */
const PYTHON_READER = String.raw`
import json, math, sys, yaml

INTRINSICS = {'Ref', 'Condition', 'Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue',
              'Join', 'Select', 'Split', 'Sub', 'Transform', 'And', 'Equals', 'If', 'Not', 'Or',
              'ToJsonString', 'Length', 'ForEach', 'Contains', 'EachMemberEquals', 'EachMemberIn',
              'RefAll', 'ValueOf', 'ValueOfAll'}

class Loader(yaml.SafeLoader):
    pass

def construct_value(loader, node):
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_mapping(node, deep=True)

def short_form(loader, suffix, node):
    value = construct_value(loader, node)
    if suffix not in INTRINSICS:
        return {'$tag': '!' + suffix, 'value': value}
    if suffix == 'GetAtt' and isinstance(value, str):
        value = value.split('.', 1)
    return {suffix if suffix in ('Ref', 'Condition') else 'Fn::' + suffix: value}

Loader.add_multi_constructor('!', short_form)
# Kept apart from text so that a difference names them; PyYAML's own value is not JSON.
Loader.add_constructor('tag:yaml.org,2002:timestamp', lambda loader, node: {'$timestamp': node.value})

def plain(v):
    if isinstance(v, float) and (math.isnan(v) or math.isinf(v)):
        return {'$float': repr(v)}
    if isinstance(v, bytes):
        return {'$binary': len(v)}
    if isinstance(v, (set, frozenset)):
        return {'$set': sorted(str(x) for x in v)}
    if isinstance(v, dict):
        return {key_text(k): plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [plain(x) for x in v]
    return v

def key_text(k):
    if k is True: return 'true'
    if k is False: return 'false'
    if k is None: return 'null'
    if isinstance(k, dict): return json.dumps(plain(k), sort_keys=True)
    return str(k)

sys.setrecursionlimit(5000)
for name in sys.argv[1:]:
    try:
        with open(name, encoding='utf-8') as f:
            data = yaml.load(f, Loader=Loader)
        out = {'file': name, 'data': plain(data)}
    except Exception as e:
        mark = getattr(e, 'problem_mark', None)
        what = getattr(e, 'problem', None) or str(e).splitlines()[0]
        where = ' (line %d, column %d)' % (mark.line + 1, mark.column + 1) if mark else ''
        out = {'file': name, 'error': type(e).__name__ + ': ' + str(what) + where}
    sys.stdout.write(json.dumps(out) + '\n')
`;

type Side = { data: unknown } | { error: string };

interface Difference {
  file: string;
  reason: string;
  explained: boolean;
  detail: string;
}

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== '.git') yamlFiles(p, out);
    } else if (e.isFile() && /\.(ya?ml|template)$/i.test(e.name)) {
      // A .template file is YAML unless it is JSON.
      if (!/\.template$/i.test(e.name) || !/^\s*[{[]/.test(readFileSync(p, 'utf8').slice(0, 4096))) out.push(p);
    }
  }
  return out;
}

function readWithKmslint(file: string): Side {
  try {
    return { data: parseYamlDocument(file, readFileSync(file, 'utf8')).root };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

function readWithPyYaml(files: string[]): Map<string, Side> {
  const out = new Map<string, Side>();
  // Arguments are bounded by the system; read in slices.
  for (let i = 0; i < files.length; i += 200) {
    const slice = files.slice(i, i + 200);
    const run = spawnSync('python3', ['-', ...slice], { input: PYTHON_READER, encoding: 'utf8', maxBuffer: 1 << 30 });
    if (run.status !== 0) throw new Error(`python3 failed (${run.status}): ${run.stderr}`);
    for (const line of run.stdout.split('\n')) {
      if (!line) continue;
      const r = JSON.parse(line) as { file: string; data?: unknown; error?: string };
      out.set(r.file, r.error !== undefined ? { error: r.error } : { data: r.data });
    }
  }
  return out;
}

/** First place where the two readings differ, as a path and the two values there. */
function firstDifference(a: unknown, b: unknown, path: (string | number)[] = []): { path: (string | number)[]; ours: unknown; theirs: unknown } | undefined {
  const pending: [unknown, unknown, (string | number)[]][] = [[a, b, path]];
  while (pending.length > 0) {
    const [x, y, p] = pending.pop()!;
    if (sameScalar(x, y)) continue;
    if (Array.isArray(x) && Array.isArray(y) && x.length === y.length) {
      for (let i = x.length - 1; i >= 0; i--) pending.push([x[i], y[i], [...p, i]]);
      continue;
    }
    if (isObject(x) && isObject(y) && !Array.isArray(x) && !Array.isArray(y)) {
      const kx = Object.keys(x);
      const ky = Object.keys(y);
      if (kx.length === ky.length && kx.every((k) => Object.prototype.hasOwnProperty.call(y, k))) {
        for (const k of kx.reverse()) pending.push([x[k], y[k], [...p, k]]);
        continue;
      }
    }
    return { path: p, ours: x, theirs: y };
  }
  return undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function sameScalar(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x === 'number' && isObject(y) && typeof y.$float === 'string') {
    return (Number.isNaN(x) && y.$float === 'nan') || (x === Infinity && y.$float === 'inf') || (x === -Infinity && y.$float === '-inf');
  }
  return false;
}

/** Why kmslint's reading differs from PyYAML's, and whether that is by design (CloudFormation's reading). */
function classify(file: string, ours: Side, theirs: Side): Difference | undefined {
  if ('error' in ours && 'error' in theirs) return undefined;
  if ('error' in ours) {
    if (/tag is not supported by CloudFormation/.test(ours.error)) return { file, reason: 'unsupported-tag', explained: true, detail: ours.error };
    if (/nested deeper than|expands to more than|YAML file is/.test(ours.error)) return { file, reason: 'kmslint-bound', explained: true, detail: ours.error };
    return { file, reason: 'kmslint-refuses', explained: false, detail: `kmslint: ${ours.error}` };
  }
  if ('error' in theirs) {
    if (/RecursionError/.test(theirs.error)) return { file, reason: 'pyyaml-recursion-limit', explained: true, detail: theirs.error };
    return { file, reason: 'pyyaml-refuses', explained: false, detail: `PyYAML: ${theirs.error}` };
  }
  const d = firstDifference(ours.data, theirs.data);
  if (!d) return undefined;
  const where = d.path.map(String).join('.');
  const t = d.theirs;
  if (isObject(t) && typeof t.$timestamp === 'string' && d.ours === t.$timestamp) {
    return { file, reason: 'timestamp-as-text', explained: true, detail: `${where}: ${t.$timestamp}` };
  }
  if (isObject(d.ours) && !Array.isArray(d.ours) && Object.prototype.hasOwnProperty.call(d.ours, '<<')) {
    return { file, reason: 'no-hash-merge', explained: true, detail: `${where}: << kept as a key` };
  }
  if (isObject(t) && typeof t.$tag === 'string') {
    return { file, reason: 'unknown-tag', explained: true, detail: `${where}: ${t.$tag} (kmslint reads the value without the tag)` };
  }
  if (typeof d.ours === 'number' && typeof t === 'number' && !Number.isSafeInteger(t)) {
    return { file, reason: 'number-precision', explained: true, detail: `${where}: ${String(d.ours)} vs ${String(t)}` };
  }
  return { file, reason: 'data-differs', explained: false, detail: `${where}: kmslint ${preview(d.ours)} vs PyYAML ${preview(t)}` };
}

function preview(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}

const REASONS: Record<string, string> = {
  'unsupported-tag': 'CloudFormation does not support !!binary/omap/pairs/set/timestamp; kmslint refuses them, PyYAML reads them',
  'kmslint-bound': "beyond kmslint's depth/size bounds for hostile input",
  'pyyaml-recursion-limit': "beyond PyYAML's recursion limit",
  'timestamp-as-text': 'CloudFormation has no timestamp type: kmslint keeps the text, PyYAML makes a date',
  'no-hash-merge': 'CloudFormation does not merge `<<`: kmslint keeps it as a key, PyYAML merges',
  'unknown-tag': 'a tag that is not a CloudFormation intrinsic: kmslint reads the value, PyYAML (cfn-lint-like loader) keeps the tag',
  'number-precision': 'an integer beyond 2^53: JSON numbers cannot hold it exactly',
  'kmslint-refuses': 'UNEXPLAINED: kmslint refuses a file PyYAML reads',
  'pyyaml-refuses': 'UNEXPLAINED: PyYAML refuses a file kmslint reads',
  'data-differs': 'UNEXPLAINED: the data differ',
};

function main(): number {
  const dirs = process.argv.slice(2).length > 0 ? process.argv.slice(2).map((d) => resolve(d)) : [resolve(repo, '../shared/corpus'), join(repo, 'fixtures')];
  const files = dirs.flatMap((d) => yamlFiles(d)).sort();
  const pyyaml = readWithPyYaml(files);
  const differences: Difference[] = [];
  let equal = 0;
  const bothRefuse: string[] = [];
  for (const file of files) {
    const ours = readWithKmslint(file);
    const theirs = pyyaml.get(file) ?? { error: 'not read by python3' };
    const d = classify(relative(process.cwd(), file), ours, theirs);
    if (d) differences.push(d);
    else if ('error' in ours) bothRefuse.push(`${relative(process.cwd(), file)}: kmslint: ${ours.error}; PyYAML: ${(theirs as { error: string }).error}`);
    else equal++;
  }
  const byReason = new Map<string, Difference[]>();
  for (const d of differences) byReason.set(d.reason, [...(byReason.get(d.reason) ?? []), d]);
  console.log(`yaml-parity: ${files.length} YAML files compared (${dirs.map((d) => relative(process.cwd(), d) || '.').join(', ')})`);
  console.log(`  same data: ${equal}; refused by both readers: ${bothRefuse.length}; differences: ${differences.length}`);
  if (bothRefuse.length > 0) console.log(`\nrefused by both (${bothRefuse.length}):\n${bothRefuse.map((l) => `  ${l}`).join('\n')}`);
  for (const [reason, list] of byReason) {
    console.log(`\n${reason} (${list.length}): ${REASONS[reason]}`);
    for (const d of list) console.log(`  ${d.file}: ${d.detail}`);
  }
  const unexplained = differences.filter((d) => !d.explained).length;
  console.log(unexplained > 0 ? `\n${unexplained} unexplained difference(s)` : '\nno unexplained differences');
  return unexplained > 0 ? 1 : 0;
}

process.exitCode = main();
