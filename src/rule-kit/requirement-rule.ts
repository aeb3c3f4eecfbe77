// One mechanism for the eight requirement rules: each rule is data — which `require` key turns it
// on, and a test of the resource's key against it.
import type { EffectiveKey, ResolvedKey } from '../model/types.js';
import type { Requirement } from '../config/types.js';
import type { Severity } from '../model/findings.js';
import type { Rule } from './types.js';
import { customerKeyFacts, type CustomerKeyFacts } from '../analysis/key-facts.js';
import { createRule, NO_OPTIONS } from './create-rule.js';
import { keyPhrase } from './phrases.js';

export interface RequirementCheck {
  /** undefined: satisfied. `unverifiable`: kmslint cannot tell (a warning, never an error). */
  (input: { key: EffectiveKey; resolved: ResolvedKey; facts?: CustomerKeyFacts; require: Requirement['require'] }): { because: string; severity?: Severity } | undefined;
}

const REQUIREMENT_MESSAGE = '{{resource}} must have {{wants}} (requirement "{{requirement}}") but uses {{key}}: {{because}}';

export function requirementRule(spec: {
  id: string;
  requirement: keyof Requirement['require'];
  description: string;
  /** "a customer managed key", "automatic rotation every 90 days or less" */
  wants: (require: Requirement['require']) => string;
  check: RequirementCheck;
}): Rule {
  return createRule({
    meta: {
      id: spec.id,
      defaultSeverity: 'error',
      group: 'requirement',
      requirement: spec.requirement,
      description: spec.description,
      // One sentence for both; the id says whether the input proves the requirement unmet or
      // cannot tell (a warning), so a finding that turns from one into the other is a new one.
      messages: { unmet: REQUIREMENT_MESSAGE, unverifiable: REQUIREMENT_MESSAGE },
      schema: NO_OPTIONS,
    },
    check(ctx) {
      for (const a of ctx.analysis.resources) {
        const reqs = ctx.requirementsFor(a.resource).filter((r) => r.require[spec.requirement] !== undefined && r.require[spec.requirement] !== false);
        if (reqs.length === 0) continue;
        for (const v of a.variants) {
          for (const req of reqs) {
            const resolved = v.primary;
            let facts: CustomerKeyFacts | undefined;
            if (resolved.keyResource) facts = customerKeyFacts(resolved.keyResource, ctx.analysis.evaluatorFor(resolved.keyResource.template));
            const failed = spec.check({ key: resolved.key, resolved, facts, require: req.require });
            if (!failed) continue;
            ctx.report({
              resource: a.resource,
              at: resolved.at,
              key: resolved.key,
              branch: v.branch,
              severity: failed.severity,
              counterpart: `requirement:${req.name}`,
              messageId: failed.severity === 'warning' ? 'unverifiable' : 'unmet',
              data: { resource: a.resource.id, wants: spec.wants(req.require), requirement: req.name, key: keyPhrase(resolved), because: failed.because },
            });
          }
        }
      }
    },
  });
}

/** The common reason a non-customer key fails a requirement about key control. */
export function notYours(key: EffectiveKey, what: string): string | undefined {
  switch (key.kind) {
    case 'aws-managed':
      return `an AWS managed key ${what}`;
    case 'aws-owned':
      return `a key owned by the service ${what}`;
    case 'none':
      return 'the data is not encrypted with a KMS key at all';
    default:
      return undefined;
  }
}
