// The rule kit's guarantees: options checked against each rule's JSON Schema when the config is
// read (a config error naming the rule, exit 2), typed options and message ids for rule authors,
// custom rules written with createRule, and the import direction rules → kit ← engine.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { ConfigError, validateConfig } from '../src/config/load.js';
import { lintSources, type UserConfig } from '../src/index.js';
import { createRule, NO_OPTIONS } from '../src/rule-kit/index.js';
import { allRules } from '../rules/index.js';
import { main } from '../src/cli/main.js';

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function problemsOf(config: unknown): string[] {
  try {
    validateConfig(config, allRules, 'kmslint.json');
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems;
  }
  return [];
}

/** A retained key with a 10-day waiting period: short only for a minimum above 10. */
const KEY = {
  Resources: {
    Key: { Type: 'AWS::KMS::Key', DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain', Properties: { EnableKeyRotation: true, PendingWindowInDays: 10 } },
  },
};

describe('rule options are validated against meta.schema', () => {
  it('an out-of-range or unknown option is a config error naming the rule, its option and the ajv message', () => {
    expect(
      problemsOf({
        rules: { 'customer-key-deletion-unprotected': ['warning', { minPendingWindowDays: 3 }] },
        overrides: [{ files: ['legacy/**'], rules: { 'customer-key-deletion-unprotected': ['warning', { minPendingWindow: 14 }], 'key-policy-lockout': ['error', { strict: true }] } }],
      }),
    ).toEqual([
      'rules.customer-key-deletion-unprotected[1].minPendingWindowDays: invalid option of rule customer-key-deletion-unprotected: must be >= 7, found 3',
      'overrides[0].rules.customer-key-deletion-unprotected[1].minPendingWindow: invalid option of rule customer-key-deletion-unprotected: must NOT have additional properties',
      'overrides[0].rules.key-policy-lockout[1].strict: invalid option of rule key-policy-lockout: must NOT have additional properties',
    ]);
    expect(problemsOf({ rules: { 'customer-key-deletion-unprotected': ['warning', { minPendingWindowDays: 'two weeks' }] } })).toEqual([
      'rules.customer-key-deletion-unprotected[1].minPendingWindowDays: invalid option of rule customer-key-deletion-unprotected: must be integer, found "two weeks"',
    ]);
  });

  it('valid options pass and are left as written (defaults are filled in for the rule, not in the config)', () => {
    const config = { rules: { 'customer-key-deletion-unprotected': ['warning', { minPendingWindowDays: 14 }] as [string, object], 'key-policy-lockout': ['error', {}] as [string, object] } };
    expect(problemsOf(config)).toEqual([]);
    expect(problemsOf({ rules: { 'customer-key-deletion-unprotected': ['warning'], 'implicit-aws-managed-key': 'warning' } })).toEqual([]);
    expect(config.rules['key-policy-lockout'][1]).toEqual({});
  });

  it('the CLI exits 2 on a bad option and prints the rule id and the ajv message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmslint-rule-kit-'));
    tempDirs.push(dir);
    writeFileSync(join(dir, 'key.json'), JSON.stringify(KEY));
    writeFileSync(join(dir, '.kmslintrc.json'), JSON.stringify({ rules: { 'customer-key-deletion-unprotected': ['warning', { minPendingWindowDays: 31 }] } }));
    let err = '';
    const code = await main(['lint', 'key.json'], { stdout: () => {}, stderr: (s) => (err += s), cwd: dir, isTTY: false, env: {} });
    expect(code).toBe(2);
    expect(err).toBe(
      `kmslint: invalid config ${join(dir, '.kmslintrc.json')}:\n  - rules.customer-key-deletion-unprotected[1].minPendingWindowDays: invalid option of rule customer-key-deletion-unprotected: must be <= 30, found 31\n`,
    );
  });

  it('a good option reaches the rule, and the default applies without one', async () => {
    const run = async (config: object) => (await lintSources({ templates: [{ name: 'key', template: KEY }], config })).result.findings.map((f) => [f.ruleId, f.resource?.id, f.line, f.column, f.messageId, f.message]);
    expect(await run({ rules: { 'customer-key-deletion-unprotected': ['warning', { minPendingWindowDays: 14 }] } })).toEqual([
      ['customer-key-deletion-unprotected', 'Key', 9, 9, 'shortWindow', 'Key has a deletion waiting period of 10 days, under the minimum of 14; a key scheduled for deletion by mistake can be saved only during that window'],
    ]);
    expect(await run({ rules: { 'customer-key-deletion-unprotected': ['warning', { minPendingWindowDays: 7 }] } })).toEqual([]);
    expect((await run({})).map((f) => f[5])).toEqual([
      'Key has a deletion waiting period of 10 days, under the minimum of 30; a key scheduled for deletion by mistake can be saved only during that window',
    ]);
  });

  it('options of a matching override apply to the resources it matches', async () => {
    const template = { Resources: { Key: KEY.Resources.Key, LegacyKey: KEY.Resources.Key } };
    const config: UserConfig = {
      rules: { 'customer-key-deletion-unprotected': ['warning', { minPendingWindowDays: 14 }] },
      overrides: [{ resources: ['LegacyKey'], rules: { 'customer-key-deletion-unprotected': ['warning', { minPendingWindowDays: 7 }] } }],
    };
    const r = await lintSources({ templates: [{ name: 'keys', template }], config });
    expect(r.result.findings.map((f) => [f.ruleId, f.resource?.id, f.messageId])).toEqual([['customer-key-deletion-unprotected', 'Key', 'shortWindow']]);
  });

  it('the library refuses a bad option in an inline config with a ConfigError', async () => {
    await expect(lintSources({ templates: [{ name: 'key', template: KEY }], config: { rules: { 'key-policy-lockout': ['error', { strict: true }] } } })).rejects.toThrow(
      'rules.key-policy-lockout[1].strict: invalid option of rule key-policy-lockout: must NOT have additional properties',
    );
  });
});

