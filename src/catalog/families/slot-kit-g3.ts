// Slot shapes that group 3's rows share: a key the service always uses, and a key that is only
// reported when the template names it.
import type { KeySlot, Outcome } from '../types.js';

const CFN = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/';

/** The CloudFormation reference page of a resource type (where its property text states the default). */
export function cfnPage(type: string): string {
  const [, service, resource] = type.split('::');
  return `${CFN}aws-resource-${service.toLowerCase()}-${resource.toLowerCase()}.html`;
}

/** The service always encrypts; `key` names a customer key, otherwise `fallback` applies. */
export function alwaysEncrypted(key: string, fallback: Outcome, scope?: string): KeySlot {
  return { purpose: 'data', ...(scope ? { scope } : {}), key, on: { always: true }, onNoKey: fallback, off: [] };
}

/** A secondary key with no documented default: reported when named, silent otherwise. */
export function namedOnly(purpose: string, key: string, scope?: string, alias?: string): KeySlot {
  return {
    purpose,
    ...(scope ? { scope } : {}),
    ...(alias ? { alias } : {}),
    key,
    on: { present: key },
    onNoKey: { kind: 'unknown', why: 'no key named' },
    off: [],
  };
}
