// `kmslint keys --format mermaid` drawn by the Mermaid library itself (the dev dependency's dist
// bundle, injected from node_modules, never fetched) in headless Chromium: the chart parses, renders
// an SVG with exactly the nodes the reporter says it drew, and nothing goes to the network. For a
// fixture set with every relation kind, for hostile names, and for the whole CDK corpus (collapsed).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { lintSources } from '../../src/engine/lint-sources.js';
import { keyMapOf } from '../../src/analysis/key-map.js';
import { mermaidDiagram, type MermaidDiagram } from '../../src/reporters/mermaid.js';
import type { KeyRow } from '../../src/analysis/key-rows.js';
import type { RelationRow } from '../../src/analysis/key-map.js';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = resolve(__dirname, '../..');
const MERMAID_BUNDLE = join(ROOT, 'node_modules/mermaid/dist/mermaid.min.js');
const CORPUS = resolve(ROOT, '../shared/corpus/cdk');
const FIXTURES = ['cross-account-aws-managed-key', 'service-publisher-aws-managed-key', 'cloudfront-origin-aws-managed-key', 'cloudfront-logs-aws-managed-key'].map((d) => `fixtures/cloudformation/${d}`);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`mermaid: ${CHROMIUM} not found, browser test skipped (scripts/install-integration-deps.sh installs it)`);

let dir: string;
let context: BrowserContext;
/** Every request any page made: there must be none. */
const requests: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kmslint-mermaid-'));
  if (!haveChromium) return;
  context = await chromium.launchPersistentContext(join(dir, 'profile'), { executablePath: CHROMIUM, headless: true, args: ARGS });
  await context.route('**/*', (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
});

