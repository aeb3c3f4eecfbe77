// `--format json`: contract §4, version 1. Keys are written in the contract's order; internal
// fields (`fingerprint`, `suppression`) are not part of the output. `resource` and `key` are
// omitted for findings that have none (e.g. `parse-error`), as are `branch` and `related`.
// Strings are as the inputs have them; jsonText escapes control and bidi characters and spells
// `##[` as `\u0023#[` (the same string), so the report printed to a CI log holds no runner command.
import type { Finding, InputReport, LintResult } from '../model/findings.js';
import type { EffectiveKey } from '../model/types.js';
import type { LintFormatOptions } from './common.js';
import { jsonText } from './common.js';

export function formatJson(result: LintResult, _options?: LintFormatOptions): string {
  return jsonText(toJsonReport(result));
}

/** The contract §4 document as a plain object (exported for callers that embed it). */
export function toJsonReport(result: LintResult): Record<string, unknown> {
  const s = result.summary;
  return {
    version: 1,
    tool: { name: result.tool.name, version: result.tool.version },
    inputs: result.inputs.map(inputJson),
    findings: result.findings.map(findingJson),
    summary: { errors: s.errors, warnings: s.warnings, infos: s.infos, suppressed: s.suppressed, inputs: s.inputs },
  };
}

function inputJson(i: InputReport): Record<string, unknown> {
  return {
    path: i.path,
    format: i.format,
    error: i.error ? { message: i.error.message, line: i.error.line, column: i.error.column } : null,
  };
}

function findingJson(f: Finding): Record<string, unknown> {
  const o: Record<string, unknown> = {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
  };
  if (f.resource) {
    const r: Record<string, unknown> = { id: f.resource.id, type: f.resource.type, stack: f.resource.stack };
    if (f.resource.path !== undefined) r.path = f.resource.path;
    o.resource = r;
  }
  if (f.key) o.key = keyJson(f.key);
  if (f.branch !== undefined) o.branch = f.branch;
  if (f.related && f.related.length > 0) {
    o.related = f.related.map((r) => ({ file: r.file, line: r.line, column: r.column, message: r.message }));
  }
  o.suppressed = f.suppressed;
  return o;
}

/** Contract key order: kind, alias, keyRef, origin, external; absent members are left out. */
function keyJson(k: EffectiveKey): Record<string, unknown> {
  const o: Record<string, unknown> = { kind: k.kind };
  if (k.alias !== undefined) o.alias = k.alias;
  if (k.keyRef !== undefined) o.keyRef = k.keyRef;
  if (k.origin !== undefined) o.origin = k.origin;
  if (k.external !== undefined) o.external = k.external;
  return o;
}
