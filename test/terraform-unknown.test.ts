// Terraform unknowns are a model value (issue 12, item 6): a plan attribute known only after apply
// is `unknownValue(why)`, which the evaluator resolves to `unknown` — no disguised intrinsic.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadText } from '../src/inputs/load.js';
import { Evaluator } from '../src/analysis/evaluate.js';
import { isUnknownValue, UNKNOWN, unknownValue } from '../src/model/types.js';

const PLAN = resolve(import.meta.dirname, '../fixtures/terraform/plan-rds.json');

describe('Terraform unknown values', () => {
  it('marks an attribute known only after apply (no configuration to follow) with the model value', () => {
    const plan = JSON.parse(readFileSync(PLAN, 'utf8')) as Record<string, unknown>;
    delete plan.configuration;
    const [template] = loadText('plan.json', JSON.stringify(plan), { explicit: true }).templates;
    const value = template.resourcesById.get('aws_db_instance.main[0]')?.properties?.kms_key_id;
    expect(isUnknownValue(value)).toBe(true);
    expect((value as { [UNKNOWN]: string })[UNKNOWN]).toBe('a value known only after apply');
    expect(new Evaluator(template).resolve(value)).toEqual({ kind: 'unknown', why: 'a value known only after apply' });
  });

  it('is told apart from parsed objects: no enumerable key, not an intrinsic', () => {
    const v = unknownValue('module.keys.arn (known only after apply)');
    expect(Object.keys(v)).toEqual([]);
    expect(isUnknownValue({ why: 'x' })).toBe(false);
    expect(isUnknownValue({ Ref: 'x (known only after apply)' })).toBe(false);
  });

  it('no longer reads whitespace in a Ref as a description: an undeclared name is undeclared', () => {
    const [template] = loadText('t.yaml', 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n', { explicit: true }).templates;
    expect(new Evaluator(template).resolve({ Ref: 'x (known only after apply)' })).toEqual({ kind: 'unknown', why: 'x (known only after apply) is not declared in the template' });
  });
});
