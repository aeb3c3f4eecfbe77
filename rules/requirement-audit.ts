import { requirementRule } from '../src/rule-kit/index.js';

export const rule = requirementRule({
  id: 'requirement-audit',
  requirement: 'auditable',
  description: "A requirement demands that key use appear in the account's CloudTrail, but this key's use does not.",
  wants: () => "a key whose every use is logged in the account's CloudTrail",
  check: ({ key }) => {
    // Customer managed and AWS managed keys are both logged in the account; owned keys are not.
    if (key.kind === 'aws-owned') return { because: 'keys owned by the service are used outside the account, so their use never appears in its CloudTrail' };
    if (key.kind === 'none') return { because: 'the data is not encrypted with a KMS key, so there is no key use to audit' };
    if (key.kind === 'unknown') return { because: 'the key could not be resolved', severity: 'warning' };
    return undefined;
  },
});
