// What the input says about a declared customer managed key: spec, origin, rotation, multi-Region.
// The attribute names of each key type are catalog rows (`keyAttributes`); this reads them.
import type { Resource } from '../model/types.js';
import type { Evaluator } from './evaluate.js';
import { relationRowsOn } from '../catalog/index.js';
import type { KeyAttributesRow } from '../catalog/types.js';
import { own } from '../util/objects.js';

export interface CustomerKeyFacts {
  resource: Resource;
  spec: string;
  usage: string;
  origin: string;
  multiRegion: boolean;
  /** undefined when the value cannot be resolved. */
  rotationEnabled: boolean | undefined;
  rotationPeriodDays: number;
  /** In a custom key store (CloudHSM / external). */
  customKeyStore: boolean;
  /** Why the key cannot rotate automatically, if it cannot. */
  cannotRotate?: string;
  hasPolicy: boolean;
}

/** The attribute names of a key type (none known: every fact takes its default). */
export function keyAttributes(type: string): KeyAttributesRow {
  return relationRowsOn('keyAttributes', type)[0] ?? { kind: 'keyAttributes', on: type, source: '' };
}

export function customerKeyFacts(key: Resource, ev: Evaluator, depth = 0): CustomerKeyFacts {
  const n = keyAttributes(key.type);
  const read = (name: string | undefined): unknown => {
    if (!name) return undefined;
    const v = ev.resolve(own(key.properties, name));
    return v.kind === 'literal' ? v.value : v.kind === 'unknown' ? v : undefined;
  };
  const text = (name: string | undefined, def: string) => {
    const v = read(name);
    return typeof v === 'string' ? v.toUpperCase() : def;
  };
  const hasPolicy = n.policy !== undefined && own(key.properties, n.policy) !== undefined;
  // A replica shares spec, origin and rotation with its primary.
  if (n.primary && depth < 4) {
    const primaryRef = ev.resolve(own(key.properties, n.primary));
    const primary = primaryRef.kind === 'resource' ? primaryRef.template.resourcesById.get(primaryRef.id) : undefined;
    if (primary) return { ...customerKeyFacts(primary, ev, depth + 1), resource: key, multiRegion: true, hasPolicy };
  }
  const spec = text(n.spec, 'SYMMETRIC_DEFAULT');
  const usage = text(n.usage, 'ENCRYPT_DECRYPT');
  const origin = n.external ? 'EXTERNAL' : text(n.origin, 'AWS_KMS');
  const rot = read(n.rotation);
  const rotationEnabled = rot === true || rot === 'true' ? true : rot === undefined || rot === false || rot === 'false' ? false : undefined;
  const period = Number(read(n.rotationPeriod));
  const customKeyStore = n.customKeyStore ? read(n.customKeyStore) !== undefined : false;
  const multi = read(n.multiRegion);
  const cannotRotate =
    spec !== 'SYMMETRIC_DEFAULT' ? (spec.startsWith('HMAC') ? 'it is an HMAC key' : `it is asymmetric (${spec})`)
    : origin === 'EXTERNAL' ? 'its key material is imported (Origin EXTERNAL)'
    : customKeyStore ? 'it lives in a custom key store'
    : undefined;
  return {
    resource: key,
    spec,
    usage,
    origin,
    // Only multi-Region keys can have replicas, so a replica is one whatever its primary says.
    multiRegion: n.replica === true || multi === true || multi === 'true',
    rotationEnabled,
    rotationPeriodDays: Number.isFinite(period) && period > 0 ? period : 365,
    customKeyStore,
    cannotRotate,
    hasPolicy,
  };
}
