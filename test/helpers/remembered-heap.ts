// Run with --expose-gc: parses many templates with documents remembered under the budget given
// (bytes) and prints the characters parsed and the heap the remembered documents hold.
import { cloudFormationYaml } from '../../bench/generate-scale.js';
import { parseYamlDocument, rememberYamlDocuments } from '../../src/inputs/yaml-document.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const budget = Number(process.argv[2]);

// One parse first, so what the parser itself keeps (compiled code, the shared schema) is not counted.
rememberYamlDocuments(budget, 4000);
parseYamlDocument('warm.yaml', cloudFormationYaml(1000));
rememberYamlDocuments(budget, 4000);
gc();
const before = process.memoryUsage().heapUsed;
let chars = 0;
// A text of its own for each path (~170 KB, made anew each time), as the editor server would hold.
for (let k = 0; k < 60; k++) chars += parseYamlDocument(`f${k}.yaml`, cloudFormationYaml(1000)).text.length;
gc();
console.log(JSON.stringify({ chars, grown: process.memoryUsage().heapUsed - before }));
