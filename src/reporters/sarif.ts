// `--format sarif`: SARIF 2.1.0, one run, valid against the official schema (contract §7), with what
// GitHub code scanning shows.
//
// - `tool.driver.rules` lists every rule of `result.rules` (first descriptor wins on a duplicate
//   id); a result's `ruleIndex` points into it. A finding whose rule is not listed keeps its
//   `ruleId` and has no `ruleIndex`. Each rule carries `fullDescription` (the first paragraph of
//   "What it checks" on its page), `help` (the page as markdown, and as plain text),
//   `properties.security-severity` (the rule's own, else error 8.0, warning 5.0, info 2.0) and tags.
// - `automationDetails.id` is `kmslint/`: the category code scanning files the results under.
// - Paths are relative URIs against `%SRCROOT%` (forward slashes, percent-encoded). When
//   `options.cwd` is given it becomes `originalUriBaseIds['%SRCROOT%']`. An absolute path outside
//   `cwd` is written as a `file:` URI without a base. A relative `cwd` is not recorded.
// - Related locations have ids 1, 2, … and the result's message links to each with SARIF's
//   embedded-link syntax `[text](id)`; literal brackets in message text are backslash-escaped.
// - Suppressed findings are results with `suppressions` (GitHub code scanning shows them as
//   dismissed). Inputs that could not be parsed are `toolExecutionNotifications` of the one
//   invocation, and make `executionSuccessful` false.
// - Columns are UTF-16 code units (JavaScript string offsets), hence `columnKind`.
// - Text stays as the inputs have it: jsonText escapes control and bidi characters and spells `##[`
//   as `\u0023#[` (the same string), so the log printed to a CI log holds no runner command.
import type { Finding, LintResult, RelatedLocation, RuleDescriptor, Severity } from '../model/findings.js';
import type { LintFormatOptions } from './common.js';
import { displayPath, isAbsolutePath, isWebUrl, jsonText, normalisedRange, pos, resourceQualifiedName } from './common.js';
import type {
  SarifArtifactLocation,
  SarifInvocation,
  SarifLevel,
  SarifLocation,
  SarifLog,
  SarifMultiformatMessage,
  SarifNotification,
  SarifReportingDescriptor,
  SarifResult,
  SarifRun,
  SarifSuppression,
} from './sarif-types.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** `tool.driver.informationUri`: the repository the rule docs link into (rules/index.ts DOCS_BASE). */
export const KMSLINT_INFORMATION_URI = 'https://github.com/kmslint/kmslint';
/** Key of `result.partialFingerprints`; bump the version if the fingerprint recipe changes. */
export const FINGERPRINT_KEY = 'kmslint/v1';
export const SRCROOT = '%SRCROOT%';
/** `run.automationDetails.id`: category `kmslint`, no run id. */
export const AUTOMATION_ID = 'kmslint/';

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };
/** GitHub code scanning's `security-severity` by default severity (its bands: ≥7 high, ≥4 medium, >0 low). */
const SECURITY_SEVERITY: Record<Severity, number> = { error: 8.0, warning: 5.0, info: 2.0 };

export function formatSarif(result: LintResult, options: LintFormatOptions): string {
  return jsonText(toSarifLog(result, options));
}

