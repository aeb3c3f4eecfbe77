// What the input declares about the lifetime and rotation of its customer managed keys, read from
// CloudFormation or Terraform names here (the catalog's `keyAttributes` rows where they name the
// attribute) so the hygiene rules never switch between the two.
import type { DocPath, Resource, Template } from '../model/types.js';
import type { Evaluator } from './evaluate.js';
import type { Analysis } from './analyse.js';
import { KEY_TYPES } from './classify-key.js';
import { keyAttributes } from './key-facts.js';
import { own } from '../util/objects.js';

export interface DeclaredKey {
  resource: Resource;
  template: Template;
  ev: Evaluator;
}

/** The KMS keys the input creates (not Terraform data sources, which only read one). */
export function declaredKeys(analysis: Analysis): DeclaredKey[] {
  const out: DeclaredKey[] = [];
  for (const template of analysis.templates) {
    for (const r of template.resources) {
      if (!KEY_TYPES.has(r.type) || /(^|\.)data\./.test(r.id)) continue;
      out.push({ resource: r, template, ev: analysis.evaluatorFor(template) });
    }
  }
  return out;
}

const isTerraform = (r: Resource) => r.type.startsWith('aws_');

/** A replica inherits rotation from its primary key. */
export function isReplicaKey(r: Resource): boolean {
  return keyAttributes(r.type).replica === true;
}

export interface StackPolicy {
  /** The value as written, when it resolves to text; undefined when the attribute is absent. */
  value: string | undefined;
  written: boolean;
  /** Whether the key survives: `Retain` (and `RetainExceptOnCreate` for DeletionPolicy). */
  retains: boolean;
  /** The attribute when written, else the resource. */
  at: DocPath;
}

/** DeletionPolicy values that keep a key (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-deletionpolicy.html). */
const RETAINING_DELETION = new Set(['Retain', 'RetainExceptOnCreate']);

/**
 * A CloudFormation key's DeletionPolicy and UpdateReplacePolicy; both default to Delete
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-updatereplacepolicy.html).
 * `unknown` when either cannot be resolved; undefined for Terraform, which has no such attributes.
 */
export function stackPolicies(key: DeclaredKey): { deletion: StackPolicy; replacement: StackPolicy } | 'unknown' | undefined {
  const r = key.resource;
  if (isTerraform(r)) return undefined;
  const read = (raw: unknown, attribute: string, retaining: ReadonlySet<string>): StackPolicy | undefined => {
    const v = key.ev.resolve(raw);
    if (v.kind === 'unknown') return undefined;
    const value = v.kind === 'literal' && typeof v.value === 'string' ? v.value : undefined;
    const written = raw !== undefined;
    return { value, written, retains: value !== undefined && retaining.has(value), at: written ? [...r.path, attribute] : r.path };
  };
  const deletion = read(r.deletionPolicy, 'DeletionPolicy', RETAINING_DELETION);
  const replacement = read(r.updateReplacePolicy, 'UpdateReplacePolicy', new Set(['Retain']));
  return deletion && replacement ? { deletion, replacement } : 'unknown';
}

/**
 * The waiting period before a scheduled deletion (`PendingWindowInDays` / `deletion_window_in_days`),
 * when written and resolvable; undefined when unset (AWS uses 30 days) or not a number.
 */
export function pendingWindow(key: DeclaredKey): { days: number; at: DocPath } | undefined {
  const r = key.resource;
  const name = isTerraform(r) ? 'deletion_window_in_days' : 'PendingWindowInDays';
  const raw = own(r.properties, name);
  if (raw === undefined || raw === null) return undefined;
  const w = key.ev.resolve(raw);
  const days = w.kind === 'literal' ? Number(w.value) : NaN;
  return Number.isFinite(days) ? { days, at: [...r.propertiesPath, name] } : undefined;
}

/** Where a key's automatic rotation is switched on, and whether the input writes it. */
export function rotationProperty(r: Resource): { property: string; written: boolean; at: DocPath } {
  const property = keyAttributes(r.type).rotation ?? (isTerraform(r) ? 'enable_key_rotation' : 'EnableKeyRotation');
  const written = r.properties !== undefined && Object.prototype.hasOwnProperty.call(r.properties, property);
  return { property, written, at: written ? [...r.propertiesPath, property] : r.path };
}
