// Findings: what rules report and reporters print (contract §4).
import type { EffectiveKey, InputFormat, ParseErrorInfo } from './types.js';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export interface RelatedLocation {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface Finding {
  ruleId: string;
  /** The rule's message id (a key of its `meta.messages`): which cause, independent of the wording. */
  messageId?: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  resource?: { id: string; type: string; stack: string; path?: string };
  key?: EffectiveKey;
  /** Condition branch this finding holds under, e.g. `UseCmk=false`. */
  branch?: string;
  related?: RelatedLocation[];
  suppressed: boolean;
  /** Why it is suppressed (suppression reason or `baseline`). */
  suppression?: { kind: 'inSource' | 'external'; justification: string };
  /** Stable across edits and rewording: rule, message id, file, resource, branch, key and counterpart — never message text or lines. */
  fingerprint: string;
}

export interface InputReport {
  path: string;
  format: InputFormat | null;
  error: ParseErrorInfo | null;
}

export interface RuleDescriptor {
  id: string;
  defaultSeverity: Severity;
  description: string;
  docsUrl: string;
  /** Contract group (misuse, requirement, hygiene, information); SARIF adds it to the rule's tags. */
  group?: string;
  /** The rule page (rules/<id>.md) as markdown; SARIF's `help`. Filled by the engine, absent for rules without a page. */
  help?: string;
  /** GitHub code scanning `security-severity` (0.0–10.0) when a rule sets its own; else derived from the default severity. */
  securitySeverity?: number;
}

/** Everything a reporter needs; reporters are pure functions of this. */
export interface LintResult {
  tool: { name: 'kmslint'; version: string };
  inputs: InputReport[];
  findings: Finding[];
  rules: RuleDescriptor[];
  summary: { errors: number; warnings: number; infos: number; suppressed: number; inputs: number };
}
