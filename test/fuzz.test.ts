// Fuzzing in the suite: every property of test/fuzz/properties.ts with a fixed seed and a bounded
// number of runs, so a failure here is reproducible and the file stays well under a minute.
// Long runs with other seeds: `npm run fuzz -- --seed N --runs N`.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { haveCorpus, properties } from './fuzz/properties.js';
import { buildScaled, cfnTargets, mutate, setAtPath, terraformTargets } from './fuzz/arbitraries.js';

const SEED = 20240611;

describe('fuzz (fixed seed)', () => {
  for (const p of properties) {
    it.skipIf(p.needsCorpus && !haveCorpus)(p.name, () => {
      fc.assert(p.property(), { seed: SEED, numRuns: p.suiteRuns });
    });
  }
});

describe('fuzz generators', () => {
  it('take key paths from the catalog, for CloudFormation and Terraform types', () => {
    const bucket = cfnTargets.find((t) => t.type === 'AWS::S3::Bucket');
    expect(bucket?.keyPaths[0]).toBe('BucketEncryption.ServerSideEncryptionConfiguration[].ServerSideEncryptionByDefault.KMSMasterKeyID');
    expect(bucket?.switches).toEqual([{ path: 'BucketEncryption.ServerSideEncryptionConfiguration[].ServerSideEncryptionByDefault.SSEAlgorithm', value: 'aws:kms' }]);
    expect(terraformTargets.find((t) => t.type === 'aws_sqs_queue')?.keyPaths).toEqual(['kms_master_key_id']);
  });

  it('set a catalog path through one-element lists, sharing the element with sibling paths', () => {
    const props: Record<string, unknown> = {};
    setAtPath(props, 'A.B[].C', 1);
    setAtPath(props, 'A.B[].D.E', 2);
    setAtPath(props, 'F[]', 3);
    expect(props).toEqual({ A: { B: [{ C: 1, D: { E: 2 } }] }, F: [3] });
  });

  it('mutate lines and bytes at positions taken modulo the length', () => {
    expect(mutate('a\nb\nc', [{ op: 'delete-line', at: 4 }])).toBe('a\nc');
    expect(mutate('a\nb', [{ op: 'duplicate-line', at: 0 }])).toBe('a\na\nb');
    expect(mutate('a\nb\nc', [{ op: 'swap-lines', at: 0, with: 2 }])).toBe('c\nb\na');
    expect(mutate('abc', [{ op: 'flip-byte', at: 1, bit: 0 }])).toBe('acc');
    expect(mutate('abcd', [{ op: 'truncate', at: 7 }])).toBe('ab');
    expect(mutate('ab', [{ op: 'insert', at: 1, text: '{' }])).toBe('a{b');
  });

  it('write deep shapes as text, nested exactly as deep as asked', () => {
    const [text] = buildScaled({ kind: 'deep-equals', size: 3, asYaml: false });
    expect(JSON.parse(text).Conditions.C0).toEqual({ 'Fn::Equals': [[[['x']]], 'x'] });
    expect(buildScaled({ kind: 'import-cycle', size: 3, asYaml: false }).map((t) => JSON.parse(t).Outputs.Out)).toEqual([
      { Value: { 'Fn::ImportValue': 'E1' }, Export: { Name: 'E0' } },
      { Value: { 'Fn::ImportValue': 'E2' }, Export: { Name: 'E1' } },
      { Value: { 'Fn::ImportValue': 'E0' }, Export: { Name: 'E2' } },
    ]);
  });
});
