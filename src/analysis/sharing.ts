// The relation interpreters: one per kind of catalog relation row (src/catalog/relations.ts), each
// turning the rows a resource's type holds into edges of the run's relation graph (./relations.ts).
// Also the sharing view the rules had before the graph (`SharingModel`), derived from the graph.
import type { DocPath, Resource, Template } from '../model/types.js';
import type { Analysis, AnalysisFailure } from './analyse.js';
import type { Evaluator, Located } from './evaluate.js';
import { getPath } from './effective-key.js';
import { tagsOf } from './tags.js';
import { accessPointDelegation, policyGrants, scopeOfText, scopeOfValue, withoutPseudoColons, type PrincipalScope } from './principals.js';
import { RelationGraph, type Relation } from './relations.js';
import { crossAccountCertainty, relationRowsOn, typesWithRole } from '../catalog/index.js';
import { scalarText } from '../util/bounded.js';

export interface SharingEdge {
  /** The shared resource (bucket, queue, …). */
  target: Resource;
  /** What shares it: "bucket policy BucketPolicy", "RAM share Share". */
  via: string;
  scope: PrincipalScope;
  template: Template;
  at: DocPath;
  /** Whether the AWS fact that an AWS managed key breaks this is documented ('yes') or derived ('may'). */
  certainty: 'yes' | 'may';
  /** Which key of the target matters: the primary data key unless named (S3 replication: `replica`). */
  keyPurpose?: string;
}

export interface PublisherEdge {
  /** The topic or queue that receives. */
  target: Resource;
  /** "EventBridge rule OrderRule", "S3 event notification of bucket Uploads". */
  publisher: string;
  /** The resource that identifies the publication (the rule of a Terraform event target): the finding's counterpart. */
  source: Resource;
  template: Template;
  at: DocPath;
}

export interface OriginEdge {
  bucket: Resource;
  distribution: Resource;
  access: 'OAC' | 'OAI';
  template: Template;
  at: DocPath;
}

/** The sharing, publisher and origin edges as lists: a view of the relation graph kept for rules written against it. */
export interface SharingModel {
  sharing: SharingEdge[];
  publishers: PublisherEdge[];
  origins: OriginEdge[];
}

const views = new WeakMap<RelationGraph, SharingModel>();

/** The sharing view of a relation graph (made once per graph). */
export function sharingView(graph: RelationGraph): SharingModel {
  let view = views.get(graph);
  if (view) return view;
  view = {
    sharing: graph.ofKind('sharedWith').map((e) => ({ target: e.from, via: e.via, scope: e.scope, template: e.template, at: e.at, certainty: e.certainty, ...(e.keyPurpose ? { keyPurpose: e.keyPurpose } : {}) })),
    publishers: graph.ofKind('publishesTo').map((e) => ({ target: e.to, publisher: e.publisher, source: e.identifiedBy, template: e.template, at: e.at })),
    origins: graph.ofKind('servesOrigin').map((e) => ({ bucket: e.from, distribution: e.to, access: e.access, template: e.template, at: e.at })),
  };
  views.set(graph, view);
  return view;
}

/** The sharing view of an analysis (tests and callers written before the graph). */
export function buildSharingModel(analysis: Analysis): SharingModel {
  return sharingView(analysis.relations);
}

const TOPIC_OR_QUEUE = typesWithRole('topic-or-queue');
const BUCKET = typesWithRole('bucket');
const CUSTOMER_KEY = typesWithRole('customer-key');

/** Where one resource's interpreters write: the run's edge list, the resource and its evaluator. */
interface Walk {
  r: Resource;
  root: Located;
  ev: Evaluator;
  edges: Relation[];
}

/**
 * Every edge of the input set, in input order. A resource whose rows throw keeps none of its edges
 * and is recorded in `failures` (the engine reports it as internal-error); the rest are kept.
 */
