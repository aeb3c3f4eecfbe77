import { requirementRule } from '../src/rule-kit/index.js';

/** AWS managed keys rotate every year, on a schedule nobody can change (since May 2022). */
const AWS_MANAGED_ROTATION_DAYS = 365;

export const rule = requirementRule({
  id: 'requirement-rotation',
  requirement: 'rotation',
  description: 'The key does not rotate at least as often as a requirement demands.',
  wants: (r) => `a key that rotates automatically at least every ${r.rotation!.maxDays} days`,
  check: ({ key, facts, require }) => {
    const max = require.rotation!.maxDays;
    switch (key.kind) {
      case 'aws-managed':
        return max < AWS_MANAGED_ROTATION_DAYS ? { because: `AWS managed keys rotate every ${AWS_MANAGED_ROTATION_DAYS} days and the period cannot be changed` } : undefined;
      case 'aws-owned':
        return { because: 'the rotation of keys owned by the service is neither visible nor configurable' };
      case 'none':
        return { because: 'the data is not encrypted with a KMS key at all' };
      case 'unknown':
        return { because: 'the key could not be resolved, so its rotation cannot be verified', severity: 'warning' };
      case 'customer-managed':
        if (!facts) return { because: 'the key is not declared in the input, so its rotation cannot be verified', severity: 'warning' };
        if (facts.cannotRotate) return { because: `the key cannot rotate automatically: ${facts.cannotRotate}` };
        if (facts.rotationEnabled === undefined) return { because: 'automatic rotation cannot be resolved', severity: 'warning' };
        if (!facts.rotationEnabled) return { because: `automatic rotation of ${facts.resource.id} is off` };
        if (facts.rotationPeriodDays > max) return { because: `${facts.resource.id} rotates every ${facts.rotationPeriodDays} days` };
        return undefined;
    }
  },
});
