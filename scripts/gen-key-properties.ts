// Regenerates src/catalog/key-properties.json from the reference list of every CloudFormation
// property that holds a KMS key (itself read from the CloudFormation resource database bundled in
// @aws-cdk/aws-service-spec). Run: npx tsx scripts/gen-key-properties.ts [path-to-cfn-kms-properties.json]
import { readFileSync, writeFileSync } from 'node:fs';

const src = process.argv[2] ?? '../shared/reference/cfn-kms-properties.json';
interface Entry { type: string; propertyPath: string; valueType: string; likelyNotKms?: boolean }
const ref = JSON.parse(readFileSync(src, 'utf8')) as { generatedFrom: string; data: Entry[] };
const types: Record<string, string[]> = {};
for (const e of ref.data) {
  // Key ids are strings; KMS's own resources are keys and aliases, not things encrypted with them.
  if (e.likelyNotKms || e.valueType !== 'string' || e.type.startsWith('AWS::KMS::') || e.propertyPath.includes('{}')) continue;
  (types[e.type] ??= []).push(e.propertyPath);
}
writeFileSync(
  'src/catalog/key-properties.json',
  JSON.stringify({ source: `cfn-kms-properties.json (${ref.generatedFrom})`, types }, null, 1) + '\n',
);
console.log(`${Object.keys(types).length} types`);
