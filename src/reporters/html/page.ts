// One self-contained HTML page for `kmslint --format html` and `kmslint keys --format html`:
// findings first (severity-ordered, filterable, infos and suppressed findings collapsed), then the
// key map (one collapsible group per stack or Terraform module, drawn in the browser by the
// inlined dagre), then the summary. No network: styles, script and data are inline.
// Server-side text goes through `text()` (control characters made visible, then HTML-escaped);
// the data block is JSON with `<`, `>`, `&`, `#` and U+2028/9 escaped, so no input can end the
// script element or start a CI command line.
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { KeyMap } from '../../analysis/key-map.js';
import type { Finding, InputReport, LintResult, RuleDescriptor, Severity } from '../../model/findings.js';
import { displayPath, escapeControlChars, guardCiCommands, isWebUrl, MARKUP_GUARD, plural, resourceLabel, ruleMap, severityOrder, unreportedInputErrors } from '../common.js';
import { dagreSource } from './assets.js';
import { CLIENT_SCRIPT } from './client.js';
import { buildModel, type KeyClass, type PageModel } from './model.js';
import { REPORT_CSS } from './styles.js';
import { KMS_PRICES, summarise, type ReportSummary } from './summary.js';

export interface HtmlReportInput {
  /** `lint` shows findings; `keys` runs no rules and says so. */
  mode: 'lint' | 'keys';
  tool: { name: string; version: string };
  inputs: readonly InputReport[];
  /** Absent when the caller has no analysis to draw (a library call, `diff`). */
  keyMap?: KeyMap;
  findings: readonly Finding[];
  rules: readonly RuleDescriptor[];
  cwd?: string;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Text from the inputs or the result, ready for an HTML text node or attribute value. */
export function text(s: string): string {
  return escapeHtml(escapeControlChars(s));
}

/** A quick test for the characters escapeControlChars rewrites (a superset: any surrogate). */
// eslint-disable-next-line no-control-regex
const MAYBE_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069\ufffe\uffff\ud800-\udfff]/;

/** JSON for a `<script type="application/json">` element: nothing in it can close the element or be read as markup. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' && MAYBE_UNSAFE.test(v) ? escapeControlChars(v) : v)).replace(
    /[<>&#\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const KIND_LABELS: Record<KeyClass, string> = {
  customer: 'customer managed',
  external: 'customer managed, outside the input',
  managed: 'AWS managed',
  owned: 'AWS owned',
  none: 'not encrypted',
  unknown: 'unresolved',
};
const KIND_ORDER: KeyClass[] = ['customer', 'external', 'managed', 'owned', 'none', 'unknown'];

/** Groups drawn when the page opens: those with an error or a warning, up to this many. */
const OPEN_GROUPS = 8;
/** Small runs open every group. */
const OPEN_ALL_UP_TO_NODES = 150;

export function renderHtmlReport(input: HtmlReportInput): string {
  const path = (p: string) => displayPath(p, input.cwd);
  const rules = ruleMap([...input.rules]);
  const map: KeyMap = input.keyMap ?? { rows: [], relations: [], declaredKeys: [] };
  const findings = [...input.findings].sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity] || Number(a.suppressed) - Number(b.suppressed));
  const model = buildModel(map, findings, path);
  const summary = summarise(map, findings, rules);
  const title = input.mode === 'keys' ? 'kmslint key map' : 'kmslint report';
  const failed = input.inputs.filter((i) => i.error !== null);
  const active = findings.filter((f) => !f.suppressed);
  const count = (s: Severity) => active.filter((f) => f.severity === s).length;

  const parts: string[] = [];
  parts.push('<header>', `<h1>${text(title)}</h1>`);
  parts.push(`<p class="meta">${text(input.tool.name)} ${text(input.tool.version)} · ${plural(input.inputs.length, 'input')} · ${plural(summary.resources, 'encryptable resource')}</p>`);
  parts.push('<div class="cards">');
  const cards: [string, number, string][] =
    input.mode === 'lint'
      ? [
          ['errors', count('error'), 'sev-error'],
          ['warnings', count('warning'), 'sev-warning'],
          ['infos', count('info'), 'sev-info'],
          ['suppressed', findings.length - active.length, ''],
        ]
      : [];
  cards.push(['resources', summary.resources, ''], ['customer keys declared', summary.cost.keys, ''], ['inputs not parsed', failed.length, failed.length ? 'sev-error' : '']);
  for (const [label, n, cls] of cards) parts.push(`<div class="card ${cls}" data-count="${text(label)}"><b>${n}</b>${text(label)}</div>`);
  parts.push('</div>');
  parts.push(`<nav>${input.mode === 'lint' ? '<a href="#findings">Findings</a>' : ''}<a href="#keymap">Key map</a><a href="#summary">Summary</a></nav>`, '</header>', '<main>');

  parts.push(...inputErrorsSection(input, path));
  if (input.mode === 'lint') parts.push(...findingsSection(findings, rules, path, input.cwd));
  parts.push(...keyMapSection(model, input));
  parts.push(...summarySection(summary));
  parts.push('</main>');
  parts.push('<aside id="panel" hidden><button id="panel-close" type="button" aria-label="Close">×</button><div id="panel-body"></div></aside>');

  const ruleUrls: Record<string, string> = {};
  for (const r of input.rules) if (isWebUrl(r.docsUrl)) ruleUrls[r.id] = r.docsUrl;
  const data = { resources: model.resources, findings: model.findings, groups: model.groups, ruleUrls };

  return guardCiCommands(
    [
      '<!DOCTYPE html>',
      '<html lang="en">',
      '<head>',
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      // No network: the page loads nothing it does not carry.
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
      `<title>${text(title)}</title>`,
      `<style>${REPORT_CSS}</style>`,
      '</head>',
      '<body>',
      ...parts,
      `<script type="application/json" id="kmslint-data">${scriptJson(data)}</script>`,
      `<script>${dagreSource()}</script>`,
      `<script>${CLIENT_SCRIPT}</script>`,
      '</body>',
      '</html>',
      '',
    ].join('\n'),
    MARKUP_GUARD,
  );
}

