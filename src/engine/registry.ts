// Every rule, in contract order. One import per rule module in rules/.
import type { Rule } from './rule.js';
import { rule as crossAccountAwsManagedKey } from '../../rules/cross-account-aws-managed-key.js';
import { rule as awsManagedKeyWrongService } from '../../rules/aws-managed-key-wrong-service.js';
import { rule as awsManagedKeyModification } from '../../rules/aws-managed-key-modification.js';
import { rule as servicePublisherAwsManagedKey } from '../../rules/service-publisher-aws-managed-key.js';
import { rule as cloudfrontOriginAwsManagedKey } from '../../rules/cloudfront-origin-aws-managed-key.js';
import { rule as requirementCustomerManaged } from '../../rules/requirement-customer-managed.js';
import { rule as requirementRotation } from '../../rules/requirement-rotation.js';
import { rule as requirementDeletion } from '../../rules/requirement-deletion.js';
import { rule as requirementDisable } from '../../rules/requirement-disable.js';
import { rule as requirementKeyPolicy } from '../../rules/requirement-key-policy.js';
import { rule as requirementImportedMaterial } from '../../rules/requirement-imported-material.js';
import { rule as requirementMultiRegion } from '../../rules/requirement-multi-region.js';
import { rule as requirementAudit } from '../../rules/requirement-audit.js';
import { rule as customerKeyRotationDisabled } from '../../rules/customer-key-rotation-disabled.js';
import { rule as customerKeyDeletionUnprotected } from '../../rules/customer-key-deletion-unprotected.js';
import { rule as keyPolicyWildcardPrincipal } from '../../rules/key-policy-wildcard-principal.js';
import { rule as keyPolicyLockout } from '../../rules/key-policy-lockout.js';
import { rule as implicitAwsManagedKey } from '../../rules/implicit-aws-managed-key.js';
import { rule as unresolvedKeyReference } from '../../rules/unresolved-key-reference.js';
import { rule as duplicateKey } from '../../rules/duplicate-key.js';
import { rule as invalidSuppression } from '../../rules/invalid-suppression.js';
import { rule as parseError } from '../../rules/parse-error.js';
import { rule as internalError } from '../../rules/internal-error.js';

export const allRules: readonly Rule[] = [
  crossAccountAwsManagedKey,
  awsManagedKeyWrongService,
  awsManagedKeyModification,
  servicePublisherAwsManagedKey,
  cloudfrontOriginAwsManagedKey,
  requirementCustomerManaged,
  requirementRotation,
  requirementDeletion,
  requirementDisable,
  requirementKeyPolicy,
  requirementImportedMaterial,
  requirementMultiRegion,
  requirementAudit,
  customerKeyRotationDisabled,
  customerKeyDeletionUnprotected,
  keyPolicyWildcardPrincipal,
  keyPolicyLockout,
  implicitAwsManagedKey,
  unresolvedKeyReference,
  duplicateKey,
  invalidSuppression,
  parseError,
  internalError,
];

export const ruleIds: ReadonlySet<string> = new Set(allRules.map((r) => r.meta.id));

const DOCS_BASE = 'https://github.com/kmslint/kmslint/blob/main/rules/';

export function docsUrlFor(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}

export function findRule(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
