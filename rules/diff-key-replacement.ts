import { createRule, NO_OPTIONS, label } from '../src/rule-kit/index.js';
import { immutableChanges, isCustomerKeyType, keyPairs, keyProperties } from '../src/diff/queries.js';
import { keyPhrase } from '../src/rule-kit/index.js';

export const rule = createRule({
  meta: {
    id: 'diff-key-replacement',
    defaultSeverity: 'error',
    group: 'change',
    description: 'A data-bearing resource is replaced because its key changed, or a key setting that cannot change is changed.',
    messages: {
      replaced:
        '{{resource}} {{will}} be replaced because its key changes ({{properties}}: {{from}} → {{to}}); the new resource starts empty — ' +
        'migrate the data (snapshot, copy, restore) before deploying, or keep the old key',
      immutable:
        '{{resource}}: {{properties}} cannot change on an existing KMS key, so the update fails whatever its UpdateReplacePolicy; ' +
        'create a new key beside it and move the data to it instead',
    },
    schema: NO_OPTIONS,
  },
  check(ctx) {
    if (!ctx.change) return;
    const change = ctx.change;
    for (const pair of change.pairs) {
      for (const c of pair.changes) {
        if (c.kind !== 'updated' || !c.before || !c.after) continue;
        if (isCustomerKeyType(c.type)) {
          const failing = immutableChanges(change, c);
          if (failing.length) ctx.report({ resource: c.after, at: [...c.after.propertiesPath, failing[0]], messageId: 'immutable', data: { resource: label(c.id, c.after.constructPath), properties: failing.join(', ') } });
          continue; // a key replaced is a key removed: diff-key-removed
        }
        if (c.impact !== 'replace' && c.impact !== 'may-replace') continue;
        const slots = keyProperties(c.type);
        const forcing = c.properties.filter((p) => (p.impact === 'replace' || p.impact === 'may-replace') && slots.has(p.property));
        if (forcing.length === 0) continue;
        // Reported in each branch where the key differs: a key made optional by a condition replaces
        // the resource only where the condition names one.
        for (const { branch, before, after, changed } of keyPairs(change, c)) {
          if (!changed) continue;
          const at = c.planEntry && c.after.template !== c.planEntry.template ? c.planEntry : { template: c.after.template, at: after.at };
          ctx.report({
            resource: c.after,
            template: at.template,
            at: at.at,
            key: after.key,
            branch,
            messageId: 'replaced',
            data: {
              resource: label(c.id, c.after.constructPath),
              will: forcing.every((p) => p.impact === 'replace') ? 'will' : 'may',
              properties: forcing.map((p) => p.property).join(', '),
              from: keyPhrase(before),
              to: keyPhrase(after),
            },
          });
        }
      }
    }
  },
});
