// The lint formatters for the command line, each imported when its `--format` is chosen: a run
// loads one reporter, not eight (the HTML page, the JUnit XML builder and SARIF's tables are start-up
// a pre-commit hook never uses). The library keeps the eager table (./index.ts); the names and their
// order are the same (test/startup.test.ts).
import type { LintFormatter } from './common.js';

const LOADERS: Readonly<Record<string, () => Promise<LintFormatter>>> = Object.assign(Object.create(null) as Record<string, () => Promise<LintFormatter>>, {
  stylish: async () => (await import('./stylish.js')).formatStylish,
  json: async () => (await import('./json.js')).formatJson,
  sarif: async () => (await import('./sarif.js')).formatSarif,
  github: async () => (await import('./github.js')).formatGithub,
  junit: async () => (await import('./junit.js')).formatJunit,
  codeclimate: async () => (await import('./codeclimate.js')).formatCodeclimate,
  html: async () => (await import('./html.js')).formatHtml,
  markdown: async () => (await import('./markdown.js')).formatMarkdown,
});

/** Format names in the order `--help` and errors list them; `stylish` is the default. */
export const lintFormatNames: readonly string[] = Object.keys(LOADERS);

export function isLintFormat(name: string): boolean {
  return Object.hasOwn(LOADERS, name);
}

/** The formatter of a known format name (see isLintFormat). */
export function loadLintFormatter(name: string): Promise<LintFormatter> {
  if (!isLintFormat(name)) throw new Error(`unknown lint format ${name}`);
  return LOADERS[name]();
}