export function buildRelationGraph(templates: readonly Template[], evaluatorFor: (t: Template) => Evaluator, keyed: Analysis['resources'], failures: AnalysisFailure[]): RelationGraph {
  const edges: Relation[] = [];
  for (const template of templates) {
    const ev = evaluatorFor(template);
    const delegating = delegatingBuckets(template, ev);
    for (const r of template.resources) {
      const w: Walk = { r, root: { value: r.properties ?? {}, path: r.propertiesPath }, ev, edges };
      const mark = edges.length;
      try {
        policyEdges(w);
        accountListEdges(w);
        replicationEdges(w);
        resourceShareEdges(w);
        backupEdges(w);
        subscriptionEdges(w);
        snapshotShareEdges(w);
        publisherEdges(w);
        originEdges(w);
        accessPointEdges(w, delegating);
        logDeliveryEdges(w);
        keyManagementEdges(w);
        attachmentEdges(w);
      } catch (error) {
        // Drop this resource's partial edges; the analysis' failures become internal-error findings.
        edges.length = mark;
        failures.push({ stage: 'sharing', template, resource: r, error });
      }
    }
  }
  keyEdges(keyed, edges);
  return new RelationGraph(edges);
}

/** Every located value at a catalog-style path, stepping into every element of each `[]`. */
export function allAt(ev: Evaluator, from: Located, path: string): Located[] {
  let current: Located[] = [from];
  for (const raw of path.split('.')) {
    const list = raw.endsWith('[]');
    const key = list ? raw.slice(0, -2) : raw;
    const next: Located[] = [];
    for (const c of current) {
      const child = key ? ev.child(c, key) : ev.settle(c);
      if (!child) continue;
      if (list) {
        if (Array.isArray(child.value)) next.push(...ev.elements(child));
        else next.push(child);
      } else next.push(child);
    }
    current = next;
  }
  return current;
}

