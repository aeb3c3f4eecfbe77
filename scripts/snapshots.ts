// Corpus snapshots (issue 12 item 5, after cfn-lint's snapshot tests): lint every input under the
// shared corpus the way the CLI finds them, and write each input's findings and effective keys as
// stable JSON under test/snapshots/ — one file per corpus source (`<kind>/<owner>__<repo>`), so a
// behaviour change on real files shows in review as a diff of those files.
//
//   npm run snapshots [-- --corpus <dir>] [--out <dir>]
//
// Stable means: sorted, paths relative to the corpus root, no absolute paths, no timings.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { lintSources } from '../src/engine/lint-sources.js';
import type { Finding } from '../src/model/findings.js';
import type { KeyRow } from '../src/analysis/key-rows.js';
import { compareCodePoints } from '../src/util/code-points.js';

export interface SnapshotFinding {
  ruleId: string;
  messageId?: string;
  severity: string;
  resource?: string;
  file: string;
  line: number;
  column: number;
  branch?: string;
  suppressed?: true;
  message: string;
}

export interface SnapshotKey {
  file: string;
  resource: string;
  type: string;
  branch?: string;
  /** `primary`, or the purpose of a secondary key slot. */
  purpose: string;
  kind: string;
  alias?: string;
  keyRef?: string;
  origin?: string;
  external?: true;
}

export interface SnapshotInput {
  file: string;
  format: string | null;
  error?: { line: number; column: number; message: string };
}

/** One snapshot file: everything about the inputs of one corpus source. */
export interface Snapshot {
  source: string;
  inputs: SnapshotInput[];
  findings: SnapshotFinding[];
  keys: SnapshotKey[];
}

/** `cloudformation/bridgecrewio__checkov/tests/x.yaml` → `cloudformation/bridgecrewio__checkov`. */
export function sourceOf(file: string): string {
  const parts = file.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : (parts[0] ?? file);
}

export function snapshotFileName(source: string): string {
  return `${source.replace(/\//g, '__')}.json`;
}

/** Lint the whole corpus in one run (cross-file relations need every input) and split it by source. */
export async function computeSnapshots(corpusDir: string): Promise<Map<string, Snapshot>> {
  const root = resolve(corpusDir);
  const kinds = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort(compareCodePoints);
  const { result, keys } = await lintSources({ paths: kinds, cwd: root, config: {}, allowEmpty: true });
  const rel = (file: string) => toPosix(relative(root, resolve(root, file)));
  const scrub = (text: string) => text.split(root + sep).join('').split(root).join('<corpus>');

  const out = new Map<string, Snapshot>();
  const of = (file: string): Snapshot => {
    const source = sourceOf(file);
    let s = out.get(source);
    if (!s) out.set(source, (s = { source, inputs: [], findings: [], keys: [] }));
    return s;
  };
  for (const i of result.inputs) {
    const file = rel(i.path);
    of(file).inputs.push({ file, format: i.format, ...(i.error ? { error: { line: i.error.line, column: i.error.column, message: scrub(i.error.message) } } : {}) });
  }
  for (const f of result.findings) {
    const file = rel(f.file);
    of(file).findings.push(findingRow(f, file, scrub));
  }
  for (const k of keys) {
    const file = rel(k.file);
    of(file).keys.push(...keyRowsOf(k, file));
  }
  for (const s of out.values()) {
    s.inputs.sort((a, b) => compareCodePoints(a.file, b.file));
    s.findings.sort(compareRows);
    s.keys.sort(compareRows);
  }
  return new Map([...out].sort(([a], [b]) => compareCodePoints(a, b)));
}

function findingRow(f: Finding, file: string, scrub: (s: string) => string): SnapshotFinding {
  return {
    ruleId: f.ruleId,
    ...(f.messageId !== undefined ? { messageId: f.messageId } : {}),
    severity: f.severity,
    ...(f.resource ? { resource: f.resource.id } : {}),
    file,
    line: f.line,
    column: f.column,
    ...(f.branch ? { branch: f.branch } : {}),
    ...(f.suppressed ? { suppressed: true as const } : {}),
    message: scrub(f.message),
  };
}

function keyRowsOf(k: KeyRow, file: string): SnapshotKey[] {
  const base = { file, resource: k.id, type: k.type, ...(k.branch ? { branch: k.branch } : {}) };
  const slot = (purpose: string, key: KeyRow['key']): SnapshotKey => ({
    ...base,
    purpose,
    kind: key.kind,
    ...(key.alias !== undefined ? { alias: key.alias } : {}),
    ...(key.keyRef !== undefined ? { keyRef: key.keyRef } : {}),
    ...(key.origin !== undefined ? { origin: key.origin } : {}),
    ...(key.external ? { external: true as const } : {}),
  });
  return [slot('primary', k.key), ...k.secondary.map((s) => slot(s.purpose, s.key))];
}

/** Total order on rows: by the serialised row, after file/line so related rows sit together. */
function compareRows(a: SnapshotFinding | SnapshotKey, b: SnapshotFinding | SnapshotKey): number {
  return compareCodePoints(a.file, b.file) || ((a as SnapshotFinding).line ?? 0) - ((b as SnapshotFinding).line ?? 0) || compareCodePoints(JSON.stringify(a), JSON.stringify(b));
}

/** One row a line, so a review diff shows whole changed rows. */
export function serialiseSnapshot(s: Snapshot): string {
  const list = (rows: readonly unknown[]) => (rows.length ? `[\n${rows.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ]` : '[]');
  return `{\n  "source": ${JSON.stringify(s.source)},\n  "inputs": ${list(s.inputs)},\n  "findings": ${list(s.findings)},\n  "keys": ${list(s.keys)}\n}\n`;
}

export function readSnapshots(dir: string): Map<string, Snapshot> {
  const out = new Map<string, Snapshot>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort(compareCodePoints)) {
    const s = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Snapshot;
    out.set(s.source, s);
  }
  return out;
}

export function writeSnapshots(dir: string, snapshots: ReadonlyMap<string, Snapshot>): { files: number; bytes: number } {
  mkdirSync(dir, { recursive: true });
  // Only snapshot files go: a source that left the corpus leaves no stale snapshot behind.
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) rmSync(join(dir, name));
  let bytes = 0;
  for (const s of snapshots.values()) {
    const text = serialiseSnapshot(s);
    bytes += Buffer.byteLength(text);
    writeFileSync(join(dir, snapshotFileName(s.source)), text);
  }
  return { files: snapshots.size, bytes };
}

function toPosix(p: string): string {
  return p.split(sep).join('/');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { corpus: { type: 'string' }, out: { type: 'string' } } });
  const corpus = values.corpus ?? '../shared/corpus';
  const outDir = values.out ?? 'test/snapshots';
  const snapshots = await computeSnapshots(corpus);
  const { files, bytes } = writeSnapshots(outDir, snapshots);
  const count = (pick: (s: Snapshot) => number) => [...snapshots.values()].reduce((n, s) => n + pick(s), 0);
  console.log(`${files} snapshot files, ${count((s) => s.inputs.length)} inputs, ${count((s) => s.findings.length)} findings, ${count((s) => s.keys.length)} key rows, ${bytes} bytes → ${outDir}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
