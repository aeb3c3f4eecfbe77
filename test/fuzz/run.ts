// `npm run fuzz -- [--seed N] [--runs N] [--only TEXT]`: long fuzz runs of every property. Prints
// each property's runs, time and outcome; on a failure, the seed and path that reproduce it and
// the shrunk counterexample. Exits 1 when any property failed.
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { haveCorpus, properties } from './properties.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    runs: { type: 'string', default: '1000' },
    only: { type: 'string' },
  },
});
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const runs = Number(values.runs);
if (!Number.isInteger(seed) || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: npm run fuzz -- [--seed N] [--runs N] [--only TEXT]');
  process.exit(2);
}

console.log(`fuzz: seed ${seed}, ${runs} runs per property`);
let failed = 0;
let total = 0;
const started = performance.now();
for (const p of properties) {
  if (values.only && !p.name.includes(values.only)) continue;
  if (p.needsCorpus && !haveCorpus) {
    console.log(`SKIP  ${p.name} (no ../shared/corpus)`);
    continue;
  }
  const t0 = performance.now();
  const details = fc.check(p.property(), { seed, numRuns: runs }) as unknown as fc.RunDetails<unknown>;
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  total += details.numRuns;
  if (!details.failed) {
    console.log(`PASS  ${p.name}: ${details.numRuns} runs, ${secs} s`);
    continue;
  }
  failed++;
  console.log(`FAIL  ${p.name}: failed after ${details.numRuns} runs (${details.numShrinks} shrinks), ${secs} s`);
  console.log(`      reproduce: seed ${details.seed}, path "${details.counterexamplePath}"`);
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  console.log(`      error: ${error.split('\n').slice(0, 12).join('\n      ')}`);
  console.log(`      counterexample: ${fc.stringify(details.counterexample)}`);
  if (p.show && details.counterexample) {
    const text = p.show(details.counterexample as never);
    console.log(`      input (${text.length} characters):\n${text.length > 6000 ? `${text.slice(0, 6000)}\n…` : text}`);
  }
}
console.log(`fuzz: ${total} cases, ${((performance.now() - started) / 1000).toFixed(1)} s, ${failed} failing ${failed === 1 ? 'property' : 'properties'}`);
process.exit(failed ? 1 : 0);
