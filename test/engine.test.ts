// The engine's own guarantees: message ids, fingerprints that survive rewording and moved lines,
// one finding per cause, isolation of a failing rule, suppression checks and code-point order.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadText, type LoadedInput } from '../src/inputs/load.js';
import { lint } from '../src/engine/lint.js';
import { allRules, findRule } from '../rules/index.js';
import { placeholdersOf, renderMessage } from '../src/engine/messages.js';
import { compareCodePoints, compareFindings } from '../src/engine/order.js';
import type { Rule, RuleMeta } from '../src/rule-kit/types.js';
import type { Finding } from '../src/model/findings.js';
import { main } from '../src/cli/main.js';
import { configFrom } from './helpers/lint-files.js';

/** A bucket under alias/aws/s3 whose policy grants another account: one cross-account error. */
const SHARED = `Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault: { SSEAlgorithm: aws:kms, KMSMasterKeyID: alias/aws/s3 }
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { AWS: "444455556666" }
            Action: s3:GetObject
            Resource: "*"
`;

/** A queue that falls back to alias/aws/sqs (info) and a key without DeletionPolicy (warning). */
const QUEUE_AND_KEY = `Resources:
  Jobs:
    Type: AWS::SQS::Queue
    Properties:
      SqsManagedSseEnabled: false
      KmsMasterKeyId: alias/aws/sqs
  Key:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
`;

function input(file: string, text: string): LoadedInput {
  const i = loadText(file, text, { explicit: true });
  expect(i.error, `${file} parses`).toBeNull();
  return i;
}

function run(inputs: LoadedInput[], rules?: Rule[]) {
  return lint(inputs, { config: configFrom({}), rules }).result;
}

/** What a reader compares: everything but the fingerprint. */
function shown(f: Finding) {
  return `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.resource?.id ?? '-'} ${f.severity} ${f.message}`;
}

function customRule(id: string, messages: RuleMeta['messages'], check: Rule['check']): Rule {
  return { meta: { id, defaultSeverity: 'error', group: 'misuse', description: `test rule ${id}`, messages }, check };
}

describe('message ids', () => {
  it('every rule declares its messages, each a non-empty template', () => {
    for (const r of allRules) {
      const entries = Object.entries(r.meta.messages);
      expect(entries.length, r.meta.id).toBeGreaterThan(0);
      for (const [id, template] of entries) {
        expect(id, r.meta.id).toMatch(/^[a-z][A-Za-z]*$/);
        expect(template.trim().length, `${r.meta.id}/${id}`).toBeGreaterThan(0);
      }
    }
  });

  it('renders placeholders and refuses an undeclared id or a placeholder without a value', () => {
    const meta = customRule('t', { hello: 'Hello {{ name }}, {{count}} keys' }, () => {}).meta;
    expect(renderMessage(meta, 'hello', { name: 'Bucket', count: 2 })).toBe('Hello Bucket, 2 keys');
    expect(placeholdersOf(meta.messages.hello)).toEqual(['name', 'count']);
    expect(() => renderMessage(meta, 'bye', {})).toThrow('rule t reported message id "bye", which its meta.messages does not declare');
    expect(() => renderMessage(meta, 'hello', { name: 'x' })).toThrow('rule t left placeholder {{count}} of message "hello" without a value');
  });

  it('a rule that reports an undeclared message id or leaves a placeholder unfilled gets an internal error, not a message', () => {
    const badId = customRule('bad-id', { ok: '{{resource}} is fine' }, (ctx) => {
      for (const a of ctx.analysis.resources) ctx.report({ resource: a.resource, at: a.resource.path, messageId: 'missing' });
    });
    const unfilled = customRule('unfilled', { ok: '{{resource}} is {{what}}' }, (ctx) => {
      for (const a of ctx.analysis.resources) ctx.report({ resource: a.resource, at: a.resource.path, messageId: 'ok', data: { resource: a.resource.id } });
    });
    const result = run([input('app.yaml', SHARED)], [badId, unfilled]);
    const errors = result.findings.filter((f) => f.ruleId === 'internal-error');
    expect(errors.map(shown)).toEqual([
      'app.yaml:1:1 internal-error - error Rule bad-id failed on this input (Error: rule bad-id reported message id "missing", which its meta.messages does not declare), so its findings here are missing; every other input and rule was checked — please report this to kmslint',
      'app.yaml:1:1 internal-error - error Rule unfilled failed on this input (Error: rule unfilled left placeholder {{what}} of message "ok" without a value), so its findings here are missing; every other input and rule was checked — please report this to kmslint',
    ]);
    expect(result.findings.some((f) => f.ruleId === 'cross-account-aws-managed-key')).toBe(true);
    expect(result.findings.filter((f) => f.ruleId !== 'internal-error').every((f) => !f.message.includes('{{'))).toBe(true);
  });

  it('findings carry their message id', () => {
    const [f] = run([input('app.yaml', SHARED)]).findings.filter((x) => x.ruleId === 'cross-account-aws-managed-key');
    expect(f.messageId).toBe('shared');
  });
});

