// Writes the HCL twin of every rule fixture under fixtures/terraform/<rule>/*.tf.json as
// fixtures/terraform-hcl/<rule>/<case>/main.tf (one directory each: Terraform reads a directory as
// one module), written as people write HCL: `${x}` alone becomes the bare expression, nested blocks
// become blocks, maps stay `key = { … }`. Run: `npx tsx test/helpers/hcl-twins.ts`, then
// `npx tsx test/helpers/hcl-twins.ts --cases` to record the twins' findings (test/hcl-twins.test.ts
// checks they are the JSON cases' findings at .tf positions).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { normaliseBlocks } from '../../src/inputs/terraform/common.js';
import { isRecord } from '../../src/util/objects.js';

const WHOLE = /^\$\{\s*([^{}]*?)\s*\}$/;
const IDENT = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export function tfJsonToHcl(root: Record<string, unknown>): string {
  const out: string[] = [];
  for (const [key, value] of Object.entries(root)) {
    if (key === '//') {
      out.push(...comment(value, ''));
      continue;
    }
    if (key === 'resource' || key === 'data') {
      for (const [type, names] of entries(value)) for (const [name, body] of entries(names)) for (const b of objects(body)) out.push(block(`${key} "${type}" "${name}"`, b, '', type), '');
    } else if (key === 'module' || key === 'variable' || key === 'output' || key === 'provider') {
      for (const [name, body] of entries(value)) for (const b of objects(body)) out.push(block(`${key} "${name}"`, b, '', key === 'variable' ? 'variable' : undefined), '');
    } else if (key === 'locals') {
      for (const b of objects(value)) out.push(block('locals', b, '', undefined), '');
    } else if (key === 'terraform') {
      for (const b of objects(value)) out.push(block('terraform', b, '', undefined), '');
    }
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

function entries(v: unknown): [string, unknown][] {
  const list = Array.isArray(v) ? v : [v];
  return list.flatMap((x) => (isRecord(x) ? Object.entries(x).filter(([k]) => k !== '//') : []));
}

function objects(v: unknown): Record<string, unknown>[] {
  return (Array.isArray(v) ? v : [v]).filter(isRecord);
}

function comment(v: unknown, indent: string): string[] {
  return String(v).split('\n').map((l) => `${indent}# ${l}`);
}

/** A block; `type` is the resource type (its catalog paths decide which objects are blocks). */
function block(header: string, body: Record<string, unknown>, indent: string, type: string | undefined): string {
  const normalised = type && type !== 'variable' ? normaliseBlocks(type, body) : body;
  return `${indent}${header} {\n${bodyLines(body, normalised, indent + '  ', type === 'variable').join('\n')}${Object.keys(body).length ? '\n' : ''}${indent}}`;
}

function bodyLines(body: Record<string, unknown>, normalised: Record<string, unknown>, indent: string, variable: boolean): string[] {
  const lines: string[] = [];
  for (const [k, v] of Object.entries(body)) {
    if (k === '//') {
      lines.push(...comment(v, indent));
      continue;
    }
    const n = normalised[k];
    const blocks = Array.isArray(v) && v.length > 0 && v.every(isRecord) ? v : isRecord(v) && Array.isArray(n) && IDENT.test(k) ? [v] : undefined;
    if (blocks && IDENT.test(k)) {
      const inner = Array.isArray(n) ? n : blocks;
      blocks.forEach((b, i) => {
        const nb = isRecord(inner[i]) ? (inner[i]) : (b);
        const content = bodyLines(b, nb, indent + '  ', false);
        lines.push(`${indent}${k} {${content.length ? '\n' + content.join('\n') + '\n' + indent : ''}}`);
      });
      continue;
    }
    if (variable && k === 'type' && typeof v === 'string') {
      lines.push(`${indent}type = ${v}`);
      continue;
    }
    lines.push(`${indent}${IDENT.test(k) ? k : JSON.stringify(k)} = ${expression(v, indent)}`);
  }
  return lines;
}

function expression(v: unknown, indent: string): string {
  if (typeof v === 'string') {
    const whole = WHOLE.exec(v);
    if (whole && !v.startsWith('$${')) return whole[1];
    return quoted(v);
  }
  if (Array.isArray(v)) return v.length === 0 ? '[]' : `[${v.map((x) => expression(x, indent)).join(', ')}]`;
  if (isRecord(v)) {
    const items = Object.entries(v).filter(([k]) => k !== '//');
    if (items.length === 0) return '{}';
    const inner = indent + '  ';
    return `{\n${items.map(([k, x]) => `${inner}${IDENT.test(k) ? k : JSON.stringify(k)} = ${expression(x, inner)}`).join('\n')}\n${indent}}`;
  }
  return JSON.stringify(v);
}

/** A quoted template: `${…}` kept, literal text escaped as HCL quoted strings escape it. */
function quoted(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; ) {
    if (s.startsWith('$${', i)) {
      out += '$${';
      i += 3;
      continue;
    }
    if (s.startsWith('${', i)) {
      const close = s.indexOf('}', i);
      if (close !== -1) {
        out += s.slice(i, close + 1);
        i = close + 1;
        continue;
      }
    }
    const c = s[i];
    out += c === '"' ? '\\"' : c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : s.startsWith('%{', i) ? '%%' : c;
    i++;
  }
  return `"${out}"`;
}

function main(): void {
  const src = join('fixtures', 'terraform');
  const dst = join('fixtures', 'terraform-hcl');
  for (const rule of readdirSync(src)) {
    const dir = join(src, rule);
    if (!existsSync(join(dir, 'cases.json'))) continue;
    const cases = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as { cases: Record<string, unknown> };
    for (const name of Object.keys(cases.cases)) {
      if (!name.endsWith('.tf.json')) continue;
      const root = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>;
      const caseDir = join(dst, rule, name.replace(/\.tf\.json$/, ''));
      rmSync(caseDir, { recursive: true, force: true });
      mkdirSync(caseDir, { recursive: true });
      writeFileSync(join(caseDir, 'main.tf'), tfJsonToHcl(root));
    }
  }
}

/** Record each twin's findings as fixtures/terraform-hcl/<rule>/cases.json (checked against the JSON cases by the test). */
async function writeCases(): Promise<void> {
  const { loadHclReader } = await import('../../src/inputs/terraform/hcl/pending.js');
  const { twinTuples } = await import('./hcl-twin-compare.js');
  await loadHclReader();
  const src = join('fixtures', 'terraform');
  for (const rule of readdirSync(src)) {
    const file = join(src, rule, 'cases.json');
    if (!existsSync(file)) continue;
    const cases = JSON.parse(readFileSync(file, 'utf8')) as { config?: unknown; cases: Record<string, unknown> };
    const out: Record<string, unknown[]> = {};
    for (const name of Object.keys(cases.cases)) {
      if (name.endsWith('.tf.json')) out[`${name.replace(/\.tf\.json$/, '')}/main.tf`] = twinTuples(rule, name, cases.config);
    }
    if (Object.keys(out).length === 0) continue;
    const lines = Object.entries(out).map(([k, v]) => `    ${JSON.stringify(k)}: ${v.length === 0 ? '[]' : `[\n${v.map((t) => `      ${JSON.stringify(t)}`).join(',\n')}\n    ]`}`);
    const config = cases.config === undefined ? '' : `  "config": ${JSON.stringify(cases.config)},\n`;
    writeFileSync(join('fixtures', 'terraform-hcl', rule, 'cases.json'), `{\n${config}  "cases": {\n${lines.join(',\n')}\n  }\n}\n`);
  }
}

if (process.argv[1]?.endsWith('hcl-twins.ts')) {
  if (process.argv.includes('--cases')) await writeCases();
  else main();
}
