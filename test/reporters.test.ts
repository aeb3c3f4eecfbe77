import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulePage, rulePagesDir } from '../src/engine/rule-pages.js';
import type { KeyRow } from '../src/analysis/key-rows.js';
import type { Finding, LintResult } from '../src/model/findings.js';
import { escapeMessageText, getLintFormatter, lintFormatters, toCodeClimate, toSarifLog } from '../src/reporters/index.js';
import { keysFormatters } from '../src/reporters/keys.js';
import { validateJunit } from './helpers/junit-validate.js';
import { validateSarif } from './helpers/sarif-validate.js';

const SCHEMA = resolve('../shared/reference/sarif-schema-2.1.0.json');
const DOCS = 'https://github.com/kmslint/kmslint/blob/main/rules/';

const crossAccount: Finding = {
  ruleId: 'cross-account-aws-managed-key',
  severity: 'error',
  message: 'DataBucket is shared with account 444455556666 but encrypts with alias/aws/s3, which other accounts cannot use.',
  file: 'infra/app.yaml',
  line: 12,
  column: 5,
  endLine: 12,
  endColumn: 30,
  resource: { id: 'DataBucket', type: 'AWS::S3::Bucket', stack: 'app' },
  key: { kind: 'aws-managed', alias: 'alias/aws/s3', origin: 'implicit' },
  related: [{ file: 'infra/app.yaml', line: 40, column: 7, message: 'DataBucketPolicy grants 444455556666 s3:GetObject' }],
  suppressed: false,
  fingerprint: 'fp-cross-account-DataBucket',
};

const rotation: Finding = {
  ruleId: 'customer-key-rotation-disabled',
  severity: 'warning',
  message: 'AppKey has automatic key rotation off.',
  file: 'infra/app.yaml',
  line: 3,
  column: 7,
  endLine: 3,
  endColumn: 30,
  resource: { id: 'AppKey', type: 'AWS::KMS::Key', stack: 'app' },
  key: { kind: 'customer-managed', keyRef: 'AppKey' },
  branch: 'UseCmk=true',
  suppressed: false,
  fingerprint: 'fp-rotation-AppKey',
};

const implicit: Finding = {
  ruleId: 'implicit-aws-managed-key',
  severity: 'info',
  message: 'JobsQueue falls back to alias/aws/sqs <script>alert("x")</script> & 100% of messages: see\nthe SQS docs, section 2',
  file: 'infra/app.yaml',
  line: 20,
  column: 5,
  endLine: 21,
  endColumn: 9,
  resource: { id: 'JobsQueue', type: 'AWS::SQS::Queue', stack: 'app' },
  key: { kind: 'aws-managed', alias: 'alias/aws/sqs', origin: 'implicit' },
  suppressed: false,
  fingerprint: 'fp-implicit-JobsQueue',
};

const suppressed: Finding = {
  ruleId: 'aws-managed-key-wrong-service',
  severity: 'error',
  message: 'LegacyQueue names alias/aws/sns, the AWS managed key of SNS.',
  file: 'infra/app.yaml',
  line: 30,
  column: 9,
  endLine: 30,
  endColumn: 40,
  resource: { id: 'LegacyQueue', type: 'AWS::SQS::Queue', stack: 'app' },
  key: { kind: 'aws-managed', alias: 'alias/aws/sns', origin: 'explicit' },
  suppressed: true,
  suppression: { kind: 'inSource', justification: 'legacy queue, replaced in Q3' },
  fingerprint: 'fp-wrong-service-LegacyQueue',
};

const cdk: Finding = {
  ruleId: 'service-publisher-aws-managed-key',
  severity: 'error',
  message: 'TopicBFC7AF6E is the target of EventBridge rule AlarmRule but encrypts with alias/aws/sns.',
  file: 'cdk.out/AppStack.template.json',
  line: 8,
  column: 7,
  endLine: 8,
  endColumn: 42,
  resource: { id: 'TopicBFC7AF6E', type: 'AWS::SNS::Topic', stack: 'AppStack', path: 'AppStack/Alerts/Topic/Resource' },
  key: { kind: 'aws-managed', alias: 'alias/aws/sns', origin: 'explicit' },
  suppressed: false,
  fingerprint: 'fp-publisher-Topic',
};

const parseError: Finding = {
  ruleId: 'parse-error',
  severity: 'error',
  message: 'Nested mappings are not allowed in compact mappings',
  file: 'broken.yaml',
  line: 3,
  column: 7,
  endLine: 3,
  endColumn: 7,
  suppressed: false,
  fingerprint: 'fp-parse-broken',
};

const rule = (id: string, defaultSeverity: 'error' | 'warning' | 'info', description: string) => ({
  id,
  defaultSeverity,
  description,
  docsUrl: `${DOCS}${id}.md`,
});

function makeResult(): LintResult {
  return {
    tool: { name: 'kmslint', version: '0.1.0' },
    inputs: [
      { path: 'infra/app.yaml', format: 'cloudformation', error: null },
      { path: 'cdk.out', format: 'cdk', error: null },
      { path: 'broken.yaml', format: null, error: { message: 'Nested mappings are not allowed in compact mappings', line: 3, column: 7 } },
    ],
    findings: [crossAccount, rotation, implicit, suppressed, cdk, parseError],
    rules: [
      rule('cross-account-aws-managed-key', 'error', 'An AWS managed key is shared with another account'),
      rule('aws-managed-key-wrong-service', 'error', "An AWS managed key of another service"),
      rule('service-publisher-aws-managed-key', 'error', 'A service publisher cannot use the AWS managed key'),
      rule('customer-key-rotation-disabled', 'warning', 'Automatic rotation is off'),
      rule('implicit-aws-managed-key', 'info', 'Falls back to an AWS managed key'),
      rule('parse-error', 'error', 'An input could not be parsed'),
    ],
    summary: { errors: 3, warnings: 1, infos: 1, suppressed: 1, inputs: 3 },
  };
}

const empty: LintResult = {
  tool: { name: 'kmslint', version: '0.1.0' },
  inputs: [{ path: 'infra/ok.yaml', format: 'cloudformation', error: null }],
  findings: [],
  rules: [],
  summary: { errors: 0, warnings: 0, infos: 0, suppressed: 0, inputs: 1 },
};

/** Text a pull request controls: a newline starting a workflow command, an ANSI colour. */
const HOSTILE = '\n::warning::x\u001b[31m';

