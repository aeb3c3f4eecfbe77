// Does a config `requirements[].match` select a resource? All given selectors must match.
import picomatch from 'picomatch';
import type { Requirement } from '../config/types.js';
import type { Resource } from '../model/types.js';
import type { Evaluator } from '../analysis/evaluate.js';
import { isRecord, own } from '../util/objects.js';

export function matchesRequirement(req: Requirement, resource: Resource, ev: Evaluator): boolean {
  const m = req.match;
  if (m.types && !m.types.includes(resource.type)) return false;
  if (m.ids && !m.ids.some((g) => picomatch.isMatch(resource.id, g, { dot: true }))) return false;
  if (m.paths && !(resource.constructPath && m.paths.some((g) => picomatch.isMatch(resource.constructPath!.replace(/^\//, ''), g.replace(/^\//, ''), { dot: true })))) return false;
  if (m.tags) {
    const tags = resourceTags(resource, ev);
    for (const [k, allowed] of Object.entries(m.tags)) {
      const v = tags.get(k);
      if (v === undefined || !allowed.includes(v)) return false;
    }
  }
  return true;
}

/** Tags as CloudFormation (`[{Key, Value}]` or a map) or Terraform (`tags` map) write them. */
export function resourceTags(resource: Resource, ev: Evaluator): Map<string, string> {
  const out = new Map<string, string>();
  const raw = ev.resolve(own(resource.properties, 'Tags') ?? own(resource.properties, 'tags'));
  if (raw.kind !== 'literal') return out;
  const put = (k: unknown, v: unknown) => {
    const kk = ev.resolve(k);
    const vv = ev.resolve(v);
    if (kk.kind === 'literal' && vv.kind === 'literal' && typeof kk.value === 'string') out.set(kk.value, String(vv.value));
  };
  if (Array.isArray(raw.value)) for (const t of raw.value) put(own(t, 'Key'), own(t, 'Value'));
  else if (isRecord(raw.value)) for (const [k, v] of Object.entries(raw.value)) put(k, v);
  return out;
}
