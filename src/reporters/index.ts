// Lint reporters: pure functions from a LintResult to text, one per `--format` (contract §3).
// `kmslint keys` formats live in ./keys.ts. The SARIF schema validator is a test helper
// (test/helpers/sarif-validate.ts): it needs devDependencies.
import type { LintResult } from '../model/findings.js';
import { formatCodeclimate } from './codeclimate.js';
import type { LintFormatOptions } from './common.js';
import { formatGithub } from './github.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export type { LintFormatOptions, LintFormatter } from './common.js';
export { formatCodeclimate, toCodeClimate } from './codeclimate.js';
export { formatGithub, escapeData, escapeProperty } from './github.js';
export { formatHtml, escapeHtml } from './html.js';
export { formatJson, toJsonReport } from './json.js';
export { formatJunit } from './junit.js';
export { formatMarkdown } from './markdown.js';
export { formatSarif, toSarifLog, escapeMessageText, SARIF_SCHEMA_URI, KMSLINT_INFORMATION_URI, FINGERPRINT_KEY, AUTOMATION_ID } from './sarif.js';
export type * from './sarif-types.js';
export { formatStylish } from './stylish.js';

// Null prototype: `lintFormatters['toString']` is undefined, not Object.prototype.toString.
export const lintFormatters: Record<string, (result: LintResult, options: LintFormatOptions) => string> = Object.assign(
  Object.create(null) as Record<string, (result: LintResult, options: LintFormatOptions) => string>,
  {
    stylish: formatStylish,
    json: formatJson,
    sarif: formatSarif,
    github: formatGithub,
    junit: formatJunit,
    codeclimate: formatCodeclimate,
    html: formatHtml,
    markdown: formatMarkdown,
  },
);

/** The formatter for a `--format` name, or undefined for an unknown name. */
export function getLintFormatter(name: string): ((result: LintResult, options: LintFormatOptions) => string) | undefined {
  return Object.hasOwn(lintFormatters, name) ? lintFormatters[name] : undefined;
}

/** Format names in the order `--help` should list them; `stylish` is the default. */
export const lintFormatNames = Object.keys(lintFormatters);