const hostile: Finding = {
  ruleId: 'cross-account-aws-managed-key',
  severity: 'error',
  message: `Bucket${HOSTILE} is shared with account 444455556666 ##[error]pwned \u0007\u202e`,
  file: `evil${HOSTILE}.yaml`,
  line: 2,
  column: 3,
  endLine: 2,
  endColumn: 9,
  resource: { id: `Bucket${HOSTILE}`, type: 'AWS::S3::Bucket', stack: 'evil' },
  key: { kind: 'aws-managed', alias: 'alias/aws/s3', origin: 'implicit' },
  related: [{ file: '::warning::policy.yaml', line: 9, column: 1, message: `policy [1]${HOSTILE}` }],
  suppressed: false,
  fingerprint: 'fp-hostile',
};

/** The hostile finding, and an input named like a workflow command that failed to parse. */
function hostileResult(): LintResult {
  return {
    tool: { name: 'kmslint', version: '0.1.0' },
    inputs: [
      { path: hostile.file, format: 'cloudformation', error: null },
      { path: '::error::named.yaml', format: null, error: { message: `bad${HOSTILE}`, line: 1, column: 1 } },
    ],
    findings: [hostile],
    rules: [rule('cross-account-aws-managed-key', 'error', 'An AWS managed key is shared with another account')],
    summary: { errors: 1, warnings: 0, infos: 0, suppressed: 0, inputs: 2 },
  };
}

const opts = { color: false };
// eslint-disable-next-line no-control-regex
const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

describe('lintFormatters', () => {
  it('has one formatter per contract format, and nothing inherited', () => {
    expect(Object.keys(lintFormatters)).toEqual(['stylish', 'json', 'sarif', 'github', 'junit', 'codeclimate', 'html', 'markdown']);
    expect(getLintFormatter('sarif')).toBe(lintFormatters.sarif);
    expect(getLintFormatter('toString')).toBeUndefined();
    expect(lintFormatters['constructor']).toBeUndefined();
  });

  it('every format is a string ending in a newline (or empty) and is deterministic', () => {
    for (const [name, fmt] of Object.entries(lintFormatters)) {
      const a = fmt(makeResult(), opts);
      expect(a, name).toBe(fmt(makeResult(), opts));
      expect(a.endsWith('\n'), name).toBe(true);
      expect(a, name).not.toContain('\x1b');
      // The internal fingerprint is only SARIF's business (codeclimate hashes it).
      if (name !== 'sarif') expect(a, name).not.toContain('fp-cross-account-DataBucket');
    }
  });

  it('no format lets a hostile id, path or message drive the terminal or start a CI command', () => {
    for (const [name, fmt] of Object.entries(lintFormatters)) {
      const out = fmt(hostileResult(), opts);
      // eslint-disable-next-line no-control-regex
      expect(out, name).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/);
      const lines = out.split('\n');
      if (name === 'github') {
        // One command per problem; a newline or `::` in the data cannot make another.
        expect(lines.slice(0, -1).map((l) => /^::(error|warning|notice) [^:]*::/.test(l)), name).toEqual([true, true]);
      } else {
        expect(lines.filter((l) => l.trimStart().startsWith('::')), name).toEqual([]);
        expect(out, name).not.toMatch(/##[A-Za-z]*\[/);
      }
    }
  });

  it('JSON formats keep hostile strings exactly while escaping them', () => {
    const json = JSON.parse(lintFormatters.json(hostileResult(), opts)) as { findings: { message: string; file: string; resource: { id: string } }[] };
    expect(json.findings[0]).toMatchObject({ message: hostile.message, file: hostile.file, resource: { id: hostile.resource!.id } });
    const sarif = JSON.parse(lintFormatters.sarif(hostileResult(), opts)) as ReturnType<typeof toSarifLog>;
    expect(sarif.runs[0].results![0].locations![0].logicalLocations![0].name).toBe(hostile.resource!.id);
    expect(sarif.runs[0].results![0].message.text).toBe(`${escapeMessageText(hostile.message)} (related: [${escapeMessageText(`policy [1]${HOSTILE}`)}](1))`);
    const [, issue] = JSON.parse(lintFormatters.codeclimate(hostileResult(), opts)) as ReturnType<typeof toCodeClimate>;
    expect(issue.description).toBe(hostile.message);
    expect(issue.location.path).toBe(hostile.file);
  });
});

