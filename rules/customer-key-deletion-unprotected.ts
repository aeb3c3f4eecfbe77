import type { Rule } from '../src/engine/rule.js';
import { declaredKeys } from '../src/engine/key-resources.js';
import { own } from '../src/util/objects.js';

/** AWS's own default waiting period; a shorter one leaves less time to notice a mistaken deletion. */
const DEFAULT_MIN_WINDOW_DAYS = 30;
const RETAINING = new Set(['Retain', 'RetainExceptOnCreate']);

export const rule: Rule = {
  meta: {
    id: 'customer-key-deletion-unprotected',
    defaultSeverity: 'warning',
    group: 'hygiene',
    description: 'A customer managed key would be scheduled for deletion when it leaves the stack, or its deletion window is short.',
    messages: {
      deletionPolicy:
        '{{resource}} has DeletionPolicy {{policy}}, so removing it from the template or deleting the stack schedules the key for deletion and the data it protects becomes unreadable; set DeletionPolicy: Retain',
      updateReplacePolicy: '{{resource}} has UpdateReplacePolicy {{policy}}, so a replacement schedules the old key for deletion; set UpdateReplacePolicy: Retain',
      shortWindow:
        '{{resource}} has a deletion waiting period of {{days}} days, under the minimum of {{min}}; a key scheduled for deletion by mistake can be saved only during that window',
    },
  },
  check(ctx) {
    const min = typeof ctx.options.minPendingWindowDays === 'number' ? ctx.options.minPendingWindowDays : DEFAULT_MIN_WINDOW_DAYS;
    for (const k of declaredKeys(ctx.analysis)) {
      const r = k.resource;
      const tf = r.type.startsWith('aws_');
      if (!tf) {
        const dp = k.ev.resolve(r.deletionPolicy);
        const urp = k.ev.resolve(r.updateReplacePolicy);
        const deletion = dp.kind === 'literal' && typeof dp.value === 'string' ? dp.value : undefined;
        const replace = urp.kind === 'literal' && typeof urp.value === 'string' ? urp.value : undefined;
        if (dp.kind === 'unknown' || urp.kind === 'unknown') continue;
        if (!deletion || !RETAINING.has(deletion)) {
          ctx.report({
            resource: r,
            at: r.deletionPolicy !== undefined ? [...r.path, 'DeletionPolicy'] : r.path,
            messageId: 'deletionPolicy',
            data: { resource: r.id, policy: deletion ?? 'unset (CloudFormation deletes by default)' },
          });
        } else if (!replace || replace !== 'Retain') {
          ctx.report({
            resource: r,
            at: r.updateReplacePolicy !== undefined ? [...r.path, 'UpdateReplacePolicy'] : r.path,
            messageId: 'updateReplacePolicy',
            data: { resource: r.id, policy: replace ?? 'unset (Delete)' },
          });
        }
      }
      const name = tf ? 'deletion_window_in_days' : 'PendingWindowInDays';
      const raw = own(r.properties, name);
      if (raw === undefined || raw === null) continue; // unset: the 30-day default
      const w = k.ev.resolve(raw);
      const days = w.kind === 'literal' ? Number(w.value) : NaN;
      if (Number.isFinite(days) && days < min) {
        ctx.report({
          resource: r,
          at: [...r.propertiesPath, name],
          messageId: 'shortWindow',
          data: { resource: r.id, days, min },
        });
      }
    }
  },
};
