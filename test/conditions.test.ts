// Conditions constrain parameters (issue 9, item 4): inside a branch, what the branch's condition
// proves about a parameter wins over a default that contradicts it; exports built from parameters
// are named the way the template writes them.
import { describe, expect, it } from 'vitest';
import { loadText } from '../src/inputs/load.js';
import { analyse } from '../src/analysis/analyse.js';
import type { Template } from '../src/model/types.js';

function template(text: string, file = 't.yaml'): Template {
  const l = loadText(file, text, { explicit: true });
  if (l.error) throw new Error(`${l.error.line}:${l.error.column} ${l.error.message}`);
  return l.templates[0];
}

/** Every variant of one resource: branch, key and reason. */
function variantsOf(id: string, ...templates: Template[]) {
  const r = analyse(templates).resources.find((a) => a.resource.id === id)!;
  return r.variants.map((v) => ({ branch: v.branch, key: v.primary.key, reason: v.primary.reason }));
}

const queue = (condition: string, keyExpr: string, parameters: string, extra = '') => `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
${parameters}
Conditions:
${condition}
${extra}Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: ${keyExpr}
`;

const SSE_SQS = 'KmsMasterKeyId is absent, so Amazon SQS uses SSE-SQS (keys owned by Amazon SQS)';

describe('a branch that proves a parameter non-empty does not use an empty default', () => {
  it('the optional-key pattern: HasKey=true is given at deploy time, HasKey=false keeps the default', () => {
    const t = template(queue("  HasKey: !Not [!Equals [!Ref KeyParam, '']]", '!If [HasKey, !Ref KeyParam, !Ref AWS::NoValue]', "  KeyParam: { Type: String, Default: '' }"));
    expect(variantsOf('Queue', t)).toEqual([
      { branch: { HasKey: true }, key: { kind: 'unknown' }, reason: 'KmsMasterKeyId cannot be resolved: given at deploy time through parameter KeyParam' },
      { branch: { HasKey: false }, key: { kind: 'aws-owned' }, reason: SSE_SQS },
    ]);
  });

  it('the comparison written the other way round, and the condition reached through Fn::And and a named condition', () => {
    const t = template(queue(
      "  HasKey: !Not [!Equals ['', !Ref KeyParam]]\n  IsProd: !Equals [!Ref Env, prod]\n  UseKey: !And [!Condition HasKey, !Condition IsProd]",
      '!If [UseKey, !Ref KeyParam, !Ref AWS::NoValue]',
      "  KeyParam: { Type: String, Default: '' }\n  Env: { Type: String, Default: prod }",
    ));
    expect(variantsOf('Queue', t)).toEqual([
      { branch: { UseKey: true }, key: { kind: 'unknown' }, reason: 'KmsMasterKeyId cannot be resolved: given at deploy time through parameter KeyParam' },
      { branch: { UseKey: false }, key: { kind: 'aws-owned' }, reason: SSE_SQS },
    ]);
  });

  it('a false Fn::Or proves each of its comparisons false', () => {
    const t = template(queue(
      "  NoKey: !Or [!Equals [!Ref KeyParam, ''], !Equals [!Ref KeyParam, none]]",
      '!If [NoKey, !Ref AWS::NoValue, !Ref KeyParam]',
      '  KeyParam: { Type: String, Default: none }',
    ));
    expect(variantsOf('Queue', t)).toEqual([
      { branch: { NoKey: true }, key: { kind: 'aws-owned' }, reason: SSE_SQS },
      { branch: { NoKey: false }, key: { kind: 'unknown' }, reason: 'KmsMasterKeyId cannot be resolved: given at deploy time through parameter KeyParam' },
    ]);
  });

  it('a default the branch does not contradict is still the value', () => {
    const t = template(queue("  HasKey: !Not [!Equals [!Ref KeyParam, '']]", '!If [HasKey, !Ref KeyParam, !Ref AWS::NoValue]', '  KeyParam: { Type: String, Default: alias/app }'));
    expect(variantsOf('Queue', t)).toEqual([
      { branch: { HasKey: true }, key: { kind: 'customer-managed', keyRef: 'alias/app', external: true }, reason: 'KmsMasterKeyId names the key behind alias alias/app, not declared in the input' },
      { branch: { HasKey: false }, key: { kind: 'aws-owned' }, reason: SSE_SQS },
    ]);
  });

  it('near miss: a true Fn::Or proves nothing about one of its parts, so the default stays', () => {
    const t = template(queue(
      "  HasEither: !Or [!Not [!Equals [!Ref KeyParam, '']], !Equals [!Ref Other, x]]",
      '!If [HasEither, !Ref KeyParam, !Ref AWS::NoValue]',
      "  KeyParam: { Type: String, Default: '' }\n  Other: { Type: String, Default: y }",
    ));
    expect(variantsOf('Queue', t)).toEqual([
      { branch: { HasEither: true }, key: { kind: 'unknown' }, reason: 'KmsMasterKeyId cannot be resolved: an empty key value' },
      { branch: { HasEither: false }, key: { kind: 'aws-owned' }, reason: SSE_SQS },
    ]);
  });
});

