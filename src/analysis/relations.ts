// The typed relation graph of one run: who shares a resource with whom, which resources publish into
// a topic or queue, which bucket is whose origin, which key encrypts what. Built once per run from the
// catalog's relation rows (src/catalog/relations.ts) by the interpreters in ./sharing.ts; rules only
// query it (`from(resource, kind)`, `into(resource, kind)`).
import type { DocPath, Resource, Template } from '../model/types.js';
import type { PrincipalScope } from './principals.js';

/** Where an edge is written: the resource holding the fact, the document path of the fact. */
interface EdgeBase {
  /** The resource whose properties state the relation (the policy, the subscription, the rule). */
  site: Resource;
  template: Template;
  at: DocPath;
}

/** `from` is shared with principals `scope` (another account, an organization, the public). */
export interface SharedWith extends EdgeBase {
  kind: 'sharedWith';
  from: Resource;
  to?: undefined;
  scope: PrincipalScope;
  /** What shares it: "bucket policy BucketPolicy", "RAM share Share". */
  via: string;
  /** Whether the AWS fact that an AWS managed key breaks this is documented ('yes') or derived ('may'). */
  certainty: 'yes' | 'may';
  /** Which key of `from` matters: the primary data key unless named (S3 replication: `replica`). */
  keyPurpose?: string;
}

/** The publisher `from` (rule, alarm, bucket, topic) makes an AWS service publish into the topic or queue `to`. */
export interface PublishesTo extends EdgeBase {
  kind: 'publishesTo';
  from: Resource;
  to: Resource;
  /** "EventBridge rule OrderRule", "SNS subscription Sub (as its dead-letter queue)". */
  publisher: string;
  /** The resource a finding names as its counterpart (the rule of an event target, an SNS subscription). */
  identifiedBy: Resource;
}

/** The endpoint `from` (a queue, a function) subscribes to the topic `to`. */
export interface Subscribes extends EdgeBase {
  kind: 'subscribes';
  from: Resource;
  to: Resource;
}

/** The bucket `from` replicates into the bucket `to`. */
export interface ReplicatesTo extends EdgeBase {
  kind: 'replicatesTo';
  from: Resource;
  to: Resource;
}

/** The bucket `from` is an origin of the CloudFront distribution `to`, read through OAC or OAI. */
export interface ServesOrigin extends EdgeBase {
  kind: 'servesOrigin';
  from: Resource;
  to: Resource;
  access: 'OAC' | 'OAI';
}

/** The distribution `from` writes its standard (legacy) access logs into the bucket `to`. */
export interface LogsTo extends EdgeBase {
  kind: 'logsTo';
  from: Resource;
  to: Resource;
  via: string;
}

/** The declared key `from` is the key (of `purpose`) of the resource `to` in at least one branch. */
export interface KeyOf extends EdgeBase {
  kind: 'keyOf';
  from: Resource;
  to: Resource;
  purpose: string;
}

/** The alias `from` points at the declared key `to`. */
export interface AliasOf extends EdgeBase {
  kind: 'aliasOf';
  from: Resource;
  to: Resource;
}

/**
 * The resource `from` manages a key or alias: creates an alias named `text` (`aliasName`), or
 * points an alias, a key policy or a grant at the key `text` names (`to`, when it is declared).
 */
export interface Manages extends EdgeBase {
  kind: 'manages';
  from: Resource;
  to?: Resource;
  what: 'aliasName' | 'aliasTarget' | 'keyPolicy' | 'grant';
  /** The written value as text, when it resolves to text. */
  text?: string;
}

/** A Terraform side resource `from` configures `to` (a bucket policy, a bucket's encryption configuration). */
export interface AttachesTo extends EdgeBase {
  kind: 'attachesTo';
  from: Resource;
  to: Resource;
}

export type Relation = SharedWith | PublishesTo | Subscribes | ReplicatesTo | ServesOrigin | LogsTo | KeyOf | AliasOf | Manages | AttachesTo;
export type RelationKind = Relation['kind'];
export type RelationOf<K extends RelationKind> = Extract<Relation, { kind: K }>;

export class RelationGraph {
  private readonly byKind = new Map<RelationKind, Relation[]>();
  private readonly outOf = new Map<Resource, Relation[]>();
  private readonly inTo = new Map<Resource, Relation[]>();

  constructor(readonly edges: readonly Relation[]) {
    for (const e of edges) {
      push(this.byKind, e.kind, e);
      push(this.outOf, e.from, e);
      if (e.to) push(this.inTo, e.to, e);
    }
  }

  /** Every edge of one kind, in the order the input states them. */
  ofKind<K extends RelationKind>(kind: K): readonly RelationOf<K>[] {
    return (this.byKind.get(kind) ?? []) as RelationOf<K>[];
  }

  /** Edges of `kind` that leave `resource` (the bucket a policy shares, the rule that publishes). */
  from<K extends RelationKind>(resource: Resource, kind: K): readonly RelationOf<K>[] {
    return (this.outOf.get(resource) ?? []).filter((e): e is RelationOf<K> => e.kind === kind);
  }

  /** Edges of `kind` that arrive at `resource` (the publishers of a queue, the origins of a distribution). */
  into<K extends RelationKind>(resource: Resource, kind: K): readonly RelationOf<K>[] {
    return (this.inTo.get(resource) ?? []).filter((e): e is RelationOf<K> => e.kind === kind);
  }

  /** The edges written in `template` or touching one of its resources (the per-template view of rule isolation). */
  viewOf(template: Template): RelationGraph {
    return new RelationGraph(this.edges.filter((e) => e.template === template || e.from.template === template || e.to?.template === template));
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
