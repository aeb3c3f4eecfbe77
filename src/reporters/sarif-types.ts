// The part of the SARIF 2.1.0 object model kmslint writes (names and shapes as in the OASIS
// standard and its JSON schema). Declared here so the shipped .d.ts files need no SARIF type
// package: a consumer's `tsc` must not depend on kmslint's devDependencies.

export type SarifLevel = 'none' | 'note' | 'warning' | 'error';

export interface SarifMessage {
  text: string;
}

/** A message in plain text and, optionally, GitHub-flavoured markdown. */
export interface SarifMultiformatMessage {
  text: string;
  markdown?: string;
}

export interface SarifPropertyBag {
  tags?: string[];
  [key: string]: unknown;
}

export interface SarifArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

export interface SarifRegion {
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}

export interface SarifLogicalLocation {
  name?: string;
  fullyQualifiedName?: string;
  kind?: string;
}

export interface SarifLocation {
  /** Referenced from message text as `[text](id)`. */
  id?: number;
  physicalLocation?: { artifactLocation: SarifArtifactLocation; region?: SarifRegion };
  logicalLocations?: SarifLogicalLocation[];
  message?: SarifMessage;
}

export interface SarifReportingDescriptor {
  id: string;
  shortDescription?: SarifMultiformatMessage;
  fullDescription?: SarifMultiformatMessage;
  help?: SarifMultiformatMessage;
  helpUri?: string;
  defaultConfiguration?: { level?: SarifLevel };
  properties?: SarifPropertyBag;
}

export interface SarifSuppression {
  kind: 'inSource' | 'external';
  justification?: string;
}

export interface SarifResult {
  ruleId?: string;
  ruleIndex?: number;
  level?: SarifLevel;
  message: SarifMessage;
  locations?: SarifLocation[];
  relatedLocations?: SarifLocation[];
  partialFingerprints?: Record<string, string>;
  suppressions?: SarifSuppression[];
  properties?: SarifPropertyBag;
}

export interface SarifNotification {
  level?: SarifLevel;
  message: SarifMessage;
  locations?: SarifLocation[];
  associatedRule?: { id?: string; index?: number };
}

export interface SarifInvocation {
  executionSuccessful: boolean;
  toolExecutionNotifications?: SarifNotification[];
}

export interface SarifRun {
  tool: {
    driver: {
      name: string;
      version?: string;
      semanticVersion?: string;
      informationUri?: string;
      rules?: SarifReportingDescriptor[];
    };
  };
  automationDetails?: { id?: string };
  invocations?: SarifInvocation[];
  originalUriBaseIds?: Record<string, { uri?: string }>;
  results?: SarifResult[];
  columnKind?: 'utf16CodeUnits' | 'unicodeCodePoints';
}

export interface SarifLog {
  $schema?: string;
  version: '2.1.0';
  runs: SarifRun[];
}
