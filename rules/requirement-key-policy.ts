import { requirementRule, notYours } from '../src/rule-kit/index.js';

export const rule = requirementRule({
  id: 'requirement-key-policy',
  requirement: 'customKeyPolicy',
  description: 'A requirement demands a key whose policy you write, but the key policy belongs to AWS.',
  wants: () => 'a key whose policy you control',
  check: ({ key }) => {
    if (key.kind === 'customer-managed') return undefined;
    if (key.kind === 'unknown') return { because: 'the key could not be resolved', severity: 'warning' };
    return { because: notYours(key, 'has a policy that only AWS can write')! };
  },
});
