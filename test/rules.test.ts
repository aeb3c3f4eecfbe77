// ESLint-style rule tester: every rule has fixtures that fire and near misses that stay silent, in
// each input format it applies to; each case names the rule's exact findings as whole tuples
// { ruleId, resource, line, column, endLine, endColumn, messageId, severity }, compared as one list.
// The pages are checked by test/docs.test.ts.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../rules/index.js';
import { FORMATS, actualTuples, casesPath, expectedTuples, lintCase, loadCases, locateCdkEntry, type FindingTuple } from './helpers/rule-tester.js';

/** Failures of kmslint itself: no input should trigger them; test/engine*.test.ts inject them. */
const NO_FIXTURES = new Set(['internal-error']);
/** A file that fails to parse has no near miss of its own: every other fixture is one. */
const NO_NEAR_MISS = new Set(['parse-error']);

const ruleIds = allRules.map((r) => r.meta.id);
/** Change rules read the change set `kmslint diff` builds from two templates: no single fixture fires them. */
const singleInputRules = allRules.filter((r) => r.meta.group !== 'change').map((r) => r.meta.id);

describe('every rule has fixtures', () => {
  it.each(singleInputRules.filter((id) => !NO_FIXTURES.has(id)))('%s has CloudFormation cases that fire and a near miss that stays silent', (id) => {
    const cases = loadCases('cloudformation', id);
    expect(cases, `${casesPath('cloudformation', id)} missing`).toBeDefined();
    const names = Object.keys(cases!.cases);
    expect(names.some((n) => n.startsWith('fail-')), 'a fixture that fires').toBe(true);
    if (!NO_NEAR_MISS.has(id)) expect(names.some((n) => n.startsWith('pass-')), 'a near miss that stays silent').toBe(true);
  });

  it.each(FORMATS)('%s: every case name says what it expects, and every fixture folder is a rule', (format) => {
    const wrong: string[] = [];
    for (const dir of readdirSync(join('fixtures', format))) {
      const cases = loadCases(format, dir);
      if (!cases) continue;
      if (!ruleIds.includes(dir)) wrong.push(`${casesPath(format, dir)}: no rule ${dir}`);
      for (const [name, entries] of Object.entries(cases.cases)) {
        if (!existsSync(join('fixtures', format, dir, name))) wrong.push(`${format}/${dir}/${name}: no such fixture`);
        if (name.startsWith('pass-') && entries.length > 0) wrong.push(`${format}/${dir}/${name}: a pass- case expects findings`);
        if (/^(fail|warn)-/.test(name) && entries.length === 0) wrong.push(`${format}/${dir}/${name}: a ${name.split('-')[0]}- case expects none`);
        if (!/^(fail|warn|pass)-/.test(name)) wrong.push(`${format}/${dir}/${name}: name it fail-, warn- or pass-`);
        for (const e of entries) if (e.ruleId !== dir) wrong.push(`${format}/${dir}/${name}: expects ${e.ruleId}, not this folder's rule`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

for (const format of FORMATS) {
  const rules = ruleIds.filter((id) => loadCases(format, id));
  describe(`${format} fixtures`, () => {
    for (const id of rules) {
      const { config, cases } = loadCases(format, id)!;
      it.each(Object.entries(cases))(`${id}: %s`, (name, entries) => {
        const result = lintCase(format, id, name, config);
        const messages = result.findings.filter((f) => f.ruleId === id).map((f) => `${f.line}:${f.column} ${f.message}`);
        expect(actualTuples(result, id), `findings of ${id}:\n${messages.join('\n')}`).toEqual(expectedTuples(format, id, name, entries));
        if (id !== 'parse-error') expect(result.inputs.filter((i) => i.error !== null).map((i) => i.path), 'fixture parses').toEqual([]);
        // Every rule ran to the end on the fixture and rendered every placeholder of its messages.
        expect(result.findings.filter((f) => f.ruleId === 'internal-error').map((f) => f.message)).toEqual([]);
        expect(result.findings.filter((f) => /\{\{|\}\}/.test(f.message)).map((f) => f.message)).toEqual([]);
      });
    }
  });
}

describe('the rule tester', () => {
  it('computes a CDK position from the template and sees a finding one column off', () => {
    const dir = join('fixtures', 'cdk', 'implicit-aws-managed-key', 'fail-bucket-kms-managed');
    const at = ['Resources', 'Data666C94C7', 'Properties', 'BucketEncryption'];
    const base = { ruleId: 'implicit-aws-managed-key', resource: 'Data666C94C7', messageId: 'implicit', severity: 'info' };
    const property = locateCdkEntry(dir, { ...base, at });
    const value = locateCdkEntry(dir, { ...base, at, span: 'value' });
    // `"BucketEncryption": {` — the value starts after the key, its quotes, the colon and a space.
    expect(value.line).toBe(property.line);
    expect(value.column).toBe(property.column + '"BucketEncryption": '.length);
    expect([value.endLine, value.endColumn]).toEqual([property.endLine, property.endColumn]);
    const shifted: FindingTuple = { ...property, column: property.column + 1 };
    expect([shifted]).not.toEqual([property]);
  });
});
