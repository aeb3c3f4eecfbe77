import { createRule } from '../src/rule-kit/index.js';
import { declaredKeys, pendingWindow, stackPolicies, type StackPolicy } from '../src/analysis/customer-keys.js';

export const rule = createRule({
  meta: {
    id: 'customer-key-deletion-unprotected',
    defaultSeverity: 'warning',
    group: 'hygiene',
    description: 'A customer managed key would be scheduled for deletion when it leaves the stack, or its deletion window is short.',
    messages: {
      deletionPolicy:
        '{{resource}} has DeletionPolicy {{policy}}, so removing it from the template or deleting the stack schedules the key for deletion and the data it protects becomes unreadable; set DeletionPolicy: Retain',
      updateReplacePolicy: '{{resource}} has UpdateReplacePolicy {{policy}}, so a replacement schedules the old key for deletion; set UpdateReplacePolicy: Retain',
      bothPolicies:
        '{{resource}} has {{deletion}} and {{replacement}}, so removing it from the template, deleting the stack or replacing it schedules the key for deletion and the data it protects becomes unreadable; set DeletionPolicy: Retain and UpdateReplacePolicy: Retain',
      shortWindow:
        '{{resource}} has a deletion waiting period of {{days}} days, under the minimum of {{min}}; a key scheduled for deletion by mistake can be saved only during that window',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        // KMS accepts a waiting period of 7 to 30 days, 30 when unset
        // (https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html).
        minPendingWindowDays: { type: 'integer', minimum: 7, maximum: 30, default: 30, description: 'Shortest acceptable PendingWindowInDays / deletion_window_in_days' },
      },
    },
  },
  check(ctx) {
    for (const k of declaredKeys(ctx.analysis)) {
      const r = k.resource;
      const min = ctx.optionsFor(r).minPendingWindowDays;
      const policies = stackPolicies(k);
      if (policies !== undefined && policies !== 'unknown') {
        const { deletion, replacement } = policies;
        if (!deletion.retains && !replacement.retains) {
          ctx.report({
            resource: r,
            at: deletion.at,
            messageId: 'bothPolicies',
            data: { resource: r.id, deletion: named(deletion, 'DeletionPolicy'), replacement: named(replacement, 'UpdateReplacePolicy') },
          });
        } else if (!deletion.retains) {
          ctx.report({ resource: r, at: deletion.at, messageId: 'deletionPolicy', data: { resource: r.id, policy: shown(deletion, 'unset (CloudFormation deletes by default)') } });
        } else if (!replacement.retains) {
          ctx.report({ resource: r, at: replacement.at, messageId: 'updateReplacePolicy', data: { resource: r.id, policy: shown(replacement, 'unset (Delete)') } });
        }
      }
      const window = pendingWindow(k);
      if (window && window.days < min) {
        ctx.report({ resource: r, at: window.at, messageId: 'shortWindow', data: { resource: r.id, days: window.days, min } });
      }
    }
  },
});

function shown(p: StackPolicy, unset: string): string {
  return p.value ?? unset;
}

/** "DeletionPolicy Delete", or "no DeletionPolicy (Delete by default)" when it is not written. */
function named(p: StackPolicy, attribute: string): string {
  return p.value !== undefined ? `${attribute} ${p.value}` : `no ${attribute} (Delete by default)`;
}
