import type { Resource } from '../src/model/types.js';
import { createRule, forEachVariant, keysOf, NO_OPTIONS, type RuleContext } from '../src/rule-kit/index.js';

export const rule = createRule({
  meta: {
    id: 'unresolved-key-reference',
    defaultSeverity: 'warning',
    group: 'information',
    description: 'A key that a rule needs (the resource is shared, published to, a CloudFront origin, or under a requirement) could not be resolved.',
    messages: {
      unresolved: 'The key of {{resource}} could not be resolved ({{reason}}), so whether {{question}} was not checked',
      unresolvedSecondary: 'The {{purpose}} key of {{resource}} could not be resolved ({{reason}}), so whether {{question}} was not checked',
    },
    schema: NO_OPTIONS,
  },
  check(ctx) {
    const questions = questionsByResource(ctx);
    forEachVariant(ctx.analysis, (a, v) => {
      const asked = questions.get(a.resource);
      if (!asked) return;
      for (const k of keysOf(v)) {
        // Only a key expression that exists but cannot be resolved; a default decided elsewhere
        // (a global cluster's members, an AMI's build) is shown by `kmslint keys`, not warned about.
        if (k.resolved.key.kind !== 'unknown' || !k.resolved.named) continue;
        const question = asked.get(k.purpose);
        if (!question) continue;
        ctx.report({
          resource: a.resource,
          at: k.resolved.at,
          key: k.resolved.key,
          keyPurpose: k.purpose,
          branch: v.branch,
          messageId: k.purpose === 'data' ? 'unresolved' : 'unresolvedSecondary',
          data: { resource: a.resource.id, purpose: k.purpose, reason: k.resolved.reason, question },
        });
      }
    });
  },
});

/**
 * What another rule would ask of each resource's keys, by key purpose: an unknown key matters only
 * where it hides such an answer (contract §5); elsewhere `kmslint keys` shows it as `unknown`.
 */
function questionsByResource(ctx: Pick<RuleContext, 'analysis' | 'relations' | 'ownAccounts' | 'requirementsFor'>): Map<Resource, Map<string, string>> {
  const out = new Map<Resource, Map<string, string>>();
  const ask = (r: Resource, purpose: string, question: string) => {
    let m = out.get(r);
    if (!m) out.set(r, (m = new Map<string, string>()));
    if (!m.has(purpose)) m.set(purpose, question);
  };
  for (const edge of ctx.relations.ofKind('sharedWith')) {
    const s = edge.scope;
    // A grant to an own account or a service is no cross-account use: nothing is hidden.
    const foreign = s.kind === 'public' || s.kind === 'organization' || s.kind === 'unknown' || (s.kind === 'account' && !ctx.ownAccounts(edge.template).has(s.account));
    if (!foreign) continue;
    ask(edge.from, edge.keyPurpose ?? 'data', `another account can use it (shared through ${edge.via})`);
  }
  for (const edge of ctx.relations.ofKind('publishesTo')) ask(edge.to, 'data', `${edge.publisher} can publish to it`);
  for (const edge of ctx.relations.ofKind('servesOrigin')) ask(edge.from, 'data', `CloudFront distribution ${edge.to.id} can read it`);
  for (const edge of ctx.relations.ofKind('logsTo')) ask(edge.to, 'data', `CloudFront distribution ${edge.from.id} can write its logs to it`);
  for (const a of ctx.analysis.resources) {
    const req = ctx.requirementsFor(a.resource)[0];
    if (req) ask(a.resource, 'data', `it meets requirement "${req.name}"`);
  }
  return out;
}
