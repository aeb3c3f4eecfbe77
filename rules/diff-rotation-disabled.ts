import { createRule, NO_OPTIONS, label } from '../src/rule-kit/index.js';
import { isCustomerKeyType, keyFacts } from '../src/diff/queries.js';
import { rotationProperty } from '../src/analysis/customer-keys.js';

export const rule = createRule({
  meta: {
    id: 'diff-rotation-disabled',
    defaultSeverity: 'error',
    group: 'change',
    description: 'Automatic rotation of a customer managed key is switched off.',
    messages: {
      disabled:
        '{{resource}} had automatic key rotation on and this change turns it off ({{property}} {{state}}); KMS stops rotating its key material — ' +
        'keep rotation on, or record why this key must not rotate',
    },
    schema: NO_OPTIONS,
  },
  check(ctx) {
    if (!ctx.change) return;
    const change = ctx.change;
    for (const pair of change.pairs) {
      for (const after of pair.after?.resources ?? []) {
        if (!isCustomerKeyType(after.type)) continue;
        const before = pair.before?.resourcesById.get(after.id);
        if (!before || before.type !== after.type) continue;
        if (keyFacts(change, 'before', before).rotationEnabled !== true) continue;
        if (keyFacts(change, 'after', after).rotationEnabled !== false) continue;
        const rotation = rotationProperty(after);
        ctx.report({
          resource: after,
          at: rotation.at,
          messageId: 'disabled',
          data: { resource: label(after.id, after.constructPath), property: rotation.property, state: rotation.written ? 'is false' : 'is removed, and defaults to false' },
        });
      }
    }
  },
});
