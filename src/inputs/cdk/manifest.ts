// The cloud assembly manifest (`cdk.out/manifest.json`): recognising one cheaply, and reading the
// parts kmslint needs (stack artifacts, stage sub-assemblies, asset manifests, construct metadata).
import { statSync, type Stats } from 'node:fs';
import { readBounded } from '../../util/read-bounded.js';
import { basename, join } from 'node:path';
import { isRecord, own } from '../../util/objects.js';

export const MANIFEST_FILE = 'manifest.json';

/** Manifests of big apps carry construct metadata inline; anything larger is not an assembly we read. */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

/** The manifest.json a path names: `<dir>/manifest.json` for a directory, the path itself for a manifest.json file. */
export function manifestPathOf(path: string): { manifest: string; isDirectory: boolean } | undefined {
  let st;
  try {
    // Asked of every directory walked and every file read: a missing path is no exception.
    st = statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  if (!st) return undefined;
  if (st.isDirectory()) return { manifest: join(path, MANIFEST_FILE), isDirectory: true };
  if (st.isFile() && basename(path) === MANIFEST_FILE) return { manifest: path, isDirectory: false };
  return undefined;
}

/** A cloud assembly manifest has a string `version` and an `artifacts` mapping. */
export function isAssemblyManifest(root: unknown): root is Record<string, unknown> {
  return isRecord(root) && typeof own(root, 'version') === 'string' && isRecord(own(root, 'artifacts'));
}

/** True when `manifestPath` is a readable cloud assembly manifest. Reads and parses only that file. */
export function isAssemblyManifestFile(manifestPath: string): boolean {
  try {
    const before = statSync(manifestPath, { throwIfNoEntry: false });
    if (!before) return false;
    const text = readBounded(manifestPath, MAX_MANIFEST_BYTES).toString('utf8');
    const root: unknown = JSON.parse(stripBom(text));
    if (!isAssemblyManifest(root)) return false;
    keepClaimed(before, text, root);
    return true;
  } catch {
    return false;
  }
}

/**
 * Manifests recognised by isAssemblyManifestFile, kept for the load that follows (discovery claims
 * the directory, the loader reads it): each manifest is read and parsed once. Keyed by device and
 * inode, so any path to the file finds it; an entry is used once, and only while size, mtime and
 * ctime are unchanged. Bounded: a run over many assemblies keeps the most recent ones.
 */
const claimed = new Map<string, { text: string; root: unknown; stamp: string; bytes: number }>();
const CLAIMED_MAX_BYTES = 32 * 1024 * 1024;
let claimedBytes = 0;

function identity(st: Stats): string {
  return `${st.dev}:${st.ino}`;
}

function stampOf(st: Stats): string {
  return `${st.size}:${st.mtimeMs}:${st.ctimeMs}`;
}

function keepClaimed(st: Stats, text: string, root: unknown): void {
  const key = identity(st);
  dropClaimed(key);
  const bytes = text.length * 2;
  if (bytes > CLAIMED_MAX_BYTES) return;
  for (const oldest of claimed.keys()) {
    if (claimedBytes + bytes <= CLAIMED_MAX_BYTES) break;
    dropClaimed(oldest);
  }
  claimed.set(key, { text, root, stamp: stampOf(st), bytes });
  claimedBytes += bytes;
}

function dropClaimed(key: string): void {
  const entry = claimed.get(key);
  if (!entry) return;
  claimed.delete(key);
  claimedBytes -= entry.bytes;
}

/** The text and JSON value of a manifest isAssemblyManifestFile just read, if the file is unchanged since. */
export function takeClaimedManifest(path: string): { text: string; root: unknown } | undefined {
  if (claimed.size === 0) return undefined;
  let st;
  try {
    st = statSync(path);
  } catch {
    return undefined;
  }
  const key = identity(st);
  const entry = claimed.get(key);
  if (!entry) return undefined;
  dropClaimed(key);
  return entry.stamp === stampOf(st) ? { text: entry.text, root: entry.root } : undefined;
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** `aws://123456789012/eu-west-1` → the account when it is 12 digits, the region when it is concrete. */
export function parseEnvironment(env: unknown): { accounts: string[]; region?: string } {
  if (typeof env !== 'string') return { accounts: [] };
  const m = /^aws:\/\/([^/]*)\/([^/]*)$/.exec(env);
  if (!m) return { accounts: [] };
  const [, account, region] = m;
  return {
    accounts: /^\d{12}$/.test(account) ? [account] : [],
    region: /^[a-z]{2,5}(-[a-z]+)+-\d+$/.test(region) ? region : undefined, // not `unknown-region`
  };
}

export interface StackArtifact {
  id: string;
  /** What `cdk ls` shows: the stack's construct path (`Stage/Stack`), else the artifact id. */
  displayName: string;
  templateFile: unknown;
  environment: unknown;
  /** Inline `metadata` of the artifact. */
  metadata: Record<string, unknown>;
  /** `additionalMetadataFile` (CDK ≥ 2.17x writes construct metadata there instead of inline). */
  additionalMetadataFile?: string;
}

export interface AssemblyArtifacts {
  stacks: StackArtifact[];
  /** `properties.directoryName` of `cdk:cloud-assembly` artifacts (stages). */
  subAssemblies: string[];
  /** `properties.file` of `cdk:asset-manifest` artifacts. */
  assetManifests: string[];
}

export function readArtifacts(manifest: Record<string, unknown>): AssemblyArtifacts {
  const out: AssemblyArtifacts = { stacks: [], subAssemblies: [], assetManifests: [] };
  const artifacts = own(manifest, 'artifacts');
  if (!isRecord(artifacts)) return out;
  for (const [id, artifact] of Object.entries(artifacts)) {
    if (!isRecord(artifact)) continue;
    const type = own(artifact, 'type');
    const properties = own(artifact, 'properties');
    if (type === 'aws:cloudformation:stack') {
      const displayName = own(artifact, 'displayName');
      const metadata = own(artifact, 'metadata');
      const extra = own(artifact, 'additionalMetadataFile');
      out.stacks.push({
        id,
        displayName: typeof displayName === 'string' && displayName ? displayName : id,
        templateFile: own(properties, 'templateFile'),
        environment: own(artifact, 'environment'),
        metadata: isRecord(metadata) ? metadata : {},
        additionalMetadataFile: typeof extra === 'string' ? extra : undefined,
      });
    } else if (type === 'cdk:cloud-assembly') {
      const dir = own(properties, 'directoryName');
      if (typeof dir === 'string' && dir) out.subAssemblies.push(dir);
    } else if (type === 'cdk:asset-manifest') {
      const file = own(properties, 'file');
      if (typeof file === 'string' && file) out.assetManifests.push(file);
    }
  }
  return out;
}

const NESTED_STACK_RESOURCE = /^(.*)\/([^/]+)\.NestedStack\/\2\.NestedStackResource$/;

/** `Parent/Nested.NestedStack/Nested.NestedStackResource` (the CfnStack of a NestedStack) → `Parent/Nested`. */
export function nestedStackPath(resourcePath: string): string | undefined {
  const m = NESTED_STACK_RESOURCE.exec(resourcePath);
  return m ? `${m[1]}/${m[2]}` : undefined;
}

/**
 * Construct metadata (`/Stack/Bucket/Resource: [{ type: 'aws:cdk:logicalId', data: 'Bucket123' }]`) →
 * logical id → construct path, per template: the stack itself under `''`, each nested stack under its
 * construct path (`Stack/Nested`). Nested stacks' resources are listed in the parent artifact's metadata.
 */
export function constructPathsByStack(metadata: Record<string, unknown>): Map<string, Map<string, string>> {
  const entries: { path: string; logicalId: string }[] = [];
  for (const [rawPath, list] of Object.entries(metadata)) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      if (own(entry, 'type') !== 'aws:cdk:logicalId') continue;
      const logicalId = own(entry, 'data');
      if (typeof logicalId === 'string') entries.push({ path: rawPath.replace(/^\/+/, ''), logicalId });
    }
  }
  const nested = entries.map((e) => nestedStackPath(e.path)).filter((p): p is string => p !== undefined);
  const byStack = new Map<string, Map<string, string>>();
  for (const { path, logicalId } of entries) {
    let owner = '';
    for (const n of nested) if (n.length > owner.length && path.startsWith(n + '/')) owner = n;
    let map = byStack.get(owner);
    if (!map) byStack.set(owner, (map = new Map<string, string>()));
    if (!map.has(logicalId)) map.set(logicalId, path);
  }
  return byStack;
}
