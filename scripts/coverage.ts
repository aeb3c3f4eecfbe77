// Catalog coverage against the list of every CloudFormation property that holds a KMS key
// (../shared/reference/cfn-kms-properties.json, generated from the CloudFormation resource database).
import { readFileSync, existsSync } from 'node:fs';
import { catalogRows, catalogEntry } from '../src/catalog/index.js';

const REFERENCE = process.argv[2] ?? '../shared/reference/cfn-kms-properties.json';
if (!existsSync(REFERENCE)) {
  console.error(`coverage: ${REFERENCE} not found (pass the path of cfn-kms-properties.json)`);
  process.exit(2);
}
interface Entry { type: string; propertyPath: string; likelyNotKms?: boolean }
const data = (JSON.parse(readFileSync(REFERENCE, 'utf8')) as { data: Entry[] }).data.filter((e) => !e.likelyNotKms);
const keyBearing = new Set(data.map((e) => e.type));
const cataloged = new Set(catalogRows().flatMap((r) => r.cfnTypes));
const covered = [...keyBearing].filter((t) => cataloged.has(t)).sort();
const missing = [...keyBearing].filter((t) => !cataloged.has(t)).sort();
const extra = [...cataloged].filter((t) => !keyBearing.has(t)).sort();

if (process.argv.includes('--missing')) for (const t of missing) console.log(`  not in catalog: ${t}`);
console.log(`catalog covers ${covered.length} of ${keyBearing.size} key-bearing CloudFormation resource types`);
const generic = missing.filter((t) => catalogEntry(t)?.row.generic);
console.log(`(with documented defaults and sources; key properties of ${generic.length} more types are classified when a key is named, their default reported as unknown)`);
console.log(`(plus ${extra.length} catalog types that hold no key property but are encrypted by a switch or by default: ${extra.join(', ')})`);