describe('customer-key-deletion-unprotected names what is missing', () => {
  const keyWith = (attributes: object) => ({ Resources: { Key: { Type: 'AWS::KMS::Key', ...attributes, Properties: { EnableKeyRotation: true } } } });
  const messages = async (attributes: object) =>
    (await lintSources({ templates: [{ name: 'key', template: keyWith(attributes) }], config: {} })).result.findings.map((f) => [f.messageId, f.line, f.column, f.message]);
  const TAIL = 'schedules the key for deletion and the data it protects becomes unreadable';

  it('both policies when neither is written (at the resource)', async () => {
    expect(await messages({})).toEqual([
      ['bothPolicies', 3, 5, `Key has no DeletionPolicy (Delete by default) and no UpdateReplacePolicy (Delete by default), so removing it from the template, deleting the stack or replacing it ${TAIL}; set DeletionPolicy: Retain and UpdateReplacePolicy: Retain`],
    ]);
  });

  it('both policies when both are written as Delete (at DeletionPolicy)', async () => {
    expect(await messages({ DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete' })).toEqual([
      ['bothPolicies', 5, 7, `Key has DeletionPolicy Delete and UpdateReplacePolicy Delete, so removing it from the template, deleting the stack or replacing it ${TAIL}; set DeletionPolicy: Retain and UpdateReplacePolicy: Retain`],
    ]);
  });

  it('only the one that does not retain', async () => {
    expect(await messages({ UpdateReplacePolicy: 'Retain' })).toEqual([
      ['deletionPolicy', 3, 5, `Key has DeletionPolicy unset (CloudFormation deletes by default), so removing it from the template or deleting the stack ${TAIL}; set DeletionPolicy: Retain`],
    ]);
    expect(await messages({ DeletionPolicy: 'RetainExceptOnCreate' })).toEqual([
      ['updateReplacePolicy', 3, 5, 'Key has UpdateReplacePolicy unset (Delete), so a replacement schedules the old key for deletion; set UpdateReplacePolicy: Retain'],
    ]);
  });

  it('checks the waiting period even where a policy cannot be resolved', async () => {
    const template = {
      Parameters: { Policy: { Type: 'String' } },
      Resources: { Key: { Type: 'AWS::KMS::Key', DeletionPolicy: { Ref: 'Policy' }, UpdateReplacePolicy: 'Retain', Properties: { EnableKeyRotation: true, PendingWindowInDays: 7 } } },
    };
    const r = await lintSources({ templates: [{ name: 'key', template }], config: {} });
    expect(r.result.findings.filter((f) => f.ruleId === 'customer-key-deletion-unprotected').map((f) => f.messageId)).toEqual(['shortWindow']);
  });
});

/** A custom rule through the kit: typed options with defaults, typed message ids and placeholders. */
const seen: unknown[] = [];
const queueLimit = createRule({
  meta: {
    id: 'team-queue-limit',
    defaultSeverity: 'warning',
    group: 'information',
    description: 'Team rule: at most `max` queues per template.',
    messages: { tooMany: '{{count}} queues in this template, more than {{max}} ({{label}})' },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { max: { type: 'integer', minimum: 0, default: 1 }, label: { type: 'string' } },
    },
  },
  check(ctx) {
    seen.push(ctx.options);
    const max: number = ctx.options.max;
    const label: string | undefined = ctx.options.label;
    for (const template of ctx.analysis.templates) {
      const queues = template.resources.filter((r) => r.type === 'AWS::SQS::Queue');
      if (queues.length <= max) continue;
      ctx.report({ resource: queues[max], at: queues[max].path, messageId: 'tooMany', data: { count: queues.length, max, label: label ?? 'no label' } });
    }
  },
});

