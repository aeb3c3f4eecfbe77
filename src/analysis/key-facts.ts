// What the input says about a declared customer managed key: spec, origin, rotation, multi-Region.
// Read from CloudFormation or Terraform names through one table.
import type { Resource } from '../model/types.js';
import type { Evaluator } from './evaluate.js';
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

const NAMES = {
  cfn: { spec: 'KeySpec', usage: 'KeyUsage', origin: 'Origin', multi: 'MultiRegion', rot: 'EnableKeyRotation', period: 'RotationPeriodInDays', store: '', policy: 'KeyPolicy' },
  tf: { spec: 'customer_master_key_spec', usage: 'key_usage', origin: '', multi: 'multi_region', rot: 'enable_key_rotation', period: 'rotation_period_in_days', store: 'custom_key_store_id', policy: 'policy' },
} as const;

export function customerKeyFacts(key: Resource, ev: Evaluator, depth = 0): CustomerKeyFacts {
  const tf = key.type.startsWith('aws_');
  const n = tf ? NAMES.tf : NAMES.cfn;
  const read = (name: string): unknown => {
    if (!name) return undefined;
    const v = ev.resolve(own(key.properties, name));
    return v.kind === 'literal' ? v.value : v.kind === 'unknown' ? v : undefined;
  };
  const text = (name: string, def: string) => {
    const v = read(name);
    return typeof v === 'string' ? v.toUpperCase() : def;
  };
  // A replica shares spec, origin and rotation with its primary.
  if ((key.type === 'AWS::KMS::ReplicaKey' || key.type === 'aws_kms_replica_key') && depth < 4) {
    const primaryRef = ev.resolve(own(key.properties, tf ? 'primary_key_arn' : 'PrimaryKeyArn'));
    const primary = primaryRef.kind === 'resource' ? primaryRef.template.resourcesById.get(primaryRef.id) : undefined;
    if (primary) return { ...customerKeyFacts(primary, ev, depth + 1), resource: key, multiRegion: true, hasPolicy: own(key.properties, n.policy) !== undefined };
  }
  const replica = key.type === 'AWS::KMS::ReplicaKey' || key.type === 'aws_kms_replica_key' || key.type === 'aws_kms_replica_external_key';
  const external = key.type === 'aws_kms_external_key' || key.type === 'aws_kms_replica_external_key';
  const spec = text(n.spec, 'SYMMETRIC_DEFAULT');
  const usage = text(n.usage, 'ENCRYPT_DECRYPT');
  const origin = external ? 'EXTERNAL' : text(n.origin, 'AWS_KMS');
  const rot = read(n.rot);
  const rotationEnabled = rot === true || rot === 'true' ? true : rot === undefined || rot === false || rot === 'false' ? false : undefined;
  const period = Number(read(n.period));
  const customKeyStore = n.store ? read(n.store) !== undefined : false;
  const multi = read(n.multi);
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
    multiRegion: replica || multi === true || multi === 'true',
    rotationEnabled,
    rotationPeriodDays: Number.isFinite(period) && period > 0 ? period : 365,
    customKeyStore,
    cannotRotate,
    hasPolicy: own(key.properties, n.policy) !== undefined,
  };
}
