// Findings as LSP diagnostics: the rule id is the code, its page the code description, the
// finding's related locations the related information.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Finding, LintResult, Severity } from '../index.js';
import { pointRange, toRange } from './ranges.js';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** Carried on each diagnostic so a client handing it back in a code action request names the finding. */
export interface DiagnosticData {
  ruleId: string;
  fingerprint: string;
  resource?: string;
}

export function toDiagnostic(f: Finding, docsUrls: ReadonlyMap<string, string>, uriOf: (file: string) => string): Diagnostic {
  const href = docsUrls.get(f.ruleId);
  const data: DiagnosticData = { ruleId: f.ruleId, fingerprint: f.fingerprint, ...(f.resource ? { resource: f.resource.id } : {}) };
  return {
    range: toRange(f),
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: 'kmslint',
    message: f.branch ? `${f.message} (when ${f.branch})` : f.message,
    ...(f.related?.length
      ? { relatedInformation: f.related.map((r) => ({ location: { uri: uriOf(r.file), range: pointRange(r.line, r.column) }, message: r.message })) }
      : {}),
    data,
  };
}

export function docsUrlsOf(result: LintResult): Map<string, string> {
  return new Map(result.rules.map((r) => [r.id, r.docsUrl]));
}

/** A problem that keeps every finding of a document from being computed (an invalid config). */
export function blockingDiagnostic(code: string, message: string): Diagnostic {
  return { range: pointRange(1, 1), severity: DiagnosticSeverity.Error, code, source: 'kmslint', message };
}
