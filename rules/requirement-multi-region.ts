import { requirementRule, notYours } from '../src/engine/requirement-rule.js';

export const rule = requirementRule({
  id: 'requirement-multi-region',
  requirement: 'multiRegion',
  description: 'A requirement demands a multi-Region key, but the key is single-Region.',
  wants: () => 'a multi-Region customer managed key',
  check: ({ key, facts }) => {
    if (key.kind === 'customer-managed') {
      if (!facts) return /(^|:key\/)mrk-/.test(key.keyRef ?? '') ? undefined : { because: 'the key is not declared in the input and its id is not a multi-Region (mrk-) id', severity: 'warning' };
      return facts.multiRegion ? undefined : { because: `${facts.resource.id} is a single-Region key (MultiRegion is not true), and that cannot be changed after creation` };
    }
    if (key.kind === 'unknown') return { because: 'the key could not be resolved', severity: 'warning' };
    return { because: notYours(key, 'is always single-Region')! };
  },
});
