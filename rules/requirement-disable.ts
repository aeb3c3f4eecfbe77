import { requirementRule, notYours } from '../src/rule-kit/index.js';

export const rule = requirementRule({
  id: 'requirement-disable',
  requirement: 'disableable',
  description: 'A requirement demands a key its owner can disable, but this key cannot be disabled.',
  wants: () => 'a key you can disable',
  check: ({ key }) => {
    if (key.kind === 'customer-managed') return undefined;
    if (key.kind === 'unknown') return { because: 'the key could not be resolved', severity: 'warning' };
    return { because: notYours(key, 'cannot be disabled by the account')! };
  },
});
