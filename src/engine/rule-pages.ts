// Rule pages: the markdown documentation of each rule, `rules/<id>.md` at the package root.
// Read from the sources (src/engine → ../../rules) or from the build (dist/src/engine →
// ../../../rules; the package ships `rules/*.md`). Reporters stay pure: the engine puts the text
// into each RuleDescriptor (`help`), and SARIF carries it as `help.markdown`.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Only plain rule ids name a file: a custom rule's id must not walk out of the directory. */
const PAGE_ID = /^[a-z0-9][a-z0-9-]*$/;

let directory: string | undefined;
const pages = new Map<string, string | undefined>();

/** The directory holding the rule pages (found once per process). */
export function rulePagesDir(): string {
  if (directory === undefined) {
    const here = dirname(fileURLToPath(import.meta.url));
    const candidates = ['../../rules', '../../../rules'].map((up) => join(here, up));
    directory = candidates.find((d) => existsSync(join(d, 'parse-error.md'))) ?? candidates[0];
  }
  return directory;
}

/** The markdown page of a rule, or undefined when the rule has none (custom rules, say). */
export function rulePage(id: string): string | undefined {
  if (!PAGE_ID.test(id)) return undefined;
  if (!pages.has(id)) {
    let text: string | undefined;
    try {
      text = readFileSync(join(rulePagesDir(), `${id}.md`), 'utf8');
    } catch {
      text = undefined;
    }
    pages.set(id, text);
  }
  return pages.get(id);
}
