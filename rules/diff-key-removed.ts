import { createRule, NO_OPTIONS, label } from '../src/rule-kit/index.js';
import { deletionWindowDays, isCustomerKeyType, protectedBy, removalOutcome } from '../src/diff/queries.js';

export const rule = createRule({
  meta: {
    id: 'diff-key-removed',
    defaultSeverity: 'error',
    group: 'change',
    description: 'A customer managed key leaves the template without DeletionPolicy Retain: KMS schedules its deletion and the data it protects becomes unreadable.',
    messages: {
      removed:
        '{{key}} is removed without DeletionPolicy: Retain, so it is scheduled for deletion and deleted after {{days}} days; ' +
        'whatever it encrypted ({{protects}}) can no longer be decrypted — keep it with DeletionPolicy: Retain, or re-encrypt that data first',
      destroyed:
        '{{key}} is destroyed by this change, so KMS schedules its deletion and deletes it after {{days}} days; ' +
        'whatever it encrypted ({{protects}}) can no longer be decrypted — keep the key, or re-encrypt that data first',
      undetermined:
        '{{key}} is removed and its DeletionPolicy cannot be resolved; unless it is Retain the key is scheduled for deletion and the data it protects ({{protects}}) becomes unreadable',
      replaced:
        '{{key}} is replaced ({{forcing}}), so the old key is scheduled for deletion and deleted after {{days}} days; ' +
        'whatever it encrypted ({{protects}}) can no longer be decrypted — re-encrypt that data under the new key first, or keep the old key',
    },
    schema: NO_OPTIONS,
  },
  check(ctx) {
    if (!ctx.change) return;
    const change = ctx.change;
    for (const pair of change.pairs) {
      for (const c of pair.changes) {
        const key = c.before;
        if (!key || !isCustomerKeyType(c.type)) continue;
        const replaced = c.kind === 'updated' && c.impact === 'replace';
        if (c.kind !== 'removed' && !replaced) continue;
        const users = protectedBy(change, 'before', key);
        const protects = users.length ? users.slice(0, 3).map((r) => r.id).join(', ') + (users.length > 3 ? ` and ${users.length - 3} more` : '') : 'no resource of this input; check other stacks and data outside it';
        const where = c.planEntry ?? { template: pair.before!, at: key.path };
        const common = { resource: key, template: where.template, at: where.at };
        const name = label(key.id, key.constructPath);
        if (replaced) {
          const forcing = c.properties.filter((p) => p.impact === 'replace').map((p) => p.property).join(', ') || 'the change forces a new key';
          ctx.report({ ...common, messageId: 'replaced', data: { key: name, forcing, days: deletionWindowDays(change, key), protects } });
          continue;
        }
        const outcome = removalOutcome(change, key);
        if (outcome === 'retained') continue;
        if (outcome === 'unknown') ctx.report({ ...common, severity: 'warning', messageId: 'undetermined', data: { key: name, protects } });
        else ctx.report({ ...common, messageId: outcome === 'destroyed' ? 'destroyed' : 'removed', data: { key: name, days: deletionWindowDays(change, key), protects } });
      }
    }
  },
});
