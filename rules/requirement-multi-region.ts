import { requirementRule, notYours } from '../src/rule-kit/index.js';
import { externalKeyIdentity } from '../src/analysis/classify-key.js';

export const rule = requirementRule({
  id: 'requirement-multi-region',
  requirement: 'multiRegion',
  description: 'A requirement demands a multi-Region key, but the key is single-Region.',
  wants: () => 'a multi-Region customer managed key',
  check: ({ key, facts }) => {
    if (key.kind === 'customer-managed') {
      if (!facts) {
        // An external key's id says it all: multi-Region key ids start with mrk-, and no other key becomes one.
        const identity = externalKeyIdentity(key.keyRef ?? '');
        if (identity.form === 'alias') return { because: 'the key is not declared in the input and an alias does not show which key it names, so whether it is multi-Region cannot be verified', severity: 'warning' };
        return identity.multiRegion ? undefined : { because: 'its key id does not start with mrk-, so it is a single-Region key, and that cannot be changed after creation' };
      }
      return facts.multiRegion ? undefined : { because: `${facts.resource.id} is a single-Region key (MultiRegion is not true), and that cannot be changed after creation` };
    }
    if (key.kind === 'unknown') return { because: 'the key could not be resolved', severity: 'warning' };
    return { because: notYours(key, 'is always single-Region')! };
  },
});
