// `kmslint keys --format mermaid`: a flowchart to paste into Markdown (a pull request comment, docs).
// One subgraph per stack / module holding its resources and the customer keys it declares; AWS
// managed, AWS owned, external and "none"/"unknown" keys are shared nodes outside, coloured by kind.
// Sharing, service-publisher and CloudFront relations are thick edges. The picture stays under a
// node budget (and under Mermaid's own default limits, which GitHub applies): the largest stacks
// collapse into count nodes first, then the smallest collapsed ones into one "other" node, and a
// comment plus a visible note say what was collapsed.
import type { KeyRow } from '../analysis/key-rows.js';
import type { MapResource, RelationRow } from '../analysis/key-map.js';
import type { PrincipalScope } from '../analysis/principals.js';
import type { KeysResult } from './keys.js';
import { escapeControlChars, guardCiCommands } from './common.js';

export const DEFAULT_MERMAID_MAX_NODES = 200;
/** Mermaid's defaults `maxEdges` and `maxTextSize`: beyond them it draws an error instead of the chart. */
const MERMAID_MAX_EDGES = 500;
const MERMAID_MAX_TEXT = 50_000;
/** Longest label line, in code points: node labels keep their end (a construct path's last parts), edge labels their start. */
const LABEL_LINE_MAX = 60;

export interface MermaidOptions {
  /** Node budget (default 200); the note node counts. */
  maxNodes?: number;
}

type Shape = 'box' | 'stadium' | 'hexagon' | 'subroutine';

interface Node {
  id: string;
  lines: string[];
  cls?: string;
  shape: Shape;
}

interface Group {
  lines: string[];
  /** The stack name alone (or the file), for its count node. */
  name: string;
  nodes: Node[];
  resources: number;
  keys: number;
}

type Arrow = '-->' | '-.->' | '==>';

interface Edge {
  from: string;
  to: string;
  arrow: Arrow;
  label: string;
}

interface Model {
  groups: Group[];
  /** Keys and principals no one stack owns. */
  shared: Node[];
  edges: Edge[];
  /** Node id → index of the group that holds it. */
  owner: Map<string, number>;
  resources: number;
}

export interface MermaidDiagram {
  text: string;
  /** Nodes drawn (Mermaid `g.node` elements), subgraphs not counted. */
  nodes: number;
  edges: number;
  /** Stacks drawn as one count node each, and stacks folded into the "other" node. */
  collapsed: number;
  folded: number;
}

const KEY_CLASSES = {
  managed: 'fill:#fde68a,stroke:#b45309',
  customer: 'fill:#bbf7d0,stroke:#15803d',
  owned: 'fill:#e5e7eb,stroke:#6b7280',
  none: 'fill:#fecaca,stroke:#b91c1c',
  unknown: 'fill:#e9d5ff,stroke:#7e22ce',
  principal: 'fill:#fee2e2,stroke:#991b1b,stroke-width:2px',
  related: 'fill:#f8fafc,stroke:#94a3b8,stroke-dasharray:3 3',
  collapsed: 'fill:#f1f5f9,stroke:#475569',
  note: 'fill:#fffbeb,stroke:#d97706,color:#78350f',
};

function groupKey(file: string, stack: string): string {
  return `${file}\u0000${stack}`;
}

/** The key node a row's key is drawn as: declared customer keys belong to the row's stack. */
function keyNodeOf(key: KeyRow['key'], file: string, stack: string): { k: string; lines: string[]; cls: keyof typeof KEY_CLASSES; local: boolean } {
  switch (key.kind) {
    case 'aws-managed':
      return { k: `aws:${key.alias}`, lines: [key.alias ?? 'alias/aws/?', 'AWS managed'], cls: 'managed', local: false };
    case 'customer-managed':
      return key.external
        ? { k: `ext:${key.keyRef}`, lines: [key.keyRef ?? '?', 'customer managed, external'], cls: 'customer', local: false }
        : { k: `cmk:${groupKey(file, stack)}\u0000${key.keyRef}`, lines: [key.keyRef ?? '?', 'customer managed'], cls: 'customer', local: true };
    case 'aws-owned':
      return { k: 'aws-owned', lines: ['AWS owned / service keys'], cls: 'owned', local: false };
    case 'none':
      return { k: 'none', lines: ['not encrypted'], cls: 'none', local: false };
    case 'unknown':
      return { k: 'unknown', lines: ['unresolved'], cls: 'unknown', local: false };
  }
}

