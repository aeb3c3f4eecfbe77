// Run with --expose-gc: parses many distinct templates with documents remembered under the budget
// given (bytes) and prints the characters parsed and the heap the remembered documents hold.
import { parseYamlDocument, rememberYamlDocuments } from '../../src/inputs/yaml-document.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const budget = Number(process.argv[2]);

/** A ~170 KB template of 400 encrypted buckets; `seed` makes each one's text its own. */
function template(seed: number): string {
  let s = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n';
  for (let i = 0; i < 400; i++) {
    s += `  Bucket${seed}x${i}:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub "b-${i}-\${AWS::Region}"\n`;
    s += `      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: aws:kms\n              KMSMasterKeyID: !Ref Key${i}\n`;
    s += `      Tags: [{Key: a, Value: b}, {Key: c, Value: d}]\n`;
  }
  return s;
}

// One parse first, so what the parser itself keeps (compiled code, the shared schema) is not counted.
rememberYamlDocuments(budget, 4000);
parseYamlDocument('warm.yaml', template(-1));
rememberYamlDocuments(budget, 4000);
gc();
const before = process.memoryUsage().heapUsed;
let chars = 0;
for (let k = 0; k < 60; k++) chars += parseYamlDocument(`f${k}.yaml`, template(k)).text.length;
gc();
console.log(JSON.stringify({ chars, grown: process.memoryUsage().heapUsed - before }));