function inputErrorsSection(input: HtmlReportInput, path: (p: string) => string): string[] {
  const errors = input.mode === 'lint' ? unreportedInputErrors({ inputs: [...input.inputs], findings: [...input.findings] } as LintResult) : input.inputs.filter((i) => i.error);
  if (!errors.length) return [];
  const out = ['<section id="input-errors"><h2>Inputs that could not be read</h2><ul>'];
  for (const i of errors) out.push(`<li class="mono">${text(path(i.path))}:${i.error!.line}:${i.error!.column} ${text(i.error!.message)}</li>`);
  out.push('</ul></section>');
  return out;
}

function options(values: Iterable<string>): string {
  return [...new Set(values)].sort().map((v) => `<option value="${text(v)}">${text(v)}</option>`).join('');
}

function findingsSection(findings: readonly Finding[], rules: ReadonlyMap<string, RuleDescriptor>, path: (p: string) => string, cwd: string | undefined): string[] {
  const out = ['<section id="findings">', `<h2>Findings</h2>`];
  if (findings.length === 0) {
    out.push('<p class="ok">No problems found.</p>', '</section>');
    return out;
  }
  const infos = findings.filter((f) => f.severity === 'info' && !f.suppressed).length;
  const suppressed = findings.filter((f) => f.suppressed).length;
  out.push(
    '<div class="filters">',
    `<label>Rule <select id="f-rule"><option value="">all</option>${options(findings.map((f) => f.ruleId))}</select></label>`,
    `<label>Severity <select id="f-severity"><option value="">all</option>${(['error', 'warning', 'info'] as const).filter((s) => findings.some((f) => f.severity === s)).map((s) => `<option value="${s}">${s}</option>`).join('')}</select></label>`,
    `<label>File <select id="f-file"><option value="">all</option>${options(findings.map((f) => path(f.file)))}</select></label>`,
    `<label>Stack <select id="f-stack"><option value="">all</option>${options(findings.map((f) => f.resource?.stack ?? ''))}</select></label>`,
    `<label><input type="checkbox" id="f-info"> show ${plural(infos, 'info')}</label>`,
    `<label><input type="checkbox" id="f-suppressed"> show ${suppressed} suppressed</label>`,
    '<button type="button" id="f-reset">reset</button>',
    '<span id="f-count" class="note"></span>',
    '</div>',
    '<table id="findings-table"><thead><tr><th>Severity</th><th>Rule</th><th>Resource</th><th>Message</th><th>Location</th></tr></thead><tbody>',
  );
  findings.forEach((f, i) => out.push(findingRow(f, i, rules.get(f.ruleId), path, cwd)));
  out.push('</tbody></table>', '<p id="f-empty" class="note" hidden>No finding matches the filters.</p>', '</section>');
  return out;
}