describe('stylish', () => {
  it('wraps messages to 80 columns by default, continuation lines under the message column', () => {
    const out = lintFormatters.stylish(makeResult(), opts);
    expect(out).toBe(
      [
        'infra/app.yaml',
        '  3:7   warning  AppKey      AppKey has automatic key rotation off. (when',
        '                             UseCmk=true)  customer-key-rotation-disabled',
        '  12:5  error    DataBucket  DataBucket is shared with account 444455556666 but',
        '                             encrypts with alias/aws/s3, which other accounts',
        '                             cannot use.  cross-account-aws-managed-key',
        '        ↳ infra/app.yaml:40:7  DataBucketPolicy grants 444455556666 s3:GetObject',
        '  20:5  info     JobsQueue   JobsQueue falls back to alias/aws/sqs',
        '                             <script>alert("x")</script> & 100% of messages:',
        '                             see\\nthe SQS docs, section 2',
        '                             implicit-aws-managed-key',
        '',
        'cdk.out/AppStack.template.json',
        '  8:7  error  AppStack/Alerts/Topic/Resource  TopicBFC7AF6E is the target of',
        '                                              EventBridge rule AlarmRule but',
        '                                              encrypts with alias/aws/sns.',
        '                                              service-publisher-aws-managed-key',
        '',
        'broken.yaml',
        '  3:7  error  Nested mappings are not allowed in compact mappings  parse-error',
        '',
        '✖ 5 problems (3 errors, 1 warning, 1 info), 1 suppressed',
        '✖ 1 input could not be parsed',
        '',
      ].join('\n'),
    );
    expect(out).not.toContain('LegacyQueue');
    for (const line of out.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it('uses options.width, and pads no message to the longest', () => {
    expect(lintFormatters.stylish(makeResult(), { color: false, width: 120 })).toBe(
      [
        'infra/app.yaml',
        '  3:7   warning  AppKey      AppKey has automatic key rotation off. (when UseCmk=true)  customer-key-rotation-disabled',
        '  12:5  error    DataBucket  DataBucket is shared with account 444455556666 but encrypts with alias/aws/s3, which other',
        '                             accounts cannot use.  cross-account-aws-managed-key',
        '        ↳ infra/app.yaml:40:7  DataBucketPolicy grants 444455556666 s3:GetObject',
        '  20:5  info     JobsQueue   JobsQueue falls back to alias/aws/sqs <script>alert("x")</script> & 100% of messages:',
        '                             see\\nthe SQS docs, section 2  implicit-aws-managed-key',
        '',
        'cdk.out/AppStack.template.json',
        '  8:7  error  AppStack/Alerts/Topic/Resource  TopicBFC7AF6E is the target of EventBridge rule AlarmRule but encrypts',
        '                                              with alias/aws/sns.  service-publisher-aws-managed-key',
        '',
        'broken.yaml',
        '  3:7  error  Nested mappings are not allowed in compact mappings  parse-error',
        '',
        '✖ 5 problems (3 errors, 1 warning, 1 info), 1 suppressed',
        '✖ 1 input could not be parsed',
        '',
      ].join('\n'),
    );
  });

  it('keeps `↳` with a related location longer than the line', () => {
    const longPath = 'fixtures/cloudformation/cross-account-aws-managed-key/fail-allow-not-principal.yaml';
    const r: LintResult = {
      ...empty,
      findings: [{ ...crossAccount, file: longPath, related: [{ file: longPath, line: 14, column: 13, message: 'shared here with everyone ("*")' }] }],
      summary: { ...empty.summary, errors: 1 },
    };
    expect(lintFormatters.stylish(r, { color: false, width: 60 }).split('\n').slice(1, 7)).toEqual([
      '  12:5  error  DataBucket  DataBucket is shared with account',
      '                           444455556666 but encrypts with',
      '                           alias/aws/s3, which other',
      '                           accounts cannot use.',
      '                           cross-account-aws-managed-key',
      `        ↳ ${longPath}:14:13`,
    ]);
    expect(lintFormatters.stylish(r, { color: false, width: 60 }).split('\n')[7]).toBe('          shared here with everyone ("*")');
  });

  it('prints an input error as file:line:column when no parse-error finding covers it', () => {
    const r = makeResult();
    r.findings = r.findings.filter((f) => f.ruleId !== 'parse-error');
    r.summary.errors = 2;
    const out = lintFormatters.stylish(r, opts);
    expect(out).toContain(
      'broken.yaml\n' +
        '  broken.yaml:3:7  error  Nested mappings are not allowed in compact mappings\n' +
        '                          parse-error\n\n',
    );
    expect(out).toContain('✖ 4 problems (2 errors, 1 warning, 1 info), 1 suppressed\n✖ 1 input could not be parsed\n');
  });

  it('colours only when asked, wraps coloured text the same, and shows control characters as escapes', () => {
    const r = makeResult();
    r.findings[0] = { ...crossAccount, message: 'evil \x1b]0;title\x07 message' };
    const plain = lintFormatters.stylish(r, { color: false });
    expect(plain).not.toContain('\x1b');
    expect(plain).toContain(
      '  12:5  error    DataBucket  evil \\u001b]0;title\\u0007 message\n                             cross-account-aws-managed-key\n',
    );
    const coloured = lintFormatters.stylish(r, { color: true });
    expect(coloured).toContain('\x1b[31merror  \x1b[39m');
    expect(coloured).not.toContain('\x1b]0;');
    expect(stripAnsi(coloured)).toBe(plain);
  });

  it('escapes a hostile resource id, file name and message: no CI command, no ANSI', () => {
    expect(lintFormatters.stylish(hostileResult(), opts)).toBe(
      [
        'evil\\n::warning::x\\u001b[31m.yaml',
        '  2:3  error  Bucket\\n::warning::x\\u001b[31m  Bucket\\n::warning::x\\u001b[31m is',
        '                                              shared with account 444455556666',
        '                                              \\u0023#[error]pwned \\u0007\\u202e',
        '                                              cross-account-aws-managed-key',
        '       ↳ ::warning::policy.yaml:9:1  policy [1]\\n::warning::x\\u001b[31m',
        '',
        '\\u003a:error::named.yaml',
        '  \\u003a:error::named.yaml:1:1  error  bad\\n::warning::x\\u001b[31m  parse-error',
        '',
        '✖ 1 problem (1 error, 0 warnings, 0 infos)',
        '✖ 1 input could not be parsed',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing for a clean run, and a summary when everything is suppressed', () => {
    expect(lintFormatters.stylish(empty, opts)).toBe('');
    const onlySuppressed: LintResult = { ...empty, findings: [suppressed], summary: { ...empty.summary, suppressed: 1 } };
    expect(lintFormatters.stylish(onlySuppressed, opts)).toBe('✔ 0 problems (0 errors, 0 warnings, 0 infos), 1 suppressed\n');
  });

  it('prints absolute paths under cwd relative to it', () => {
    const r: LintResult = { ...empty, findings: [{ ...rotation, file: '/repo/infra/app.yaml' }], summary: { ...empty.summary, warnings: 1 } };
    expect(lintFormatters.stylish(r, { color: false, cwd: '/repo' }).split('\n')[0]).toBe('infra/app.yaml');
  });
});
describe('json', () => {
  it('is contract §4 exactly, pretty-printed, with fields in contract order', () => {
    const out = lintFormatters.json(makeResult(), opts);
    expect(out.endsWith('}\n')).toBe(true);
    expect(out.split('\n')[1]).toBe('  "version": 1,');
    const doc = JSON.parse(out) as Record<string, unknown> & { findings: Record<string, unknown>[] };
    expect(Object.keys(doc)).toEqual(['version', 'tool', 'inputs', 'findings', 'summary']);
    expect(doc.tool).toEqual({ name: 'kmslint', version: '0.1.0' });
    expect(doc.inputs).toEqual([
      { path: 'infra/app.yaml', format: 'cloudformation', error: null },
      { path: 'cdk.out', format: 'cdk', error: null },
      { path: 'broken.yaml', format: null, error: { message: 'Nested mappings are not allowed in compact mappings', line: 3, column: 7 } },
    ]);
    expect(doc.summary).toEqual({ errors: 3, warnings: 1, infos: 1, suppressed: 1, inputs: 3 });
    expect(doc.findings).toHaveLength(6);
    expect(doc.findings[0]).toEqual({
      ruleId: 'cross-account-aws-managed-key',
      severity: 'error',
      message: crossAccount.message,
      file: 'infra/app.yaml',
      line: 12,
      column: 5,
      endLine: 12,
      endColumn: 30,
      resource: { id: 'DataBucket', type: 'AWS::S3::Bucket', stack: 'app' },
      key: { kind: 'aws-managed', alias: 'alias/aws/s3', origin: 'implicit' },
      related: [{ file: 'infra/app.yaml', line: 40, column: 7, message: 'DataBucketPolicy grants 444455556666 s3:GetObject' }],
      suppressed: false,
    });
    const order = ['ruleId', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'resource', 'key', 'branch', 'related', 'suppressed'];
    for (const f of doc.findings) {
      const keys = Object.keys(f);
      expect(keys).toEqual(order.filter((k) => keys.includes(k)));
      expect(f).not.toHaveProperty('fingerprint');
      expect(f).not.toHaveProperty('suppression');
    }
    expect(doc.findings[1]).toMatchObject({ branch: 'UseCmk=true', key: { kind: 'customer-managed', keyRef: 'AppKey' } });
    expect(Object.keys(doc.findings[4].resource as object)).toEqual(['id', 'type', 'stack', 'path']);
    expect(doc.findings[3].suppressed).toBe(true);
    expect(doc.findings[5]).not.toHaveProperty('resource');
  });
});

/** A rule page small enough to assert whole. */
const PAGE = [
  '# cross-account-aws-managed-key',
  '',
  'Default severity: **error**',
  '',
  '## What it checks',
  '',
  'Every resource whose key is **aws-managed** (`alias/aws/<service>`)',
  'and that another account can reach.',
  '',
  '- a bucket policy',
  '',
  '## How to fix',
  '',
  'See [the KMS guide](https://docs.aws.amazon.com/kms/).',
  '',
].join('\n');

describe('sarif', () => {
  it('validates against the official SARIF 2.1.0 schema', () => {
    const r = makeResult();
    r.rules[0] = { ...r.rules[0], help: PAGE, group: 'misuse', securitySeverity: 9.1 };
    const text = lintFormatters.sarif(r, opts);
    expect(validateSarif(text, SCHEMA)).toEqual([]);
    expect(validateSarif(JSON.parse(text), SCHEMA)).toEqual([]);
    expect(validateSarif(lintFormatters.sarif(hostileResult(), opts), SCHEMA)).toEqual([]);
  });

  it('stays valid with cwd, absolute paths, backslashes, spaces and odd characters in paths', () => {
    const r = makeResult();
    r.findings = [
      { ...crossAccount, file: '/repo/infra/my app.yaml' },
      { ...rotation, file: 'infra\\win\\app#1.yaml' },
      { ...cdk, file: '/elsewhere/cdk.out/Stack.template.json' },
      { ...implicit, line: 0, column: 0, endLine: 0, endColumn: 0, fingerprint: '' },
    ];
    const log = toSarifLog(r, { color: false, cwd: '/repo' });
    expect(validateSarif(log, SCHEMA)).toEqual([]);
    const uris = log.runs[0].results!.map((x) => x.locations![0].physicalLocation!.artifactLocation);
    expect(uris[0]).toEqual({ uri: 'infra/my%20app.yaml', uriBaseId: '%SRCROOT%' });
    expect(uris[1]).toEqual({ uri: 'infra/win/app%231.yaml', uriBaseId: '%SRCROOT%' });
    expect(uris[2]).toEqual({ uri: 'file:///elsewhere/cdk.out/Stack.template.json' });
    expect(log.runs[0].originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///repo/' } });
    expect(log.runs[0].results![3].locations![0].physicalLocation!.region).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
    expect(log.runs[0].results![3]).not.toHaveProperty('partialFingerprints');
  });

  it('is valid for an empty run too', () => {
    expect(validateSarif(toSarifLog(empty), SCHEMA)).toEqual([]);
  });

  it('rejects a broken log, so the validation can fail', () => {
    const log = JSON.parse(lintFormatters.sarif(makeResult(), opts)) as {
      runs: { results: { level: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[];
    };
    log.runs[0].results[0].level = 'fatal';
    const errors = validateSarif(log, SCHEMA);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toContain('/runs/0/results/0/level');

    const log2 = toSarifLog(makeResult()) as unknown as typeof log;
    log2.runs[0].results[1].locations[0].physicalLocation.region.startLine = 0;
    expect(validateSarif(log2, SCHEMA).join('\n')).toContain('/runs/0/results/1/locations/0/physicalLocation/region/startLine');
    expect(validateSarif({ version: '2.1.0' }, SCHEMA).join('\n')).toContain('runs');
    expect(validateSarif('{not json', SCHEMA)[0]).toMatch(/not JSON/);
  });

  it('gives each rule what code scanning shows: full description, help from the page, security-severity, tags', () => {
    const r = makeResult();
    r.rules[0] = { ...r.rules[0], help: PAGE, group: 'misuse' };
    const run = toSarifLog(r, opts).runs[0];
    expect(run.automationDetails).toEqual({ id: 'kmslint/' });
    const rules = run.tool.driver.rules!;
    expect(rules[0]).toEqual({
      id: 'cross-account-aws-managed-key',
      shortDescription: { text: 'An AWS managed key is shared with another account' },
      fullDescription: {
        text: 'Every resource whose key is aws-managed (alias/aws/<service>) and that another account can reach.',
        markdown: 'Every resource whose key is **aws-managed** (`alias/aws/<service>`) and that another account can reach.',
      },
      help: {
        text: [
          'cross-account-aws-managed-key',
          '',
          'Default severity: error',
          '',
          'What it checks',
          '',
          'Every resource whose key is aws-managed (alias/aws/<service>)',
          'and that another account can reach.',
          '',
          '- a bucket policy',
          '',
          'How to fix',
          '',
          'See the KMS guide (https://docs.aws.amazon.com/kms/).',
          '',
        ].join('\n'),
        markdown: PAGE,
      },
      helpUri: `${DOCS}cross-account-aws-managed-key.md`,
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['security', 'kms', 'misuse'], 'security-severity': '8.0' },
    });
    // A rule without a page: its description and a link; security-severity from the default severity.
    expect(rules[3]).toEqual({
      id: 'customer-key-rotation-disabled',
      shortDescription: { text: 'Automatic rotation is off' },
      fullDescription: { text: 'Automatic rotation is off' },
      help: {
        text: `Automatic rotation is off\n${DOCS}customer-key-rotation-disabled.md`,
        markdown: `Automatic rotation is off\n\n[Rule documentation](${DOCS}customer-key-rotation-disabled.md)`,
      },
      helpUri: `${DOCS}customer-key-rotation-disabled.md`,
      defaultConfiguration: { level: 'warning' },
      properties: { tags: ['security', 'kms'], 'security-severity': '5.0' },
    });
    expect(rules.map((x) => x.properties!['security-severity'])).toEqual(['8.0', '8.0', '8.0', '5.0', '2.0', '8.0']);
    // A rule's own value wins when it is a number from 0 to 10.
    r.rules[4] = { ...r.rules[4], securitySeverity: 6.5 };
    r.rules[5] = { ...r.rules[5], securitySeverity: 11 };
    expect(toSarifLog(r).runs[0].tool.driver.rules!.map((x) => x.properties!['security-severity'])).toEqual(['8.0', '8.0', '8.0', '5.0', '6.5', '8.0']);
  });

  it('maps results, suppressions, related locations (linked from the message) and input errors', () => {
    const log = toSarifLog(makeResult(), opts);
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    const driver = run.tool.driver;
    expect(driver.name).toBe('kmslint');
    expect(driver.version).toBe('0.1.0');
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules!.map((r) => r.id)).toEqual(makeResult().rules.map((r) => r.id));
    expect(driver.rules!.map((r) => r.defaultConfiguration!.level)).toEqual(['error', 'error', 'error', 'warning', 'note', 'error']);

    const results = run.results!;
    expect(results).toHaveLength(6);
    for (const res of results) expect(driver.rules![res.ruleIndex!].id).toBe(res.ruleId);
    expect(results.map((r) => r.level)).toEqual(['error', 'warning', 'note', 'error', 'error', 'error']);

    const [cross, rot, , supp, pub, parse] = results;
    expect(cross).toEqual({
      ruleId: 'cross-account-aws-managed-key',
      ruleIndex: 0,
      level: 'error',
      message: { text: `${crossAccount.message} (related: [DataBucketPolicy grants 444455556666 s3:GetObject](1))` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'infra/app.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 12, startColumn: 5, endLine: 12, endColumn: 30 },
          },
          logicalLocations: [{ name: 'DataBucket', fullyQualifiedName: 'app/DataBucket', kind: 'resource' }],
        },
      ],
      relatedLocations: [
        {
          id: 1,
          physicalLocation: { artifactLocation: { uri: 'infra/app.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 40, startColumn: 7 } },
          message: { text: 'DataBucketPolicy grants 444455556666 s3:GetObject' },
        },
      ],
      partialFingerprints: { 'kmslint/v1': 'fp-cross-account-DataBucket' },
      properties: {
        resource: { id: 'DataBucket', type: 'AWS::S3::Bucket', stack: 'app' },
        key: { kind: 'aws-managed', alias: 'alias/aws/s3', origin: 'implicit' },
      },
    });
    expect(rot.message.text).toBe('AppKey has automatic key rotation off. (when UseCmk=true)');
    expect(rot).not.toHaveProperty('relatedLocations');
    expect(rot.properties).toMatchObject({ branch: 'UseCmk=true' });
    expect(supp.suppressions).toEqual([{ kind: 'inSource', justification: 'legacy queue, replaced in Q3' }]);
    expect(pub.locations![0].logicalLocations).toEqual([
      { name: 'TopicBFC7AF6E', fullyQualifiedName: 'AppStack/Alerts/Topic/Resource', kind: 'resource' },
    ]);
    expect(parse.ruleId).toBe('parse-error');
    expect(parse.locations![0]).not.toHaveProperty('logicalLocations');

    expect(run.invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          {
            level: 'error',
            message: { text: 'Nested mappings are not allowed in compact mappings' },
            locations: [
              { physicalLocation: { artifactLocation: { uri: 'broken.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 7 } } },
            ],
            associatedRule: { id: 'parse-error', index: 5 },
          },
        ],
      },
    ]);
  });

  it('escapes brackets in message text so only kmslint’s links are links', () => {
    expect(escapeMessageText('a [b] \\[c\\] d')).toBe('a \\[b\\] \\\\\\[c\\\\\\] d');
    const r: LintResult = {
      ...empty,
      findings: [{ ...crossAccount, message: 'Policy [Sid1] grants *', related: [{ ...crossAccount.related![0], message: 'statement [0]' }, { ...crossAccount.related![0], line: 50, message: 'second' }] }],
    };
    const res = toSarifLog(r).runs[0].results![0];
    expect(res.message.text).toBe('Policy \\[Sid1\\] grants * (related: [statement \\[0\\]](1), [second](2))');
    expect(res.relatedLocations!.map((l) => [l.id, l.message!.text])).toEqual([
      [1, 'statement \\[0\\]'],
      [2, 'second'],
    ]);
  });

  it('reports success when every input parsed, and omits ruleIndex for an unlisted rule', () => {
    const r = makeResult();
    r.inputs = r.inputs.filter((i) => i.error === null);
    r.findings = [{ ...rotation, ruleId: 'not-listed' }];
    const run = toSarifLog(r).runs[0];
    expect(run.invocations).toEqual([{ executionSuccessful: true }]);
    expect(run.results![0]).not.toHaveProperty('ruleIndex');
    expect(validateSarif(toSarifLog(r), SCHEMA)).toEqual([]);
  });
});

describe('rule pages', () => {
  it('are read from rules/<id>.md, and only for plain rule ids', () => {
    expect(rulePagesDir()).toBe(resolve('rules'));
    expect(rulePage('cross-account-aws-managed-key')).toBe(readFileSync('rules/cross-account-aws-managed-key.md', 'utf8'));
    expect(rulePage('no-such-rule')).toBeUndefined();
    expect(rulePage('../package')).toBeUndefined();
    expect(rulePage('parse-error/../../package')).toBeUndefined();
  });

  it('give every registered rule page a full description in SARIF', () => {
    const ids = readdirSync('rules').filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3));
    const r: LintResult = { ...empty, rules: ids.map((id) => ({ ...rule(id, 'error', id), help: rulePage(id) })) };
    const rules = toSarifLog(r).runs[0].tool.driver.rules!;
    for (const d of rules) {
      expect(d.help!.markdown, d.id).toBe(readFileSync(join('rules', `${d.id}.md`), 'utf8'));
      expect(d.fullDescription!.markdown, d.id).toMatch(/\S/);
    }
    expect(validateSarif(toSarifLog(r), SCHEMA)).toEqual([]);
  });
});

describe('shipped sources', () => {
  it('import no SARIF type package and no test-only validator', () => {
    const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const offenders = files.filter((f) =>
      /from '(sarif|@types\/sarif|ajv-draft-04|ajv-formats|xmllint-wasm)'/.test(readFileSync(join('src', f), 'utf8')),
    );
    expect(offenders).toEqual([]);
    expect(files).not.toContain(join('reporters', 'sarif-validate.ts'));
  });
});
describe('github', () => {
  it('writes one workflow command per unsuppressed finding, escaped', () => {
    expect(lintFormatters.github(makeResult(), opts)).toBe(
      [
        '::error file=infra/app.yaml,line=12,col=5,endLine=12,endColumn=30,title=cross-account-aws-managed-key::' + crossAccount.message,
        '::warning file=infra/app.yaml,line=3,col=7,endLine=3,endColumn=30,title=customer-key-rotation-disabled::AppKey has automatic key rotation off. (when UseCmk=true)',
        '::notice file=infra/app.yaml,line=20,col=5,endLine=21,endColumn=9,title=implicit-aws-managed-key::JobsQueue falls back to alias/aws/sqs <script>alert("x")</script> & 100%25 of messages: see%0Athe SQS docs, section 2',
        '::error file=cdk.out/AppStack.template.json,line=8,col=7,endLine=8,endColumn=42,title=service-publisher-aws-managed-key::AppStack/Alerts/Topic/Resource: ' +
          cdk.message,
        '::error file=broken.yaml,line=3,col=7,endLine=3,endColumn=7,title=parse-error::' + parseError.message,
        '',
      ].join('\n'),
    );
  });

  it('escapes properties (%, CR, LF, colon, comma) and reports an uncovered input error', () => {
    const r = makeResult();
    r.findings = [{ ...rotation, file: 'dir,x/a:b%.yaml', ruleId: 'rule:x,y', message: 'a\r\nb' }];
    const out = lintFormatters.github(r, opts);
    expect(out).toBe(
      '::error file=broken.yaml,line=3,col=7,title=parse-error::Nested mappings are not allowed in compact mappings\n' +
        '::warning file=dir%2Cx/a%3Ab%25.yaml,line=3,col=7,endLine=3,endColumn=30,title=rule%3Ax%2Cy::AppKey: a%0D%0Ab (when UseCmk=true)\n',
    );
    expect(lintFormatters.github(empty, opts)).toBe('');
  });

  it('keeps a hostile id and file name inside one command each, ANSI shown as an escape', () => {
    expect(lintFormatters.github(hostileResult(), opts)).toBe(
      '::error file=%3A%3Aerror%3A%3Anamed.yaml,line=1,col=1,title=parse-error::bad%0A::warning::x\\u001b[31m\n' +
        '::error file=evil%0A%3A%3Awarning%3A%3Ax\\u001b[31m.yaml,line=2,col=3,endLine=2,endColumn=9,title=cross-account-aws-managed-key::' +
        'Bucket%0A::warning::x\\u001b[31m is shared with account 444455556666 ##[error]pwned \\u0007\\u202e\n',
    );
  });
});

describe('junit', () => {
  it('is a suite per file and a testcase per finding, suppressed ones skipped, info ones passing', () => {
    expect(lintFormatters.junit(makeResult(), opts)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="kmslint" tests="6" failures="4" errors="0" time="0">',
        '  <testsuite name="infra/app.yaml" tests="4" failures="2" errors="0" skipped="1" time="0">',
        '    <testcase name="customer-key-rotation-disabled: AppKey (when UseCmk=true)" classname="infra/app.yaml" time="0">',
        '      <failure type="warning" message="AppKey has automatic key rotation off. (when UseCmk=true)">infra/app.yaml:3:7',
        'warning: AppKey has automatic key rotation off. (when UseCmk=true)',
        'resource: AppKey (AWS::KMS::Key)</failure>',
        '    </testcase>',
        '    <testcase name="cross-account-aws-managed-key: DataBucket" classname="infra/app.yaml" time="0">',
        `      <failure type="error" message="${crossAccount.message}">infra/app.yaml:12:5`,
        `error: ${crossAccount.message}`,
        'resource: DataBucket (AWS::S3::Bucket)',
        'related: infra/app.yaml:40:7 DataBucketPolicy grants 444455556666 s3:GetObject</failure>',
        '    </testcase>',
        '    <testcase name="implicit-aws-managed-key: JobsQueue" classname="infra/app.yaml" time="0">',
        '      <system-out>infra/app.yaml:20:5',
        'info: JobsQueue falls back to alias/aws/sqs &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 100% of messages: see\\nthe SQS docs, section 2',
        'resource: JobsQueue (AWS::SQS::Queue)</system-out>',
        '    </testcase>',
        '    <testcase name="aws-managed-key-wrong-service: LegacyQueue" classname="infra/app.yaml" time="0">',
        '      <skipped message="suppressed: legacy queue, replaced in Q3"/>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="cdk.out/AppStack.template.json" tests="1" failures="1" errors="0" skipped="0" time="0">',
        '    <testcase name="service-publisher-aws-managed-key: AppStack/Alerts/Topic/Resource" classname="cdk.out/AppStack.template.json" time="0">',
        `      <failure type="error" message="${cdk.message}">cdk.out/AppStack.template.json:8:7`,
        `error: ${cdk.message}`,
        'resource: AppStack/Alerts/Topic/Resource (AWS::SNS::Topic)</failure>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="broken.yaml" tests="1" failures="1" errors="0" skipped="0" time="0">',
        '    <testcase name="parse-error: broken.yaml:3:7" classname="broken.yaml" time="0">',
        '      <failure type="error" message="Nested mappings are not allowed in compact mappings">broken.yaml:3:7',
        'error: Nested mappings are not allowed in compact mappings</failure>',
        '    </testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('gives a clean run one passing testcase per input', () => {
    const clean: LintResult = {
      ...empty,
      inputs: [
        { path: 'infra/ok.yaml', format: 'cloudformation', error: null },
        { path: 'cdk.out', format: 'cdk', error: null },
      ],
      summary: { ...empty.summary, inputs: 2 },
    };
    expect(lintFormatters.junit(clean, opts)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="kmslint" tests="2" failures="0" errors="0" time="0">',
        '  <testsuite name="infra/ok.yaml" tests="1" failures="0" errors="0" skipped="0" time="0">',
        '    <testcase name="kmslint: infra/ok.yaml" classname="infra/ok.yaml" time="0"/>',
        '  </testsuite>',
        '  <testsuite name="cdk.out" tests="1" failures="0" errors="0" skipped="0" time="0">',
        '    <testcase name="kmslint: cdk.out" classname="cdk.out" time="0"/>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('puts an input error in its file suite and gives clean inputs a passing testcase', () => {
    const r = makeResult();
    r.findings = r.findings.filter((f) => f.ruleId !== 'parse-error');
    r.inputs.push({ path: 'infra/clean.yaml', format: 'cloudformation', error: null });
    const xml = lintFormatters.junit(r, opts);
    expect(xml).toContain(
      '  <testsuite name="broken.yaml" tests="1" failures="1" errors="0" skipped="0" time="0">\n' +
        '    <testcase name="parse-error: broken.yaml" classname="broken.yaml" time="0">\n' +
        '      <failure type="error" message="Nested mappings are not allowed in compact mappings">broken.yaml:3:7\nNested mappings are not allowed in compact mappings</failure>\n' +
        '    </testcase>\n' +
        '  </testsuite>\n',
    );
    expect(xml).toContain(
      '  <testsuite name="infra/clean.yaml" tests="1" failures="0" errors="0" skipped="0" time="0">\n' +
        '    <testcase name="kmslint: infra/clean.yaml" classname="infra/clean.yaml" time="0"/>\n' +
        '  </testsuite>\n',
    );
    // cdk.out is covered by the findings of the template inside it.
    expect(xml).not.toContain('<testsuite name="cdk.out"');
  });

  it('escapes markup, and writes control characters and newlines as visible escapes', () => {
    const r: LintResult = {
      ...empty,
      findings: [{ ...crossAccount, related: [], message: `a "quoted" <b> & 'x'\nnext\u0001 true`, resource: { ...crossAccount.resource!, id: 'Id<&>"' } }],
    };
    expect(lintFormatters.junit(r, opts)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="kmslint" tests="2" failures="1" errors="0" time="0">',
        '  <testsuite name="infra/app.yaml" tests="1" failures="1" errors="0" skipped="0" time="0">',
        '    <testcase name="cross-account-aws-managed-key: Id&lt;&amp;&gt;&quot;" classname="infra/app.yaml" time="0">',
        '      <failure type="error" message="a &quot;quoted&quot; &lt;b&gt; &amp; &apos;x&apos;\\nnext\\u0001 true">infra/app.yaml:12:5',
        'error: a &quot;quoted&quot; &lt;b&gt; &amp; &apos;x&apos;\\nnext\\u0001 true',
        'resource: Id&lt;&amp;&gt;&quot; (AWS::S3::Bucket)</failure>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="infra/ok.yaml" tests="1" failures="0" errors="0" skipped="0" time="0">',
        '    <testcase name="kmslint: infra/ok.yaml" classname="infra/ok.yaml" time="0"/>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('escapes a hostile id and file name; `##[` and a leading `::` become character references', () => {
    expect(lintFormatters.junit(hostileResult(), opts)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="kmslint" tests="2" failures="2" errors="0" time="0">',
        '  <testsuite name="::error::named.yaml" tests="1" failures="1" errors="0" skipped="0" time="0">',
        '    <testcase name="parse-error: ::error::named.yaml" classname="::error::named.yaml" time="0">',
        '      <failure type="error" message="bad\\n::warning::x\\u001b[31m">::error::named.yaml:1:1',
        'bad\\n::warning::x\\u001b[31m</failure>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="evil\\n::warning::x\\u001b[31m.yaml" tests="1" failures="1" errors="0" skipped="0" time="0">',
        '    <testcase name="cross-account-aws-managed-key: Bucket\\n::warning::x\\u001b[31m" classname="evil\\n::warning::x\\u001b[31m.yaml" time="0">',
        '      <failure type="error" message="Bucket\\n::warning::x\\u001b[31m is shared with account 444455556666 &#35;#[error]pwned \\u0007\\u202e">evil\\n::warning::x\\u001b[31m.yaml:2:3',
        'error: Bucket\\n::warning::x\\u001b[31m is shared with account 444455556666 &#35;#[error]pwned \\u0007\\u202e',
        'resource: Bucket\\n::warning::x\\u001b[31m (AWS::S3::Bucket)',
        'related: ::warning::policy.yaml:9:1 policy [1]\\n::warning::x\\u001b[31m</failure>',
        '    </testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('is valid against the Jenkins xUnit junit-10.xsd, which rejects a broken report', async () => {
    const r = makeResult();
    const onlySuppressed: LintResult = { ...empty, findings: [suppressed], summary: { ...empty.summary, suppressed: 1 } };
    const parseOnly: LintResult = { ...empty, inputs: [r.inputs[2]], summary: { ...empty.summary, inputs: 1 } };
    const odd: LintResult = {
      ...empty,
      findings: [{ ...crossAccount, message: 'true', resource: { ...crossAccount.resource!, id: '\u0000\ud800]]>\uffff' } }],
    };
    const good = {
      clean: lintFormatters.junit(empty, opts),
      findings: lintFormatters.junit(r, opts),
      parseError: lintFormatters.junit(parseOnly, opts),
      suppressed: lintFormatters.junit(onlySuppressed, opts),
      hostile: lintFormatters.junit(hostileResult(), opts),
      odd: lintFormatters.junit(odd, opts),
    };
    const findings = good.findings;
    const broken = {
      skippedOnTestsuites: findings.replace('<testsuites name="kmslint"', '<testsuites skipped="1" name="kmslint"'),
      noSuiteName: findings.replace('<testsuite name="broken.yaml"', '<testsuite'),
      notWellFormed: findings.replace('</testcase>', ''),
    };
    expect(good.clean).toContain('tests="1"');
    expect(await validateJunit({ ...good, ...broken })).toEqual({
      clean: [],
      findings: [],
      parseError: [],
      suppressed: [],
      hostile: [],
      odd: [],
      skippedOnTestsuites: [
        "2: Schemas validity error : Element 'testsuites', attribute 'skipped': The attribute 'skipped' is not allowed.",
      ],
      noSuiteName: ["31: Schemas validity error : Element 'testsuite': The attribute 'name' is required but missing."],
      notWellFormed: [
        '23: parser error : Opening and ending tag mismatch: testcase line 4 and testsuite',
        '37: parser error : Opening and ending tag mismatch: testsuite line 3 and testsuites',
      ],
    });
  });
});

describe('codeclimate', () => {
  it('is a GitLab Code Quality array without suppressed findings', () => {
    const out = lintFormatters.codeclimate(makeResult(), opts);
    const issues = JSON.parse(out) as ReturnType<typeof toCodeClimate>;
    expect(issues).toHaveLength(5);
    const { fingerprint, ...first } = issues[0];
    expect(fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(first).toEqual({
      type: 'issue',
      check_name: 'cross-account-aws-managed-key',
      description: crossAccount.message,
      categories: ['Security'],
      severity: 'critical',
      location: { path: 'infra/app.yaml', lines: { begin: 12, end: 12 } },
    });
    expect(issues.map((i) => i.severity)).toEqual(['critical', 'minor', 'info', 'critical', 'critical']);
    expect(issues[2].location.lines).toEqual({ begin: 20, end: 21 });
    expect(issues[3].description.startsWith('AppStack/Alerts/Topic/Resource: ')).toBe(true);
    expect(issues.map((i) => i.check_name)).not.toContain('aws-managed-key-wrong-service');
    const fps = issues.map((i) => i.fingerprint);
    expect(new Set(fps).size).toBe(fps.length);
  });

  it('keeps fingerprints unique when findings share one', () => {
    const r: LintResult = { ...empty, findings: [rotation, { ...rotation, branch: 'UseCmk=false' }] };
    const [a, b] = toCodeClimate(r);
    expect(a.fingerprint).not.toBe(b.fingerprint);
    expect(toCodeClimate(empty)).toEqual([]);
  });

  it('writes `##[` in a hostile message as a JSON escape', () => {
    const out = lintFormatters.codeclimate(hostileResult(), opts);
    expect(out).toContain(
      '"description": "Bucket\\n::warning::x\\u001b[31m is shared with account 444455556666 \\u0023#[error]pwned \\u0007\\u202e"',
    );
  });
});

describe('html', () => {
  it('is a self-contained page with every dynamic string escaped', () => {
    const html = lintFormatters.html(makeResult(), opts);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    // Its own scripts only (data, the dagre layout library, the page script), none loaded from elsewhere.
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script type="application/json" id="kmslint-data">', '<script>', '<script>']);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 100% of messages: see\\nthe SQS docs');
    expect(html).not.toMatch(/<link|src=|@import/);
    expect(html).toContain('<style>');
    expect(html).toContain(`<a href="${DOCS}cross-account-aws-managed-key.md"`);
    expect(html).toContain('data-file="infra/app.yaml"');
    expect(html).toContain('data-file="cdk.out/AppStack.template.json"');
    expect(html).toContain('AppStack/Alerts/Topic/Resource');
    expect(html).toContain('when UseCmk=true');
    expect(html).toContain('suppressed: legacy queue, replaced in Q3');
    expect(html).toMatch(/<b>3<\/b>errors/);
    expect(html).toMatch(/<b>1<\/b>suppressed/);
  });

  it('does not link non-web docs URLs and escapes resource ids and paths', () => {
    const r: LintResult = {
      ...empty,
      rules: [{ ...makeResult().rules[0], docsUrl: 'javascript:alert(1)' }],
      findings: [{ ...crossAccount, file: 'a<b>.yaml', resource: { ...crossAccount.resource!, id: '<img onerror=x>' } }],
    };
    const html = lintFormatters.html(r, opts);
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('<img');
    expect(html).toContain('data-file="a&lt;b&gt;.yaml"');
    expect(lintFormatters.html(empty, opts)).toContain('No problems found.');
  });

  it('shows control characters in a hostile id, path and message as escapes', () => {
    const html = lintFormatters.html(hostileResult(), opts);
    expect(html).toContain(
      '<tr class="f" data-i="0" data-rule="cross-account-aws-managed-key" data-severity="error" data-file="evil\\n::warning::x\\u001b[31m.yaml" data-stack="evil" data-suppressed="0">' +
        '<td><span class="sev sev-error">error</span></td>' +
        `<td><a href="${DOCS}cross-account-aws-managed-key.md" title="An AWS managed key is shared with another account">cross-account-aws-managed-key</a></td>` +
        '<td class="res"><a href="#keymap" class="res-link">Bucket\\n::warning::x\\u001b[31m</a><div class="note">AWS::S3::Bucket</div></td>' +
        '<td>Bucket\\n::warning::x\\u001b[31m is shared with account 444455556666 &#35;#[error]pwned \\u0007\\u202e' +
        '<div class="note">related: <span class="mono">::warning::policy.yaml:9:1</span> policy [1]\\n::warning::x\\u001b[31m</div></td>' +
        '<td class="loc">evil\\n::warning::x\\u001b[31m.yaml:2:3</td></tr>\n',
    );
  });
});

describe('keys formats', () => {
  const row: KeyRow = {
    file: '::warning::keys.yaml',
    stack: `s${HOSTILE}`,
    id: `Queue${HOSTILE}`,
    type: 'AWS::SQS::Queue',
    key: { kind: 'aws-managed', alias: 'alias/aws/sqs', origin: 'implicit' },
    reason: 'KmsMasterKeyId is absent ##[error]x',
    line: 3,
    column: 5,
    secondary: [],
  };
  const keys = { inputs: [{ path: row.file, format: 'cloudformation' as const, error: null }], rows: [row] };

  it('table: control characters as escapes, no CI command', () => {
    expect(keysFormatters.table(keys, { color: false })).toBe(
      [
        '\\u003a:warning::keys.yaml  (stack s\\n::warning::x\\u001b[31m)',
        '  Queue\\n::warning::x\\u001b[31m  alias/aws/sqs (implicit)',
        '      AWS::SQS::Queue: KmsMasterKeyId is absent \\u0023#[error]x',
        '',
        '1 encryptable resource in 1 input(s): 1 aws-managed',
        '',
      ].join('\n'),
    );
  });

  it('json keeps the data; csv shows control characters as escapes; none starts a CI command', () => {
    const json = keysFormatters.json(keys, { color: false });
    expect((JSON.parse(json) as { resources: { id: string; reason: string }[] }).resources[0]).toMatchObject({ id: row.id, reason: row.reason });
    for (const [name, fmt] of Object.entries(keysFormatters)) {
      const out = fmt(keys, { color: false });
      expect(out.split('\n').filter((l) => l.trimStart().startsWith('::')), name).toEqual([]);
      // eslint-disable-next-line no-control-regex
      expect(out, name).not.toMatch(/[\u0000-\u0009\u000b-\u001f]|##[A-Za-z]*\[/);
    }
    expect(keysFormatters.csv(keys, { color: false }).split('\n')[1]).toBe(
      '"::warning::keys.yaml",3,s\\n::warning::x\\u001b[31m,Queue\\n::warning::x\\u001b[31m,AWS::SQS::Queue,,,aws-managed,alias/aws/sqs,,implicit,,KmsMasterKeyId is absent \\u0023#[error]x,primary',
    );
  });
});

describe('markdown (a pull request comment)', () => {
  it('one table, errors first, each rule linked to its page, suppressed findings counted, unreadable inputs listed', () => {
    const out = getLintFormatter('markdown')!(makeResult(), opts).split('\n');
    expect(out.slice(0, 4)).toEqual(['### kmslint: 3 errors, 1 warning, 1 info', '', '1 finding suppressed.', '']);
    expect(out[4]).toBe('| Severity | Rule | Resource | Where | Finding |');
    const rows = out.filter((l) => /^\| (Error|Warning|Info) \|/.test(l));
    expect(rows.map((r) => r.split(' | ')[0])).toEqual(['| Error', '| Error', '| Error', '| Warning', '| Info']);
    expect(out.at(-2)).toBe('- **Could not read** `broken.yaml`: Nested mappings are not allowed in compact mappings (line 3, column 7)');
  });

  it('text from the inputs cannot close a cell, start a heading or add HTML', () => {
    const result = makeResult();
    result.findings = [{ ...result.findings[0], message: 'a | b <img src=x> # c\n### d', resource: { id: 'X|Y`', type: 'AWS::S3::Bucket', stack: 's' } }];
    const row = getLintFormatter('markdown')!(result, opts).split('\n').find((l) => l.startsWith('| Error'))!;
    expect(row).toContain("`X\\|Y'`");
    // The line break is shown as `\n` (its backslash escaped too), never a new line.
    expect(row).toContain('a \\| b \\<img src=x\\> \\# c\\\\n\\#\\#\\# d');
    expect(row.split(/(?<!\\)\|/).length).toBe(7);
  });
});
