// Pairs the templates of the two sides and computes each pair's changes: CloudFormation and CDK
// stacks through `@aws-cdk/cloudformation-diff`, Terraform plans from the plan itself, Terraform
// JSON configuration by comparing resources.
import type { InputFormat, Template } from '../model/types.js';
import type { Analysis } from '../analysis/analyse.js';
import type { ChangeSet, ResourceChange, TemplatePair } from './change-set.js';
import { cloudFormationChanges, type CloudFormationDiffModule } from './cloudformation-changes.js';
import { terraformChanges } from './terraform-changes.js';
import { deepEqual } from '../util/bounded.js';

/** Where a template came from: enough to name its stack, also for an input that failed to load. */
export interface StackSource {
  file: string;
  stack: string;
  format: InputFormat | null;
}

export function stackSourceOf(t: Template): StackSource {
  return { file: t.doc.file, stack: t.stack, format: t.format };
}

export interface DiffSides {
  before: Analysis;
  after: Analysis;
  /** The name both sides give the same stack (a CDK stack's id, a file's path under its side's root). */
  pairKey: (source: StackSource, side: 'before' | 'after') => string;
  /**
   * Whether a before-side template has no after side because its after side could not be read (a
   * parse error is not a removal: its keys are not reported as removed).
   */
  unreadableAfter?: (before: Template) => boolean;
  /** For `kmslint diff plan.json`: the before side of each plan, read from the plan. */
  planBefore?: ReadonlyMap<Template, Template>;
}

export function buildChangeSet(sides: DiffSides, diff: CloudFormationDiffModule): ChangeSet {
  const pairs: TemplatePair[] = [];
  for (const plan of sides.planBefore?.keys() ?? []) {
    const before = sides.planBefore!.get(plan)!;
    pairs.push({ stack: plan.stack, before, after: plan, ...terraformChanges(plan, before) });
  }
  const planSides = new Set([...(sides.planBefore?.keys() ?? []), ...(sides.planBefore?.values() ?? [])]);
  const before = sides.before.templates.filter((t) => !planSides.has(t));
  const after = sides.after.templates.filter((t) => !planSides.has(t));
  for (const [b, a] of matchTemplates(before, after, sides.pairKey)) {
    if (b && !a && sides.unreadableAfter?.(b)) continue;
    const stack = (a ?? b)!.stack;
    const format = (a ?? b)!.format;
    // Two plans are compared by their planned resources; one plan (`kmslint diff plan.json`) says more, above.
    if (format === 'cloudformation' || format === 'cdk') pairs.push({ stack, before: b, after: a, ...cloudFormationChanges(diff, b, a) });
    else pairs.push({ stack, before: b, after: a, changes: resourceChanges(b, a), keyPolicyChanges: [] });
  }
  return { pairs, before: sides.before, after: sides.after };
}

/** One template on each side: they are the same stack whatever their names; else by name. */
function matchTemplates(before: Template[], after: Template[], key: DiffSides['pairKey']): [Template | undefined, Template | undefined][] {
  if (before.length === 1 && after.length === 1 && before[0].format === after[0].format) return [[before[0], after[0]]];
  const byKey = new Map<string, [Template | undefined, Template | undefined]>();
  for (const t of before) byKey.set(key(stackSourceOf(t), 'before'), [t, undefined]);
  for (const t of after) {
    const k = key(stackSourceOf(t), 'after');
    const slot = byKey.get(k);
    if (slot && !slot[1] && slot[0]!.format === t.format) slot[1] = t;
    else byKey.set(byKey.has(k) ? `${k}\u0000after` : k, [undefined, t]);
  }
  return [...byKey.values()];
}

/** Terraform JSON configuration: which resources came, went or changed (replacement is the plan's to say). */
function resourceChanges(before: Template | undefined, after: Template | undefined): ResourceChange[] {
  const changes: ResourceChange[] = [];
  for (const b of before?.resources ?? []) {
    const a = after?.resourcesById.get(b.id);
    if (!a) changes.push({ id: b.id, type: b.type, kind: 'removed', impact: 'none', before: b, properties: [] });
    else if (!deepEqual(b.properties, a.properties)) {
      const names = new Set([...Object.keys(b.properties ?? {}), ...Object.keys(a.properties ?? {})]);
      const properties = [...names].filter((n) => !deepEqual(b.properties?.[n], a.properties?.[n])).map((property) => ({ property, impact: 'update' as const }));
      changes.push({ id: b.id, type: b.type, kind: 'updated', impact: 'update', before: b, after: a, properties });
    }
  }
  for (const a of after?.resources ?? []) if (!before?.resourcesById.has(a.id)) changes.push({ id: a.id, type: a.type, kind: 'added', impact: 'none', after: a, properties: [] });
  return changes;
}
