import { discoverInputs } from '../../src/inputs/discover.ts';
import { loadFile } from '../../src/inputs/load.ts';
import { analyse } from '../../src/analysis/analyse.ts';
let t0 = Date.now();
const { inputs } = discoverInputs(['../shared/corpus/cdk']);
console.log('discover', inputs.length, Date.now() - t0);
t0 = Date.now();
const loaded = inputs.map((i) => loadFile(i.path, { explicit: i.explicit }));
console.log('load', Date.now() - t0, 'formats', JSON.stringify(Object.fromEntries([...new Set(loaded.map((l) => String(l.format)))].map((f) => [f, loaded.filter((l) => String(l.format) === f).length]))));
console.log('errors', loaded.filter((l) => l.error).map((l) => l.path + ' ' + JSON.stringify(l.error)));
const templates = loaded.flatMap((l) => l.templates);
console.log('templates', templates.length, 'resources', templates.reduce((n, t) => n + t.resources.length, 0), 'noPath', templates.flatMap((t) => t.resources).filter((r) => !r.constructPath).length);
t0 = Date.now();
let counts: Record<string, number> = {};
for (const l of loaded) {
  const a = analyse(l.templates);
  for (const r of a.resources) {
    const seen = new Set<string>();
    for (const v of r.variants) {
      const k = v.primary.key;
      if (k.kind === 'aws-managed') seen.add(`${k.alias} ${k.origin}`);
    }
    for (const s of seen) counts[s] = (counts[s] ?? 0) + 1;
  }
}
console.log('analyse', Date.now() - t0);
console.log(counts);
