// What the HTML report draws, as plain data: resources, findings, and per group (stack, or
// Terraform module) the nodes and edges of its key map. Pure: the page (./page.ts) renders it and
// the browser script (./client.ts) lays each group out only when it is opened.
import type { KeyMap, MapResource, RelationRow } from '../../analysis/key-map.js';
import type { Finding, Severity } from '../../model/findings.js';
import type { EffectiveKey } from '../../model/types.js';
import { resourceLabel, severityOrder } from '../common.js';

/** Colour class of a key node. */
export type KeyClass = 'customer' | 'external' | 'managed' | 'owned' | 'none' | 'unknown';
export type NodeKind = KeyClass | 'resource' | 'aggregate' | 'other' | 'principal';
export type EdgeKind = 'uses' | 'implicit' | 'secondary' | RelationRow['kind'];

export interface PageKeyUse {
  /** The key as a reader names it: `alias/aws/s3`, the key's logical id, `aws-owned`. */
  key: string;
  cls: KeyClass;
  reason: string;
  branch?: string;
  /** Secondary keys only (`replica`, `masterUserSecret`). */
  purpose?: string;
  /** An AWS managed key the resource falls back to because no key is given. */
  implicit?: boolean;
}

export interface PageResource {
  group: number;
  id: string;
  type: string;
  path?: string;
  /** Its file and stack are its group's. */
  line: number;
  keys: PageKeyUse[];
  /** Indexes into `findings`. */
  findings: number[];
}

export interface PageFinding {
  rule: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  resource?: string;
  /** Index into `resources`, when the finding's resource is on the map. */
  res?: number;
  suppressed: boolean;
}

export interface PageNode {
  kind: NodeKind;
  label: string;
  /** Second line: the resource type, "AWS managed", "3 resources". */
  sub: string;
  /** Resources this node stands for (one, or an aggregate's members). */
  resources?: number[];
  /** Findings on the node itself (a declared key's hygiene findings). */
  findings?: number[];
  /** Worst severity of the findings of the node (and its resources). */
  mark?: Severity;
}

export interface PageEdge {
  from: number;
  to: number;
  kind: EdgeKind;
  label?: string;
  findings?: number[];
  mark?: Severity;
}

export interface PageGroup {
  label: string;
  file: string;
  stack: string;
  module?: string;
  nodes: PageNode[];
  edges: PageEdge[];
  /** Resources per key class, for the collapsed line. */
  counts: Partial<Record<KeyClass, number>>;
  mark?: Severity;
  resourceCount: number;
}

export interface PageModel {
  resources: PageResource[];
  findings: PageFinding[];
  groups: PageGroup[];
}

/** Resources with the same keys, type and findings are drawn as one node from this many on. */
export const AGGREGATE_FROM = 5;

export function keyClass(key: EffectiveKey): KeyClass {
  switch (key.kind) {
    case 'customer-managed':
      return key.external ? 'external' : 'customer';
    case 'aws-managed':
      return 'managed';
    case 'aws-owned':
      return 'owned';
    case 'none':
      return 'none';
    default:
      return 'unknown';
  }
}

export function keyName(key: EffectiveKey): string {
  switch (key.kind) {
    case 'customer-managed':
      return key.keyRef ?? 'customer managed key';
    case 'aws-managed':
      return key.alias ?? 'AWS managed key';
    case 'aws-owned':
      return 'AWS owned key';
    case 'none':
      return 'not encrypted';
    default:
      return 'unresolved key';
  }
}

const KEY_SUB: Record<KeyClass, string> = {
  customer: 'customer managed',
  external: 'customer managed, not in the input',
  managed: 'AWS managed',
  owned: 'AWS owned / service key',
  none: 'no encryption at rest',
  unknown: 'could not be resolved',
};

