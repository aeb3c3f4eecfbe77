// Both HTML reports (lint and keys) in headless Chromium, for a fixture set and for the whole CDK
// corpus: the key map and the findings render with the expected counts, a filter works, a click
// opens the side panel, nothing is fetched and nothing is logged as an error. Prints the time to
// first render and saves screenshots to a temp dir (removed afterwards unless KMSLINT_KEEP_SHOTS=1).
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { lintSources } from '../../src/engine/lint-sources.js';
import { keyMapOf } from '../../src/analysis/key-map.js';
import { formatHtml } from '../../src/reporters/html.js';
import { keysFormatters } from '../../src/reporters/keys.js';
import { buildModel } from '../../src/reporters/html/model.js';
import { displayPath } from '../../src/reporters/common.js';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = resolve(__dirname, '../..');
const CORPUS = resolve(ROOT, '../shared/corpus/cdk');
const FIXTURES = ['cross-account-aws-managed-key', 'service-publisher-aws-managed-key', 'cloudfront-origin-aws-managed-key'].map((d) => `fixtures/cloudformation/${d}`);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`html-report: ${CHROMIUM} not found, browser test skipped (scripts/install-integration-deps.sh installs it)`);
if (!existsSync(CORPUS)) console.warn(`html-report: ${CORPUS} not found, corpus run skipped`);

let dir: string;
let context: BrowserContext;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kmslint-html-'));
  if (haveChromium) context = await chromium.launchPersistentContext(join(dir, 'profile'), { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1400, height: 900 } });
});