function findingRow(f: Finding, index: number, rule: RuleDescriptor | undefined, path: (p: string) => string, cwd: string | undefined): string {
  const file = path(f.file);
  const resource = resourceLabel(f);
  const notes: string[] = [];
  if (f.branch) notes.push(`when ${text(f.branch)}`);
  for (const r of f.related ?? []) notes.push(`related: <span class="mono">${locationLink(r.file, r.line, r.column, path, cwd)}</span> ${text(r.message)}`);
  if (f.suppressed) notes.push(`suppressed${f.suppression?.justification ? `: ${text(f.suppression.justification)}` : ''}`);
  const hidden = f.suppressed || f.severity === 'info' ? ' hidden' : '';
  const title = rule?.description ? ` title="${text(rule.description)}"` : '';
  const ruleCell = rule && isWebUrl(rule.docsUrl) ? `<a href="${escapeHtml(rule.docsUrl)}"${title}>${text(f.ruleId)}</a>` : `<span${title}>${text(f.ruleId)}</span>`;
  const resourceCell = resource
    ? `<a href="#keymap" class="res-link">${text(resource)}</a>${f.resource?.type ? `<div class="note">${text(f.resource.type)}</div>` : ''}`
    : '';
  return (
    `<tr class="f${f.suppressed ? ' suppressed' : ''}" data-i="${index}" data-rule="${text(f.ruleId)}" data-severity="${f.severity}" data-file="${text(file)}" data-stack="${text(f.resource?.stack ?? '')}" data-suppressed="${f.suppressed ? 1 : 0}"${hidden}>` +
    `<td><span class="sev sev-${f.severity}">${f.severity}</span></td>` +
    `<td>${ruleCell}</td>` +
    `<td class="res">${resourceCell}</td>` +
    `<td>${text(f.message)}${notes.map((n) => `<div class="note">${n}</div>`).join('')}</td>` +
    `<td class="loc">${locationLink(f.file, f.line, f.column, path, cwd)}</td>` +
    '</tr>'
  );
}

/** `file:line:col`, linked to the file when its absolute path is known. */
function locationLink(file: string, line: number, column: number, path: (p: string) => string, cwd: string | undefined): string {
  const label = text(`${path(file)}:${line}:${column}`);
  const absolute = isAbsolute(file) ? file : cwd !== undefined ? resolve(cwd, file) : undefined;
  if (absolute === undefined) return label;
  return `<a href="${escapeHtml(pathToFileURL(absolute).href)}" title="line ${line}, column ${column}">${label}</a>`;
}

function kindChips(counts: Partial<Record<KeyClass, number>>): string {
  return KIND_ORDER.filter((k) => counts[k]).map((k) => `<span class="chip k-${k}">${counts[k]} ${text(KIND_LABELS[k])}</span>`).join('');
}

function keyMapSection(model: PageModel, input: HtmlReportInput): string[] {
  const out = ['<section id="keymap">', '<h2>Key map</h2>'];
  if (!input.keyMap) {
    out.push(
      '<p class="note">This run passed no key map: a library call without one, <code>kmslint diff</code>, or <code>--cache</code> reusing the results of unchanged inputs (which are not analysed again). <code>kmslint --format html</code> without <code>--cache</code>, or <code>kmslint keys --format html</code>, draws it.</p>',
      '</section>',
    );
    return out;
  }
  if (input.mode === 'keys') out.push('<p class="note"><code>kmslint keys</code> runs no rules, so no finding is marked here; <code>kmslint --format html</code> draws the same map with its findings.</p>');
  out.push(
    '<p class="note">Each group is a stack (or Terraform module): its resources point to the keys that protect them. Click a key, resource or edge for its reason and findings. At least five similar resources (same type, keys and findings) are drawn as one node.</p>',
    `<div class="legend">${KIND_ORDER.map((k) => `<span class="chip k-${k}">${text(KIND_LABELS[k])}</span>`).join('')}<span class="note">· edges: solid uses, dashed implicit fallback, dotted secondary key, blue shared, purple service publisher, teal CloudFront; red/amber carry a finding</span></div>`,
    `<div class="filters"><button type="button" id="map-expand">expand all</button><button type="button" id="map-collapse">collapse all</button><label>Find <input type="search" id="map-search" placeholder="stack, resource or key"></label><span id="map-count" class="note"></span></div>`,
  );
  if (model.groups.length === 0) out.push('<p class="note">No encryptable resource.</p>');
  const order = model.groups.map((g, i) => ({ g, i })).sort((a, b) => rank(a.g.mark) - rank(b.g.mark) || a.i - b.i);
  const totalNodes = model.groups.reduce((n, g) => n + g.nodes.length, 0);
  let opened = 0;
  for (const { g, i } of order) {
    const open = totalNodes <= OPEN_ALL_UP_TO_NODES || ((g.mark === 'error' || g.mark === 'warning') && opened < OPEN_GROUPS);
    if (open) opened++;
    const marks = g.edges.filter((e) => e.mark).length + g.nodes.filter((n) => n.mark && n.mark !== 'info').length;
    out.push(
      `<details class="group${g.mark ? ` mark-${g.mark}` : ''}" data-g="${i}"${open ? ' open' : ''}><summary><span class="glabel">${text(g.label)}</span> · ${plural(g.resourceCount, 'resource')} ${kindChips(g.counts)}${marks ? ` <span class="sev sev-${g.mark}">${marks} marked</span>` : ''}</summary><div class="graph"></div></details>`,
    );
  }
  out.push('</section>');
  return out;
}