describe('fingerprints', () => {
  const crossAccount = () => findRule('cross-account-aws-managed-key')!;
  let restore: (() => void) | undefined;
  afterEach(() => {
    restore?.();
    restore = undefined;
  });

  function reword(rule: Rule, messageId: string, text: string) {
    const messages = rule.meta.messages as Record<string, string>;
    const old = messages[messageId];
    messages[messageId] = text;
    restore = () => {
      messages[messageId] = old;
    };
  }

  it('do not change when a message is reworded', () => {
    const before = run([input('app.yaml', SHARED)]).findings.find((f) => f.ruleId === 'cross-account-aws-managed-key')!;
    reword(crossAccount(), 'shared', 'Reworded: {{resource}} reaches {{scope}} via {{via}} ({{key}}; {{cannot}})');
    const after = run([input('app.yaml', SHARED)]).findings.find((f) => f.ruleId === 'cross-account-aws-managed-key')!;
    expect(after.message).toMatch(/^Reworded: Bucket reaches account 444455556666 via bucket policy/);
    expect(after.message).not.toBe(before.message);
    expect(after.fingerprint).toBe(before.fingerprint);
  });

  it('do not change when lines move, and differ for another resource', () => {
    const fps = (text: string) => run([input('app.yaml', text)]).findings.map((f) => `${f.ruleId} ${f.resource?.id} ${f.fingerprint}`).sort();
    const before = fps(SHARED);
    expect(before.length).toBeGreaterThan(0);
    const moved = `# a comment\nAWSTemplateFormatVersion: "2010-09-09"\nDescription: moved down\n${SHARED.replace('Resources:\n', 'Resources:\n  Other:\n    Type: AWS::SNS::Topic\n    Properties: { KmsMasterKeyId: !Ref Key }\n  Key:\n    Type: AWS::KMS::Key\n    DeletionPolicy: Retain\n    UpdateReplacePolicy: Retain\n    Properties: { EnableKeyRotation: true }\n')}`;
    const movedRun = run([input('app.yaml', moved)]);
    const bucket = movedRun.findings.find((f) => f.ruleId === 'cross-account-aws-managed-key')!;
    expect(bucket.line).toBeGreaterThan(run([input('app.yaml', SHARED)]).findings.find((f) => f.ruleId === 'cross-account-aws-managed-key')!.line);
    expect(fps(moved)).toEqual(before);
    const renamed = fps(SHARED.replace(/Bucket:\n/, 'DataBucket:\n').replace('!Ref Bucket', '!Ref DataBucket'));
    expect(renamed.filter((r) => r.startsWith('cross-account'))).toHaveLength(1);
    expect(renamed.filter((r) => before.includes(r))).toEqual([]);
  });

  it('differ between branches, keys and counterparts of one resource', () => {
    const twoAccounts = SHARED.replace(
      '            Principal: { AWS: "444455556666" }',
      '            Principal: { AWS: ["444455556666", "777788889999"] }',
    );
    const found = run([input('app.yaml', twoAccounts)]).findings.filter((f) => f.ruleId === 'cross-account-aws-managed-key');
    expect(found.map((f) => f.message.slice(0, 42))).toEqual(['Bucket is shared with account 444455556666', 'Bucket is shared with account 777788889999']);
    expect(new Set(found.map((f) => f.fingerprint)).size).toBe(2);
  });

  it('one finding per cause: the same account granted by two statements is one finding with both sites related', () => {
    const twoStatements = SHARED.replace(
      '            Resource: "*"\n',
      '            Resource: "*"\n          - Effect: Allow\n            Principal: { AWS: "444455556666" }\n            Action: s3:ListBucket\n            Resource: "*"\n',
    );
    const found = run([input('app.yaml', twoStatements)]).findings.filter((f) => f.ruleId === 'cross-account-aws-managed-key');
    expect(found).toHaveLength(1);
    expect(found[0].related?.map((r) => `${r.line} ${r.message}`)).toEqual(['15 shared here with account 444455556666', '19 shared here with account 444455556666']);
  });

  it('parse errors and internal errors are keyed by rule, file and cause, not by their text', () => {
    const broken = (text: string) => run([loadText('broken.yaml', text, { explicit: true })]).findings.find((f) => f.ruleId === 'parse-error')!;
    const a = broken('Resources:\n  Q:\n    Type: AWS::SQS::Queue\n   Properties: {}\n');
    const b = broken('Resources: [\n');
    expect(a.message).not.toBe(b.message);
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(run([loadText('other.yaml', 'Resources: [\n', { explicit: true })]).findings.find((f) => f.ruleId === 'parse-error')!.fingerprint).not.toBe(a.fingerprint);

    const throwing = (message: string) =>
      run([input('app.yaml', SHARED)], [customRule('thrower', { x: 'x' }, () => { throw new Error(message); })]).findings.find((f) => f.ruleId === 'internal-error')!;
    const one = throwing('first wording');
    const two = throwing('second wording');
    expect(one.message).not.toBe(two.message);
    expect(one.fingerprint).toBe(two.fingerprint);
  });
});

