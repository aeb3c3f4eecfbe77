// Validate JUnit XML against the Jenkins xUnit `junit-10.xsd` (test/junit/, see its README) with
// libxml2's xmllint compiled to WebAssembly (`xmllint-wasm`, a devDependency). Test support only.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateXML } from 'xmllint-wasm';

export const JUNIT_XSD_PATH = resolve('test/junit/junit-10.xsd');

/**
 * Problems per document name (an empty list means valid). All documents are checked in one
 * xmllint run: each run starts a worker, which takes most of a second.
 */
export async function validateJunit(documents: Record<string, string>): Promise<Record<string, string[]>> {
  const names = Object.keys(documents);
  const result = await validateXML({
    xml: names.map((name) => ({ fileName: `${name}.xml`, contents: documents[name] })),
    schema: [readFileSync(JUNIT_XSD_PATH, 'utf8')],
  });
  const problems: Record<string, string[]> = Object.fromEntries(names.map((n) => [n, []]));
  const failed = new Set<string>();
  // xmllint's output: `<file>:<line>: <message>` per problem, each maybe followed by lines quoting
  // the source (no position), and `<file> fails to validate` per invalid document.
  let last: string | undefined;
  for (const e of result.errors) {
    const verdict = /^(.*)\.xml fails to validate$/.exec(e.rawMessage);
    if (verdict) {
      failed.add(verdict[1]);
      continue;
    }
    const name = e.loc?.fileName.replace(/\.xml$/, '');
    if (name !== undefined && Object.hasOwn(problems, name)) {
      problems[name].push(`${e.loc!.lineNumber}: ${e.message}`);
      last = name;
    } else if (last === undefined) {
      for (const n of names) problems[n].push(e.rawMessage);
    }
  }
  for (const name of failed) if (problems[name]?.length === 0) problems[name].push('fails to validate');
  return problems;
}
