import { createRule, NO_OPTIONS } from '../src/rule-kit/index.js';
import { keyPolicyLockout, writtenKeyPolicies } from '../src/analysis/key-policy.js';

export const rule = createRule({
  meta: {
    id: 'key-policy-lockout',
    defaultSeverity: 'error',
    group: 'hygiene',
    description: 'No statement of a key policy lets anyone manage the key (no account root, no kms:PutKeyPolicy).',
    messages: {
      lockout:
        'No statement of the key policy of {{resource}} gives the account root or anyone kms:PutKeyPolicy, so nobody could ever change the policy again and the key becomes unmanageable; keep a statement that allows the account root (arn:aws:iam::<account>:root)',
    },
    schema: NO_OPTIONS,
  },
  check(ctx) {
    for (const p of writtenKeyPolicies(ctx.analysis)) {
      // A policy kmslint cannot read fully is not reported: it may hold the statement that manages the key.
      if (keyPolicyLockout(p) !== 'lockedOut') continue;
      ctx.report({ resource: p.resource, at: p.policy.path, messageId: 'lockout', data: { resource: p.resource.id } });
    }
  },
});
