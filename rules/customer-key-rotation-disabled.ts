import { createRule, NO_OPTIONS } from '../src/rule-kit/index.js';
import { declaredKeys, isReplicaKey, rotationProperty } from '../src/analysis/customer-keys.js';
import { customerKeyFacts } from '../src/analysis/key-facts.js';

export const rule = createRule({
  meta: {
    id: 'customer-key-rotation-disabled',
    defaultSeverity: 'warning',
    group: 'hygiene',
    description: 'A symmetric customer managed key with AWS-generated material has automatic rotation off.',
    messages: {
      rotationOff:
        '{{resource}} is a symmetric customer managed key without automatic rotation ({{property}} is {{state}}); turn it on so KMS rotates the key material every year or on your period',
    },
    schema: NO_OPTIONS,
  },
  check(ctx) {
    for (const k of declaredKeys(ctx.analysis)) {
      // Replicas inherit rotation from their primary: the primary carries the finding.
      if (isReplicaKey(k.resource)) continue;
      const facts = customerKeyFacts(k.resource, k.ev);
      if (facts.cannotRotate || facts.usage !== 'ENCRYPT_DECRYPT' || facts.rotationEnabled !== false) continue;
      const rotation = rotationProperty(k.resource);
      ctx.report({
        resource: k.resource,
        at: rotation.at,
        messageId: 'rotationOff',
        data: { resource: k.resource.id, property: rotation.property, state: rotation.written ? 'false' : 'not set, and defaults to false' },
      });
    }
  },
});