afterAll(async () => {
  await context?.close();
  if (process.env.KMSLINT_KEEP_SHOTS === '1') console.log(`html-report: screenshots kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
});

interface Reports {
  lint: string;
  keys: string;
  expected: { groups: number; openGroups: number; visibleFindings: number; filterRule: string; filterRows: number; resources: number };
}

async function writeReports(name: string, paths: string[]): Promise<Reports> {
  const r = await lintSources({ paths, noConfig: true, cwd: ROOT });
  const map = keyMapOf(r.analysis, { rows: r.keys });
  const lint = join(dir, `${name}-lint.html`);
  const keys = join(dir, `${name}-keys.html`);
  const lintHtml = formatHtml(r.result, { color: false, cwd: ROOT, keyMap: () => map });
  writeFileSync(lint, lintHtml);
  writeFileSync(keys, keysFormatters.html({ inputs: r.result.inputs, rows: r.keys, keyMap: () => map }, { color: false }));
  const model = buildModel(map, r.result.findings, (p) => displayPath(p, ROOT));
  const shown = r.result.findings.filter((f) => !f.suppressed && f.severity !== 'info');
  const byRule = new Map<string, number>();
  for (const f of shown) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  const [filterRule, filterRows] = [...byRule].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  console.log(`html-report: ${name}: lint page ${(lintHtml.length / 1024).toFixed(0)} KiB, ${model.groups.length} groups, ${model.resources.length} resources, ${r.result.findings.length} findings`);
  return {
    lint,
    keys,
    expected: { groups: model.groups.length, openGroups: (lintHtml.match(/<details class="group[^"]*" data-g="\d+" open>/g) ?? []).length, visibleFindings: shown.length, filterRule, filterRows, resources: r.keys.length },
  };
}

/** Opens a report, waits for its first render, and returns what it logged and fetched. */
async function open(file: string, label: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (q) => requests.push(q.url()));
  const started = Date.now();
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 300_000 });
  const t = await page.evaluate(() => ({
    ready: (window as unknown as { kmslintReadyAt: number }).kmslintReadyAt,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
  }));
  console.log(`html-report: ${label}: first contentful paint ${Math.round(t.fcp ?? -1)} ms, open groups drawn at ${Math.round(t.ready)} ms (wall ${Date.now() - started} ms)`);
  return { page, errors, requests };
}

async function checkLint(r: Reports, label: string): Promise<void> {
  const { page, errors, requests } = await open(r.lint, `${label} lint`);
  expect(await page.locator('details.group').count()).toBe(r.expected.groups);
  expect(await page.locator('details.group[open] svg.map').count()).toBe(r.expected.openGroups);
  expect(await page.locator('#findings-table tbody tr:not([hidden])').count()).toBe(r.expected.visibleFindings);
  await page.screenshot({ path: join(dir, `${label}-lint.png`) });

  // Filter by the rule with the most findings shown, then show the infos too.
  await page.selectOption('#f-rule', r.expected.filterRule);
  expect(await page.locator('#findings-table tbody tr:not([hidden])').count()).toBe(r.expected.filterRows);
  expect(new Set(await page.locator('#findings-table tbody tr:not([hidden])').evaluateAll((rows) => rows.map((x) => (x as HTMLElement).dataset.rule)))).toEqual(new Set([r.expected.filterRule]));
  await page.click('#f-reset');

  // A click on the first marked node or edge of the open groups shows it in the panel.
  const marked = page.locator('details.group[open] svg.map .mark-error, details.group[open] svg.map .mark-warning').first();
  await marked.locator('rect, .hit').first().dispatchEvent('click');
  await expect.poll(() => page.locator('#panel').isVisible()).toBe(true);
  expect(await page.locator('#panel-body .plist li').count()).toBeGreaterThan(0);
  await page.locator('#keymap').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(dir, `${label}-lint-map.png`) });

  // Expanding every group draws them as they scroll into view, without errors.
  await page.click('#map-expand');
  expect(await page.locator('details.group[open]').count()).toBe(r.expected.groups);

  expect(errors).toEqual([]);
  expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
  expect(new Set(requests)).toEqual(new Set([pathToFileURL(r.lint).href]));
  await page.close();
}

async function checkKeys(r: Reports, label: string): Promise<void> {
  const { page, errors, requests } = await open(r.keys, `${label} keys`);
  expect(await page.locator('details.group').count()).toBe(r.expected.groups);
  expect(await page.locator('#findings-table').count()).toBe(0);
  const kinds = await page.locator('#sum-kinds td.num').allInnerTexts();
  expect(kinds.map(Number).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(Number((await page.locator('[data-count="resources"] b').innerText())));
  // The key search narrows the groups.
  await page.fill('#map-search', 'alias/aws/s3');
  const visible = await page.locator('details.group:not([hidden])').count();
  expect(visible).toBeGreaterThan(0);
  expect(visible).toBeLessThanOrEqual(r.expected.groups);
  await page.screenshot({ path: join(dir, `${label}-keys.png`) });
  expect(errors).toEqual([]);
  expect(new Set(requests)).toEqual(new Set([pathToFileURL(r.keys).href]));
  await page.close();
}

/**
 * 5,000 encryptable resources: one stack of 2,000 and 30 of 100, each with buckets on alias/aws/s3
 * (some shared with another account), queues on a declared key and topics on AWS owned keys.
 */
function writeScaleSet(): string {
  const root = join(dir, 'scale');
  mkdirSync(root);
  const stack = (name: string, n: number) => {
    const resources: Record<string, unknown> = {
      Key: { Type: 'AWS::KMS::Key', DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain', Properties: { EnableKeyRotation: true } },
    };
    const sse = { BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }] } };
    for (let i = 0; i < n; i++) {
      if (i % 4 === 0) resources[`Bucket${i}`] = { Type: 'AWS::S3::Bucket', Properties: sse };
      else if (i % 4 === 1) resources[`Queue${i}`] = { Type: 'AWS::SQS::Queue', Properties: { KmsMasterKeyId: { Ref: 'Key' } } };
      else resources[`Topic${i}`] = { Type: 'AWS::SNS::Topic' };
      if (i % 40 === 0) {
        resources[`Policy${i}`] = {
          Type: 'AWS::S3::BucketPolicy',
          Properties: { Bucket: { Ref: `Bucket${i}` }, PolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 's3:GetObject', Resource: '*' }] } },
        };
      }
    }
    writeFileSync(join(root, `${name}.json`), JSON.stringify({ Resources: resources }));
  };
  stack('big', 2000);
  for (let s = 0; s < 30; s++) stack(`stack${s}`, 100);
  return root;
}

describe.skipIf(!haveChromium)('html report in Chromium', () => {
  it('fixture set: lint and keys reports', async () => {
    const r = await writeReports('fixtures', FIXTURES.map((p) => join(ROOT, p)));
    expect(r.expected.groups).toBeGreaterThan(10);
    await checkLint(r, 'fixtures');
    await checkKeys(r, 'fixtures');
  });

  it('a hostile resource id and file name render as text: no element, no script, no dialog', async () => {
    const hostile = 'Data</script><img src=x onerror=alert(1)><script>alert(2)</script>"\'';
    const bucket = { Type: 'AWS::S3::Bucket', Properties: { BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }] } } };
    const policy = { Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: { Ref: hostile }, PolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 's3:GetObject', Resource: '*' }] } } };
    const root = join(dir, 'hostile');
    mkdirSync(root);
    writeFileSync(join(root, '<img src=y onerror=alert(3)>.json'), JSON.stringify({ Resources: { [hostile]: bucket, Policy: policy } }));
    const r = await writeReports('hostile', [root]);
    const { page, errors, requests } = await open(r.lint, 'hostile lint');
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.locator('details.group[open] svg.map .node.mark-error rect').first().dispatchEvent('click');
    await expect.poll(() => page.locator('#panel').isVisible()).toBe(true);
    expect(await page.locator('#panel-body h3').innerText()).toBe(hostile);
    expect(await page.locator('#findings-table a.res-link').first().innerText()).toBe(hostile);
    expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    expect(await page.evaluate(() => document.scripts.length)).toBe(3);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(new Set(requests)).toEqual(new Set([pathToFileURL(r.lint).href]));
    await page.close();
  });

  it('5,000 resources: the page opens with groups collapsed and every group draws', async () => {
    const r = await writeReports('scale', [writeScaleSet()]);
    expect(r.expected.resources).toBe(5000);
    await checkLint(r, 'scale');
    await checkKeys(r, 'scale');
  });

  it.skipIf(!existsSync(CORPUS))('whole CDK corpus: lint and keys reports', async () => {
    const r = await writeReports('cdk-corpus', [CORPUS]);
    await checkLint(r, 'cdk-corpus');
    await checkKeys(r, 'cdk-corpus');
  });
});
