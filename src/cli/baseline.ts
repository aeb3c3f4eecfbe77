// Baselines a reviewer can read: per accepted finding its rule, file, resource, a short message
// and the fingerprint; only the fingerprint is matched, so rewording or moving code keeps it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Finding } from '../model/findings.js';
import { UsageError } from './options.js';

export interface BaselineEntry {
  ruleId: string;
  file: string;
  resource?: string;
  message: string;
  fingerprint: string;
}

export interface BaselineFile {
  version: 1;
  findings: BaselineEntry[];
}

/** Findings that cannot be accepted: an unreadable input or a kmslint failure must be fixed, not baselined. */
const NEVER_BASELINED = new Set(['parse-error', 'internal-error']);

const SHORT_MESSAGE = 160;

export function baselineOf(findings: readonly Finding[]): BaselineFile {
  const seen = new Set<string>();
  const entries: BaselineEntry[] = [];
  for (const f of findings) {
    if (f.suppressed || NEVER_BASELINED.has(f.ruleId) || seen.has(f.fingerprint)) continue;
    seen.add(f.fingerprint);
    const message = f.message.length > SHORT_MESSAGE ? `${f.message.slice(0, SHORT_MESSAGE - 1)}…` : f.message;
    entries.push({ ruleId: f.ruleId, file: f.file, ...(f.resource ? { resource: f.resource.path ?? f.resource.id } : {}), message, fingerprint: f.fingerprint });
  }
  return { version: 1, findings: entries };
}

export function readBaseline(path: string, cwd: string): Set<string> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(resolve(cwd, path), 'utf8'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`--baseline ${path}: ${code === 'ENOENT' ? 'no such file or directory' : (err as Error).message.split('\n')[0]}`);
  }
  const findings = (data as Partial<BaselineFile> | null)?.findings;
  if (!Array.isArray(findings) || !findings.every((f) => typeof (f as Partial<BaselineEntry> | null)?.fingerprint === 'string')) {
    throw new UsageError(`--baseline ${path}: expected {"version": 1, "findings": [{"ruleId", "file", "resource", "message", "fingerprint"}, …]}`);
  }
  return new Set(findings.map((f: BaselineEntry) => f.fingerprint));
}
