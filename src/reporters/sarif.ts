// `--format sarif`: SARIF 2.1.0, one run, valid against the official schema (contract §7).
//
// - `tool.driver.rules` lists every rule of `result.rules` (first descriptor wins on a duplicate
//   id); a result's `ruleIndex` points into it. A finding whose rule is not listed keeps its
//   `ruleId` and has no `ruleIndex`.
// - Paths are relative URIs against `%SRCROOT%` (forward slashes, percent-encoded). When
//   `options.cwd` is given it becomes `originalUriBaseIds['%SRCROOT%']`. An absolute path outside
//   `cwd` is written as a `file:` URI without a base. A relative `cwd` is not recorded.
// - Suppressed findings are results with `suppressions` (GitHub code scanning shows them as
//   dismissed). Inputs that could not be parsed are `toolExecutionNotifications` of the one
//   invocation, and make `executionSuccessful` false.
// - Columns are UTF-16 code units (JavaScript string offsets), hence `columnKind`.
import type * as Sarif from 'sarif';
import type { Finding, LintResult, RelatedLocation, Severity } from '../model/findings.js';
import type { LintFormatOptions } from './common.js';
import { displayPath, isAbsolutePath, isWebUrl, normalisedRange, pos, resourceQualifiedName } from './common.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** `tool.driver.informationUri`: the repository the rule docs link into (engine/registry.ts DOCS_BASE). */
export const KMSLINT_INFORMATION_URI = 'https://github.com/kmslint/kmslint';
/** Key of `result.partialFingerprints`; bump the version if the fingerprint recipe changes. */
export const FINGERPRINT_KEY = 'kmslint/v1';
export const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note' };

export function formatSarif(result: LintResult, options: LintFormatOptions): string {
  return JSON.stringify(toSarifLog(result, options), null, 2) + '\n';
}

export function toSarifLog(result: LintResult, options: LintFormatOptions = { color: false }): Sarif.Log {
  const rules: Sarif.ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  for (const r of result.rules) {
    if (ruleIndex.has(r.id)) continue;
    ruleIndex.set(r.id, rules.length);
    const d: Sarif.ReportingDescriptor = {
      id: r.id,
      shortDescription: { text: r.description || r.id },
      defaultConfiguration: { level: LEVEL[r.defaultSeverity] ?? 'warning' },
      properties: { tags: ['security', 'kms'] },
    };
    if (isWebUrl(r.docsUrl)) d.helpUri = r.docsUrl;
    rules.push(d);
  }

  const results = result.findings.map((f) => toResult(f, ruleIndex.get(f.ruleId), options.cwd));

  const notifications: Sarif.Notification[] = result.inputs
    .filter((i) => i.error !== null)
    .map((i) => ({
      level: 'error',
      message: { text: i.error!.message || 'could not be parsed' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(i.path, options.cwd),
            region: { startLine: pos(i.error!.line), startColumn: pos(i.error!.column) },
          },
        },
      ],
      ...(ruleIndex.has('parse-error') ? { associatedRule: { id: 'parse-error', index: ruleIndex.get('parse-error') } } : {}),
    }));

  const invocation: Sarif.Invocation = { executionSuccessful: notifications.length === 0 };
  if (notifications.length > 0) invocation.toolExecutionNotifications = notifications;

  const run: Sarif.Run = {
    tool: {
      driver: {
        name: 'kmslint',
        version: result.tool.version,
        semanticVersion: result.tool.version,
        informationUri: KMSLINT_INFORMATION_URI,
        rules,
      },
    },
    invocations: [invocation],
    results,
    columnKind: 'utf16CodeUnits',
  };
  if (options.cwd !== undefined && isAbsolutePath(options.cwd.replace(/\\/g, '/'))) {
    run.originalUriBaseIds = { [SRCROOT]: { uri: directoryUri(options.cwd) } };
  }

  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

function toResult(f: Finding, index: number | undefined, cwd: string | undefined): Sarif.Result {
  const r = normalisedRange(f);
  const location: Sarif.Location = {
    physicalLocation: {
      artifactLocation: artifactLocation(f.file, cwd),
      region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn },
    },
  };
  if (f.resource) {
    location.logicalLocations = [{ name: f.resource.id, fullyQualifiedName: resourceQualifiedName(f), kind: 'resource' }];
  }
  const res: Sarif.Result = {
    ruleId: f.ruleId,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: LEVEL[f.severity] ?? 'warning',
    message: { text: (f.message || f.ruleId) + (f.branch ? ` (when ${f.branch})` : '') },
    locations: [location],
  };
  if (f.related && f.related.length > 0) res.relatedLocations = f.related.map((rel, i) => relatedLocation(rel, i + 1, cwd));
  if (f.fingerprint) res.partialFingerprints = { [FINGERPRINT_KEY]: f.fingerprint };
  if (f.suppressed) {
    const s: Sarif.Suppression = { kind: f.suppression?.kind ?? 'external' };
    if (f.suppression?.justification) s.justification = f.suppression.justification;
    res.suppressions = [s];
  }
  const props: Record<string, unknown> = {};
  if (f.resource) props.resource = { ...f.resource };
  if (f.key) props.key = { ...f.key };
  if (f.branch !== undefined) props.branch = f.branch;
  if (Object.keys(props).length > 0) res.properties = props;
  return res;
}

function relatedLocation(rel: RelatedLocation, id: number, cwd: string | undefined): Sarif.Location {
  return {
    id,
    physicalLocation: {
      artifactLocation: artifactLocation(rel.file, cwd),
      region: { startLine: pos(rel.line), startColumn: pos(rel.column) },
    },
    message: { text: rel.message || 'related location' },
  };
}

/** Relative URI against `%SRCROOT%`, or a `file:` URI for an absolute path outside `cwd`. */
export function artifactLocation(file: string, cwd: string | undefined): Sarif.ArtifactLocation {
  const p = displayPath(file, cwd);
  if (isAbsolutePath(p)) return { uri: fileUri(p) };
  return { uri: p.split('/').map(encodeSegment).join('/'), uriBaseId: SRCROOT };
}

/** Percent-encode one path segment, keeping the sub-delimiters and `@` that are legal in a path. */
function encodeSegment(s: string): string {
  return encodeURIComponent(s).replace(/%(24|26|2B|2C|3B|3D|40)/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function fileUri(absolute: string): string {
  // `C:/x` -> `file:///C:/x`, `/x` -> `file:///x`, `//server/share/x` -> `file://server/share/x`.
  if (absolute.startsWith('//')) return 'file:' + absolute.split('/').map((seg, i) => (i < 3 ? seg : encodeSegment(seg))).join('/');
  const drive = /^([A-Za-z]:)\//.exec(absolute);
  const rest = drive ? absolute.slice(2) : absolute;
  return 'file://' + (drive ? `/${drive[1]}` : '') + rest.split('/').map(encodeSegment).join('/');
}

/** `file:` URI of an absolute directory, ending in `/` as SARIF requires for a base. */
function directoryUri(cwd: string): string {
  const uri = fileUri(cwd.replace(/\\/g, '/'));
  return uri.endsWith('/') ? uri : uri + '/';
}
