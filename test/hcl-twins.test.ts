// Issue 16 §3: every Terraform JSON rule fixture has an HCL twin (fixtures/terraform-hcl/<rule>/<case>/main.tf,
// written by test/helpers/hcl-twins.ts) that gives the same findings — rule, address, severity,
// message id — at positions in the .tf text, recorded whole in fixtures/terraform-hcl/<rule>/cases.json.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadHclReader } from '../src/inputs/terraform/hcl/pending.js';
import { actualTuples, lintCase, loadCases, sortTuples, type FindingTuple } from './helpers/rule-tester.js';
import { identity, twinDir, twinTuples, wordAt } from './helpers/hcl-twin-compare.js';

beforeAll(async () => {
  await loadHclReader();
});

/**
 * Twins whose findings differ on purpose: the HCL reader evaluates what the JSON reader leaves
 * unknown. Each entry is the HCL identity list expected instead.
 */
const DIVERGENT: Record<string, { why: string; hcl: string[] }> = {
  'key-policy-lockout/pass-unresolvable-policy.tf.json': {
    why: 'the JSON reader does not evaluate data.aws_iam_policy_document; the HCL reader does, and the policy gives only kms:Decrypt to a role',
    hcl: [JSON.stringify(['key-policy-lockout', 'aws_kms_key.app', 'error', 'lockout'])],
  },
};

const rules = readdirSync(join('fixtures', 'terraform')).filter((r) => loadCases('terraform', r));

describe('HCL twins of the Terraform JSON fixtures', () => {
  it('every JSON case has a twin and every twin a recorded case', () => {
    const missing: string[] = [];
    for (const rule of rules) {
      const names = Object.keys(loadCases('terraform', rule)!.cases).filter((n) => n.endsWith('.tf.json'));
      if (names.length === 0) continue;
      const recorded = JSON.parse(readFileSync(join('fixtures', 'terraform-hcl', rule, 'cases.json'), 'utf8')) as { cases: Record<string, unknown> };
      for (const n of names) {
        if (!existsSync(join(twinDir(rule, n), 'main.tf'))) missing.push(`${rule}/${n}: no twin`);
        if (!(`${n.replace(/\.tf\.json$/, '')}/main.tf` in recorded.cases)) missing.push(`${rule}/${n}: not recorded`);
      }
    }
    expect(missing).toEqual([]);
    expect(rules.length).toBeGreaterThan(15);
  });

  for (const rule of rules) {
    const { config, cases } = loadCases('terraform', rule)!;
    const names = Object.keys(cases).filter((n) => n.endsWith('.tf.json'));
    if (names.length === 0) continue;
    const recorded = JSON.parse(readFileSync(join('fixtures', 'terraform-hcl', rule, 'cases.json'), 'utf8')) as { cases: Record<string, FindingTuple[]> };
    it.each(names)(`${rule}: %s`, (name) => {
      const json = actualTuples(lintCase('terraform', rule, name, config), rule);
      const hcl = twinTuples(rule, name, config);
      // Whole tuples, positions in the .tf file.
      expect(hcl).toEqual(sortTuples(recorded.cases[`${name.replace(/\.tf\.json$/, '')}/main.tf`]));
      const divergent = DIVERGENT[`${rule}/${name}`];
      expect(hcl.map(identity).sort(), divergent?.why ?? 'the same findings as the JSON case').toEqual(divergent ? divergent.hcl : json.map(identity).sort());
      if (divergent) return;
      // Each finding starts where the JSON one does: at the same attribute or block (a resource
      // entry's key in JSON is its block header in HCL).
      const order = (a: FindingTuple, b: FindingTuple) => identity(a).localeCompare(identity(b)) || a.line - b.line || a.column - b.column;
      const js = [...json].sort(order);
      const hs = [...hcl].sort(order);
      js.forEach((j, i) => {
        const h = hs[i];
        const jw = wordAt(join('fixtures', 'terraform', rule, name), j.line, j.column);
        const file = join(twinDir(rule, name), 'main.tf');
        const hw = wordAt(file, h.line, h.column);
        const header = readFileSync(file, 'utf8').split('\n')[h.line - 1];
        const same = jw === hw || (/^(resource|data|module)$/.test(hw) && header.includes(`"${jw}" {`));
        expect(same, `${rule}/${name}: JSON at "${jw}", HCL at "${hw}" (line ${h.line})`).toBe(true);
      });
    });
  }
});