describe('a branch that proves a parameter equal to a value uses that value', () => {
  it('IsProd=true reads the prod mapping entry although the default is dev; IsProd=false keeps dev', () => {
    const t = template(queue(
      '  IsProd: !Equals [!Ref Env, prod]',
      '!If [IsProd, !FindInMap [Keys, !Ref Env, key], !FindInMap [Keys, !Ref Env, key]]',
      '  Env: { Type: String, Default: dev }',
      'Mappings:\n  Keys:\n    prod: { key: alias/prod-orders }\n    dev: { key: alias/aws/sqs }\n',
    ));
    expect(variantsOf('Queue', t)).toEqual([
      { branch: { IsProd: true }, key: { kind: 'customer-managed', keyRef: 'alias/prod-orders', external: true }, reason: 'KmsMasterKeyId names the key behind alias alias/prod-orders, not declared in the input' },
      { branch: { IsProd: false }, key: { kind: 'aws-managed', alias: 'alias/aws/sqs', origin: 'explicit' }, reason: 'KmsMasterKeyId names the AWS managed key alias/aws/sqs' },
    ]);
  });
});

describe('an export named from a parameter is described with the parameter', () => {
  const importing = (name: string) => `Parameters:
  Stack: { Type: String, Default: '' }
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId:
        Fn::ImportValue: ${name}
`;

  it('Fn::Sub: ${Stack}-KeyArn, not -KeyArn', () => {
    expect(variantsOf('Queue', template(importing("!Sub '${Stack}-KeyArn'")))).toEqual([
      { branch: {}, key: { kind: 'unknown' }, reason: 'KmsMasterKeyId cannot be resolved: export ${Stack}-KeyArn is not in the input set' },
    ]);
  });

  it('Fn::Join and pseudo parameters keep their names too', () => {
    expect(variantsOf('Queue', template(importing("!Join ['-', [!Ref Stack, !Ref 'AWS::Region', KeyArn]]")))).toEqual([
      { branch: {}, key: { kind: 'unknown' }, reason: 'KmsMasterKeyId cannot be resolved: export ${Stack}-${AWS::Region}-KeyArn is not in the input set' },
    ]);
  });

  it('near miss: an export the defaults name and another input declares still resolves', () => {
    const exporter = template(`Resources:
  SharedKey: { Type: AWS::KMS::Key }
Outputs:
  KeyArn:
    Value: !GetAtt SharedKey.Arn
    Export: { Name: prod-KeyArn }
`, 'exporter.yaml');
    const consumer = template(importing("!Sub '${Stack}-KeyArn'").replace("Default: ''", 'Default: prod'), 'consumer.yaml');
    expect(variantsOf('Queue', exporter, consumer)).toEqual([
      { branch: {}, key: { kind: 'customer-managed', keyRef: 'SharedKey' }, reason: 'KmsMasterKeyId names the customer managed key SharedKey declared in stack exporter' },
    ]);
  });
});

