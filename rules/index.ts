// The built-in rules, in contract order: one import per rule module of this folder. The CLI and
// the library pass this list to lint(); custom rules are appended to it.
import type { Rule } from '../src/rule-kit/types.js';
import { rule as crossAccountAwsManagedKey } from './cross-account-aws-managed-key.js';
import { rule as awsManagedKeyWrongService } from './aws-managed-key-wrong-service.js';
import { rule as awsManagedKeyModification } from './aws-managed-key-modification.js';
import { rule as servicePublisherAwsManagedKey } from './service-publisher-aws-managed-key.js';
import { rule as cloudfrontOriginAwsManagedKey } from './cloudfront-origin-aws-managed-key.js';
import { rule as cloudfrontLogsAwsManagedKey } from './cloudfront-logs-aws-managed-key.js';
import { rule as requirementCustomerManaged } from './requirement-customer-managed.js';
import { rule as requirementRotation } from './requirement-rotation.js';
import { rule as requirementDeletion } from './requirement-deletion.js';
import { rule as requirementDisable } from './requirement-disable.js';
import { rule as requirementKeyPolicy } from './requirement-key-policy.js';
import { rule as requirementImportedMaterial } from './requirement-imported-material.js';
import { rule as requirementMultiRegion } from './requirement-multi-region.js';
import { rule as requirementAudit } from './requirement-audit.js';
import { rule as customerKeyRotationDisabled } from './customer-key-rotation-disabled.js';
import { rule as customerKeyDeletionUnprotected } from './customer-key-deletion-unprotected.js';
import { rule as keyPolicyWildcardPrincipal } from './key-policy-wildcard-principal.js';
import { rule as keyPolicyLockout } from './key-policy-lockout.js';
import { rule as implicitAwsManagedKey } from './implicit-aws-managed-key.js';
import { rule as unresolvedKeyReference } from './unresolved-key-reference.js';
import { rule as duplicateKey } from './duplicate-key.js';
import { rule as invalidSuppression } from './invalid-suppression.js';
import { rule as parseError } from './parse-error.js';
import { rule as internalError } from './internal-error.js';
import { rule as diffKeyRemoved } from './diff-key-removed.js';
import { rule as diffKeyReplacement } from './diff-key-replacement.js';
import { rule as diffKeyDowngrade } from './diff-key-downgrade.js';
import { rule as diffKeyPolicyChange } from './diff-key-policy-change.js';
import { rule as diffRotationDisabled } from './diff-rotation-disabled.js';

export const allRules: readonly Rule[] = [
  crossAccountAwsManagedKey,
  awsManagedKeyWrongService,
  awsManagedKeyModification,
  servicePublisherAwsManagedKey,
  cloudfrontOriginAwsManagedKey,
  cloudfrontLogsAwsManagedKey,
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
  // Change rules: they read the change set only `kmslint diff` builds, and find nothing in `lint`.
  diffKeyRemoved,
  diffKeyReplacement,
  diffKeyDowngrade,
  diffKeyPolicyChange,
  diffRotationDisabled,
];

export const ruleIds: ReadonlySet<string> = new Set(allRules.map((r) => r.meta.id));

const DOCS_BASE = 'https://github.com/kmslint/kmslint/blob/main/rules/';

export function docsUrlFor(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}

export function findRule(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
