import { requirementRule, notYours } from '../src/rule-kit/index.js';

export const rule = requirementRule({
  id: 'requirement-deletion',
  requirement: 'deletable',
  description: 'A requirement demands a key its owner can delete (crypto-shredding), but this key cannot be deleted.',
  wants: () => 'a key you can delete (crypto-shredding)',
  check: ({ key }) => {
    if (key.kind === 'customer-managed') return undefined;
    if (key.kind === 'unknown') return { because: 'the key could not be resolved', severity: 'warning' };
    return { because: notYours(key, 'can never be scheduled for deletion')! };
  },
});
