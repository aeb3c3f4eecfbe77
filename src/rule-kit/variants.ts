// Walking the analysed resources' key variants (one per condition branch), for rules that look at
// every resource's keys.
import type { AnalysedResource, Branch, ResolvedKey, Resource } from '../model/types.js';
import type { Analysis } from '../analysis/analyse.js';
import type { KeyVariant } from './types.js';

/** Rules that look at each analysed resource's key variants use this. */
export function forEachVariant(analysis: Analysis, fn: (a: AnalysedResource, v: KeyVariant) => void): void {
  for (const a of analysis.resources) for (const v of a.variants) fn(a, v);
}

/** A variant's primary key (purpose `data`) followed by its secondary keys. */
export function keysOf(v: KeyVariant): { purpose: string; resolved: ResolvedKey }[] {
  return [{ purpose: 'data', resolved: v.primary }, ...v.secondary];
}

/**
 * For the misuse rules: each condition branch in which a resource's key is AWS managed — the
 * primary key, or the secondary key of `purpose` when the resource has one.
 */
export function awsManagedKeys(analysis: Analysis, resource: Resource, purpose?: string): { branch: Branch; key: ResolvedKey }[] {
  const analysed = analysis.byResource.get(resource.template)?.get(resource.id);
  if (!analysed) return [];
  return analysed.variants.flatMap((v) => {
    const key = (purpose && v.secondary.find((x) => x.purpose === purpose)?.resolved) || v.primary;
    return key.key.kind === 'aws-managed' ? [{ branch: v.branch, key }] : [];
  });
}
