// Suppressions written from CDK code: the `Metadata.kmslint.ignore` entries the engine honours
// (contract §6), on the L1 resource behind a construct, or on a stack's template.
import { CfnResource, Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

export interface SuppressOptions {
  /** Also suppress on every CloudFormation resource under the construct (default: only its own L1). */
  readonly applyToChildren?: boolean;
}

interface IgnoreEntry {
  rule: string;
  reason: string;
}

export class KmsLint {
  /**
   * Suppress `ruleId` (or `*`) on the resource behind `construct`: the construct itself when it is an L1,
   * else its default child (the `Resource` of an L2), or every L1 under it with `applyToChildren`.
   */
  static suppress(construct: IConstruct, ruleId: string, reason: string, options: SuppressOptions = {}): void {
    const entry = checkedEntry(ruleId, reason);
    const targets = options.applyToChildren ? construct.node.findAll().filter(CfnResource.isCfnResource) : [ownResource(construct)].filter((r) => r !== undefined);
    if (targets.length === 0) {
      throw new Error(`KmsLint.suppress: ${construct.node.path || 'the app'} has no CloudFormation resource of its own; pass { applyToChildren: true } to suppress on the resources under it`);
    }
    for (const resource of targets) resource.addMetadata('kmslint', withEntry(resource.getMetadata('kmslint'), entry));
  }

  /** Suppress `ruleId` (or `*`) for every resource of `stack`'s template and of its nested stacks' templates. */
  static suppressAll(stack: Stack, ruleId: string, reason: string): void {
    const entry = checkedEntry(ruleId, reason);
    const stacks = [stack, ...stack.node.findAll().filter((c): c is Stack => Stack.isStack(c) && c !== stack && isNestedUnder(c, stack))];
    for (const s of stacks) {
      const metadata = (s.templateOptions.metadata ??= {});
      metadata.kmslint = withEntry(metadata.kmslint, entry);
    }
  }
}

function checkedEntry(ruleId: string, reason: string): IgnoreEntry {
  if (typeof ruleId !== 'string' || !ruleId.trim()) throw new Error('KmsLint suppression: a rule id (or "*") is required');
  if (typeof reason !== 'string' || !reason.trim()) throw new Error(`KmsLint suppression of ${ruleId}: a reason is required (say why the finding does not apply)`);
  return { rule: ruleId.trim(), reason: reason.trim() };
}

function ownResource(construct: IConstruct): CfnResource | undefined {
  if (CfnResource.isCfnResource(construct)) return construct;
  const child = construct.node.defaultChild;
  return child && CfnResource.isCfnResource(child) ? child : undefined;
}

/** Existing `kmslint` metadata with `entry` added to its `ignore` list (once), other keys kept. */
function withEntry(existing: unknown, entry: IgnoreEntry): Record<string, unknown> {
  const base = existing && typeof existing === 'object' && !Array.isArray(existing) ? { ...(existing as Record<string, unknown>) } : {};
  const ignore = Array.isArray(base.ignore) ? [...(base.ignore as unknown[])] : [];
  const present = ignore.some((e) => e && typeof e === 'object' && (e as IgnoreEntry).rule === entry.rule && (e as IgnoreEntry).reason === entry.reason);
  if (!present) ignore.push(entry);
  return { ...base, ignore };
}

/** A nested stack whose chain of parents reaches `stack` without crossing another top-level stack. */
function isNestedUnder(nested: Stack, stack: Stack): boolean {
  for (let s: Stack | undefined = nested.nestedStackParent; s; s = s.nestedStackParent) if (s === stack) return true;
  return false;
}
