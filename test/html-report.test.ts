// The HTML report (src/reporters/html/**): page structure, escaping of hostile input, and the
// counts of the findings, the key map and the summary. The browser test is
// test/integration/html-report.test.ts.
import { describe, expect, it } from 'vitest';
import { lintSources } from '../src/engine/lint-sources.js';
import { keyMapOf } from '../src/analysis/key-map.js';
import { formatHtml } from '../src/reporters/html.js';
import { keysFormatters } from '../src/reporters/keys.js';
import { buildModel, modulePrefix } from '../src/reporters/html/model.js';
import { scriptJson } from '../src/reporters/html/page.js';

const HOSTILE = 'Data</script><img src=x onerror=alert(1)>"\'\u2028#';
const HOSTILE_FILE = 'evil</script><b>"x".json';

const template = {
  Resources: {
    RotatingKey: { Type: 'AWS::KMS::Key', DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain', Properties: { EnableKeyRotation: true } },
    StaticKey: { Type: 'AWS::KMS::Key', DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' },
    [HOSTILE]: {
      Type: 'AWS::S3::Bucket',
      Properties: { BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }] } },
    },
    Policy: {
      Type: 'AWS::S3::BucketPolicy',
      Properties: {
        Bucket: { Ref: HOSTILE },
        PolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 's3:GetObject', Resource: '*' }] },
      },
    },
    Queue: { Type: 'AWS::SQS::Queue', Properties: { KmsMasterKeyId: { Ref: 'RotatingKey' } } },
  },
};

async function run() {
  const r = await lintSources({ texts: [{ path: HOSTILE_FILE, text: JSON.stringify(template, null, 2) }], noConfig: true, cwd: '/work' });
  const map = keyMapOf(r.analysis, { rows: r.keys });
  return { r, map, html: formatHtml(r.result, { color: false, cwd: '/work', keyMap: () => map }) };
}

/** The JSON data block of a page. */
function pageData(html: string): { resources: { id: string; findings: number[] }[]; findings: { rule: string }[]; groups: { label: string; nodes: unknown[]; edges: unknown[] }[] } {
  const m = /<script type="application\/json" id="kmslint-data">(.*?)<\/script>/s.exec(html);
  expect(m).not.toBeNull();
  return JSON.parse(m![1]);
}

