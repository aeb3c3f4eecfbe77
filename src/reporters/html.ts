// `--format html` for `kmslint` and `kmslint keys`: one self-contained page (./html/page.ts) with
// the findings, the key map and the summary. The lint report draws the key map when its caller
// passes one (`LintFormatOptions.keyMap`: the CLI does); the keys report runs no rules.
import type { LintResult } from '../model/findings.js';
import { version } from '../version.js';
import type { LintFormatOptions } from './common.js';
import type { KeysResult } from './keys.js';
import { renderHtmlReport } from './html/page.js';

export { escapeHtml } from './html/page.js';

export function formatHtml(result: LintResult, options: LintFormatOptions): string {
  return renderHtmlReport({
    mode: 'lint',
    tool: result.tool,
    inputs: result.inputs,
    keyMap: options.keyMap?.(),
    findings: result.findings,
    rules: result.rules,
    cwd: options.cwd,
  });
}

/** `kmslint keys --format html`. */
export function formatKeyMapHtml(r: KeysResult): string {
  return renderHtmlReport({
    mode: 'keys',
    tool: { name: 'kmslint', version },
    inputs: r.inputs,
    keyMap: r.keyMap?.() ?? { rows: r.rows, relations: [], declaredKeys: [] },
    findings: [],
    rules: [],
  });
}
