// Workspace folders, their settings (`kmslint.accounts`, `kmslint.configFile`) and their config,
// found by the CLI's discovery from the folder and kept until a config file or a setting changes.
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import { ConfigError, allRules, loadConfig, type ResolvedConfig } from '../index.js';

export interface Folder {
  /** Absolute path; documents under it share its config and are analysed together. */
  path: string;
  /** False for the directory of a document outside every workspace folder. */
  workspace: boolean;
}

export interface Settings {
  accounts: string[];
  configFile?: string;
}

export type ConfigState = { config: ResolvedConfig } | { error: string };

const ACCOUNT = /^\d{12}$/;

/** Settings as a client sends them: `{ kmslint: {...} }` or the section itself; unknown values are dropped. */
export function settingsFrom(value: unknown, log: (s: string) => void): Partial<Settings> {
  const v = isRecord(value) && isRecord(value.kmslint) ? value.kmslint : value;
  if (!isRecord(v)) return {};
  const out: Partial<Settings> = {};
  if (Array.isArray(v.accounts)) {
    out.accounts = v.accounts.filter((a): a is string => typeof a === 'string' && ACCOUNT.test(a));
    if (out.accounts.length !== v.accounts.length) log('kmslint.accounts: ignored the values that are not 12-digit account ids');
  }
  if (typeof v.configFile === 'string' && v.configFile.trim()) out.configFile = v.configFile.trim();
  return out;
}

export class Folders {
  private workspace: string[] = [];
  private readonly configs = new Map<string, Promise<ConfigState>>();
  private readonly settings = new Map<string, Settings>();
  /** The rules themselves, not only their ids: the config's rule options are checked against their schemas. */
  private readonly knownRules = allRules;

  constructor(
    private defaults: Partial<Settings>,
    private readonly fetchSettings: (folder: Folder) => Promise<Partial<Settings>>,
    private readonly noConfigJs: boolean,
  ) {}

  setWorkspaceFolders(paths: readonly string[]): void {
    // Longest first, so a nested folder wins over the one that contains it.
    this.workspace = [...new Set(paths.map((p) => resolve(p)))].sort((a, b) => b.length - a.length);
    this.reset();
  }

  setDefaults(defaults: Partial<Settings>): void {
    this.defaults = defaults;
    this.reset();
  }

  /** Drop every config and setting read so far; the next analysis reads them again. */
  reset(): void {
    this.configs.clear();
    this.settings.clear();
  }

  folderOf(file: string): Folder {
    const ws = this.workspace.find((f) => file === f || file.startsWith(f.endsWith(sep) ? f : f + sep));
    return ws ? { path: ws, workspace: true } : { path: dirname(file), workspace: false };
  }

  async settingsOf(folder: Folder): Promise<Settings> {
    const hit = this.settings.get(folder.path);
    if (hit) return hit;
    let fetched: Partial<Settings>;
    try {
      fetched = await this.fetchSettings(folder);
    } catch {
      fetched = {};
    }
    const s: Settings = { accounts: fetched.accounts ?? this.defaults.accounts ?? [], configFile: fetched.configFile ?? this.defaults.configFile };
    this.settings.set(folder.path, s);
    return s;
  }

  configOf(folder: Folder): Promise<ConfigState> {
    let p = this.configs.get(folder.path);
    if (!p) {
      p = this.load(folder);
      this.configs.set(folder.path, p);
    }
    return p;
  }

  private async load(folder: Folder): Promise<ConfigState> {
    const { configFile } = await this.settingsOf(folder);
    const named = configFile && !isAbsolute(configFile) ? resolve(folder.path, configFile) : configFile;
    try {
      return { config: await loadConfig({ cwd: folder.path, configFile: named, knownRules: this.knownRules, noConfigJs: this.noConfigJs }) };
    } catch (err) {
      if (err instanceof ConfigError) return { error: err.message };
      return { error: `cannot load the kmslint config: ${(err as Error)?.message ?? String(err)}` };
    }
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
