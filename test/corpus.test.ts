// Every real-world template in ../shared/corpus is analysed, skipped as not a template, or reported
// as a parse error with a position — never a crash. Files are read in place.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { globSync } from 'tinyglobby';
import { loadFile } from '../src/inputs/load.js';
import { analyse } from '../src/analysis/analyse.js';
import { lint } from '../src/engine/lint.js';
import { configFrom } from './helpers/lint-files.js';
import { discoverInputs } from '../src/inputs/discover.js';

const CORPUS = '../shared/corpus';
const have = existsSync(CORPUS);

describe.skipIf(!have)('shared corpus', () => {
  it('every CloudFormation corpus file and every CDK *.template.json is analysed, skipped or a positioned parse error', () => {
    const { inputs } = discoverInputs([`${CORPUS}/cloudformation`]);
    const cdkTemplates = globSync('**/*.template.json', { cwd: `${CORPUS}/cdk`, absolute: false }).map((p) => `${CORPUS}/cdk/${p}`);
    expect(inputs.length).toBeGreaterThan(1500);
    expect(cdkTemplates.length).toBeGreaterThan(700);
    const counts = { analysed: 0, skipped: 0, errors: 0, resources: 0 };
    const loaded = [...inputs.map((i) => ({ path: i.path, explicit: i.explicit })), ...cdkTemplates.map((p) => ({ path: p, explicit: false }))].map((i) => loadFile(i.path, { explicit: i.explicit }));
    for (const l of loaded) {
      if (l.error) {
        counts.errors++;
        expect(l.error.line).toBeGreaterThanOrEqual(1);
        expect(l.error.column).toBeGreaterThanOrEqual(1);
        expect(l.error.message.length).toBeGreaterThan(0);
      } else if (l.skipped) counts.skipped++;
      else counts.analysed++;
    }
    const analysis = analyse(loaded.flatMap((l) => l.templates));
    counts.resources = analysis.resources.length;
    for (const a of analysis.resources) for (const v of a.variants) expect(v.primary.reason.length).toBeGreaterThan(10);
    console.log('corpus (CloudFormation + CDK templates):', JSON.stringify(counts));
    expect(counts.analysed).toBeGreaterThan(1000);
    // The template that crashes cfn-lint is analysed here.
    const shortHand = loaded.find((l) => l.path.endsWith('MacrosExamples/ShortHand/example.template'));
    expect(shortHand).toBeDefined();
    expect(shortHand!.error === null || shortHand!.error.line >= 1).toBe(true);
  });

  it('linting the whole CloudFormation and CDK corpus finishes with findings per rule', () => {
    const { inputs } = discoverInputs([`${CORPUS}/cloudformation`, `${CORPUS}/cdk`]);
    const loaded = inputs.map((i) => loadFile(i.path, { explicit: i.explicit }));
    const { result } = lint(loaded, { config: configFrom({}) });
    const perRule: Record<string, number> = {};
    for (const f of result.findings) perRule[f.ruleId] = (perRule[f.ruleId] ?? 0) + 1;
    console.log('findings per rule over the corpus:', JSON.stringify(perRule, null, 1));
    expect(result.findings.every((f) => f.line >= 1 && f.column >= 1)).toBe(true);
  });
});