describe('html report', () => {
  it('a hostile resource id or file name cannot add markup or end a script', async () => {
    const { html } = await run();
    // Exactly the page's own three scripts: data, dagre, client.
    expect(html.match(/<script\b/gi)).toHaveLength(3);
    expect(html.match(/<\/script>/gi)).toHaveLength(3);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>"x"');
    expect(html).not.toContain('\u2028');
    // In text and attributes: entities; in the data: JSON escapes, which parse back to the name.
    expect(html).toContain('Data&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&#39;\\u2028');
    const data = pageData(html);
    expect(data.resources.map((x) => x.id)).toContain('Data</script><img src=x onerror=alert(1)>"\'\\u2028#');
    // Nothing is loaded from anywhere: no src or link elements, a CSP that allows no fetch.
    expect(html).not.toMatch(/<(link|img|iframe)\b|<[a-z][^>]*\ssrc=/i);
    expect(html).toContain(`default-src 'none'`);
  });

  it('scriptJson escapes what could close the element or start a CI command', () => {
    expect(scriptJson({ a: '</script><!--\u2028\u2029##[error]&' })).toBe('{"a":"\\u003c/script\\u003e\\u003c!--\\\\u2028\\\\u2029\\u0023\\u0023[error]\\u0026"}');
    expect(JSON.parse(scriptJson({ a: '</script>#&' }))).toEqual({ a: '</script>#&' });
  });

  it('lists findings first, severity-ordered, infos and suppressed collapsed, each linked to its rule page and its file', async () => {
    const { r, html } = await run();
    const rows = [...html.matchAll(/<tr class="f[^"]*" data-i="(\d+)" data-rule="([^"]+)" data-severity="(\w+)"[^>]*?( hidden)?>/g)].map((m) => [m[2], m[3], m[4] === ' hidden']);
    expect(rows).toEqual([
      ['cross-account-aws-managed-key', 'error', false],
      ['customer-key-rotation-disabled', 'warning', false],
      ['implicit-aws-managed-key', 'info', true],
    ]);
    expect(r.result.summary).toMatchObject({ errors: 1, warnings: 1, infos: 1 });
    expect(html.indexOf('id="findings"')).toBeLessThan(html.indexOf('id="keymap"'));
    expect(html).toContain('<a href="https://github.com/kmslint/kmslint/blob/main/rules/cross-account-aws-managed-key.md"');
    const link = (line: number, column: number) =>
      `<td class="loc"><a href="file:///work/evil%3C/script%3E%3Cb%3E%22x%22.json" title="line ${line}, column ${column}">evil&lt;/script&gt;&lt;b&gt;&quot;x&quot;.json:${line}:${column}</a></td>`;
    expect(html.match(/<td class="loc">.*?<\/td>/g)).toEqual([link(23, 17), link(11, 5), link(23, 17)]);
    expect(html).toMatch(/<div class="card sev-error" data-count="errors"><b>1<\/b>/);
    // Filters name each rule, severity and file once.
    expect(html).toContain('<select id="f-rule"><option value="">all</option><option value="cross-account-aws-managed-key">');
    expect(html).toContain('<select id="f-severity"><option value="">all</option><option value="error">error</option><option value="warning">warning</option><option value="info">info</option></select>');
  });

  it('draws one group with the resources, their keys, the principal and the marked sharing edge', async () => {
    const { r, map } = await run();
    const model = buildModel(map, r.result.findings, (p) => p);
    expect(model.groups).toHaveLength(1);
    const g = model.groups[0];
    const nodes = g.nodes.map((n) => [n.kind, n.label, n.mark ?? null]);
    expect(nodes).toEqual([
      ['customer', 'RotatingKey', null],
      ['customer', 'StaticKey', 'warning'],
      ['resource', HOSTILE, 'error'],
      ['resource', 'Queue', null],
      ['managed', 'alias/aws/s3', null],
      ['principal', 'account 444455556666', null],
    ]);
    const edges = g.edges.map((e) => [g.nodes[e.from].label, g.nodes[e.to].label, e.kind, e.mark ?? null, (e.findings ?? []).map((f) => r.result.findings[f].ruleId)]);
    expect(edges).toEqual([
      [HOSTILE, 'alias/aws/s3', 'implicit', null, []],
      ['Queue', 'RotatingKey', 'uses', null, []],
      [HOSTILE, 'account 444455556666', 'sharedWith', 'error', ['cross-account-aws-managed-key']],
    ]);
    expect(g.counts).toEqual({ managed: 1, customer: 1 });
    expect(g.mark).toBe('error');
  });

  it('summarises key kinds, rules, AWS managed keys per service and the customer key cost', async () => {
    const { html } = await run();
    expect(html).toContain('<tr data-kind="customer"><td><span class="chip k-customer">customer managed</span></td><td class="num">1</td></tr>');
    expect(html).toContain('<tr data-kind="managed"><td><span class="chip k-managed">AWS managed</span></td><td class="num">1</td></tr>');
    expect(html).toContain('<tr data-alias="alias/aws/s3"><td class="mono">alias/aws/s3</td><td class="num">1</td><td class="num">1</td></tr>');
    expect(html).toMatch(/<tr data-rule="cross-account-aws-managed-key"><td><a [^>]+>cross-account-aws-managed-key<\/a><\/td><td class="num">1<\/td><td class="num">0<\/td><td class="num">0<\/td><td class="num">0<\/td><\/tr>/);
    // Two keys at $1; the rotating one adds $1 for each of its first two rotations.
    expect(html).toContain('<b>$2.00 per month</b> for 2 customer managed keys declared in the input, rising to at most <b>$4.00</b> once the 1 key with automatic rotation on have rotated twice.');
    expect(html).toContain('An estimate, not a bill');
    expect(html).toContain('as of April 2024');
  });

  it('merges five or more similar resources into one node', async () => {
    const resources: Record<string, unknown> = {};
    for (let i = 0; i < 7; i++) resources[`Queue${i}`] = { Type: 'AWS::SQS::Queue', Properties: { SqsManagedSseEnabled: true } };
    resources.Odd = { Type: 'AWS::SNS::Topic' };
    const r = await lintSources({ texts: [{ path: 'many.json', text: JSON.stringify({ Resources: resources }) }], noConfig: true });
    const model = buildModel(keyMapOf(r.analysis, { rows: r.keys }), r.result.findings, (p) => p);
    expect(model.groups[0].nodes.map((n) => [n.kind, n.label, n.resources?.length ?? 0])).toEqual([
      ['aggregate', '7 × AWS::SQS::Queue', 7],
      ['resource', 'Odd', 1],
      ['owned', 'AWS owned key', 0],
      ['none', 'not encrypted', 0],
    ]);
  });

  it('keys --format html draws the same map and says that no rule ran', async () => {
    const { r, map } = await run();
    const html = keysFormatters.html({ inputs: r.result.inputs, rows: r.keys, keyMap: () => map }, { color: false });
    expect(html).toContain('<title>kmslint key map</title>');
    expect(html).not.toContain('id="findings-table"');
    expect(html).toContain('runs no rules, so no finding is marked here');
    const data = pageData(html);
    expect(data.groups[0].nodes).toHaveLength(6);
    expect(data.findings).toEqual([]);
  });

  it('without a key map (a library call, diff, --cache) shows findings and summary and says why there is no map', async () => {
    const { r } = await run();
    const html = formatHtml(r.result, { color: false, cwd: '/work' });
    expect(html).toContain('This run passed no key map');
    expect(html).not.toContain('<details class="group');
    expect(html.match(/<tr class="f/g)).toHaveLength(3);
    expect(pageData(html).groups).toEqual([]);
  });

  it('reads Terraform module prefixes, brackets and dots in keys included', () => {
    expect(modulePrefix('module.db.module.queues["a.b"].aws_sqs_queue.q')).toBe('module.db.module.queues["a.b"]');
    expect(modulePrefix('module.x[0].aws_s3_bucket.b')).toBe('module.x[0]');
    expect(modulePrefix('aws_s3_bucket.b')).toBeUndefined();
  });
});
