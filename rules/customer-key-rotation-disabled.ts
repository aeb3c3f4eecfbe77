import type { Rule } from '../src/engine/rule.js';
import { declaredKeys } from '../src/engine/key-resources.js';
import { customerKeyFacts } from '../src/analysis/key-facts.js';

export const rule: Rule = {
  meta: {
    id: 'customer-key-rotation-disabled',
    defaultSeverity: 'warning',
    group: 'hygiene',
    description: 'A symmetric customer managed key with AWS-generated material has automatic rotation off.',
    messages: {
      rotationOff:
        '{{resource}} is a symmetric customer managed key without automatic rotation ({{property}} is {{state}}); turn it on so KMS rotates the key material every year or on your period',
    },
  },
  check(ctx) {
    for (const k of declaredKeys(ctx.analysis)) {
      // Replicas inherit rotation from their primary: the primary carries the finding.
      if (k.resource.type === 'AWS::KMS::ReplicaKey' || k.resource.type.startsWith('aws_kms_replica')) continue;
      const facts = customerKeyFacts(k.resource, k.ev);
      if (facts.cannotRotate || facts.usage !== 'ENCRYPT_DECRYPT' || facts.rotationEnabled !== false) continue;
      const prop = k.resource.type.startsWith('aws_') ? 'enable_key_rotation' : 'EnableKeyRotation';
      const written = k.resource.properties && Object.prototype.hasOwnProperty.call(k.resource.properties, prop);
      ctx.report({
        resource: k.resource,
        at: written ? [...k.resource.propertiesPath, prop] : k.resource.path,
        messageId: 'rotationOff',
        data: { resource: k.resource.id, property: prop, state: written ? 'false' : 'not set, and defaults to false' },
      });
    }
  },
};
