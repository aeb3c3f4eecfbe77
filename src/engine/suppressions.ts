// In-source suppressions (contract §6): `Metadata: { kmslint: { ignore: [{ rule, reason }] } }` on a
// resource or the template. A suppression without a reason does not count.
import type { Resource, Template } from '../model/types.js';
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