const rank = (s: Severity | undefined) => (s === undefined ? 3 : severityOrder[s]);

function summarySection(s: ReportSummary): string[] {
  const out = ['<section id="summary">', '<h2>Summary</h2>', '<h3>Resources by key kind</h3>'];
  out.push('<table class="narrow" id="sum-kinds"><thead><tr><th>Key kind</th><th class="num">Resources</th></tr></thead><tbody>');
  for (const k of KIND_ORDER) if (s.kinds[k]) out.push(`<tr data-kind="${k}"><td><span class="chip k-${k}">${text(KIND_LABELS[k])}</span></td><td class="num">${s.kinds[k]}</td></tr>`);
  out.push(`</tbody></table><p class="note">${plural(s.resources, 'encryptable resource')}; one whose key depends on a condition counts under each key it can have.</p>`);

  if (s.rules.length) {
    out.push('<h3>Findings by rule</h3><table id="sum-rules"><thead><tr><th>Rule</th><th class="num">Errors</th><th class="num">Warnings</th><th class="num">Infos</th><th class="num">Suppressed</th></tr></thead><tbody>');
    for (const r of s.rules) {
      const link = isWebUrl(r.rule.docsUrl) ? `<a href="${escapeHtml(r.rule.docsUrl)}">${text(r.rule.id)}</a>` : text(r.rule.id);
      out.push(`<tr data-rule="${text(r.rule.id)}"><td>${link}</td><td class="num">${r.counts.error}</td><td class="num">${r.counts.warning}</td><td class="num">${r.counts.info}</td><td class="num">${r.suppressed}</td></tr>`);
    }
    out.push('</tbody></table>');
  }

  out.push('<h3>Resources on AWS managed keys, by service</h3>');
  if (s.managed.length) {
    out.push('<table id="sum-managed"><thead><tr><th>AWS managed key</th><th class="num">Resources</th><th class="num">of which implicit</th></tr></thead><tbody>');
    for (const m of s.managed) out.push(`<tr data-alias="${text(m.alias)}"><td class="mono">${text(m.alias)}</td><td class="num">${m.resources}</td><td class="num">${m.implicit}</td></tr>`);
    out.push('</tbody></table><p class="note">Primary and secondary keys; implicit: encryption is on and no key is given, so the service uses its AWS managed key.</p>');
  } else out.push('<p class="note">No resource uses an AWS managed key.</p>');

  const c = s.cost;
  const p = KMS_PRICES;
  const dollars = (n: number) => `$${n.toFixed(2)}`;
  out.push(
    '<h3>Customer managed key cost (estimate)</h3>',
    `<div class="estimate" id="sum-cost"><p><b>${dollars(c.monthly)} per month</b> for ${plural(c.keys, 'customer managed key')} declared in the input${c.replicas ? ` (${plural(c.replicas, 'multi-Region replica')} included)` : ''}` +
      (c.monthlyAtMost > c.monthly ? `, rising to at most <b>${dollars(c.monthlyAtMost)}</b> once the ${plural(c.rotating + c.rotationUnknown, 'key')} with automatic rotation on${c.rotationUnknown ? ` or unresolved (${c.rotationUnknown})` : ''} have rotated twice` : '') +
      '.</p>',
    `<p class="note">An estimate, not a bill: ${dollars(p.perKeyMonth)} per key per month, and ${dollars(p.perRotationMonth)} per month for each of a key's first ${p.chargedRotations} rotations (later rotations add nothing) — AWS KMS list prices for us-east-1 as of ${text(p.asOf)}, from <a href="${escapeHtml(p.source)}">${text(p.source)}</a>; other Regions may differ. AWS managed and AWS owned keys have no monthly charge. Requests are not included (20,000 a month are free, then $0.03 per 10,000 symmetric requests), nor keys created outside these inputs.</p></div>`,
    '</section>',
  );
  return out;
}
