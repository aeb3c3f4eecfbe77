// The HTML report's browser script, as text inlined into the page. Plain ES2017 with no imports:
// it reads the page's JSON data, filters the findings table, lays out a key map group with dagre
// only when the group is opened and scrolled into view, and fills the side panel on a click.
// Every string from the data reaches the page through textContent or setAttribute, never as markup.
// (Kept as a string, not a compiled function's toString(): a bundler or test transform may add
// helpers to a function body that the page would not have.)
export const CLIENT_SCRIPT = String.raw`(function () {
'use strict';
var D = JSON.parse(document.getElementById('kmslint-data').textContent);
var SVGNS = 'http://www.w3.org/2000/svg';
var MAX_DRAWN_NODES = 250;
function byId(id) { return document.getElementById(id); }
function el(tag, cls, text) {
  var e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}
function sv(tag, attrs) {
  var e = document.createElementNS(SVGNS, tag);
  for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, String(attrs[k]));
  return e;
}
function clip(s, n) { return s.length <= n ? s : s.slice(0, Math.ceil(n / 3)) + '\u2026' + s.slice(s.length - (n - Math.ceil(n / 3) - 1)); }
function isWeb(u) { return typeof u === 'string' && /^https?:\/\/\S+$/i.test(u); }

/* ---------- findings: filters ---------- */
var table = byId('findings-table');
function applyFilters() {
  if (!table) return;
  var rule = byId('f-rule').value, sev = byId('f-severity').value, file = byId('f-file').value, stack = byId('f-stack').value;
  var infos = byId('f-info').checked, sup = byId('f-suppressed').checked;
  var rows = table.tBodies[0].rows, shown = 0;
  for (var i = 0; i < rows.length; i++) {
    var d = rows[i].dataset;
    var ok = (!rule || d.rule === rule) && (!sev || d.severity === sev) && (!file || d.file === file) && (!stack || d.stack === stack);
    if (ok && d.severity === 'info' && !infos && sev !== 'info') ok = false;
    if (ok && d.suppressed === '1' && !sup) ok = false;
    rows[i].hidden = !ok;
    if (ok) shown++;
  }
  byId('f-count').textContent = shown + ' of ' + rows.length + ' shown';
  byId('f-empty').hidden = shown !== 0;
}
if (table) {
  ['f-rule', 'f-severity', 'f-file', 'f-stack', 'f-info', 'f-suppressed'].forEach(function (id) { byId(id).addEventListener('change', applyFilters); });
  byId('f-reset').addEventListener('click', function () {
    ['f-rule', 'f-severity', 'f-file', 'f-stack'].forEach(function (id) { byId(id).value = ''; });
    byId('f-info').checked = false; byId('f-suppressed').checked = false; applyFilters();
  });
  table.addEventListener('click', function (ev) {
    var t = ev.target.closest('a.res-link');
    if (!t) return;
    ev.preventDefault();
    var fi = Number(t.closest('tr').getAttribute('data-i')), f = D.findings[fi];
    if (f.res !== undefined) showResource(f.res);
    else { var host = openPanel(f.resource || f.rule, f.file); findingItems(host, [fi]); }
  });
  applyFilters();
}

/* ---------- side panel ---------- */
var panel = byId('panel'), panelBody = byId('panel-body');
byId('panel-close').addEventListener('click', function () { panel.hidden = true; clearHighlight(); });
document.addEventListener('keydown', function (ev) { if (ev.key === 'Escape') { panel.hidden = true; clearHighlight(); } });
function openPanel(title, sub) {
  panelBody.textContent = '';
  panelBody.appendChild(el('h3', null, title));
  if (sub) panelBody.appendChild(el('p', 'note', sub));
  panel.hidden = false;
  return panelBody;
}
function findingItems(host, list) {
  if (!list || !list.length) return;
  host.appendChild(el('h4', null, list.length === 1 ? '1 finding' : list.length + ' findings'));
  var ul = el('ul', 'plist');
  list.forEach(function (fi) {
    var f = D.findings[fi], li = el('li');
    li.appendChild(el('span', 'sev sev-' + f.severity, f.severity));
    li.appendChild(document.createTextNode(' '));
    var url = D.ruleUrls[f.rule];
    var a = el(isWeb(url) ? 'a' : 'span', 'rule', f.rule);
    if (isWeb(url)) a.setAttribute('href', url);
    li.appendChild(a);
    if (f.suppressed) li.appendChild(el('span', 'note', ' (suppressed)'));
    li.appendChild(el('div', null, f.message));
    li.appendChild(el('div', 'note mono', f.file + ':' + f.line + ':' + f.column));
    ul.appendChild(li);
  });
  host.appendChild(ul);
}
function resourceBlock(host, ri) {
  var r = D.resources[ri], g = D.groups[r.group];
  var dl = el('dl');
  [['type', r.type], ['construct', r.path], ['logical id', r.path ? r.id : null], ['file', g.file + ':' + r.line], ['stack', g.stack], ['module', g.module]].forEach(function (p) {
    if (p[1] === undefined || p[1] === null || p[1] === '') return;
    dl.appendChild(el('dt', null, p[0])); dl.appendChild(el('dd', 'mono', p[1]));
  });
  host.appendChild(dl);
  if (r.keys.length) {
    host.appendChild(el('h4', null, 'Keys'));
    var ul = el('ul', 'plist');
    r.keys.forEach(function (k) {
      var li = el('li');
      li.appendChild(el('span', 'chip k-' + k.cls, k.key));
      var when = [k.purpose ? 'secondary: ' + k.purpose : '', k.branch ? 'when ' + k.branch : '', k.implicit ? 'implicit' : ''].filter(Boolean).join(' \u00b7 ');
      if (when) li.appendChild(el('span', 'note', ' ' + when));
      li.appendChild(el('div', null, k.reason));
      ul.appendChild(li);
    });
    host.appendChild(ul);
  }
  findingItems(host, r.findings);
}
function showResource(ri) {
  var r = D.resources[ri];
  var host = openPanel(r.path || r.id, r.type);
  resourceBlock(host, ri);
  var b = el('button', null, 'Show on the key map');
  b.addEventListener('click', function () { revealResource(ri); });
  host.appendChild(b);
}
function resourceList(host, list, title) {
  host.appendChild(el('h4', null, title));
  var ul = el('ul', 'plist');
  list.slice(0, 300).forEach(function (ri) {
    var r = D.resources[ri], li = el('li');
    var a = el('a', 'mono', r.path || r.id);
    a.setAttribute('href', '#');
    a.addEventListener('click', function (ev) { ev.preventDefault(); showResource(ri); });
    li.appendChild(a);
    li.appendChild(el('span', 'note', ' ' + r.type + (r.findings.length ? ' \u00b7 ' + r.findings.length + ' finding(s)' : '')));
    ul.appendChild(li);
  });
  if (list.length > 300) ul.appendChild(el('li', 'note', 'and ' + (list.length - 300) + ' more'));
  host.appendChild(ul);
}
var EDGE_TITLES = { uses: 'uses key', implicit: 'falls back to the AWS managed key', secondary: 'secondary key', sharedWith: 'shared with another principal', publishesTo: 'an AWS service publishes into it', servesOrigin: 'CloudFront origin', logsTo: 'CloudFront access logs' };
function showNode(gi, ni) {
  var g = D.groups[gi], n = g.nodes[ni];
  var host = openPanel(n.label, n.sub);
  if ((n.kind === 'resource' || n.kind === 'other') && n.resources) { resourceBlock(host, n.resources[0]); return; }
  if (n.kind === 'aggregate') { resourceList(host, n.resources, n.label); return; }
  var users = [];
  g.edges.forEach(function (e) { if (e.to === ni && g.nodes[e.from].resources) users = users.concat(g.nodes[e.from].resources); });
  users = users.filter(function (x, i) { return users.indexOf(x) === i; });
  findingItems(host, n.findings);
  var edgeFindings = [];
  g.edges.forEach(function (e) { if (e.to === ni && e.findings) edgeFindings = edgeFindings.concat(e.findings); });
  findingItems(host, edgeFindings);
  resourceList(host, users, n.kind === 'principal' ? 'Shared with it' : users.length === 1 ? '1 resource in this group' : users.length + ' resources in this group');
}
function showEdge(gi, ei) {
  var g = D.groups[gi], e = g.edges[ei];
  var host = openPanel(EDGE_TITLES[e.kind] || e.kind, g.nodes[e.from].label + ' \u2192 ' + g.nodes[e.to].label + (e.label ? ' (' + e.label + ')' : ''));
  findingItems(host, e.findings);
  if (!e.findings || !e.findings.length) host.appendChild(el('p', 'note', 'No finding on this edge.'));
}

/* ---------- key map ---------- */
var NODE_H = 40;
function nodeWidth(n) { return Math.ceil(Math.max(90, Math.max(clip(n.label, 34).length * 7.6, clip(n.sub, 40).length * 6.4) + 26)); }
function draw(gi, host) {
  var g = D.groups[gi];
  if (g.nodes.length > MAX_DRAWN_NODES) {
    host.appendChild(el('p', 'note', 'This group has ' + g.nodes.length + ' nodes after similar resources were merged: too many to draw. Its resources are listed instead.'));
    var all = []; g.nodes.forEach(function (n) { if (n.resources) all = all.concat(n.resources); });
    resourceList(host, all, all.length + ' resources');
    return;
  }
  var G = new dagre.graphlib.Graph({ multigraph: true });
  G.setGraph({ rankdir: 'LR', nodesep: 12, ranksep: 70, edgesep: 8, marginx: 10, marginy: 10 });
  G.setDefaultEdgeLabel(function () { return {}; });
  g.nodes.forEach(function (n, i) { G.setNode(String(i), { width: nodeWidth(n), height: NODE_H }); });
  g.edges.forEach(function (e, i) {
    var label = e.label ? clip(e.label, 28) : '';
    G.setEdge(String(e.from), String(e.to), { width: label ? label.length * 6 + 6 : 0, height: label ? 14 : 0, labelpos: 'c', text: label }, 'e' + i);
  });
  dagre.layout(G);
  var gr = G.graph(), W = Math.ceil(gr.width || 100), H = Math.ceil(gr.height || 50);
  var svg = sv('svg', { width: W, height: H, viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': 'key map of ' + g.label, 'class': 'map' });
  var defs = sv('defs', {});
  ['n', 'e', 'w'].forEach(function (m) {
    var mk = sv('marker', { id: 'arrow-' + gi + '-' + m, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse', 'class': 'arrow-' + m });
    mk.appendChild(sv('path', { d: 'M0,0 L10,5 L0,10 z' }));
    defs.appendChild(mk);
  });
  svg.appendChild(defs);
  g.edges.forEach(function (e, i) {
    var ge = G.edge(String(e.from), String(e.to), 'e' + i);
    var pts = ge.points || [];
    var d = pts.map(function (p, j) { return (j ? 'L' : 'M') + p.x.toFixed(1) + ',' + p.y.toFixed(1); }).join(' ');
    var m = e.mark === 'error' ? 'e' : e.mark === 'warning' ? 'w' : 'n';
    var grp = sv('g', { 'class': 'edge ed-' + e.kind + (e.mark ? ' mark-' + e.mark : ''), 'data-e': i, tabindex: 0 });
    grp.appendChild(sv('path', { d: d, 'class': 'hit' }));
    grp.appendChild(sv('path', { d: d, 'class': 'line', 'marker-end': 'url(#arrow-' + gi + '-' + m + ')' }));
    if (ge.text) {
      var lt = (e.mark ? '\u26a0 ' : '') + ge.text;
      grp.appendChild(sv('rect', { x: ge.x - lt.length * 3.2 - 3, y: ge.y - 7, width: lt.length * 6.4 + 6, height: 14, 'class': 'lbg' }));
      var t = sv('text', { x: ge.x, y: ge.y + 4, 'text-anchor': 'middle', 'class': 'elabel' });
      t.textContent = lt;
      grp.appendChild(t);
    } else if (e.mark && pts.length) {
      var mid = pts[Math.floor(pts.length / 2)];
      var c = sv('text', { x: mid.x, y: mid.y + 4, 'text-anchor': 'middle', 'class': 'elabel' }); c.textContent = '\u26a0'; grp.appendChild(c);
    }
    var title = sv('title', {}); title.textContent = (EDGE_TITLES[e.kind] || e.kind) + (e.findings && e.findings.length ? ' \u2014 ' + e.findings.length + ' finding(s)' : '');
    grp.appendChild(title);
    svg.appendChild(grp);
  });
  g.nodes.forEach(function (n, i) {
    var p = G.node(String(i)), w = p.width, x = p.x - w / 2, y = p.y - NODE_H / 2;
    var key = n.kind !== 'resource' && n.kind !== 'aggregate' && n.kind !== 'other' && n.kind !== 'principal';
    var grp = sv('g', { 'class': 'node nk-' + n.kind + (n.mark ? ' mark-' + n.mark : ''), 'data-n': i, tabindex: 0, transform: 'translate(' + x.toFixed(1) + ',' + y.toFixed(1) + ')' });
    grp.appendChild(sv('rect', { width: w, height: NODE_H, rx: key ? 19 : 4 }));
    var t1 = sv('text', { x: 10, y: 16, 'class': 'l1' }); t1.textContent = clip(n.label, 34); grp.appendChild(t1);
    var t2 = sv('text', { x: 10, y: 31, 'class': 'l2' }); t2.textContent = clip(n.sub, 40); grp.appendChild(t2);
    if (n.mark) {
      grp.appendChild(sv('circle', { cx: w - 2, cy: 2, r: 7, 'class': 'badge' }));
      var bt = sv('text', { x: w - 2, y: 6, 'text-anchor': 'middle', 'class': 'badge-t' }); bt.textContent = '!'; grp.appendChild(bt);
    }
    var title = sv('title', {}); title.textContent = n.label + '\n' + n.sub; grp.appendChild(title);
    svg.appendChild(grp);
  });
  svg.addEventListener('click', function (ev) {
    var ne = ev.target.closest('[data-n]'), ee = ev.target.closest('[data-e]');
    if (ne) { highlight(ne); showNode(gi, Number(ne.getAttribute('data-n'))); }
    else if (ee) { highlight(ee); showEdge(gi, Number(ee.getAttribute('data-e'))); }
  });
  svg.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') ev.target.dispatchEvent(new MouseEvent('click', { bubbles: true })); });
  host.appendChild(svg);
}
var highlighted = null;
function clearHighlight() { if (highlighted) highlighted.classList.remove('hl'); highlighted = null; }
function highlight(node) { clearHighlight(); highlighted = node; node.classList.add('hl'); }

var groupEls = Array.prototype.slice.call(document.querySelectorAll('details.group'));
var drawTimes = window.kmslintDrawTimes = [];
var pending = [];
var observer = 'IntersectionObserver' in window ? new IntersectionObserver(function (entries) {
  entries.forEach(function (en) { if (en.isIntersecting) { observer.unobserve(en.target); ensureDrawn(en.target.closest('details.group')); } });
}, { rootMargin: '400px' }) : null;
function ensureDrawn(det) {
  if (det.getAttribute('data-drawn')) return;
  det.setAttribute('data-drawn', '1');
  var gi = Number(det.getAttribute('data-g')), t0 = performance.now();
  draw(gi, det.querySelector('.graph'));
  // Layout and drawing time per group, read by the browser test.
  drawTimes.push({ group: gi, nodes: D.groups[gi].nodes.length, edges: D.groups[gi].edges.length, ms: performance.now() - t0 });
}
groupEls.forEach(function (det) {
  det.addEventListener('toggle', function () {
    if (!det.open || det.getAttribute('data-drawn')) return;
    if (observer) observer.observe(det.querySelector('.graph')); else ensureDrawn(det);
  });
});
function revealResource(ri) {
  var r = D.resources[ri], det = groupEls.filter(function (d) { return Number(d.getAttribute('data-g')) === r.group; })[0];
  if (!det) return;
  det.hidden = false; det.open = true; ensureDrawn(det);
  var g = D.groups[r.group], ni = -1;
  g.nodes.forEach(function (n, i) { if (ni < 0 && n.resources && n.resources.indexOf(ri) >= 0) ni = i; });
  var node = ni >= 0 ? det.querySelector('[data-n="' + ni + '"]') : null;
  if (node) { highlight(node); node.scrollIntoView({ block: 'center', inline: 'center' }); } else det.scrollIntoView();
}
var expandAll = byId('map-expand'), collapseAll = byId('map-collapse'), search = byId('map-search');
if (expandAll) expandAll.addEventListener('click', function () { groupEls.forEach(function (d) { if (!d.hidden) d.open = true; }); });
if (collapseAll) collapseAll.addEventListener('click', function () { groupEls.forEach(function (d) { d.open = false; }); });
if (search) {
  var hay = D.groups.map(function (g) { return (g.label + '\n' + g.nodes.map(function (n) { return n.label; }).join('\n')).toLowerCase(); });
  search.addEventListener('input', function () {
    var q = search.value.trim().toLowerCase(), shown = 0;
    groupEls.forEach(function (d) { var ok = !q || hay[Number(d.getAttribute('data-g'))].indexOf(q) >= 0; d.hidden = !ok; if (ok) shown++; });
    byId('map-count').textContent = q ? shown + ' of ' + groupEls.length + ' groups match' : '';
  });
}

/* ---------- first render: the groups open by default, then the ready mark ---------- */
pending = groupEls.filter(function (d) { return d.open; });
function drawNext() {
  var det = pending.shift();
  if (det) { ensureDrawn(det); requestAnimationFrame(drawNext); return; }
  document.documentElement.setAttribute('data-ready', 'true');
  window.kmslintReadyAt = performance.now();
}
requestAnimationFrame(drawNext);
})();
`;
