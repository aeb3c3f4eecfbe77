import type { SeveritySetting } from '../model/findings.js';

export type RuleSetting = SeveritySetting | [SeveritySetting] | [SeveritySetting, Record<string, unknown>];

export interface Requirement {
  name: string;
  match: {
    types?: string[];
    ids?: string[];
    paths?: string[];
    tags?: Record<string, string[]>;
  };
  require: {
    customerManagedKey?: boolean;
    rotation?: { maxDays: number };
    deletable?: boolean;
    disableable?: boolean;
    customKeyPolicy?: boolean;
    importedKeyMaterial?: boolean;
    multiRegion?: boolean;
    auditable?: boolean;
  };
}

export interface Override {
  files?: string[];
  resources?: string[];
  rules: Record<string, RuleSetting>;
}

/** The config file's shape (contract §6). */
export interface UserConfig {
  accounts?: string[];
  organization?: string;
  rules?: Record<string, RuleSetting>;
  requirements?: Requirement[];
  overrides?: Override[];
}

/** Config after CLI flags are merged in. */
export interface ResolvedConfig {
  accounts: string[];
  organization?: string;
  rules: Record<string, RuleSetting>;
  requirements: Requirement[];
  overrides: Override[];
  /** Directory config globs are relative to. */
  baseDir: string;
  /** File the config came from, if any. */
  source?: string;
}
