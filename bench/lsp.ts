// `npx tsx bench/lsp.ts [template]`: the editor server's latency from didChange to publishDiagnostics
// on the largest CloudFormation template of the corpus (median of 20 edits, each after the debounce
// it waits for), and the server's resident memory after 1,000 edits. Not part of any test run.
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { fileUri, startLspServer } from '../test/fuzz/lsp-client.js';

const CORPUS = process.env.KMSLINT_CORPUS ?? '../shared/corpus';
const largest =
  process.argv[2] ??
  globSync(['cloudformation/**/*.{yaml,yml,json,template}'], { cwd: CORPUS, absolute: true })
    .map((f) => ({ f, size: statSync(f).size }))
    .sort((a, b) => b.size - a.size)[0].f;
const text = readFileSync(largest, 'utf8');
const server = startLspServer(resolve('.'));
await server.initialize({ rootPath: resolve('.') });
const uri = fileUri(join(resolve('.'), 'bench-large' + (largest.endsWith('.json') ? '.json' : '.yaml')));
await server.open(uri, text);
await server.diagnostics(uri, 1, 60_000);

// A comment-free edit that keeps the template valid: a trailing space on the last line, toggled.
const edited = (n: number) => (n % 2 ? text.replace(/\n?$/, ' \n') : text);
const times: number[] = [];
let version = 1;
for (let i = 0; i < 20; i++) {
  const start = process.hrtime.bigint();
  await server.change(uri, ++version, edited(version));
  await server.diagnostics(uri, version, 60_000);
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
times.sort((a, b) => a - b);
for (let i = 0; i < 1000; i++) await server.change(uri, ++version, edited(version));
await server.diagnostics(uri, version, 120_000);
const rss = readFileSync(`/proc/${server.proc.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/)?.[1];
console.log(`template: ${largest} (${(text.length / 1024).toFixed(0)} KiB)`);
console.log(`didChange → publishDiagnostics: median ${times[10].toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[19].toFixed(0)}; includes the ${200} ms debounce)`);
console.log(`server RSS after 1,000 more edits: ${rss ? (Number(rss) / 1024).toFixed(0) : '?'} MiB`);
await server.stop();