function buildModel(r: KeysResult): Model {
  const groups: Group[] = [];
  const groupIndex = new Map<string, number>();
  const shared: Node[] = [];
  const owner = new Map<string, number>();
  const ids = new Map<string, string>();
  const edges: Edge[] = [];
  const edgeSeen = new Set<string>();
  let counter = 0;

  const groupOf = (file: string, stack: string): number => {
    const k = groupKey(file, stack);
    let g = groupIndex.get(k);
    if (g === undefined) {
      groupIndex.set(k, (g = groups.length));
      groups.push({ lines: stack ? [stack, file] : [file], name: stack || file, nodes: [], resources: 0, keys: 0 });
    }
    return g;
  };
  const node = (k: string, make: () => Omit<Node, 'id'>, group: number | undefined, count?: 'resources' | 'keys'): string => {
    let id = ids.get(k);
    if (id !== undefined) return id;
    id = `${k.startsWith('res:') ? 'R' : k.startsWith('who:') ? 'X' : 'K'}${counter++}`;
    ids.set(k, id);
    const n = { id, ...make() };
    if (group === undefined) shared.push(n);
    else {
      groups[group].nodes.push(n);
      owner.set(id, group);
      if (count) groups[group][count]++;
    }
    return id;
  };
  const resourceNode = (e: MapResource, related: boolean): string => {
    const g = groupOf(e.file, e.stack);
    return node(`res:${groupKey(e.file, e.stack)}\u0000${e.id}`, () => ({ lines: [e.path ?? e.id, e.type], shape: 'box', ...(related ? { cls: 'related' } : {}) }), g, related ? undefined : 'resources');
  };
  const edge = (from: string, to: string, arrow: Arrow, label: string) => {
    const k = `${from}|${to}|${arrow}|${label}`;
    if (edgeSeen.has(k)) return;
    edgeSeen.add(k);
    edges.push({ from, to, arrow, label });
  };

  for (const row of r.rows) resourceNode(row, false);
  for (const row of r.rows) {
    const rid = resourceNode(row, false);
    const keys = [{ purpose: '', key: row.key }, ...row.secondary.map((s) => ({ purpose: s.purpose, key: s.key }))];
    for (const { purpose, key } of keys) {
      const kn = keyNodeOf(key, row.file, row.stack);
      const kid = node(kn.k, () => ({ lines: kn.lines, cls: kn.cls, shape: 'stadium' }), kn.local ? groupOf(row.file, row.stack) : undefined, 'keys');
      const implicit = key.kind === 'aws-managed' && key.origin === 'implicit';
      edge(rid, kid, implicit ? '-.->' : '-->', [purpose, implicit ? 'implicit' : '', row.branch ?? ''].filter(Boolean).join(', '));
    }
  }
  for (const e of r.keyMap?.().relations ?? []) addRelation(e);
  function addRelation(e: RelationRow): void {
    const end = (x: MapResource) => resourceNode(x, true);
    switch (e.kind) {
      case 'sharedWith': {
        const who = e.own ? undefined : principalName(e.scope);
        if (who) edge(end(e.from), node(`who:${who}`, () => ({ lines: [who], cls: 'principal', shape: 'hexagon' }), undefined), '==>', `shared: ${e.via}`);
        break;
      }
      case 'publishesTo':
        edge(end(e.from), end(e.to), '==>', `publishes: ${e.label}`);
        break;
      case 'servesOrigin':
        edge(end(e.from), end(e.to), '==>', `CloudFront origin (${e.label})`);
        break;
      case 'logsTo':
        edge(end(e.from), end(e.to), '==>', 'CloudFront access logs');
        break;
    }
  }
  return { groups, shared, edges, owner, resources: groups.reduce((n, g) => n + g.resources, 0) };
}

/**
 * The principal node a share is drawn to, or undefined for those the chart leaves out: a service
 * principal (its publisher edge is drawn instead) and a principal that could not be resolved and is
 * not a wildcard. Shares with the input's own accounts are left out before (`own`).
 */
function principalName(scope: PrincipalScope): string | undefined {
  switch (scope.kind) {
    case 'account':
      return `account ${scope.account}`;
    case 'organization':
      return scope.org ? `organization ${scope.org}` : 'an organization';
    case 'public':
      return 'anyone (public)';
    case 'unknown':
      return scope.wildcard ? 'any principal (*)' : undefined;
    case 'own':
    case 'service':
      return undefined;
  }
}

/**
 * Mermaid label text. Labels are quoted, so only what Mermaid or HTML would read is written as
 * Mermaid's `#<name>;` entities: `#` itself, quotes, angle brackets, `&`, the `|` of edge labels,
 * the backtick that starts a Markdown string, `%` (Mermaid strips `%%{…}%%` directives anywhere in
 * the text) and `\` (it reads `\n` in a label as a line break even written as an entity, so a word
 * joiner follows it: the escapes of control characters stay visible). Mermaid marks entities with
 * placeholders (`ﬂ°` … `¶ß`) that it turns back into `&` … `;` after the browser has decoded the
 * label, so neither pair may reach it: `ﬂ` is written as the `fl` it stands for (its NFKC form) and
 * a word joiner goes between `¶` and `ß`. Control characters print as escapes (`\n`, `\u001b`),
 * as in every reporter.
 */
