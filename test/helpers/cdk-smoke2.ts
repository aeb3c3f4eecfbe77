import { loadFile } from '../../src/inputs/load.ts';
import { analyse } from '../../src/analysis/analyse.ts';
const l = loadFile(process.argv[2], { explicit: true });
console.log(l.path, l.format, l.error);
for (const t of l.templates) console.log('T', t.stack, t.doc.file, t.accounts, t.region, t.resources.map((r) => `${r.id}=${r.constructPath}`).join(' '));
const a = analyse(l.templates);
for (const r of a.resources) for (const v of r.variants) console.log(r.resource.template.stack, r.resource.id, r.resource.constructPath, JSON.stringify(v.branch), JSON.stringify(v.primary.key), v.primary.reason);
