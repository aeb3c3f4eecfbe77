import { requirementRule, notYours } from '../src/rule-kit/index.js';

export const rule = requirementRule({
  id: 'requirement-customer-managed',
  requirement: 'customerManagedKey',
  description: 'A resource that a requirement says must use a customer managed key does not.',
  wants: () => 'a customer managed key',
  check: ({ key }) => {
    if (key.kind === 'customer-managed') return undefined;
    if (key.kind === 'unknown') return { because: 'the key could not be resolved, so the requirement cannot be verified', severity: 'warning' };
    return { because: notYours(key, 'is not under your control (its policy, rotation and lifetime belong to AWS)')! };
  },
});