const QUEUES = {
  Resources: {
    A: { Type: 'AWS::SQS::Queue', Properties: { SqsManagedSseEnabled: true } },
    B: { Type: 'AWS::SQS::Queue', Properties: { SqsManagedSseEnabled: true } },
  },
};

describe('custom rules through the kit', () => {
  it('run with their options validated and defaulted, and report by message id', async () => {
    seen.length = 0;
    const base = { templates: [{ name: 'queues', template: QUEUES }], rules: [queueLimit] };
    const r = await lintSources({ ...base, config: { rules: { 'team-queue-limit': ['error', { label: 'payments' }] } } });
    expect(seen).toEqual([{ max: 1, label: 'payments' }]);
    expect(r.result.findings.map((f) => [f.ruleId, f.resource?.id, f.line, f.column, f.messageId, f.severity, f.message])).toEqual([
      ['team-queue-limit', 'B', 9, 5, 'tooMany', 'error', '2 queues in this template, more than 1 (payments)'],
    ]);
    expect((await lintSources({ ...base, config: { rules: { 'team-queue-limit': ['warning', { max: 2 }] } } })).result.findings).toEqual([]);
    await expect(lintSources({ ...base, config: { rules: { 'team-queue-limit': ['warning', { max: -1 }] } } })).rejects.toThrow(
      'rules.team-queue-limit[1].max: invalid option of rule team-queue-limit: must be >= 0, found -1',
    );
  });

  it('a rule without the kit (plain Rule object, no schema) still runs and accepts any options', async () => {
    const plain = {
      meta: { id: 'team-plain', defaultSeverity: 'warning' as const, group: 'information' as const, description: 'plain', messages: { hi: '{{id}} seen' } },
      check(ctx: Parameters<(typeof allRules)[number]['check']>[0]) {
        for (const a of ctx.analysis.resources) ctx.report({ resource: a.resource, at: a.resource.path, messageId: 'hi', data: { id: a.resource.id } });
      },
    };
    const r = await lintSources({ templates: [{ name: 'queues', template: QUEUES }], rules: [plain], config: { rules: { 'team-plain': ['warning', { anything: 1 }] } } });
    expect(r.result.findings.map((f) => [f.ruleId, f.resource?.id, f.message])).toEqual([
      ['team-plain', 'A', 'A seen'],
      ['team-plain', 'B', 'B seen'],
    ]);
  });
});

