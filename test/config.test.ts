import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ConfigError, loadConfig, validateConfig } from '../src/config/load.js';
import { ruleIds } from '../rules/index.js';

// Temporary directories made by these tests, removed when the file is done.
const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('config', () => {
  it('.kmslintrc.example is valid', () => {
    expect(() => validateConfig(parse(readFileSync('.kmslintrc.example', 'utf8')), ruleIds)).not.toThrow();
  });

  it('lists every problem with path, expected and found', () => {
    let err: ConfigError | undefined;
    try {
      validateConfig({ accounts: ['12'], rules: { 'implicit-aws-managed-key': 'warn' }, requirements: [{ name: 'x', match: {}, require: { rotation: { maxDays: 'ninety' } } }], colour: true }, ruleIds);
    } catch (e) {
      err = e as ConfigError;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const text = err!.problems.join('\n');
    expect(text).toContain('accounts[0]');
    expect(text).toContain('rules.implicit-aws-managed-key');
    expect(text).toContain('"warn"');
    expect(text).toContain('requirements[0].require.rotation.maxDays');
    expect(text).toContain('colour');
    expect(err!.problems.length).toBeGreaterThanOrEqual(4);
  });

  it('rejects unknown rule ids', () => {
    expect(() => validateConfig({ rules: { 'no-such-rule': 'off' } }, ruleIds)).toThrow(/unknown rule "no-such-rule"/);
  });

  it('is discovered by cosmiconfig under the name kmslint', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmslint-cfg-'));
    tempDirs.push(dir);
    writeFileSync(join(dir, 'package.json'), '{"name":"x"}');
    writeFileSync(join(dir, '.kmslintrc.yaml'), 'accounts: ["111122223333"]\n');
    const cfg = await loadConfig({ cwd: dir, knownRules: ruleIds });
    expect(cfg.accounts).toEqual(['111122223333']);
    expect(cfg.source).toBe(join(dir, '.kmslintrc.yaml'));
    const none = await loadConfig({ cwd: dir, knownRules: ruleIds, noConfig: true });
    expect(none.accounts).toEqual([]);
  });
});
