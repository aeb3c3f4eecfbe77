// Declared customer keys and the key policies written for them, for the hygiene rules.
import type { Resource, Template } from '../model/types.js';
import type { Evaluator, Located } from '../analysis/evaluate.js';
import type { Analysis } from '../analysis/analyse.js';
import { getPath } from '../analysis/effective-key.js';
import { KEY_TYPES } from '../analysis/classify-key.js';
import { keyAttributes } from '../analysis/key-facts.js';

export interface DeclaredKey {
  resource: Resource;
  template: Template;
  ev: Evaluator;
}

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

export interface WrittenKeyPolicy {
  /** The key the policy belongs to (for Terraform `aws_kms_key_policy`, the resource itself). */
  resource: Resource;
  policy: Located;
  ev: Evaluator;
}

/** Key policies written in the input: `KeyPolicy` / `policy` on keys, and `aws_kms_key_policy` (catalog `keyAttributes` rows). */
export function writtenKeyPolicies(analysis: Analysis): WrittenKeyPolicy[] {
  const out: WrittenKeyPolicy[] = [];
  for (const template of analysis.templates) {
    for (const r of template.resources) {
      // The catalog names each key type's policy attribute (and that of `aws_kms_key_policy`).
      const name = keyAttributes(r.type).policy;
      if (!name || /(^|\.)data\./.test(r.id)) continue;
      const ev = analysis.evaluatorFor(template);
      const policy = getPath(ev, { value: r.properties ?? {}, path: r.propertiesPath }, name);
      if (policy) out.push({ resource: r, policy, ev });
    }
  }
  return out;
}
