// `--format junit`: JUnit XML for CI test reports.
//
// <testsuites name="kmslint">, one <testsuite> per file (name = file), one <testcase> per finding
// (name = `ruleId: resource`, classname = file):
// - error and warning findings carry a <failure> (type = severity) with message and location;
// - info findings pass (their message is in <system-out>);
// - suppressed findings are <skipped> with the justification;
// - an input that could not be parsed is a failing `parse-error` testcase in its file's suite;
// - a linted input with no finding at all gets one passing testcase, so clean files show up.
import type { Finding, LintResult } from '../model/findings.js';
import type { LintFormatOptions } from './common.js';
import { branchSuffix, byPosition, displayPath, resourceLabel, unreportedInputErrors } from './common.js';

/** Escape text or an attribute value for XML 1.0, dropping characters XML cannot carry. */
export function escapeXml(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/** Attribute values also keep their line breaks and tabs (which attribute normalisation would turn into spaces). */
function attr(s: string | number): string {
  return escapeXml(String(s)).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

interface Case {
  name: string;
  classname: string;
  body: string;
  failed: boolean;
  skipped: boolean;
}

export function formatJunit(result: LintResult, options: LintFormatOptions): string {
  const path = (p: string) => displayPath(p, options.cwd);
  const suites = new Map<string, Case[]>();
  const suite = (file: string) => {
    let s = suites.get(file);
    if (!s) suites.set(file, (s = []));
    return s;
  };

  for (const i of unreportedInputErrors(result)) {
    const file = path(i.path);
    const loc = `${file}:${i.error.line}:${i.error.column}`;
    suite(file).push({
      name: `parse-error: ${file}`,
      classname: file,
      body: `<failure type="error" message="${attr(i.error.message)}">${escapeXml(`${loc}\n${i.error.message}`)}</failure>`,
      failed: true,
      skipped: false,
    });
  }

  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const file = path(f.file);
    byFile.set(file, [...(byFile.get(file) ?? []), f]);
  }
  for (const [file, findings] of byFile) {
    for (const f of [...findings].sort(byPosition)) suite(file).push(testcase(f, file, path));
  }

  // Inputs with no finding: one passing testcase. A directory input (a CDK assembly) counts as
  // covered when a finding lives in a file under it.
  const files = [...suites.keys()];
  for (const i of result.inputs) {
    if (i.error !== null) continue;
    const p = path(i.path);
    if (files.some((f) => f === p || p === '.' || f.startsWith(p.endsWith('/') ? p : p + '/'))) continue;
    suite(p).push({ name: `kmslint: ${p}`, classname: p, body: '', failed: false, skipped: false });
  }

  let tests = 0;
  let failures = 0;
  let skipped = 0;
  const body: string[] = [];
  for (const [file, cases] of suites) {
    const f = cases.filter((c) => c.failed).length;
    const s = cases.filter((c) => c.skipped).length;
    tests += cases.length;
    failures += f;
    skipped += s;
    body.push(`  <testsuite name="${attr(file)}" tests="${cases.length}" failures="${f}" errors="0" skipped="${s}" time="0">`);
    for (const c of cases) {
      const open = `    <testcase name="${attr(c.name)}" classname="${attr(c.classname)}" time="0"`;
      body.push(c.body ? `${open}>\n      ${c.body}\n    </testcase>` : `${open}/>`);
    }
    body.push('  </testsuite>');
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="kmslint" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}" time="0">`,
    ...body,
    '</testsuites>',
    '',
  ].join('\n');
}

function testcase(f: Finding, file: string, path: (p: string) => string): Case {
  const resource = resourceLabel(f);
  const name = `${f.ruleId}: ${resource ?? `${file}:${f.line}:${f.column}`}`;
  const message = f.message + branchSuffix(f);
  const details = [
    `${file}:${f.line}:${f.column}`,
    `${f.severity}: ${message}`,
    ...(resource ? [`resource: ${resource}${f.resource?.type ? ` (${f.resource.type})` : ''}`] : []),
    ...(f.related ?? []).map((r) => `related: ${path(r.file)}:${r.line}:${r.column} ${r.message}`),
  ].join('\n');
  if (f.suppressed) {
    const why = f.suppression?.justification ? `suppressed: ${f.suppression.justification}` : 'suppressed';
    return { name, classname: file, body: `<skipped message="${attr(why)}"/>`, failed: false, skipped: true };
  }
  if (f.severity === 'info') {
    return { name, classname: file, body: `<system-out>${escapeXml(details)}</system-out>`, failed: false, skipped: false };
  }
  return {
    name,
    classname: file,
    body: `<failure type="${f.severity}" message="${attr(message)}">${escapeXml(details)}</failure>`,
    failed: true,
    skipped: false,
  };
}
