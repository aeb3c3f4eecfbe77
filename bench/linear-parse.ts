// Parsing stays linear in the keys of one mapping (issue 8: the YAML library's unique-key check made
// it quadratic), and so does locating every key of it (issue 14: each lookup scanned the mapping's
// items, or jsonc-parser's tree of the whole document). Each size is parsed in a fresh process and
// timed in CPU time, which a busy shared machine disturbs far less than wall time; the figure is the
// median of several runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Largest ratio of time for twice the keys that still counts as linear. */
export const MAX_RATIO = 2.2;

/** One mapping with `keys` entries (and one repeated key, so duplicate detection is exercised). */
export function wideYaml(keys: number): string {
  const lines = ['AWSTemplateFormatVersion: "2010-09-09"', 'Resources:', '  Wide:', '    Type: AWS::SQS::Queue', '    Metadata:'];
  for (let i = 0; i < keys; i++) lines.push(`      key${i}: value${i}`);
  lines.push('      key0: repeated');
  return lines.join('\n') + '\n';
}

export function wideJson(keys: number): string {
  const entries: string[] = [];
  for (let i = 0; i < keys; i++) entries.push(`"key${i}":"value${i}"`);
  entries.push('"key0":"repeated"');
  return `{"AWSTemplateFormatVersion":"2010-09-09","Resources":{"Wide":{"Type":"AWS::SQS::Queue","Metadata":{${entries.join(',')}}}}}`;
}

/** CPU milliseconds one fresh process spends in `parseDocument` of the file and in locating each of its `keys` keys (needs a build). */
function parseCpuMs(file: string, keys: number): { parse: number; locate: number } {
  const loader = pathToFileURL(resolve('dist/src/inputs/load.js')).href;
  const script = [
    `import { readFileSync } from 'node:fs';`,
    `import { parseDocument } from ${JSON.stringify(loader)};`,
    `const text = readFileSync(process.argv[1], 'utf8');`,
    `const before = process.cpuUsage();`,
    `const doc = parseDocument(process.argv[1], text);`,
    `const used = process.cpuUsage(before);`,
    `if ((doc.duplicateKeys ?? []).length !== 1) throw new Error('expected one duplicate key');`,
    `const keys = Number(process.argv[2]);`,
    `for (let i = 0; i < keys; i++) if (!doc.locate(['Resources', 'Wide', 'Metadata', 'key' + i], true)) throw new Error('key' + i + ' not located');`,
    `const all = process.cpuUsage(before);`,
    `console.log(JSON.stringify({ parse: (used.user + used.system) / 1000, locate: (all.user + all.system - used.user - used.system) / 1000 }));`,
  ].join('\n');
  const r = spawnSync('node', ['--input-type=module', '-e', script, file, String(keys)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench: parsing ${file} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim()) as { parse: number; locate: number };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export interface LinearCase {
  name: string;
  smallMs: number;
  largeMs: number;
  ratio: number;
}

/** Time parsing and locating N and 2N keys for YAML and JSON (JSON parses far faster, so its N is ten times larger). */
export function linearParseCases(keys: number, runs: number): LinearCase[] {
  const dir = mkdtempSync(join(tmpdir(), 'kmslint-bench-linear-'));
  try {
    const cases: LinearCase[] = [];
    for (const [name, ext, make, n] of [['YAML', 'yaml', wideYaml, keys], ['JSON', 'json', wideJson, 10 * keys]] as const) {
      const small = join(dir, `small.${ext}`);
      const large = join(dir, `large.${ext}`);
      writeFileSync(small, make(n));
      writeFileSync(large, make(2 * n));
      const smallRuns = Array.from({ length: runs }, () => parseCpuMs(small, n));
      const largeRuns = Array.from({ length: runs }, () => parseCpuMs(large, 2 * n));
      for (const step of ['parse', 'locate'] as const) {
        const smallMs = median(smallRuns.map((r) => r[step]));
        const largeMs = median(largeRuns.map((r) => r[step]));
        cases.push({ name: `${name} mapping of ${n} vs ${2 * n} keys: ${step === 'parse' ? 'parse' : 'locate every key'}`, smallMs, largeMs, ratio: largeMs / smallMs });
      }
    }
    return cases;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
