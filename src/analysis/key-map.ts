// The key map of one run as plain data, for the pictures (HTML report, Mermaid chart): the effective
// key rows, the relation edges the misuse rules read (sharing with other accounts, AWS services
// publishing into a topic or queue, CloudFront origins and log buckets) and the customer keys the
// input declares, with their rotation state (for the cost estimate). Built only when a report asks for it.
import type { Resource, Template } from '../model/types.js';
import type { Analysis } from './analyse.js';
import { declaredKeys, isReplicaKey } from './customer-keys.js';
import { customerKeyFacts } from './key-facts.js';
import { keyRows, type KeyRow } from './key-rows.js';
import { describeScope, type PrincipalScope } from './principals.js';
import type { RelationKind, RelationOf } from './relations.js';

/** A resource as the map names it. */
export interface MapResource {
  file: string;
  stack: string;
  id: string;
  type: string;
  /** CDK construct path, when known. */
  path?: string;
}

export type MapRelationKind = Extract<RelationKind, 'sharedWith' | 'publishesTo' | 'servesOrigin' | 'logsTo'>;

interface RelationRowBase {
  from: MapResource;
  /** sharedWith: the principal ("account 111122223333"); publishesTo: the publisher; servesOrigin: OAC/OAI; logsTo: what writes the logs. */
  label: string;
  /** Where the relation is written; a finding about the edge names this place among its `related` locations. */
  site: { file: string; line: number; column: number };
}

/** `from` is shared with a principal, not a resource. */
export interface SharedRow extends RelationRowBase {
  kind: 'sharedWith';
  to?: undefined;
  scope: PrincipalScope;
  /** What shares it: "bucket policy BucketPolicy". */
  via: string;
  /** The principal is the input's own account: `${AWS::AccountId}`, an account of the template, or one of the run's `accounts`. */
  own: boolean;
}

export interface ResourceRelationRow extends RelationRowBase {
  kind: Exclude<MapRelationKind, 'sharedWith'>;
  to: MapResource;
}

export type RelationRow = SharedRow | ResourceRelationRow;

export interface DeclaredKeyRow extends MapResource {
  /** `true`/`false` when the input decides it; `undefined` when it does not resolve. */
  rotation: boolean | undefined;
  /** A multi-Region replica: billed as a key, rotates with its primary. */
  replica: boolean;
}

export interface KeyMap {
  rows: KeyRow[];
  relations: RelationRow[];
  declaredKeys: DeclaredKeyRow[];
}

/** Kind by kind, each in the order the input states them. */
const MAP_KINDS: readonly MapRelationKind[] = ['sharedWith', 'publishesTo', 'servesOrigin', 'logsTo'];

export interface KeyMapOptions {
  /** The key rows, when the caller already has them (`kmslint keys`). */
  rows?: KeyRow[];
  /** The accounts the run deploys to (config `accounts`, `--account`), besides each template's own. */
  accounts?: readonly string[];
}

export function keyMapOf(analysis: Analysis, options: KeyMapOptions = {}): KeyMap {
  const rows = options.rows ?? keyRows(analysis);
  const accounts = options.accounts ?? [];
  const relations: RelationRow[] = [];
  for (const kind of MAP_KINDS) {
    for (const e of analysis.relations.ofKind(kind)) {
      const loc = e.template.doc.locate(e.at, true);
      const site = { file: e.template.doc.file, line: loc?.line ?? 1, column: loc?.column ?? 1 };
      relations.push(relationRow(e, site, accounts));
    }
  }
  const keys = declaredKeys(analysis).map((k): DeclaredKeyRow => {
    const replica = isReplicaKey(k.resource);
    return { ...mapResource(k.resource), rotation: replica ? undefined : customerKeyFacts(k.resource, k.ev).rotationEnabled, replica };
  });
  return { rows, relations, declaredKeys: keys };
}

function relationRow(e: RelationOf<MapRelationKind>, site: RelationRow['site'], accounts: readonly string[]): RelationRow {
  switch (e.kind) {
    case 'sharedWith':
      return { kind: e.kind, from: mapResource(e.from), label: describeScope(e.scope), site, scope: e.scope, via: e.via, own: isOwn(e.scope, e.template, accounts) };
    case 'publishesTo':
      return { kind: e.kind, from: mapResource(e.from), to: mapResource(e.to), label: e.publisher, site };
    case 'servesOrigin':
      return { kind: e.kind, from: mapResource(e.from), to: mapResource(e.to), label: e.access, site };
    case 'logsTo':
      return { kind: e.kind, from: mapResource(e.from), to: mapResource(e.to), label: e.via, site };
  }
}

/** Own accounts as the rules count them (engine/lint.ts `ownAccounts`): those of the template the share is written in, and the run's. */
function isOwn(scope: PrincipalScope, written: Template, accounts: readonly string[]): boolean {
  if (scope.kind === 'own') return true;
  return scope.kind === 'account' && (written.accounts.includes(scope.account) || accounts.includes(scope.account));
}

function mapResource(r: Resource): MapResource {
  return { file: r.template.doc.file, stack: r.template.stack, id: r.id, type: r.type, ...(r.constructPath ? { path: r.constructPath } : {}) };
}
