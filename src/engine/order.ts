// The order of findings in every output: file, line, column, rule id — strings compared by Unicode
// code point, so neither the locale (`LANG`, ICU data) nor UTF-16 surrogates change it.
import type { Finding } from '../model/findings.js';
import { compareCodePoints } from '../util/code-points.js';

export { compareCodePoints };

export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareCodePoints(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareCodePoints(a.ruleId, b.ruleId) ||
    compareCodePoints(a.resource?.id ?? '', b.resource?.id ?? '') ||
    compareCodePoints(a.message, b.message)
  );
}
