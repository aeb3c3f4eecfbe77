// `--format junit`: JUnit XML for CI test reports, valid against the Jenkins xUnit `junit-10.xsd`
// (the schema CI JUnit readers accept; a copy is in test/junit/).
//
// <testsuites name="kmslint">, one <testsuite> per file (name = file), one <testcase> per finding
// (name = `ruleId: resource`, plus the condition branch; classname = file):
// - error and warning findings carry a <failure> (type = severity) with message and location;
// - info findings pass (their message is in <system-out>);
// - suppressed findings are <skipped> with the justification;
// - an input that could not be parsed is a failing `parse-error` testcase in its file's suite;
// - a linted input with no finding at all gets one passing testcase, so a clean run shows its
//   inputs as passes (tests > 0) rather than an empty report.
// Counts: `tests`, `failures`, `errors="0"` on both levels; `skipped` only on <testsuite> (the XSD
// has no `skipped` on <testsuites>).
//
// The XML is built by fast-xml-builder, which escapes markup characters. Text from the inputs
// first goes through escapeControlChars: XML 1.0 cannot carry most control characters at all, and
// attribute-value normalisation would turn a newline into a space, so they print as `\n`,
// `\u001b`, …; guardCiCommands writes `##[` and a leading `::` with character references, so the
// report printed to a CI log holds no runner command.
import XMLBuilder from 'fast-xml-builder';
import type { Finding, LintResult } from '../model/findings.js';
import type { LintFormatOptions } from './common.js';
import {
  branchSuffix,
  byPosition,
  displayPath,
  escapeControlChars,
  guardCiCommands,
  MARKUP_GUARD,
  resourceLabel,
  unreportedInputErrors,
} from './common.js';

/** An element in fast-xml-builder's object form: `@_`-prefixed attributes, `#text`, child elements. */
interface XmlNode {
  [name: string]: string | number | XmlNode | XmlNode[];
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  // Otherwise an attribute whose value is the text "true" is written bare (`message`), which is not XML.
  suppressBooleanAttributes: false,
});

interface Case {
  name: string;
  classname: string;
  /** The <failure>, <skipped> or <system-out> child, if any. */
  child?: XmlNode;
  failed: boolean;
  skipped: boolean;
}

export function formatJunit(result: LintResult, options: LintFormatOptions): string {
  const path = (p: string) => escapeControlChars(displayPath(p, options.cwd));
  const suites = new Map<string, Case[]>();
  const suite = (file: string) => {
    let s = suites.get(file);
    if (!s) suites.set(file, (s = []));
    return s;
  };

  for (const i of unreportedInputErrors(result)) {
    const file = path(i.path);
    const message = escapeControlChars(i.error.message);
    suite(file).push({
      name: `parse-error: ${file}`,
      classname: file,
      child: { failure: { '@_type': 'error', '@_message': message, '#text': `${file}:${i.error.line}:${i.error.column}\n${message}` } },
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
    suite(p).push({ name: `kmslint: ${p}`, classname: p, failed: false, skipped: false });
  }

  let tests = 0;
  let failures = 0;
  const testsuite: XmlNode[] = [];
  for (const [file, cases] of suites) {
    const failed = cases.filter((c) => c.failed).length;
    tests += cases.length;
    failures += failed;
    testsuite.push({
      '@_name': file,
      '@_tests': cases.length,
      '@_failures': failed,
      '@_errors': 0,
      '@_skipped': cases.filter((c) => c.skipped).length,
      '@_time': 0,
      testcase: cases.map((c) => ({ '@_name': c.name, '@_classname': c.classname, '@_time': 0, ...c.child })),
    });
  }
  const document: XmlNode = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: { '@_name': 'kmslint', '@_tests': tests, '@_failures': failures, '@_errors': 0, '@_time': 0, testsuite },
  };
  return guardCiCommands(builder.build(document), MARKUP_GUARD);
}

function testcase(f: Finding, file: string, path: (p: string) => string): Case {
  const resource = resourceLabel(f);
  const label = resource !== undefined ? escapeControlChars(resource) : undefined;
  const branch = escapeControlChars(branchSuffix(f));
  const name = `${escapeControlChars(f.ruleId)}: ${label ?? `${file}:${f.line}:${f.column}`}${branch}`;
  const message = escapeControlChars(f.message) + branch;
  const details = [
    `${file}:${f.line}:${f.column}`,
    `${f.severity}: ${message}`,
    ...(label !== undefined ? [`resource: ${label}${f.resource?.type ? ` (${escapeControlChars(f.resource.type)})` : ''}`] : []),
    ...(f.related ?? []).map((r) => `related: ${path(r.file)}:${r.line}:${r.column} ${escapeControlChars(r.message)}`),
  ].join('\n');
  if (f.suppressed) {
    const why = f.suppression?.justification ? `suppressed: ${escapeControlChars(f.suppression.justification)}` : 'suppressed';
    return { name, classname: file, child: { skipped: { '@_message': why } }, failed: false, skipped: true };
  }
  if (f.severity === 'info') {
    return { name, classname: file, child: { 'system-out': details }, failed: false, skipped: false };
  }
  return {
    name,
    classname: file,
    child: { failure: { '@_type': f.severity, '@_message': message, '#text': details } },
    failed: true,
    skipped: false,
  };
}
