// Rule pages, checked like ESLint's checkRuleFiles: every rule has a page rules/<id>.md and every page
// a rule; each page has the fixed headings, cites its AWS source, and its examples are linted here —
// a block marked `fail` fires the page's rule, one marked `pass` does not.
//
// Page structure (in this order; the H2 headings are exact, SARIF reads "What it checks"):
//   # <id>
//   Default severity: **<the rule's default severity>**
//   ## What it checks
//   ## Why            — with a https://docs.aws.amazon.com/ link (rules about kmslint itself excepted)
//   ## How to fix
//   ## Options        — optional, anywhere after "What it checks"
//   ## Examples
//   ### CloudFormation — ```yaml fail / ```yaml pass blocks (or json); a block of resources is
//                        linted as the `Resources` of a template, a block with `Resources:` as is
//   ### Terraform      — ```json fail / ```json pass *.tf.json documents; required when the rule has
//                        Terraform fixtures (fixtures/terraform/<id>/)
//   ## Terraform and CDK — optional notes
// A ```yaml config block in Examples is the kmslint config of the examples after it.
// Change rules (meta.group `change`, run by `kmslint diff`) mark their pairs ```yaml before / after.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { allRules } from '../rules/index.js';
import { lintSources } from '../src/engine/lint-sources.js';
import { relationRows } from '../src/catalog/index.js';
import type { UserConfig } from '../src/config/types.js';

const REQUIRED = ['What it checks', 'Why', 'How to fix', 'Examples'];
const OPTIONAL = new Set(['Options', 'Terraform and CDK']);
/** `before` / `after`: the two sides of a change rule's example (read by `kmslint diff`; not linted here yet). */
const MARKERS = new Set(['fail', 'pass', 'config', 'before', 'after']);
/** kmslint's own behaviour, with no AWS fact to cite. */
const NO_AWS_SOURCE = new Set(['parse-error', 'unresolved-key-reference', 'internal-error']);
/** No input makes kmslint fail itself: its page shows output, not a template that fires. */
const NO_FAILING_EXAMPLE = new Set(['internal-error']);
/** Change rules read the change set `kmslint diff` builds: one template alone never fires them. */
const isChangeRule = (id: string) => allRules.find((r) => r.meta.id === id)?.meta.group === 'change';

interface Block {
  lang: string;
  marker?: string;
  text: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The `###` subsection of Examples the block is in. */
  format?: string;
}

interface Page {
  id: string;
  text: string;
  title?: string;
  /** H2 headings in order. */
  h2: string[];
  /** Body text under each H2 heading. */
  sections: Map<string, string>;
  /** H3 headings under Examples. */
  exampleFormats: string[];
  examples: Block[];
}

