import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding, LintResult } from '../src/model/findings.js';
import { getLintFormatter, lintFormatters, toCodeClimate, toSarifLog } from '../src/reporters/index.js';
import { validateSarif } from '../src/reporters/sarif-validate.js';

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

const opts = { color: false };

describe('lintFormatters', () => {
  it('has one formatter per contract format, and nothing inherited', () => {
    expect(Object.keys(lintFormatters)).toEqual(['stylish', 'json', 'sarif', 'github', 'junit', 'codeclimate', 'html']);
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
});

describe('stylish', () => {
  it('groups by file, shows resource, branch and related, hides suppressed findings', () => {
    const out = lintFormatters.stylish(makeResult(), opts);
    expect(out).not.toContain('\x1b');
    expect(out).toBe(
      [
        'infra/app.yaml',
        '  3:7   warning  AppKey      AppKey has automatic key rotation off. (when UseCmk=true)                                                          customer-key-rotation-disabled',
        '  12:5  error    DataBucket  DataBucket is shared with account 444455556666 but encrypts with alias/aws/s3, which other accounts cannot use.    cross-account-aws-managed-key',
        '        ↳ infra/app.yaml:40:7  DataBucketPolicy grants 444455556666 s3:GetObject',
        '  20:5  info     JobsQueue   JobsQueue falls back to alias/aws/sqs <script>alert("x")</script> & 100% of messages: see the SQS docs, section 2  implicit-aws-managed-key',
        '',
        'cdk.out/AppStack.template.json',
        '  8:7  error  AppStack/Alerts/Topic/Resource  TopicBFC7AF6E is the target of EventBridge rule AlarmRule but encrypts with alias/aws/sns.  service-publisher-aws-managed-key',
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
  });

  it('prints an input error as file:line:column when no parse-error finding covers it', () => {
    const r = makeResult();
    r.findings = r.findings.filter((f) => f.ruleId !== 'parse-error');
    r.summary.errors = 2;
    const out = lintFormatters.stylish(r, opts);
    expect(out).toContain('broken.yaml\n  broken.yaml:3:7  error  Nested mappings are not allowed in compact mappings  parse-error\n');
    expect(out).toContain('✖ 4 problems (2 errors, 1 warning, 1 info), 1 suppressed\n✖ 1 input could not be parsed\n');
  });

  it('colours only when asked, and strips control characters from template text', () => {
    const r = makeResult();
    r.findings[0] = { ...crossAccount, message: 'evil \x1b]0;title\x07 message' };
    const plain = lintFormatters.stylish(r, { color: false });
    expect(plain).not.toContain('\x1b');
    expect(plain).not.toContain('\x07');
    const coloured = lintFormatters.stylish(r, { color: true });
    expect(coloured).toContain('\x1b[');
    expect(coloured).not.toContain('\x1b]0;');
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

describe('sarif', () => {
  it('validates against the official SARIF 2.1.0 schema', () => {
    const text = lintFormatters.sarif(makeResult(), opts);
    expect(validateSarif(text, SCHEMA)).toEqual([]);
    expect(validateSarif(JSON.parse(text), SCHEMA)).toEqual([]);
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

  it('maps rules, results, suppressions, related locations and input errors', () => {
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
    expect(driver.rules![0]).toMatchObject({
      id: 'cross-account-aws-managed-key',
      shortDescription: { text: 'An AWS managed key is shared with another account' },
      helpUri: `${DOCS}cross-account-aws-managed-key.md`,
      defaultConfiguration: { level: 'error' },
    });
    expect(driver.rules!.map((r) => r.defaultConfiguration!.level)).toEqual(['error', 'error', 'error', 'warning', 'note', 'error']);

    const results = run.results!;
    expect(results).toHaveLength(6);
    for (const res of results) expect(driver.rules![res.ruleIndex!].id).toBe(res.ruleId);
    expect(results.map((r) => r.level)).toEqual(['error', 'warning', 'note', 'error', 'error', 'error']);

    const [cross, rot, , supp, pub, parse] = results;
    expect(cross.message.text).toBe(crossAccount.message);
    expect(cross.locations![0]).toEqual({
      physicalLocation: {
        artifactLocation: { uri: 'infra/app.yaml', uriBaseId: '%SRCROOT%' },
        region: { startLine: 12, startColumn: 5, endLine: 12, endColumn: 30 },
      },
      logicalLocations: [{ name: 'DataBucket', fullyQualifiedName: 'app/DataBucket', kind: 'resource' }],
    });
    expect(cross.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: { artifactLocation: { uri: 'infra/app.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 40, startColumn: 7 } },
        message: { text: 'DataBucketPolicy grants 444455556666 s3:GetObject' },
      },
    ]);
    expect(cross.partialFingerprints).toEqual({ 'kmslint/v1': 'fp-cross-account-DataBucket' });
    expect(cross).not.toHaveProperty('suppressions');
    expect(rot.message.text).toBe('AppKey has automatic key rotation off. (when UseCmk=true)');
    expect(rot.properties).toMatchObject({ branch: 'UseCmk=true' });
    expect(supp.suppressions).toEqual([{ kind: 'inSource', justification: 'legacy queue, replaced in Q3' }]);
    expect(pub.locations![0].logicalLocations).toEqual([
      { name: 'TopicBFC7AF6E', fullyQualifiedName: 'AppStack/Alerts/Topic/Resource', kind: 'resource' },
    ]);
    expect(parse.ruleId).toBe('parse-error');
    expect(parse.locations![0]).not.toHaveProperty('logicalLocations');

    expect(run.invocations).toHaveLength(1);
    expect(run.invocations![0].executionSuccessful).toBe(false);
    expect(run.invocations![0].toolExecutionNotifications).toEqual([
      {
        level: 'error',
        message: { text: 'Nested mappings are not allowed in compact mappings' },
        locations: [
          { physicalLocation: { artifactLocation: { uri: 'broken.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 7 } } },
        ],
        associatedRule: { id: 'parse-error', index: 5 },
      },
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

describe('github', () => {
  it('writes one workflow command per unsuppressed finding, escaped', () => {
    const out = lintFormatters.github(makeResult(), opts);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(
      '::error file=infra/app.yaml,line=12,col=5,endLine=12,endColumn=30,title=cross-account-aws-managed-key::' + crossAccount.message,
    );
    expect(lines[1]).toBe(
      '::warning file=infra/app.yaml,line=3,col=7,endLine=3,endColumn=30,title=customer-key-rotation-disabled::AppKey has automatic key rotation off. (when UseCmk=true)',
    );
    expect(lines[2]).toBe(
      '::notice file=infra/app.yaml,line=20,col=5,endLine=21,endColumn=9,title=implicit-aws-managed-key::JobsQueue falls back to alias/aws/sqs <script>alert("x")</script> & 100%25 of messages: see%0Athe SQS docs, section 2',
    );
    expect(lines[3]).toBe(
      '::error file=cdk.out/AppStack.template.json,line=8,col=7,endLine=8,endColumn=42,title=service-publisher-aws-managed-key::AppStack/Alerts/Topic/Resource: ' +
        cdk.message,
    );
    expect(lines[4]).toBe('::error file=broken.yaml,line=3,col=7,endLine=3,endColumn=7,title=parse-error::' + parseError.message);
    expect(out).not.toContain('LegacyQueue');
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
});

/** A small XML 1.0 well-formedness check: one root, balanced tags, quoted attributes, valid entities. */
function checkXml(xml: string): string[] {
  const problems: string[] = [];
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  let roots = 0;
  const re = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g;
  let m: RegExpExecArray | null;
  let last = 0;
  while ((m = re.exec(body))) {
    const between = body.slice(last, m.index);
    if (stack.length === 0 && between.trim() !== '') problems.push(`text outside the root: ${between.trim().slice(0, 40)}`);
    last = re.lastIndex;
    if (m[2] === undefined) {
      problems.push(`stray ${m[0]} at ${m.index}: ${body.slice(m.index, m.index + 40)}`);
      continue;
    }
    const [, close, name, , selfClose] = m;
    if (close) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open}>`);
    } else {
      if (stack.length === 0) roots++;
      if (!selfClose) stack.push(name);
    }
  }
  if (body.slice(last).trim() !== '') problems.push('text after the root');
  if (stack.length) problems.push(`unclosed: ${stack.join(', ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

describe('junit', () => {
  it('is well-formed XML with a suite per file and a testcase per finding', () => {
    const xml = lintFormatters.junit(makeResult(), opts);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    expect(checkXml(xml)).toEqual([]);
    expect(xml).toContain('<testsuites name="kmslint" tests="6" failures="4" errors="0" skipped="1" time="0">');
    expect(xml).toContain('<testsuite name="infra/app.yaml" tests="4" failures="2" errors="0" skipped="1" time="0">');
    expect(xml).toContain('<testsuite name="cdk.out/AppStack.template.json" tests="1" failures="1"');
    expect(xml).toContain('<testcase name="service-publisher-aws-managed-key: AppStack/Alerts/Topic/Resource" classname="cdk.out/AppStack.template.json"');
    expect(xml).toContain('<testcase name="cross-account-aws-managed-key: DataBucket" classname="infra/app.yaml" time="0">');
    expect(xml).toContain('<failure type="error" message="DataBucket is shared with account');
    expect(xml).toContain('infra/app.yaml:12:5\nerror: DataBucket is shared');
    expect(xml).toContain('related: infra/app.yaml:40:7 DataBucketPolicy grants');
    expect(xml).toContain('<skipped message="suppressed: legacy queue, replaced in Q3"/>');
    // The info finding passes, its text escaped.
    expect(xml).toContain('<system-out>infra/app.yaml:20:5\ninfo: JobsQueue falls back to alias/aws/sqs &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 100%');
    expect(xml).not.toContain('<script>');
  });

  it('puts an input error in its file suite and gives clean inputs a passing testcase', () => {
    const r = makeResult();
    r.findings = r.findings.filter((f) => f.ruleId !== 'parse-error');
    r.inputs.push({ path: 'infra/clean.yaml', format: 'cloudformation', error: null });
    const xml = lintFormatters.junit(r, opts);
    expect(checkXml(xml)).toEqual([]);
    expect(xml).toContain(
      '<testsuite name="broken.yaml" tests="1" failures="1" errors="0" skipped="0" time="0">\n' +
        '    <testcase name="parse-error: broken.yaml" classname="broken.yaml" time="0">\n' +
        '      <failure type="error" message="Nested mappings are not allowed in compact mappings">broken.yaml:3:7\nNested mappings are not allowed in compact mappings</failure>',
    );
    expect(xml).toContain(
      '<testsuite name="infra/clean.yaml" tests="1" failures="0" errors="0" skipped="0" time="0">\n' +
        '    <testcase name="kmslint: infra/clean.yaml" classname="infra/clean.yaml" time="0"/>',
    );
    // cdk.out is covered by the findings of the template inside it.
    expect(xml).not.toContain('<testsuite name="cdk.out"');
  });

  it('escapes attributes and drops characters XML cannot hold', () => {
    const r: LintResult = {
      ...empty,
      findings: [{ ...crossAccount, message: `a "quoted" <b> & 'x'\nnext\u0001`, resource: { ...crossAccount.resource!, id: 'Id<&>"' } }],
    };
    const xml = lintFormatters.junit(r, opts);
    expect(checkXml(xml)).toEqual([]);
    expect(xml).toContain('name="cross-account-aws-managed-key: Id&lt;&amp;&gt;&quot;"');
    expect(xml).toContain('message="a &quot;quoted&quot; &lt;b&gt; &amp; &apos;x&apos;&#10;next"');
    expect(xml).not.toContain('\u0001');
    expect(checkXml('<a><b></a>')).not.toEqual([]);
    expect(checkXml('<a x="1">&bogus;</a>')).not.toEqual([]);
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
});

describe('html', () => {
  it('is a self-contained page with every dynamic string escaped', () => {
    const html = lintFormatters.html(makeResult(), opts);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 100%');
    expect(html).not.toMatch(/<link|src=|@import/);
    expect(html).toContain('<style>');
    expect(html).toContain(`<a href="${DOCS}cross-account-aws-managed-key.md"`);
    expect(html).toContain('<h2>infra/app.yaml</h2>');
    expect(html).toContain('<h2>cdk.out/AppStack.template.json</h2>');
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
    expect(html).toContain('<h2>a&lt;b&gt;.yaml</h2>');
    expect(lintFormatters.html(empty, opts)).toContain('No problems found.');
  });
});