/** The resource a reference points at (Ref/GetAtt/ARN in a string), within the input set. */
export function referencedResource(value: unknown, ev: Evaluator): Resource | undefined {
  const v = ev.resolve(value);
  if (v.kind === 'resource') return v.template.resourcesById.get(v.id);
  if (v.kind === 'literal' && typeof v.value === 'string') {
    const m = /^\$\{([A-Za-z0-9_.[\]"-]+?)(?:\.([A-Za-z0-9_]+))?\}$/.exec(v.value);
    if (m) return ev.template.resourcesById.get(m[1]);
  }
  return undefined;
}

function policyEdges({ r, root, ev, edges }: Walk): void {
  for (const carrier of relationRowsOn('policy', r.type)) {
    const policyAt = getPath(ev, root, carrier.policy);
    if (!policyAt) continue;
    const targets = carrier.targets ? allAt(ev, root, carrier.targets).map((t) => referencedResource(t.value, ev)) : [r];
    for (const target of targets) {
      if (!target) continue;
      const certainty = crossAccountCertainty(target.type);
      if (!certainty) continue;
      for (const g of policyGrants(policyAt.value, policyAt.path, ev)) {
        if (g.scope.kind === 'service') continue;
        edges.push({ kind: 'sharedWith', from: target, site: r, via: `${carrier.via} ${carrier.targets ? r.id : ''}`.trim(), scope: g.scope, template: r.template, at: g.at, certainty });
      }
    }
  }
}

/**
 * Buckets whose policy delegates access control to access points (an Allow conditioned on
 * `s3:DataAccessPointAccount` / `s3:DataAccessPointArn`), with the policy that does it. Only then does
 * an access point policy grant anything: otherwise the bucket policy must allow the same access,
 * and that grant is already an edge of its own.
 */
function delegatingBuckets(template: Template, ev: Evaluator): Map<Resource, Resource> {
  const out = new Map<Resource, Resource>();
  for (const r of template.resources) {
    const site = relationRowsOn('bucketPolicy', r.type)[0];
    if (!site || r.terraformMode) continue;
    const root: Located = { value: r.properties ?? {}, path: r.propertiesPath };
    const policy = getPath(ev, root, site.policy);
    if (!policy) continue;
    const bucket = site.bucket ? referencedResource(getPath(ev, root, site.bucket)?.value, ev) : r;
    if (!bucket || !BUCKET.has(bucket.type)) continue;
    // Delegation to access points of some account; those declared in the input are the own account's.
    if (accessPointDelegation(policy.value, ev).some((s) => s.kind !== 'public' && s.kind !== 'service')) out.set(bucket, r);
  }
  return out;
}

function accessPointEdges({ r, root, ev, edges }: Walk, delegating: Map<Resource, Resource>): void {
  const site = relationRowsOn('accessPoint', r.type)[0];
  if (!site || r.terraformMode) return;
  const policy = getPath(ev, root, site.policy);
  if (!policy) return;
  let bucketRef: unknown;
  if (site.bucket) bucketRef = getPath(ev, root, site.bucket)?.value;
  else {
    const ap = site.accessPoint === undefined ? undefined : referencedResource(getPath(ev, root, site.accessPoint)?.value, ev);
    const apBucket = ap && ap.type === site.accessPointType ? relationRowsOn('accessPoint', ap.type)[0]?.bucket : undefined;
    if (ap && apBucket) bucketRef = getPath(ev, { value: ap.properties ?? {}, path: ap.propertiesPath }, apBucket)?.value;
  }
  const bucket = referencedResource(bucketRef, ev);
  if (!bucket) return;
  const delegation = delegating.get(bucket);
  if (!delegation) return;
  const certainty = crossAccountCertainty(bucket.type) ?? 'may';
  for (const g of policyGrants(policy.value, policy.path, ev)) {
    if (g.scope.kind === 'service') continue;
    edges.push({ kind: 'sharedWith', from: bucket, site: r, via: `access point policy ${r.id} (bucket policy ${delegation.id} delegates access control to access points)`, scope: g.scope, template: r.template, at: g.at, certainty });
  }
}

function accountListEdges({ r, root, ev, edges }: Walk): void {
  for (const carrier of relationRowsOn('accountList', r.type)) {
    for (const item of allAt(ev, root, carrier.list)) {
      const v = ev.resolve(item.value);
      const scope: PrincipalScope =
        v.kind !== 'literal' || typeof v.value !== 'string' ? scopeOfValue(v)
        : carrier.scope === 'organization' ? { kind: 'organization', org: v.value }
        : v.value === 'all' ? { kind: 'public' }
        : scopeOfText(v.value);
      edges.push({ kind: 'sharedWith', from: r, site: r, via: carrier.via, scope, template: r.template, at: item.path, certainty: crossAccountCertainty(r.type) ?? 'may' });
    }
  }
}

function replicationEdges({ r, root, ev, edges }: Walk): void {
  for (const site of relationRowsOn('replication', r.type)) {
    const bucketAt = site.bucket ? getPath(ev, root, site.bucket) : undefined;
    const bucket = site.bucket ? bucketAt && referencedResource(bucketAt.value, ev) : r;
    if (!bucket) continue;
    for (const rule of allAt(ev, root, site.rules)) {
      const destination = getPath(ev, rule, site.destination);
      const to = destination && referencedResource(destination.value, ev);
      if (destination && to) edges.push({ kind: 'replicatesTo', from: bucket, to, site: r, template: r.template, at: destination.path });
      const account = getPath(ev, rule, site.account);
      if (!account) continue;
      const scope: PrincipalScope = scopeOfValue(ev.resolve(account.value));
      edges.push({ kind: 'sharedWith', from: bucket, site: r, via: 'S3 replication to another account', scope, template: r.template, at: account.path, certainty: 'yes', keyPurpose: site.keyPurpose });
    }
  }
}

function resourceShareEdges({ r, root, ev, edges }: Walk): void {
  for (const site of relationRowsOn('resourceShare', r.type)) {
    if (site.resources && site.principals) {
      const principals = allAt(ev, root, site.principals);
      for (const arn of allAt(ev, root, site.resources)) {
        const target = referencedResource(arn.value, ev);
        if (target) for (const p of principals) edges.push(shareEdge(target, r, r, p, ev));
      }
      continue;
    }
    if (!site.share || !site.resource || !site.principalType || !site.principal) continue;
    // A split share: resources and principals join on the share they name.
    const share = referencedResource(getPath(ev, root, site.share)?.value, ev);
    const target = referencedResource(getPath(ev, root, site.resource)?.value, ev);
    if (!share || !target) continue;
    for (const other of r.template.resources) {
      if (other.type !== site.principalType) continue;
      const otherRoot: Located = { value: other.properties ?? {}, path: other.propertiesPath };
      if (referencedResource(getPath(ev, otherRoot, site.share)?.value, ev) !== share) continue;
      const p = getPath(ev, otherRoot, site.principal);
      if (p) edges.push(shareEdge(target, share, r, p, ev));
    }
  }
}

function shareEdge(target: Resource, share: Resource, site: Resource, p: Located, ev: Evaluator): Relation {
  const v = ev.resolve(p.value);
  const text = v.kind === 'literal' && typeof v.value === 'string' ? v.value : undefined;
  const scope: PrincipalScope = !text ? scopeOfValue(v)
    : /:organizations::/.test(text) ? { kind: 'organization', org: text }
    : scopeOfText(text);
  return { kind: 'sharedWith', from: target, site, via: `RAM share ${share.id}`, scope, template: share.template, at: p.path, certainty: crossAccountCertainty(target.type) ?? 'may' };
}

function backupEdges({ r, root, ev, edges }: Walk): void {
  for (const site of relationRowsOn('backupCopy', r.type)) {
    for (const rule of allAt(ev, root, site.rules)) {
      const vault = getPath(ev, rule, site.vault);
      const source = vault && referencedResource(vault.value, ev);
      if (!source) continue;
      for (const copy of allAt(ev, rule, site.copies)) {
        const v = ev.resolve(copy.value);
        if (v.kind !== 'literal' || typeof v.value !== 'string') continue;
        const m = /^arn:[^:]*:backup:[^:]*:([^:]*):/.exec(withoutPseudoColons(v.value));
        if (!m) continue;
        edges.push({ kind: 'sharedWith', from: source, site: r, via: `AWS Backup copy to another account's vault (plan ${r.id})`, scope: scopeOfText(m[1]), template: r.template, at: copy.path, certainty: 'may' });
      }
    }
  }
}

function subscriptionEdges({ r, root, ev, edges }: Walk): void {
  for (const site of relationRowsOn('subscription', r.type)) {
    const topicAt = site.topic ? getPath(ev, root, site.topic) : undefined;
    const topic = site.topic ? topicAt && referencedResource(topicAt.value, ev) : r;
    if (!topic) continue;
    const certainty = crossAccountCertainty(topic.type);
    for (const holder of site.list ? allAt(ev, root, site.list) : [root]) {
      const endpoint = getPath(ev, holder, site.endpoint);
      if (!endpoint) continue;
      const subscriber = referencedResource(endpoint.value, ev);
      if (subscriber) edges.push({ kind: 'subscribes', from: subscriber, to: topic, site: r, template: r.template, at: endpoint.path });
      if (!certainty) continue;
      const v = ev.resolve(endpoint.value);
      if (v.kind !== 'literal' || typeof v.value !== 'string') continue;
      const m = /^arn:[^:]*:(sqs|lambda|firehose):[^:]*:([^:]*):/.exec(withoutPseudoColons(v.value));
      if (!m) continue;
      edges.push({ kind: 'sharedWith', from: topic, site: r, via: `subscription ${r.id} of an endpoint in another account`, scope: scopeOfText(m[2]), template: r.template, at: endpoint.path, certainty: 'may' });
    }
  }
}

function snapshotShareEdges({ r, root, ev, edges }: Walk): void {
  for (const site of relationRowsOn('snapshotShare', r.type)) {
    const wanted = tagsOf(getPath(ev, root, site.targetTags)?.value, ev);
    if (wanted.size === 0) continue;
    const accounts = allAt(ev, root, site.accounts);
    if (accounts.length === 0) continue;
    for (const volume of r.template.resources) {
      if (volume.type !== site.volume) continue;
      const have = tagsOf(getPath(ev, { value: volume.properties ?? {}, path: volume.propertiesPath }, site.volumeTags)?.value, ev);
      // DLM targets resources that carry any one of the policy's target tags.
      if (![...wanted].some(([k, v]) => have.get(k) === v)) continue;
      for (const a of accounts) {
        const scope: PrincipalScope = scopeOfValue(ev.resolve(a.value));
        edges.push({ kind: 'sharedWith', from: volume, site: r, via: `snapshot sharing by lifecycle policy ${r.id}`, scope, template: r.template, at: a.path, certainty: 'yes' });
      }
    }
  }
}

function publisherEdges({ r, root, ev, edges }: Walk): void {
  for (const site of relationRowsOn('publisher', r.type)) {
    const by = site.publishedBy ? getPath(ev, root, site.publishedBy) : undefined;
    const publisher = (by && referencedResource(by.value, ev)) || r;
    const identifiedBy = site.identifiedBySite ? r : publisher;
    const parts = site.target.split('.');
    const leaf = parts.pop()!;
    for (const holder of parts.length ? allAt(ev, root, parts.join('.')) : [root]) {
      if (site.when) {
        const w = getPath(ev, holder, site.when.path);
        const wv = w && ev.resolve(w.value);
        if (!wv || wv.kind !== 'literal' || !site.when.equals.includes(scalarText(wv.value).toLowerCase())) continue;
      }
      for (const t of allAt(ev, holder, leaf)) {
        const target = referencedResource(t.value, ev);
        if (!target || !TOPIC_OR_QUEUE.has(target.type)) continue;
        const named = identifiedBy === r ? `${site.publisher} ${r.id}` : `${site.publisher} ${identifiedBy.id} through ${r.id}`;
        const label = `${named}${site.role ? ` (as its ${site.role})` : ''}`;
        edges.push({ kind: 'publishesTo', from: publisher, to: target, site: r, publisher: label, identifiedBy, template: r.template, at: t.path });
      }
    }
  }
}

function originEdges({ r, root, ev, edges }: Walk): void {
  for (const site of relationRowsOn('origin', r.type)) {
    for (const origin of allAt(ev, root, site.origins)) {
      const domain = getPath(ev, origin, site.domain);
      const bucket = domain && referencedResource(domain.value, ev);
      if (!bucket || !BUCKET.has(bucket.type)) continue;
      const oac = getPath(ev, origin, site.oac);
      const oai = getPath(ev, origin, site.oai);
      const hasOai = oai && !(typeof oai.value === 'string' && oai.value === '');
      if (!oac && !hasOai) continue;
      edges.push({ kind: 'servesOrigin', from: bucket, to: r, site: r, access: oac ? 'OAC' : 'OAI', template: r.template, at: domain.path });
    }
  }
}

function logDeliveryEdges({ r, root, ev, edges }: Walk): void {
  for (const site of relationRowsOn('logDelivery', r.type)) {
    for (const at of allAt(ev, root, site.bucket)) {
      const bucket = referencedResource(at.value, ev);
      if (bucket && BUCKET.has(bucket.type)) edges.push({ kind: 'logsTo', from: r, to: bucket, site: r, via: site.via, template: r.template, at: at.path });
    }
  }
}

function keyManagementEdges({ r, root, ev, edges }: Walk): void {
  if (/(^|\.)data\./.test(r.id)) return; // a Terraform data source only reads the key
  for (const site of relationRowsOn('keyManagement', r.type)) {
    const at = getPath(ev, root, site.path);
    if (!at) continue;
    const v = ev.resolve(at.value);
    const text = v.kind === 'literal' && typeof v.value === 'string' ? v.value : undefined;
    const to = site.manages !== 'aliasName' && v.kind === 'resource' ? v.template.resourcesById.get(v.id) : undefined;
    edges.push({ kind: 'manages', from: r, ...(to ? { to } : {}), what: site.manages, ...(text !== undefined ? { text } : {}), site: r, template: r.template, at: at.path });
    if (site.manages === 'aliasTarget' && to && CUSTOMER_KEY.has(to.type)) edges.push({ kind: 'aliasOf', from: r, to, site: r, template: r.template, at: at.path });
  }
}

function attachmentEdges({ r, edges }: Walk): void {
  const to = r.attachesTo === undefined ? undefined : r.template.resourcesById.get(r.attachesTo);
  if (to) edges.push({ kind: 'attachesTo', from: r, to, site: r, template: r.template, at: r.path });
}

/** A declared key to every resource it encrypts (in any branch, for any purpose), once per purpose. */
function keyEdges(keyed: Analysis['resources'], edges: Relation[]): void {
  for (const a of keyed) {
    const seen = new Set<string>();
    for (const v of a.variants) {
      for (const { purpose, resolved } of [{ purpose: 'data', resolved: v.primary }, ...v.secondary]) {
        const key = resolved.keyResource;
        if (!key || seen.has(`${purpose}\u0000${key.template.stack}\u0000${key.id}`)) continue;
        seen.add(`${purpose}\u0000${key.template.stack}\u0000${key.id}`);
        edges.push({ kind: 'keyOf', from: key, to: a.resource, purpose, site: a.resource, template: a.resource.template, at: resolved.at });
      }
    }
  }
}