afterAll(async () => {
  await context?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Rendered {
  parsed: boolean;
  error?: string;
  nodes: number;
  clusters: number;
  edgePaths: number;
  text: string;
  injected: number;
}

/** Mermaid in a blank page: parse, then render to an SVG and count what it drew. */
async function renderInChromium(text: string): Promise<{ rendered: Rendered; errors: string[] }> {
  const page: Page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body><div id="out"></div></body></html>');
    await page.addScriptTag({ path: MERMAID_BUNDLE });
    const rendered = await page.evaluate(async (source: string): Promise<Rendered> => {
      const m = (globalThis as unknown as { mermaid: { initialize(c: object): void; parse(t: string): Promise<unknown>; render(id: string, t: string): Promise<{ svg: string }> } }).mermaid;
      m.initialize({ startOnLoad: false, securityLevel: 'strict' });
      const out = document.getElementById('out')!;
      try {
        // parse throws on a syntax error (and so does render, which would otherwise draw an error chart).
        await m.parse(source);
        const { svg } = await m.render('kmslintChart', source);
        out.innerHTML = svg;
      } catch (err) {
        return { parsed: false, error: String((err as Error)?.message ?? err), nodes: 0, clusters: 0, edgePaths: 0, text: '', injected: 0 };
      }
      const root = out.querySelector('svg')!;
      return {
        parsed: true,
        nodes: root.querySelectorAll('g.node').length,
        clusters: root.querySelectorAll('g.cluster').length,
        edgePaths: root.querySelectorAll('path.flowchart-link').length,
        text: root.textContent ?? '',
        // Markup a hostile name could have smuggled in.
        injected: root.querySelectorAll('img, script, iframe, a[href], [onerror], [onclick]').length,
      };
    }, text);
    return { rendered, errors };
  } finally {
    await page.close();
  }
}

async function diagramOf(paths: string[], maxNodes?: number): Promise<MermaidDiagram> {
  const r = await lintSources({ paths, noConfig: true, cwd: ROOT });
  return mermaidDiagram({ inputs: r.result.inputs, rows: r.keys, keyMap: () => keyMapOf(r.analysis, { rows: r.keys }) }, { maxNodes });
}

function expectDrawn(d: MermaidDiagram, rendered: Rendered, errors: string[]): void {
  expect(rendered.error).toBeUndefined();
  expect(rendered.parsed).toBe(true);
  expect(rendered.nodes).toBe(d.nodes);
  expect(rendered.edgePaths).toBe(d.edges);
  expect(rendered.injected).toBe(0);
  expect(errors).toEqual([]);
  expect(requests).toEqual([]);
}

describe.skipIf(!haveChromium)('mermaid output renders with the Mermaid library', () => {
  it('fixture set: every resource, key, principal and relation drawn, grouped per stack', async () => {
    const d = await diagramOf(FIXTURES);
    const { rendered, errors } = await renderInChromium(d.text);
    expectDrawn(d, rendered, errors);
    expect({ nodes: d.nodes, edges: d.edges, collapsed: d.collapsed, folded: d.folded }).toEqual(FIXTURE_COUNTS);
    expect(rendered.clusters).toBe(FIXTURE_STACKS);
    expect(rendered.text).toContain('alias/aws/s3');
    expect(rendered.text).toContain('CloudFront origin (OAC)');
  });

  it('the same set under a small budget: stacks collapse, the note is drawn', async () => {
    const d = await diagramOf(FIXTURES, 30);
    const { rendered, errors } = await renderInChromium(d.text);
    expectDrawn(d, rendered, errors);
    expect(d.nodes).toBeLessThanOrEqual(30);
    expect(d.collapsed + d.folded).toBeGreaterThan(0);
    expect(rendered.text).toContain('Collapsed to stay within 30 nodes:');
  });

  it('hostile names render as text: no parse error, no markup, the name visible', async () => {
    // Each under the 60 code points a label line keeps, so the whole name must show.
    const hostile = '<img src=x onerror=f()>"]; #quot; &amp;|x|`md`ﬂ°lt¶ß\nend ☃';
    const directive = 'a"]; click R0 call alert(1) %%{init: {"theme":"dark"}}%%';
    const row: KeyRow = { file: directive, stack: directive, id: hostile, type: 'AWS::SQS::Queue', branch: hostile, key: { kind: 'customer-managed', keyRef: hostile, external: true }, reason: 'r', line: 1, column: 1, secondary: [{ purpose: hostile, key: { kind: 'none' }, reason: 'r' }] };
    const shared: RelationRow = { kind: 'sharedWith', from: row, scope: { kind: 'organization', org: hostile }, via: hostile, own: false, label: hostile, site: { file: directive, line: 1, column: 1 } };
    const d = mermaidDiagram({ inputs: [], rows: [row], keyMap: () => ({ rows: [row], relations: [shared], declaredKeys: [] }) });
    const { rendered, errors } = await renderInChromium(d.text);
    expectDrawn(d, rendered, errors);
    expect(d.nodes).toBe(4);
    // As written: the newline as its escape, a word joiner after the backslash and inside ¶ß, ﬂ as fl.
    const shown = '<img src=x onerror=f()>"]; #quot; &amp;|x|`md`fl°lt¶\u2060ß\\\u2060nend ☃';
    expect(rendered.text.split(shown).length - 1).toBe(5); // resource, key, principal, two edge labels
    expect(rendered.text).toContain(directive);
  });

  it.skipIf(!existsSync(CORPUS))('the whole CDK corpus: collapsed within 200 nodes and Mermaid’s limits, rendered', async () => {
    const d = await diagramOf([CORPUS]);
    const { rendered, errors } = await renderInChromium(d.text);
    expectDrawn(d, rendered, errors);
    expect(d.nodes).toBeLessThanOrEqual(200);
    expect(d.edges).toBeLessThanOrEqual(500);
    expect(d.text.length).toBeLessThanOrEqual(50_000);
    expect(rendered.text).toContain('Collapsed to stay within 200 nodes:');
    console.log(`mermaid: CDK corpus chart ${d.text.length} characters, ${d.nodes} nodes, ${d.edges} edges, ${d.collapsed} stacks as counts, ${d.folded} folded`);
  });
});

/**
 * The four fixture folders: 51 templates with an encryptable resource (one subgraph each) holding
 * 64 resources, 5 declared customer keys and 15 related resources (publishers, distributions); 18
 * key and principal nodes outside them. Edges: 64 resource → key, 23 sharing, 13 publisher, 4 origin, 3 log.
 */
const FIXTURE_COUNTS = { nodes: 102, edges: 107, collapsed: 0, folded: 0 };
const FIXTURE_STACKS = 51;