function parsePage(id: string, text: string): Page {
  const page: Page = { id, text, h2: [], sections: new Map(), exampleFormats: [], examples: [] };
  const lines = text.split('\n');
  let h2: string | undefined;
  let h3: string | undefined;
  let fence: Block | undefined;
  lines.forEach((line, i) => {
    if (fence) {
      if (/^```\s*$/.test(line)) {
        if (h2 === 'Examples') page.examples.push(fence);
        fence = undefined;
      } else fence.text += `${line}\n`;
      if (h2) page.sections.set(h2, `${page.sections.get(h2)}${line}\n`);
      return;
    }
    const open = /^```(\S*)(?:\s+(\S+))?\s*$/.exec(line);
    if (open) {
      fence = { lang: open[1], marker: open[2], text: '', line: i + 1, format: h3 };
      if (h2) page.sections.set(h2, `${page.sections.get(h2)}${line}\n`);
      return;
    }
    const heading = /^(#{1,3}) (.+?)\s*$/.exec(line);
    if (heading?.[1] === '#') page.title ??= heading[2];
    else if (heading?.[1] === '##') {
      h2 = heading[2];
      h3 = undefined;
      page.h2.push(h2);
      page.sections.set(h2, '');
    } else if (heading?.[1] === '###') {
      h3 = heading[2];
      if (h2 === 'Examples') page.exampleFormats.push(h3);
    } else if (h2) page.sections.set(h2, `${page.sections.get(h2)}${line}\n`);
  });
  return page;
}

const ruleIds = allRules.map((r) => r.meta.id);
const pageIds = readdirSync('rules').filter((n) => n.endsWith('.md')).map((n) => n.slice(0, -3)).sort();
const pages = new Map(pageIds.map((id) => [id, parsePage(id, readFileSync(join('rules', `${id}.md`), 'utf8'))]));
const hasTerraformFixtures = (id: string) => existsSync(join('fixtures', 'terraform', id));

/** A CloudFormation example as a template: a block of resources becomes the template's `Resources`. */
function cloudFormationText(block: Block): { path: string; text: string } {
  // Wrapped as text, not parsed: a parse-error example is not valid JSON or YAML.
  if (block.lang === 'json') return { path: 'example.json', text: /"Resources"\s*:/.test(block.text) ? block.text : `{ "Resources": ${block.text}}` };
  if (/^Resources:/m.test(block.text)) return { path: 'example.yaml', text: block.text };
  return { path: 'example.yaml', text: `Resources:\n${block.text.replace(/^(?=.)/gm, '  ')}` };
}

describe('rule pages', () => {
  it('every rule has a page and every page a rule', () => {
    expect(pageIds).toEqual([...ruleIds].sort());
  });

  it.each(ruleIds.filter((id) => pages.has(id)))('%s: title, severity, headings, AWS source, examples per format', (id) => {
    const page = pages.get(id)!;
    const rule = allRules.find((r) => r.meta.id === id)!;
    expect(page.title).toBe(id);
    expect(page.text).toContain(`Default severity: **${rule.meta.defaultSeverity}**`);
    expect(page.h2.filter((h) => !OPTIONAL.has(h)), 'the required headings, in order, and no others').toEqual(REQUIRED);
    for (const h of REQUIRED) expect(page.sections.get(h)!.replace(/```[\s\S]*?```/g, '').trim().length, `prose under ## ${h}`).toBeGreaterThan(40);
    if (!NO_AWS_SOURCE.has(id)) expect(page.sections.get('Why')).toMatch(/https:\/\/docs\.aws\.amazon\.com\//);

    const formats = ['CloudFormation', ...(hasTerraformFixtures(id) ? ['Terraform'] : [])];
    expect(page.exampleFormats.filter((f) => formats.includes(f)), '### subsections of Examples').toEqual(formats);
    const unmarked = page.examples.filter((b) => /^(ya?ml|json)$/.test(b.lang) && !MARKERS.has(b.marker ?? ''));
    expect(unmarked.map((b) => `line ${b.line}: \`\`\`${b.lang} ${b.marker ?? ''}`), 'every yaml/json example is marked fail, pass, config, before or after').toEqual([]);
    // Change rules show before/after pairs; their pages need the headings, not single-template examples.
    if (isChangeRule(id)) return;
    for (const format of formats) {
      const markers = page.examples.filter((b) => b.format === format).map((b) => b.marker);
      if (!NO_FAILING_EXAMPLE.has(id)) expect(markers, `${format}: a failing example`).toContain('fail');
      expect(markers, `${format}: a passing example`).toContain('pass');
    }
  });
});

describe('rule page examples', () => {
  const cases = [...pages.values()].flatMap((page) => {
    let config: UserConfig = {};
    const out: { name: string; id: string; block: Block; config: UserConfig }[] = [];
    for (const block of page.examples) {
      if (block.marker === 'config') config = parseYaml(block.text) as UserConfig;
      else if (block.marker === 'fail' || block.marker === 'pass') out.push({ name: `${page.id} line ${block.line}: ${block.format} ${block.marker}`, id: page.id, block, config });
    }
    return out;
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, { id, block, config }) => {
    const input = block.format === 'Terraform' ? { path: 'main.tf.json', text: block.text } : cloudFormationText(block);
    const { result } = await lintSources({ texts: [input], config, allowEmpty: true });
    const own = result.findings.filter((f) => f.ruleId === id && !f.suppressed);
    const shown = result.findings.map((f) => `${f.ruleId} ${f.line}:${f.column} ${f.message}`).join('\n');
    if (block.marker === 'fail') expect(own.length, `the example fires ${id}; findings:\n${shown}`).toBeGreaterThan(0);
    else expect(own.map((f) => f.message), `the example does not fire ${id}`).toEqual([]);
    if (id !== 'parse-error') expect(result.findings.filter((f) => f.ruleId === 'parse-error').map((f) => f.message), 'the example parses').toEqual([]);
    if (id !== 'parse-error') expect(result.inputs.map((i) => i.format === null), 'the example is read as its format').toEqual([false]);
  });
});

describe('rule pages say what the code knows', () => {
  it('service-publisher-aws-managed-key lists every publisher site of the catalog', () => {
    const page = pages.get('service-publisher-aws-managed-key')!.text;
    const rows = relationRows('publisher');
    expect(rows.length).toBeGreaterThan(10);
    // One table row per site: the publishing type and the path that names the topic or queue.
    const missing = rows.filter((r) => !page.split('\n').some((l) => l.startsWith('|') && l.includes(`\`${r.on}\``) && l.includes(`\`${r.target}\``)));
    expect(missing.map((r) => `${r.on} ${r.target}`)).toEqual([]);
  });
});
