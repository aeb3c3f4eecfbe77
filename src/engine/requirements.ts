// Does a config `requirements[].match` select a resource? All given selectors must match.
import picomatch from 'picomatch';
import type { Requirement } from '../config/types.js';
import type { Resource } from '../model/types.js';
import type { Evaluator } from '../analysis/evaluate.js';
import { own } from '../util/objects.js';
import { tagsOf } from '../analysis/tags.js';

export function matchesRequirement(req: Requirement, resource: Resource, ev: Evaluator): boolean {
  const m = req.match;
  if (m.types && !m.types.includes(resource.type)) return false;
  if (m.ids && !m.ids.some((g) => picomatch.isMatch(resource.id, g, { dot: true }))) return false;
  if (m.paths && !(resource.constructPath && m.paths.some((g) => picomatch.isMatch(resource.constructPath!.replace(/^\//, ''), g.replace(/^\//, ''), { dot: true })))) return false;
  if (m.tags) {
    const tags = tagsOf(own(resource.properties, 'Tags') ?? own(resource.properties, 'tags'), ev);
    for (const [k, allowed] of Object.entries(m.tags)) {
      const v = tags.get(k);
      if (v === undefined || !allowed.includes(v)) return false;
    }
  }
  return true;
}