const MERMAID_ENTITIES: Record<string, string> = { '#': '#35;', '"': '#quot;', '<': '#lt;', '>': '#gt;', '&': '#amp;', '|': '#124;', '`': '#96;', '%': '#37;', '\\': '#92;\u2060', '\ufb02': 'fl' };

export function mermaidText(s: string): string {
  return escapeControlChars(s)
    .replace(/[#"<>&|`%\\\ufb02]/g, (ch) => MERMAID_ENTITIES[ch])
    .replace(/\u00b6(?=\u00df)/g, '\u00b6\u2060');
}

function clipLine(s: string, keep: 'end' | 'start' = 'end'): string {
  const cps = Array.from(s);
  if (cps.length <= LABEL_LINE_MAX) return s;
  return keep === 'end' ? '…' + cps.slice(cps.length - LABEL_LINE_MAX + 1).join('') : cps.slice(0, LABEL_LINE_MAX - 1).join('') + '…';
}

function label(lines: readonly string[]): string {
  return lines.map((l) => mermaidText(clipLine(l))).join('<br/>');
}

function nodeLine(n: Node): string {
  const text = `"${label(n.lines)}"`;
  const body = n.shape === 'stadium' ? `([${text}])` : n.shape === 'hexagon' ? `{{${text}}}` : n.shape === 'subroutine' ? `[[${text}]]` : `[${text}]`;
  return `${n.id}${body}${n.cls ? `:::${n.cls}` : ''}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

interface Plan {
  /** Groups drawn as one count node, in the order they were collapsed. */
  collapsed: ReadonlySet<number>;
  /** Groups folded into the one "other" node (a subset of no group in `collapsed`). */
  folded: ReadonlySet<number>;
  /** Shared nodes merged into one node per class (only when even the folded picture is too big). */
  mergeShared: boolean;
}

function render(m: Model, plan: Plan, maxNodes: number): MermaidDiagram {
  const defs: string[] = [];
  let nodes = 0;
  const rep = new Map<string, string>();
  for (const [id, g] of m.owner) {
    if (plan.folded.has(g)) rep.set(id, 'OTHER');
    else if (plan.collapsed.has(g)) rep.set(id, `C${g}`);
  }
  const mergedShared = new Map<string, Node & { count: number }>();
  if (plan.mergeShared) {
    for (const n of m.shared) {
      const k = n.cls ?? 'shared';
      const merged = mergedShared.get(k) ?? { id: `M_${k}`, lines: [], cls: n.cls, shape: n.shape, count: 0 };
      merged.count++;
      mergedShared.set(k, merged);
      rep.set(n.id, merged.id);
    }
  }
  const repOf = (id: string) => rep.get(id) ?? id;

  m.groups.forEach((g, i) => {
    if (plan.collapsed.has(i) || plan.folded.has(i) || g.nodes.length === 0) return;
    defs.push(`  subgraph S${i}["${label(g.lines)}"]`);
    for (const n of g.nodes) defs.push(`    ${nodeLine(n)}`);
    defs.push('  end');
    nodes += g.nodes.length;
  });
  const countLine = (g: { resources: number; keys: number }) => [plural(g.resources, 'resource'), ...(g.keys ? [plural(g.keys, 'declared key')] : [])].join(', ');
  m.groups.forEach((g, i) => {
    if (!plan.collapsed.has(i) || plan.folded.has(i)) return;
    defs.push(`  ${nodeLine({ id: `C${i}`, lines: [g.name, countLine(g)], cls: 'collapsed', shape: 'subroutine' })}`);
    nodes++;
  });
  if (plan.folded.size) {
    const sum = { resources: 0, keys: 0 };
    for (const i of plan.folded) {
      sum.resources += m.groups[i].resources;
      sum.keys += m.groups[i].keys;
    }
    defs.push(`  ${nodeLine({ id: 'OTHER', lines: [plural(plan.folded.size, 'more stack'), countLine(sum)], cls: 'collapsed', shape: 'subroutine' })}`);
    nodes++;
  }
  if (plan.mergeShared) {
    for (const n of mergedShared.values()) defs.push(`  ${nodeLine({ ...n, lines: [plural(n.count, MERGED_NAMES[n.cls ?? ''] ?? 'node')] })}`);
    nodes += mergedShared.size;
  } else {
    for (const n of m.shared) defs.push(`  ${nodeLine(n)}`);
    nodes += m.shared.length;
  }

  // Edges between drawn nodes keep their label; edges folded onto a count node are counted.
  const edges = new Map<string, { from: string; to: string; arrow: Arrow; label: string; count: number; folded: boolean }>();
  for (const e of m.edges) {
    const from = repOf(e.from);
    const to = repOf(e.to);
    if (from === to) continue;
    const folded = from !== e.from || to !== e.to;
    const k = folded ? `${from}|${to}|${e.arrow}` : `${from}|${to}|${e.arrow}|${e.label}`;
    const seen = edges.get(k);
    if (seen) seen.count++;
    else edges.set(k, { from, to, arrow: e.arrow, label: e.label, count: 1, folded });
  }
  const edgeLines = [...edges.values()].map((e) => {
    const text = e.folded ? (e.count > 1 ? String(e.count) : e.label) : e.label;
    return `  ${e.from} ${e.arrow}${text ? `|"${mermaidText(clipLine(text, 'start'))}"|` : ''} ${e.to}`;
  });

  const collapsedOnly = plan.collapsed.size - [...plan.collapsed].filter((g) => plan.folded.has(g)).length;
  const notes: string[] = [];
  if (collapsedOnly) notes.push(`${plural(collapsedOnly, 'stack')} shown as counts`);
  if (plan.folded.size) notes.push(`${plural(plan.folded.size, 'stack')} folded into one node`);
  if (plan.mergeShared) notes.push('shared keys and principals merged by kind');
  const header = [
    'flowchart LR',
    `  %% kmslint keys: ${plural(m.resources, 'resource')} in ${plural(m.groups.length, 'stack')}`,
  ];
  if (notes.length) {
    header.push(`  %% collapsed to stay within ${maxNodes} nodes, ${MERMAID_MAX_EDGES} edges and ${MERMAID_MAX_TEXT} characters: ${notes.join('; ')}`);
    defs.push(`  ${nodeLine({ id: 'NOTE', lines: [`Collapsed to stay within ${maxNodes} nodes:`, ...notes, 'kmslint keys lists every resource'], cls: 'note', shape: 'box' })}`);
    nodes++;
  }
  const used = new Set(defs.map((l) => /:::(\w+)$/.exec(l)?.[1]));
  const classes = Object.entries(KEY_CLASSES).filter(([name]) => used.has(name)).map(([name, style]) => `  classDef ${name} ${style}`);
  // Mermaid's entity syntax is `#<code>;`.
  const text = guardCiCommands([...header, ...defs, ...edgeLines, ...classes].join('\n') + '\n', { hash: '#35;', colon: '#58;' });
  return { text, nodes, edges: edgeLines.length, collapsed: collapsedOnly, folded: plan.folded.size };
}

const MERGED_NAMES: Record<string, string> = {
  managed: 'AWS managed key',
  customer: 'external customer key',
  owned: 'AWS owned key group',
  none: 'unencrypted group',
  unknown: 'unresolved key group',
  principal: 'outside principal',
  related: 'related resource',
};

function fits(d: MermaidDiagram, maxNodes: number): boolean {
  return d.nodes <= maxNodes && d.edges <= MERMAID_MAX_EDGES && d.text.length <= MERMAID_MAX_TEXT;
}

/** The chart and what it holds; the smallest amount of collapsing that fits the budget. */
export function mermaidDiagram(r: KeysResult, options: MermaidOptions = {}): MermaidDiagram {
  const maxNodes = Math.max(10, options.maxNodes ?? DEFAULT_MERMAID_MAX_NODES);
  const m = buildModel(r);
  const none = new Set<number>();
  let d = render(m, { collapsed: none, folded: none, mergeShared: false }, maxNodes);
  if (fits(d, maxNodes)) return d;
  // Largest stacks first: each collapse saves the most nodes.
  const order = m.groups.map((g, i) => i).filter((i) => m.groups[i].nodes.length > 0).sort((a, b) => m.groups[b].nodes.length - m.groups[a].nodes.length || a - b);
  const collapsed = new Set<number>();
  const sharedCount = m.shared.length;
  const estimate = (folded: number) => {
    let n = sharedCount + 1 + (folded ? 1 : 0);
    m.groups.forEach((g, i) => (n += collapsed.has(i) ? 0 : g.nodes.length));
    return n + collapsed.size - folded;
  };
  for (const g of order) {
    collapsed.add(g);
    if (estimate(0) > maxNodes) continue;
    d = render(m, { collapsed, folded: none, mergeShared: false }, maxNodes);
    if (fits(d, maxNodes)) return d;
  }
  // Every stack is a count node and it is still too big: fold the smallest into one node.
  for (const mergeShared of [false, true]) {
    for (let kept = order.length - 1; kept >= 0; kept--) {
      const folded = new Set(order.slice(kept));
      if (!mergeShared && sharedCount + kept + 2 > maxNodes) continue;
      d = render(m, { collapsed, folded, mergeShared }, maxNodes);
      if (fits(d, maxNodes)) return d;
    }
  }
  return d;
}

export function formatMermaid(r: KeysResult, options: MermaidOptions = {}): string {
  return mermaidDiagram(r, options).text;
}
