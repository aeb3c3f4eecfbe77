// In-source suppressions (contract §6): `Metadata: { kmslint: { ignore: [{ rule, reason }] } }` on a
// resource or the template. Only a valid entry (a known rule or `*`, a non-empty reason)
// suppresses; every other entry is reported by `invalid-suppression`, so none is silently ignored.
import type { DocPath, Resource, Template } from '../model/types.js';
import { isRecord, own } from '../util/objects.js';

export function suppressionFor(ruleId: string, resource: Resource | undefined, template: Template): string | undefined {
  return (resource && fromMetadata(ruleId, resource.metadata)) ?? fromMetadata(ruleId, template.metadata);
}

function fromMetadata(ruleId: string, metadata: Record<string, unknown> | undefined): string | undefined {
  const ignore = own(own(metadata, 'kmslint'), 'ignore');
  if (!Array.isArray(ignore)) return undefined;
  for (const entry of ignore) {
    if (!isRecord(entry)) continue;
    const rule = own(entry, 'rule');
    const reason = own(entry, 'reason');
    if ((rule === ruleId || rule === '*') && typeof reason === 'string' && reason.trim()) return reason.trim();
  }
  return undefined;
}

/** What is wrong with one suppression entry (or with the `ignore` value itself). */
export type SuppressionProblem =
  | { kind: 'notAList'; at: DocPath }
  | { kind: 'notAnEntry'; at: DocPath; index: number }
  | { kind: 'missingRule'; at: DocPath; index: number }
  | { kind: 'unknownRule'; at: DocPath; index: number; rule: string }
  | { kind: 'missingReason'; at: DocPath; index: number; rule: string };

/**
 * Problems of the suppressions in a `Metadata` object written at `metadataPath`. An entry naming an
 * unknown rule is reported for that alone (its reason would not make it suppress anything).
 */
export function suppressionProblems(metadata: Record<string, unknown> | undefined, metadataPath: DocPath, ruleIds: ReadonlySet<string>): SuppressionProblem[] {
  const kmslint = own(metadata, 'kmslint');
  if (kmslint === undefined) return [];
  const ignorePath = [...metadataPath, 'kmslint', 'ignore'];
  const ignore = own(kmslint, 'ignore');
  if (ignore === undefined) return [];
  if (!Array.isArray(ignore)) return [{ kind: 'notAList', at: ignorePath }];
  const problems: SuppressionProblem[] = [];
  for (const [index, entry] of (ignore as unknown[]).entries()) {
    const at = [...ignorePath, index];
    const rule = isRecord(entry) ? own(entry, 'rule') : undefined;
    const reason = isRecord(entry) ? own(entry, 'reason') : undefined;
    if (!isRecord(entry)) problems.push({ kind: 'notAnEntry', at, index });
    else if (typeof rule !== 'string' || !rule.trim()) problems.push({ kind: 'missingRule', at, index });
    else if (rule !== '*' && !ruleIds.has(rule)) problems.push({ kind: 'unknownRule', at: [...at, 'rule'], index, rule });
    else if (typeof reason !== 'string' || !reason.trim()) problems.push({ kind: 'missingReason', at, index, rule });
  }
  return problems;
}
