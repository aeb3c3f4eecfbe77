// Isolation inside the analysis (issue 8): a resource whose key analysis or sharing edges throw
// becomes one internal-error finding; every other resource and template is analysed and checked.
// The failures are injected (a hostile input that still throws today would be a bug to fix).
import { describe, expect, it, vi } from 'vitest';
import { loadText, type LoadedInput } from '../src/inputs/load.js';
import { lint } from '../src/engine/lint.js';
import type { Finding } from '../src/model/findings.js';
import { configFrom } from './helpers/lint-files.js';

vi.mock('../src/analysis/effective-key.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/analysis/effective-key.js')>();
  return {
    ...original,
    analyseResource: (...args: Parameters<typeof original.analyseResource>) => {
      if (args[0].id === 'HostileQueue') throw new RangeError('Maximum call stack size exceeded\n    at evaluate (evaluate.ts:1:1)');
      return original.analyseResource(...args);
    },
  };
});

vi.mock('../src/analysis/principals.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/analysis/principals.js')>();
  return {
    ...original,
    policyGrants: (...args: Parameters<typeof original.policyGrants>) => {
      if (args[1][1] === 'HostilePolicy') throw new TypeError('policy walk failed');
      return original.policyGrants(...args);
    },
  };
});

const bucketSharedBy = (bucket: string, policy: string) => `  ${bucket}:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault: { SSEAlgorithm: aws:kms, KMSMasterKeyID: alias/aws/s3 }
  ${policy}:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref ${bucket}
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { AWS: "444455556666" }
            Action: s3:GetObject
            Resource: "*"
`;

const GOOD = `Resources:\n${bucketSharedBy('Bucket', 'Policy')}`;
/** Beside the hostile resources, a good bucket and a good queue whose findings must survive. */
const HOSTILE = `Resources:
${bucketSharedBy('Kept', 'KeptPolicy')}${bucketSharedBy('Lost', 'HostilePolicy')}  HostileQueue:
    Type: AWS::SQS::Queue
    Properties: { KmsMasterKeyId: alias/aws/sns }
  GoodQueue:
    Type: AWS::SQS::Queue
    Properties: { KmsMasterKeyId: alias/aws/sns }
`;

function input(file: string, text: string): LoadedInput {
  const i = loadText(file, text, { explicit: true });
  expect(i.error).toBeNull();
  return i;
}

const shown = (f: Finding) => `${f.file}:${f.line} ${f.ruleId} ${f.resource?.id ?? '-'} ${f.severity}${f.ruleId === 'internal-error' ? ` ${f.message}` : ''}`;

describe('isolation inside the analysis', () => {
  it('a resource whose analysis throws is one internal error; the rest of its template and the other templates are checked', () => {
    // Lost's only cross-account edge is written by HostilePolicy, so Lost has no finding of that rule.
    const { result } = lint([input('good.yaml', GOOD), input('hostile.yaml', HOSTILE)], { config: configFrom({}) });
    expect(result.findings.map(shown)).toEqual([
      'good.yaml:7 cross-account-aws-managed-key Bucket error',
      'hostile.yaml:7 cross-account-aws-managed-key Kept error',
      'hostile.yaml:24 internal-error HostilePolicy error Reading whom HostilePolicy shares with or publishes to failed (TypeError: policy walk failed), so the sharing rules did not see it; every other resource was checked — please report this to kmslint',
      'hostile.yaml:34 internal-error HostileQueue error Analysing the key of HostileQueue failed (RangeError: Maximum call stack size exceeded), so no rule checked it; every other resource was checked — please report this to kmslint',
      'hostile.yaml:39 aws-managed-key-wrong-service GoodQueue error',
    ]);
  });
});