describe('isolation of a failing rule', () => {
  const good = () => [input('a-shared.yaml', SHARED), input('c-queue.yaml', QUEUE_AND_KEY)];
  const hostile = () => input('b-hostile.yaml', QUEUE_AND_KEY.replace('Jobs:', 'Hostile:'));

  /** Reports every analysed resource, and throws on the resources of b-hostile.yaml. */
  const picky = customRule('picky', { seen: '{{resource}} seen by picky' }, (ctx) => {
    for (const a of ctx.analysis.resources) {
      if (a.resource.template.doc.file === 'b-hostile.yaml') throw new RangeError('Maximum call stack size exceeded\n    at walk (deep.ts:1:1)');
      ctx.report({ resource: a.resource, at: a.resource.path, messageId: 'seen', data: { resource: a.resource.id } });
    }
  });

  it('keeps every other finding, of that rule on other files and of other rules, exactly once', () => {
    const warn = vi.spyOn(process, 'emitWarning');
    try {
      const without = run([...good(), hostile()]).findings.map(shown);
      const withPicky = run([...good(), hostile()], [picky]).findings.map(shown);
      const pickyOnGood = ['a-shared.yaml:2:3 picky Bucket error Bucket seen by picky', 'c-queue.yaml:2:3 picky Jobs error Jobs seen by picky'];
      const internal = [
        'b-hostile.yaml:1:1 internal-error - error Rule picky failed on this input (RangeError: Maximum call stack size exceeded), so its findings here are missing; every other input and rule was checked — please report this to kmslint',
      ];
      expect([...withPicky].sort()).toEqual([...without, ...pickyOnGood, ...internal].sort());
      expect(without.some((s) => s.includes('cross-account-aws-managed-key'))).toBe(true);
      expect(new Set(withPicky).size).toBe(withPicky.length);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('a rule that throws on every input gets one internal error per input and loses nothing else', () => {
    const broken = customRule('always-broken', { x: 'x' }, () => {
      throw new TypeError("Cannot read properties of undefined (reading 'id')");
    });
    const result = run(good(), [broken]);
    expect(result.findings.filter((f) => f.ruleId === 'internal-error').map((f) => `${f.file} ${f.severity} ${f.suppressed}`)).toEqual(['a-shared.yaml error false', 'c-queue.yaml error false']);
    expect(result.findings.filter((f) => f.ruleId !== 'internal-error').map(shown)).toEqual(run(good()).findings.map(shown));
    expect(result.summary.errors).toBe(run(good()).summary.errors + 2);
  });

  it('custom rules come through the rules option: a new id each, listed in the result', () => {
    expect(() => run(good(), [customRule('cross-account-aws-managed-key', { x: 'x' }, () => {})])).toThrow('custom rule cross-account-aws-managed-key: a rule with that id already exists');
    expect(run(good(), [picky]).rules.map((r) => r.id)).toContain('picky');
  });
});

describe('suppressions', () => {
  const bucket = (metadata: string) => `Resources:
  Logs:
    Type: AWS::S3::Bucket
    Metadata:
      kmslint:
        ignore:
${metadata}
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault: { SSEAlgorithm: aws:kms }
`;

  it('an entry without a reason is reported at the entry and suppresses nothing; a valid one suppresses', () => {
    const invalid = run([input('logs.yaml', bucket('          - rule: implicit-aws-managed-key\n            reason: ""'))]).findings;
    expect(invalid.map(shown)).toEqual([
      'logs.yaml:7:13 invalid-suppression Logs error Suppression 1 of Logs (implicit-aws-managed-key) has no reason; say why the finding is accepted (reason: <text>) — without one it suppresses nothing',
      'logs.yaml:12:46 implicit-aws-managed-key Logs info Logs falls back to the AWS managed key alias/aws/s3: SSEAlgorithm is aws:kms and KMSMasterKeyID is absent, so Amazon S3 uses alias/aws/s3; name a key to make the choice explicit',
    ]);
    expect(invalid.every((f) => !f.suppressed)).toBe(true);

    const valid = run([input('logs.yaml', bucket('          - rule: implicit-aws-managed-key\n            reason: access logs only'))]);
    expect(valid.findings.map((f) => `${f.ruleId} ${f.suppressed} ${f.suppression?.justification}`)).toEqual(['implicit-aws-managed-key true access logs only']);
    expect(valid.summary.suppressed).toBe(1);
  });

  it('an unknown rule is reported with a suggestion; a custom rule of the run is known; "*" does not hide invalid entries', () => {
    const text = bucket('          - rule: "*"\n            reason: sandbox\n          - rule: picky-rule\n            reason: known only with the custom rule\n          - rule: implicit-aws-managed-keys\n            reason: typo');
    const plain = run([input('logs.yaml', text)]).findings.filter((f) => f.ruleId === 'invalid-suppression');
    expect(plain.map((f) => `${f.line}:${f.column} ${f.suppressed} ${f.message}`)).toEqual([
      '9:13 false Suppression 2 of Logs names picky-rule, which is not a kmslint rule, so it suppresses nothing',
      '11:13 false Suppression 3 of Logs names implicit-aws-managed-keys, which is not a kmslint rule (did you mean implicit-aws-managed-key?), so it suppresses nothing',
    ]);
    const custom = customRule('picky-rule', { x: 'x' }, () => {});
    const withCustom = run([input('logs.yaml', text)], [custom]).findings.filter((f) => f.ruleId === 'invalid-suppression');
    expect(withCustom.map((f) => f.line)).toEqual([11]);
  });

  it('template-level entries are checked too', () => {
    const text = `Metadata:\n  kmslint:\n    ignore:\n      - rule: key-policy-lockout\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n`;
    expect(run([input('t.yaml', text)]).findings.map(shown)).toEqual([
      't.yaml:4:9 invalid-suppression - error Suppression 1 of the template (key-policy-lockout) has no reason; say why the finding is accepted (reason: <text>) — without one it suppresses nothing',
    ]);
  });
});

describe('order', () => {
  it('compares strings by code point, not by locale or UTF-16 unit', () => {
    const names = ['ä.yaml', 'b.yaml', '\u{1F600}.yaml', 'B.yaml', '\uFF5E.yaml', 'a.yaml', 'Z.yaml'];
    const expected = ['B.yaml', 'Z.yaml', 'a.yaml', 'b.yaml', 'ä.yaml', '\uFF5E.yaml', '\u{1F600}.yaml'];
    expect([...names].sort(compareCodePoints)).toEqual(expected);
    // The orders this replaces differ, so the test can fail: a locale's and UTF-16's.
    expect([...names].sort(new Intl.Collator('en').compare)).not.toEqual(expected);
    expect([...names].sort()).not.toEqual(expected);
  });

  it('sorts findings by file, line, column and rule id the same under any locale', () => {
    const base = { severity: 'error', message: 'm', endLine: 1, endColumn: 1, suppressed: false, fingerprint: '' } as const;
    const f = (file: string, line: number, column: number, ruleId: string): Finding => ({ ...base, file, line, column, ruleId });
    const findings = [f('a.yaml', 1, 1, 'x'), f('ä.yaml', 1, 1, 'x'), f('B.yaml', 2, 1, 'x'), f('B.yaml', 1, 5, 'x'), f('B.yaml', 1, 5, 'X-rule'), f('B.yaml', 1, 2, 'x')];
    expect([...findings].sort(compareFindings).map((x) => `${x.file}:${x.line}:${x.column} ${x.ruleId}`)).toEqual([
      'B.yaml:1:2 x',
      'B.yaml:1:5 X-rule',
      'B.yaml:1:5 x',
      'B.yaml:2:1 x',
      'a.yaml:1:1 x',
      'ä.yaml:1:1 x',
    ]);
  });

  it('lint() returns findings in that order', () => {
    const files = ['ä.yaml', 'a.yaml', 'B.yaml'].map((name) => input(name, QUEUE_AND_KEY));
    expect([...new Set(run(files).findings.map((x) => x.file))]).toEqual(['B.yaml', 'a.yaml', 'ä.yaml']);
  });
});

describe('kmslint rules', () => {
  it('lists the new rules', async () => {
    let out = '';
    const code = await main(['rules'], { stdout: (s) => (out += s), stderr: () => {}, cwd: process.cwd(), isTTY: false, env: {} });
    expect(code).toBe(0);
    for (const id of ['invalid-suppression', 'internal-error', 'parse-error']) expect(out).toContain(id);
  });
});

describe('lint() takes its rules', () => {
  it('runs only the rules it is given; the engine still reports unreadable inputs', () => {
    const bad = loadText('bad.yaml', 'Resources: [', { explicit: true });
    expect(bad.error).not.toBeNull();
    const result = lint([input('app.yaml', SHARED), bad], { config: configFrom({}) }, [findRule('key-policy-lockout')!]).result;
    expect(result.rules.map((r) => r.id)).toEqual(['key-policy-lockout', 'parse-error', 'internal-error']);
    expect(result.findings.map((f) => [f.ruleId, f.file, f.messageId])).toEqual([['parse-error', 'bad.yaml', 'unparsable']]);
    // The default is the built-in list: the shared bucket is reported.
    expect(lint([input('app.yaml', SHARED)], { config: configFrom({}) }).result.findings.map((f) => f.ruleId)).toContain('cross-account-aws-managed-key');
  });
});