/** Terraform module prefix of an address (`module.db.module.q["a"]`), or undefined at the root. */
export function modulePrefix(address: string): string | undefined {
  const re = /^module\.[A-Za-z0-9_-]+(?:\[(?:"(?:[^"\\]|\\.)*"|[^\]]*)\])?\./;
  let rest = address;
  let prefix = '';
  for (let m = re.exec(rest); m; m = re.exec(rest)) {
    prefix += m[0];
    rest = rest.slice(m[0].length);
  }
  return prefix ? prefix.slice(0, -1) : undefined;
}

const resourceKey = (file: string, stack: string, id: string) => `${file}\u0000${stack}\u0000${id}`;
const worse = (a: Severity | undefined, b: Severity | undefined): Severity | undefined =>
  a === undefined ? b : b === undefined ? a : severityOrder[a] <= severityOrder[b] ? a : b;

export function buildModel(map: KeyMap, findings: readonly Finding[], label: (file: string) => string): PageModel {
  const pageFindings: PageFinding[] = findings.map((f) => ({
    rule: f.ruleId,
    severity: f.severity,
    message: f.message + (f.branch ? ` (when ${f.branch})` : ''),
    file: label(f.file),
    line: f.line,
    column: f.column,
    resource: resourceLabel(f),
    suppressed: f.suppressed,
  }));
  const findingsOf = new Map<string, number[]>();
  findings.forEach((f, i) => {
    if (!f.resource) return;
    const k = resourceKey(f.file, f.resource.stack, f.resource.id);
    const list = findingsOf.get(k);
    if (list) list.push(i);
    else findingsOf.set(k, [i]);
  });
  const markOf = (list: readonly number[] | undefined) =>
    (list ?? []).reduce<Severity | undefined>((m, i) => (findings[i].suppressed ? m : worse(m, findings[i].severity)), undefined);

  // Groups and resources, in input order.
  const groupIndex = new Map<string, number>();
  const groups: PageGroup[] = [];
  const groupOf = (r: MapResource): number => {
    const module = r.type.startsWith('aws_') || r.id.startsWith('module.') ? modulePrefix(r.id) : undefined;
    const k = `${r.file}\u0000${r.stack}\u0000${module ?? ''}`;
    let g = groupIndex.get(k);
    if (g === undefined) {
      g = groups.length;
      groupIndex.set(k, g);
      const where = r.stack && r.stack !== stemOf(r.file) ? `${r.stack} — ${label(r.file)}` : label(r.file);
      groups.push({ label: module ? `${where} › ${module}` : where, file: label(r.file), stack: r.stack, module, nodes: [], edges: [], counts: {}, resourceCount: 0 });
    }
    return g;
  };
  const resources: PageResource[] = [];
  const rawFiles: string[] = [];
  const resourceIndex = new Map<string, number>();
  const resourceOf = (r: MapResource, line = 1): number => {
    const k = resourceKey(r.file, r.stack, r.id);
    let i = resourceIndex.get(k);
    if (i === undefined) {
      i = resources.length;
      resourceIndex.set(k, i);
      rawFiles.push(r.file);
      resources.push({ group: groupOf(r), id: r.id, type: r.type, path: r.path, line, keys: [], findings: findingsOf.get(k) ?? [] });
    }
    return i;
  };
  for (const row of map.rows) {
    const i = resourceOf(row, row.line);
    const res = resources[i];
    res.keys.push(keyUse(row.key, row.reason, row.branch));
    for (const s of row.secondary) res.keys.push({ ...keyUse(s.key, s.reason, row.branch), purpose: s.purpose });
  }
  const encryptable = resources.length;
  const declared = new Map(map.declaredKeys.map((k) => [resourceKey(k.file, k.stack, k.id), k]));
  for (const k of map.declaredKeys) groupOf(k);
  const relationEnds = new Set<number>();
  const relations = map.relations
    // A share with the input's own account (however written) is not cross-account: drawn by neither report.
    .filter((e) => !(e.kind === 'sharedWith' && e.own))
    .map((e) => {
      const from = resourceOf(e.from);
      const to = e.to ? resourceOf(e.to) : undefined;
      relationEnds.add(from);
      if (to !== undefined) relationEnds.add(to);
      // A finding about this edge is on one of its ends and names the edge's site as related.
      const ends = [from, ...(to === undefined ? [] : [to])];
      const onEdge = ends.flatMap((r) => resources[r].findings).filter((fi) =>
        (findings[fi].related ?? []).some((rel) => rel.file === e.site.file && rel.line === e.site.line && rel.column === e.site.column),
      );
      return { row: e, from, to, findings: [...new Set(onEdge)] };
    });

  findings.forEach((f, i) => {
    const r = f.resource ? resourceIndex.get(resourceKey(f.file, f.resource.stack, f.resource.id)) : undefined;
    if (r !== undefined) pageFindings[i].res = r;
  });

  // Nodes per group: key nodes, resource nodes (similar plain resources aggregated), principals.
  const nodeIndex = groups.map(() => new Map<string, number>());
  const addNode = (g: number, id: string, make: () => PageNode): number => {
    let n = nodeIndex[g].get(id);
    if (n === undefined) {
      n = groups[g].nodes.length;
      nodeIndex[g].set(id, n);
      groups[g].nodes.push(make());
    }
    return n;
  };
  const keyNode = (g: number, use: PageKeyUse, stack: string, file: string): number =>
    addNode(g, `key:${use.cls}:${use.key}`, () => {
      const dk = use.cls === 'customer' ? declared.get(resourceKey(file, stack, use.key)) : undefined;
      const own = dk ? findingsOf.get(resourceKey(dk.file, dk.stack, dk.id)) : undefined;
      return { kind: use.cls, label: use.key, sub: KEY_SUB[use.cls], ...(own?.length ? { findings: own, mark: markOf(own) } : {}) };
    });
  for (const k of map.declaredKeys) {
    const g = groupOf(k);
    keyNode(g, { key: k.id, cls: 'customer', reason: '' }, k.stack, k.file);
  }

  const resourceNode = new Map<number, { group: number; node: number }>();
  const byGroup = groups.map((): number[] => []);
  for (let i = 0; i < encryptable; i++) byGroup[resources[i].group].push(i);
  byGroup.forEach((members, g) => {
    const group = groups[g];
    group.resourceCount = members.length;
    const bySignature = new Map<string, number[]>();
    for (const i of members) {
      const r = resources[i];
      for (const cls of new Set(r.keys.filter((k) => !k.purpose).map((k) => k.cls))) group.counts[cls] = (group.counts[cls] ?? 0) + 1;
      if (relationEnds.has(i)) continue;
      const signature = JSON.stringify([r.type, r.keys.map((k) => [k.cls, k.key, k.branch ?? '', k.purpose ?? '']), [...new Set(r.findings.map((f) => `${findings[f].ruleId}:${findings[f].severity}:${findings[f].suppressed}`))].sort()]);
      const same = bySignature.get(signature);
      if (same) same.push(i);
      else bySignature.set(signature, [i]);
    }
    const drawn = new Set<number>();
    for (const list of bySignature.values()) {
      if (list.length < AGGREGATE_FROM) continue;
      const r = resources[list[0]];
      const node = group.nodes.length;
      group.nodes.push({ kind: 'aggregate', label: `${list.length} × ${r.type}`, sub: 'similar resources', resources: list, mark: markOf(list.flatMap((x) => resources[x].findings)) });
      for (const x of list) {
        resourceNode.set(x, { group: g, node });
        drawn.add(x);
      }
    }
    for (const i of members) {
      if (drawn.has(i)) continue;
      const r = resources[i];
      const node = addNode(g, `res:${i}`, () => ({ kind: 'resource', label: r.path ?? r.id, sub: r.type, resources: [i], mark: markOf(r.findings) }));
      resourceNode.set(i, { group: g, node });
    }
    // Key edges, once per (node, key, branch, purpose).
    const seen = new Set<string>();
    for (const i of members) {
      const r = resources[i];
      const from = resourceNode.get(i)!.node;
      for (const use of r.keys) {
        const to = keyNode(g, use, group.stack, rawFiles[i]);
        const kind: EdgeKind = use.purpose ? 'secondary' : use.implicit ? 'implicit' : 'uses';
        const label = [use.purpose, use.branch].filter(Boolean).join(', ') || undefined;
        const k = `${from}\u0000${to}\u0000${kind}\u0000${label ?? ''}`;
        if (seen.has(k)) continue;
        seen.add(k);
        group.edges.push({ from, to, kind, ...(label ? { label } : {}) });
      }
    }
  });

  // Relation edges: in the group of the resource the finding names (the shared, published-to or origin bucket).
  for (const e of relations) {
    const mark = markOf(e.findings);
    const extra = { findings: e.findings, ...(mark ? { mark } : {}) };
    const endOf = (i: number, g: number) => {
      const placed = resourceNode.get(i);
      if (placed && placed.group === g) return placed.node;
      const r = resources[i];
      const other = r.group === g ? '' : ` (in ${groups[r.group].label})`;
      return addNode(g, `res:${i}`, () => ({ kind: 'other', label: r.path ?? r.id, sub: r.type + other, resources: [i], mark: markOf(r.findings) }));
    };
    if (e.to === undefined) {
      const g = resources[e.from].group;
      const p = addNode(g, `principal:${e.row.label}`, () => ({ kind: 'principal', label: e.row.label, sub: 'principal' }));
      groups[g].edges.push({ from: endOf(e.from, g), to: p, kind: e.row.kind, label: 'shared with', ...extra });
      continue;
    }
    const target = e.row.kind === 'publishesTo' || e.row.kind === 'logsTo' ? e.to : e.from;
    const g = resources[target].group;
    const label = e.row.kind === 'publishesTo' ? 'publishes' : e.row.kind === 'servesOrigin' ? `origin (${e.row.label})` : 'access logs';
    groups[g].edges.push({ from: endOf(e.from, g), to: endOf(e.to, g), kind: e.row.kind, label, ...extra });
    // The other end's own group shows the edge too, so neither side hides it.
    const og = resources[target === e.to ? e.from : e.to].group;
    if (og !== g) groups[og].edges.push({ from: endOf(e.from, og), to: endOf(e.to, og), kind: e.row.kind, label, ...extra });
  }
  for (const group of groups) {
    group.mark = group.nodes.reduce<Severity | undefined>((m, n) => worse(m, n.mark), group.edges.reduce<Severity | undefined>((m, e) => worse(m, e.mark), undefined));
  }
  return { resources, findings: pageFindings, groups };
}

function keyUse(key: EffectiveKey, reason: string, branch: string | undefined): PageKeyUse {
  return { key: keyName(key), cls: keyClass(key), reason, ...(branch ? { branch } : {}), ...(key.origin === 'implicit' ? { implicit: true } : {}) };
}

function stemOf(file: string): string {
  const base = file.replace(/\\/g, '/').split('/').pop() ?? file;
  return base.replace(/\.template\.json$|\.(json|ya?ml|template)$/i, '');
}
