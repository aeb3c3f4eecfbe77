// ESLint-style rule tester: every rule has a docs page and fixtures that fire and near misses that
// stay silent, in each input format; each case asserts the exact resources (and lines) reported.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../src/engine/registry.js';
import { lintPaths } from './helpers/lint-files.js';

const FORMATS = ['cloudformation', 'terraform', 'cdk'] as const;

interface Cases {
  config?: unknown;
  cases: Record<string, { resource?: string; line?: number; severity?: string }[]>;
}

function casesFor(format: string, id: string): Cases | undefined {
  const file = join('fixtures', format, id, 'cases.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Cases) : undefined;
}

/** kmslint's own behaviour, with no AWS fact to cite. */
const NO_AWS_SOURCE = new Set(['parse-error', 'unresolved-key-reference', 'internal-error']);
/** Failures of kmslint itself: no input should trigger them; test/engine*.test.ts inject them. */
const NO_FIXTURES = new Set(['internal-error']);

describe('every rule is documented and has fixtures', () => {
  it.each(allRules.map((r) => r.meta.id))('%s has a page with a source and CloudFormation fixtures that fire and pass', (id) => {
    const page = join('rules', `${id}.md`);
    expect(existsSync(page), `${page} missing`).toBe(true);
    const text = readFileSync(page, 'utf8');
    expect(text).toMatch(new RegExp(`^# ${id}`, 'm'));
    if (!NO_AWS_SOURCE.has(id)) expect(text).toMatch(/https:\/\/docs\.aws\.amazon\.com\//);
    if (NO_FIXTURES.has(id)) return;
    const cases = casesFor('cloudformation', id);
    expect(cases, `fixtures/cloudformation/${id}/cases.json missing`).toBeDefined();
    const names = Object.keys(cases!.cases);
    expect(names.some((n) => n.startsWith('fail-')), 'a fixture that fires').toBe(true);
    if (id !== 'parse-error') expect(names.some((n) => n.startsWith('pass-')), 'a near miss that stays silent').toBe(true);
  });
});

for (const format of FORMATS) {
  const rules = allRules.map((r) => r.meta.id).filter((id) => casesFor(format, id));
  if (rules.length === 0) continue;
  describe(`${format} fixtures`, () => {
    for (const id of rules) {
      const { config, cases } = casesFor(format, id)!;
      it.each(Object.entries(cases))(`${id}: %s`, (file, expected) => {
        const path = join('fixtures', format, id, file);
        const result = lintPaths([path], config);
        const got = result.findings
          .filter((f) => f.ruleId === id)
          .map((f) => ({ resource: f.resource?.id, line: f.line, severity: f.severity }))
          .sort((a, b) => (a.line - b.line) || String(a.resource).localeCompare(String(b.resource)));
        const want = [...expected].sort((a, b) => ((a.line ?? 0) - (b.line ?? 0)) || String(a.resource).localeCompare(String(b.resource)));
        expect(got.length, JSON.stringify(result.findings.filter((f) => f.ruleId === id).map((f) => `${f.line}: ${f.message}`), null, 1)).toBe(want.length);
        want.forEach((w, i) => {
          if (w.resource !== undefined) expect(got.map((g) => g.resource)).toContain(w.resource);
          if (w.line !== undefined) expect(got.map((g) => g.line)).toContain(w.line);
          if (w.severity !== undefined) expect(got.map((g) => g.severity)).toContain(w.severity);
          void i;
        });
        if (id !== 'parse-error') expect(result.inputs.every((i) => i.error === null), 'fixture parses').toBe(true);
        // Every rule ran to the end on the fixture and rendered every placeholder of its messages.
        expect(result.findings.filter((f) => f.ruleId === 'internal-error').map((f) => f.message)).toEqual([]);
        expect(result.findings.filter((f) => /\{\{|\}\}/.test(f.message)).map((f) => f.message)).toEqual([]);
      });
    }
  });
}