// Checked by tsc (tsconfig.eslint.json includes test/): each @ts-expect-error must be an error.
// Never called; the rule exists for its types.
export const typeChecks = createRule({
  meta: {
    id: 'type-checks',
    defaultSeverity: 'info',
    group: 'information',
    description: 'types only',
    messages: { named: '{{resource}} is named {{name}}', plain: 'nothing to fill in' },
    schema: NO_OPTIONS,
  },
  check(ctx) {
    const resource = ctx.analysis.resources[0].resource;
    ctx.report({ resource, at: resource.path, messageId: 'named', data: { resource: resource.id, name: 'x' } });
    ctx.report({ resource, at: resource.path, messageId: 'plain' });
    // @ts-expect-error: 'nope' is not a key of meta.messages
    ctx.report({ resource, at: resource.path, messageId: 'nope' });
    // @ts-expect-error: data lacks the {{name}} placeholder
    ctx.report({ resource, at: resource.path, messageId: 'named', data: { resource: resource.id } });
    // @ts-expect-error: a message with placeholders needs data
    ctx.report({ resource, at: resource.path, messageId: 'named' });
    // @ts-expect-error: NO_OPTIONS gives no option of this name
    void ctx.options.minPendingWindowDays;
  },
});

describe('built-in rules', () => {
  it('are all written with the kit: each declares the schema of its options', () => {
    expect(allRules.filter((r) => r.meta.schema?.type !== 'object').map((r) => r.meta.id)).toEqual([]);
    expect(allRules.filter((r) => r.meta.schema?.properties).map((r) => r.meta.id)).toEqual(['customer-key-deletion-unprotected']);
  });
});

describe('import direction: rules → rule kit ← engine', () => {
  const ROOT = process.cwd();
  const tsFiles = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

  /** Every module a file imports or re-exports (static and dynamic), as a path relative to the root, with whether it is type-only. */
  function importsOf(file: string): { target: string; typeOnly: boolean }[] {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const out: { target: string; typeOnly: boolean }[] = [];
    const statement = /(?:^|\n)\s*(import|export)\s+(type\s+)?[^;'"]*?\bfrom\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
    for (const m of text.matchAll(statement)) {
      const spec = m[3] ?? m[4] ?? m[5];
      if (!spec.startsWith('.')) continue;
      out.push({ target: relative(ROOT, resolve(dirname(join(ROOT, file)), spec)).split('\\').join('/'), typeOnly: m[2] !== undefined });
    }
    return out;
  }

  it('reads the imports it checks (the check can fail)', () => {
    expect(importsOf('src/engine/lint.ts')).toContainEqual({ target: 'rules/index.js', typeOnly: false });
    expect(importsOf('rules/key-policy-lockout.ts')).toContainEqual({ target: 'src/rule-kit/index.js', typeOnly: false });
  });

  it('no rule imports from src/engine/', () => {
    const bad = tsFiles('rules').flatMap((f) => importsOf(f).filter((i) => i.target.startsWith('src/engine/')).map((i) => `${f} → ${i.target}`));
    expect(bad).toEqual([]);
  });

  it('src/engine imports from rules/ only the built-in list, and from the rule kit only types', () => {
    const bad = tsFiles('src/engine').flatMap((f) =>
      importsOf(f)
        .filter((i) => (i.target.startsWith('rules/') && i.target !== 'rules/index.js') || (i.target.startsWith('src/rule-kit/') && !i.typeOnly))
        .map((i) => `${f} → ${i.target}`),
    );
    expect(bad).toEqual([]);
  });

  it('the rule kit imports neither the engine nor the rules', () => {
    const bad = tsFiles('src/rule-kit').flatMap((f) => importsOf(f).filter((i) => i.target.startsWith('src/engine/') || i.target.startsWith('rules/')).map((i) => `${f} → ${i.target}`));
    expect(bad).toEqual([]);
  });
});
