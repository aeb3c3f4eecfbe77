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
  /** Stable across unrelated edits: rule, file, resource, key and message, not line numbers. */
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
}

/** Everything a reporter needs; reporters are pure functions of this. */
export interface LintResult {
  tool: { name: 'kmslint'; version: string };
  inputs: InputReport[];
  findings: Finding[];
  rules: RuleDescriptor[];
  summary: { errors: number; warnings: number; infos: number; suppressed: number; inputs: number };
}