describe('only choices of conditions a deployment can make are analysed', () => {
  // The shape of widdix state/rds-postgres.yaml: the key is used only when no snapshot is restored.
  const rds = (kmsKeyId: string) => `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  KmsKey: { Type: String, Default: '' }
  Snapshot: { Type: String, Default: '' }
Conditions:
  HasKmsKey: !Not [!Equals [!Ref KmsKey, '']]
  HasSnapshot: !Not [!Equals [!Ref Snapshot, '']]
  HasKmsKeyAndNotSnapshot: !And [!Condition HasKmsKey, !Not [!Condition HasSnapshot]]
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      DBInstanceClass: db.t3.micro
      Engine: postgres
      DBSnapshotIdentifier: !If [HasSnapshot, !Ref Snapshot, !Ref AWS::NoValue]
      StorageEncrypted: !If [HasSnapshot, !Ref AWS::NoValue, !If [HasKmsKey, true, false]]
      KmsKeyId: ${kmsKeyId}
`;
  const NOT_ENCRYPTED = 'StorageEncrypted is false, so Db is not encrypted at rest';

  it('a condition defined from others is never chosen against them: no "HasKmsKey and not HasKmsKeyAndNotSnapshot" without a snapshot', () => {
    const variants = variantsOf('Db', template(rds('!If [HasKmsKeyAndNotSnapshot, !Ref KmsKey, !Ref AWS::NoValue]')));
    // Without the check, HasKmsKey=true, HasSnapshot=false, HasKmsKeyAndNotSnapshot=false gave
    // "StorageEncrypted is true and KmsKeyId is absent, so RDS uses alias/aws/rds".
    expect(variants.filter((v) => v.key.kind === 'aws-managed')).toEqual([]);
    // Keys unknown for different reasons stay apart, each with the choices it holds under.
    expect(variants).toEqual([
      { branch: { HasKmsKeyAndNotSnapshot: false, HasSnapshot: true }, key: { kind: 'unknown' }, reason: 'KmsKeyId is absent, so the key cannot be determined: restored from a snapshot, whose key it keeps and the input does not show' },
      { branch: { HasKmsKeyAndNotSnapshot: true, HasSnapshot: false, HasKmsKey: true }, key: { kind: 'unknown' }, reason: 'KmsKeyId cannot be resolved: given at deploy time through parameter KmsKey' },
      { branch: { HasKmsKeyAndNotSnapshot: false, HasSnapshot: false, HasKmsKey: false }, key: { kind: 'none' }, reason: NOT_ENCRYPTED },
    ]);
  });

  it('two conditions testing one parameter against different values are never both true', () => {
    const t = template(queue(
      '  IsA: !Equals [!Ref Mode, a]\n  IsB: !Equals [!Ref Mode, b]',
      '!If [IsA, !If [IsB, alias/aws/sqs, !Ref AWS::NoValue], !Ref AWS::NoValue]',
      '  Mode: { Type: String, Default: a }',
    ));
    expect(variantsOf('Queue', t)).toEqual([{ branch: {}, key: { kind: 'aws-owned' }, reason: SSE_SQS }]);
  });

  it('near miss: independent conditions still give every combination', () => {
    const t = template(queue(
      "  IsA: !Equals [!Ref Mode, a]\n  IsProd: !Equals [!Ref Env, prod]",
      '!If [IsA, !If [IsProd, alias/aws/sqs, !Ref AWS::NoValue], !Ref AWS::NoValue]',
      '  Mode: { Type: String, Default: a }\n  Env: { Type: String, Default: dev }',
    ));
    expect(variantsOf('Queue', t).map((v) => [v.branch, v.key.kind])).toEqual([
      [{ IsA: true, IsProd: true }, 'aws-managed'],
      [{}, 'aws-owned'],
    ]);
  });
});