export function toSarifLog(result: LintResult, options: LintFormatOptions = { color: false }): SarifLog {
  const rules: SarifReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  for (const r of result.rules) {
    if (ruleIndex.has(r.id)) continue;
    ruleIndex.set(r.id, rules.length);
    rules.push(reportingDescriptor(r));
  }

  const results = result.findings.map((f) => toResult(f, ruleIndex.get(f.ruleId), options.cwd));

  const notifications: SarifNotification[] = result.inputs
    .filter((i) => i.error !== null)
    .map((i) => ({
      level: 'error',
      message: { text: escapeMessageText(i.error!.message || 'could not be parsed') },
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

  const invocation: SarifInvocation = { executionSuccessful: notifications.length === 0 };
  if (notifications.length > 0) invocation.toolExecutionNotifications = notifications;

  const run: SarifRun = {
    tool: {
      driver: {
        name: 'kmslint',
        version: result.tool.version,
        semanticVersion: result.tool.version,
        informationUri: KMSLINT_INFORMATION_URI,
        rules,
      },
    },
    automationDetails: { id: AUTOMATION_ID },
    invocations: [invocation],
    results,
    columnKind: 'utf16CodeUnits',
  };
  if (options.cwd !== undefined && isAbsolutePath(options.cwd.replace(/\\/g, '/'))) {
    run.originalUriBaseIds = { [SRCROOT]: { uri: directoryUri(options.cwd) } };
  }

  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

function reportingDescriptor(r: RuleDescriptor): SarifReportingDescriptor {
  const summary = r.description || r.id;
  const d: SarifReportingDescriptor = {
    id: r.id,
    shortDescription: { text: summary },
    fullDescription: fullDescription(r),
    help: help(r),
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] ?? 'warning' },
    properties: {
      tags: ['security', 'kms', ...(r.group ? [r.group] : [])],
      'security-severity': securitySeverity(r),
    },
  };
  if (isWebUrl(r.docsUrl)) d.helpUri = r.docsUrl;
  return d;
}

/** One decimal, as GitHub shows it; a rule's own value when it is a number from 0 to 10. */
function securitySeverity(r: RuleDescriptor): string {
  const own = r.securitySeverity;
  const value = typeof own === 'number' && Number.isFinite(own) && own >= 0 && own <= 10 ? own : (SECURITY_SEVERITY[r.defaultSeverity] ?? 5.0);
  return value.toFixed(1);
}

/** The first paragraph under "What it checks" on the rule page, else the one-line description. */
function fullDescription(r: RuleDescriptor): SarifMultiformatMessage {
  const paragraph = r.help ? firstParagraphOf(r.help, 'What it checks') : undefined;
  if (!paragraph) return { text: r.description || r.id };
  return { text: plainText(paragraph), markdown: paragraph };
}

function help(r: RuleDescriptor): SarifMultiformatMessage {
  if (r.help) return { text: plainText(r.help), markdown: r.help };
  const link = isWebUrl(r.docsUrl) ? r.docsUrl : undefined;
  const text = r.description || r.id;
  return link ? { text: `${text}\n${link}`, markdown: `${text}\n\n[Rule documentation](${link})` } : { text };
}

/** Prose lines of the first paragraph after `## <heading>`, joined into one line. */
function firstParagraphOf(markdown: string, heading: string): string | undefined {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim() === `## ${heading}`);
  if (start < 0) return undefined;
  const paragraph: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '') {
      if (paragraph.length > 0) break;
      continue;
    }
    if (/^\s*(#|\||```)/.test(line)) break;
    paragraph.push(line.trim());
  }
  return paragraph.length > 0 ? paragraph.join(' ') : undefined;
}

/** Markdown read as plain text: no heading marks, emphasis or code ticks; links as `text (url)`. */
function plainText(markdown: string): string {
  return markdown
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '$1 ($2)');
}

/**
 * Message text is plain text in which `[text](id)` would be an embedded link (SARIF §3.11.6):
 * literal brackets, and backslashes before them, are escaped with a backslash.
 */
export function escapeMessageText(s: string): string {
  return s.replace(/(\\*)([[\]])/g, (_m, slashes: string, bracket: string) => `${slashes}${slashes}\\${bracket}`);
}

function toResult(f: Finding, index: number | undefined, cwd: string | undefined): SarifResult {
  const r = normalisedRange(f);
  const location: SarifLocation = {
    physicalLocation: {
      artifactLocation: artifactLocation(f.file, cwd),
      region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn },
    },
  };
  if (f.resource) {
    location.logicalLocations = [{ name: f.resource.id, fullyQualifiedName: resourceQualifiedName(f), kind: 'resource' }];
  }
  const related = f.related ?? [];
  const links = related.map((rel, i) => `[${escapeMessageText(rel.message || 'related location')}](${i + 1})`);
  const res: SarifResult = {
    ruleId: f.ruleId,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: LEVEL[f.severity] ?? 'warning',
    message: {
      text:
        escapeMessageText((f.message || f.ruleId) + (f.branch ? ` (when ${f.branch})` : '')) +
        (links.length > 0 ? ` (related: ${links.join(', ')})` : ''),
    },
    locations: [location],
  };
  if (related.length > 0) res.relatedLocations = related.map((rel, i) => relatedLocation(rel, i + 1, cwd));
  if (f.fingerprint) res.partialFingerprints = { [FINGERPRINT_KEY]: f.fingerprint };
  if (f.suppressed) {
    const s: SarifSuppression = { kind: f.suppression?.kind ?? 'external' };
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

function relatedLocation(rel: RelatedLocation, id: number, cwd: string | undefined): SarifLocation {
  return {
    id,
    physicalLocation: {
      artifactLocation: artifactLocation(rel.file, cwd),
      region: { startLine: pos(rel.line), startColumn: pos(rel.column) },
    },
    message: { text: escapeMessageText(rel.message || 'related location') },
  };
}

/** Relative URI against `%SRCROOT%`, or a `file:` URI for an absolute path outside `cwd`. */
export function artifactLocation(file: string, cwd: string | undefined): SarifArtifactLocation {
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
