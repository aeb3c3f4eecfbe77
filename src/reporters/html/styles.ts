// The HTML report's style sheet. Key kinds share their colours with the Mermaid output
// (customer green, AWS managed amber, AWS owned grey, none red, unknown purple).
export const REPORT_CSS = `
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1f2328;background:#fff}
header{padding:1.25rem 2rem .5rem;border-bottom:1px solid #d1d9e0}
main{padding:0 2rem 3rem;max-width:1600px}
h1{font-size:1.45rem;margin:0 0 .2rem}h2{font-size:1.15rem;margin:2rem 0 .6rem}h3{font-size:1rem;margin:.2rem 0;word-break:break-all}h4{font-size:.9rem;margin:1rem 0 .3rem}
nav a{margin-right:1rem}
.meta,.note{color:#59636e}.note{font-size:.85rem}.mono,td.loc,td.res{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.85rem}
.cards{display:flex;gap:.6rem;flex-wrap:wrap;margin:.8rem 0}
.card{border:1px solid #d1d9e0;border-radius:6px;padding:.45rem .85rem;min-width:6.5rem}.card b{display:block;font-size:1.35rem}
table{border-collapse:collapse;width:100%;font-size:.88rem}
th,td{border-bottom:1px solid #d1d9e0;padding:.35rem .55rem;text-align:left;vertical-align:top}
th{background:#f6f8fa;position:sticky;top:0}
td.res,td.loc{white-space:nowrap;max-width:28rem;overflow:hidden;text-overflow:ellipsis}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.sev{font-weight:600;border-radius:4px;padding:.05rem .4rem;font-size:.78rem}
.sev-error{background:#ffebe9;color:#cf222e}.sev-warning{background:#fff8c5;color:#9a6700}.sev-info{background:#ddf4ff;color:#0969da}
tr.suppressed td{color:#818b98}
.filters{display:flex;gap:.6rem;flex-wrap:wrap;align-items:center;margin:.4rem 0 .6rem}
.filters select{max-width:16rem}
.chip{display:inline-block;border-radius:10px;padding:0 .45rem;margin:0 .2rem .1rem 0;font-size:.78rem;border:1px solid}
.k-customer{background:#bbf7d0;border-color:#15803d}.k-external{background:#d9f99d;border-color:#4d7c0f}.k-managed{background:#fde68a;border-color:#b45309}
.k-owned{background:#e5e7eb;border-color:#6b7280}.k-none{background:#fecaca;border-color:#b91c1c}.k-unknown{background:#e9d5ff;border-color:#7e22ce}
details.group{border:1px solid #d1d9e0;border-radius:6px;margin:.35rem 0}
details.group>summary{cursor:pointer;padding:.35rem .6rem;list-style-position:inside}
details.group>summary .glabel{font-family:ui-monospace,monospace;font-size:.85rem;word-break:break-all}
details.group.mark-error{border-left:4px solid #cf222e}details.group.mark-warning{border-left:4px solid #bf8700}
.graph{overflow:auto;max-height:75vh;border-top:1px solid #eef1f4}
svg.map{display:block;font:12px system-ui,sans-serif}
svg.map .node rect{fill:#fff;stroke:#8c959f;stroke-width:1.2}
svg.map .node{cursor:pointer}svg.map .node .l1{font-weight:600;fill:#1f2328}svg.map .node .l2{fill:#59636e;font-size:11px}
svg.map .nk-customer rect{fill:#bbf7d0;stroke:#15803d}svg.map .nk-external rect{fill:#d9f99d;stroke:#4d7c0f}
svg.map .nk-managed rect{fill:#fde68a;stroke:#b45309}svg.map .nk-owned rect{fill:#e5e7eb;stroke:#6b7280}
svg.map .nk-none rect{fill:#fecaca;stroke:#b91c1c}svg.map .nk-unknown rect{fill:#e9d5ff;stroke:#7e22ce}
svg.map .nk-aggregate rect{fill:#f6f8fa;stroke-width:2.5}svg.map .nk-other rect{fill:#f6f8fa;stroke-dasharray:4 3}
svg.map .nk-principal rect{fill:#dbeafe;stroke:#1d4ed8}
svg.map .node.mark-error rect{stroke:#cf222e;stroke-width:2.5}svg.map .node.mark-warning rect{stroke:#bf8700;stroke-width:2.5}
svg.map .badge{fill:#0969da}svg.map .mark-error .badge{fill:#cf222e}svg.map .mark-warning .badge{fill:#bf8700}
svg.map .badge-t{fill:#fff;font-weight:700;font-size:11px}
svg.map .edge{cursor:pointer}svg.map .edge .hit{stroke:transparent;stroke-width:10;fill:none}
svg.map .edge .line{fill:none;stroke:#8c959f;stroke-width:1.3}
svg.map .ed-implicit .line{stroke:#b45309;stroke-dasharray:5 4}svg.map .ed-secondary .line{stroke-dasharray:2 3}
svg.map .ed-sharedWith .line{stroke:#1d4ed8;stroke-width:2}svg.map .ed-publishesTo .line{stroke:#7c3aed;stroke-width:2}
svg.map .ed-servesOrigin .line,svg.map .ed-logsTo .line{stroke:#0e7490;stroke-width:2}
svg.map .edge.mark-error .line{stroke:#cf222e;stroke-width:2.6}svg.map .edge.mark-warning .line{stroke:#bf8700;stroke-width:2.6}
svg.map .elabel{fill:#424a53;font-size:11px}svg.map .lbg{fill:#fff;opacity:.9}
svg.map .mark-error .elabel{fill:#cf222e}svg.map .mark-warning .elabel{fill:#9a6700}
svg.map .arrow-n path{fill:#8c959f}svg.map .arrow-e path{fill:#cf222e}svg.map .arrow-w path{fill:#bf8700}
svg.map .hl rect,svg.map .hl .line{stroke:#0969da;stroke-width:3.5}
.legend{display:flex;gap:.3rem;flex-wrap:wrap;align-items:center;margin:.4rem 0}
#panel{position:fixed;top:0;right:0;width:min(26rem,92vw);height:100vh;overflow:auto;background:#fff;border-left:1px solid #d1d9e0;box-shadow:-4px 0 16px rgba(0,0,0,.08);padding:1rem 1.2rem;z-index:5}
#panel-close{float:right}
#panel dl{display:grid;grid-template-columns:auto 1fr;gap:.15rem .6rem;margin:.4rem 0}#panel dt{color:#59636e}#panel dd{margin:0;word-break:break-all}
ul.plist{padding-left:1.1rem;margin:.2rem 0}ul.plist li{margin:.35rem 0;word-break:break-word}
.ok{color:#1a7f37}.estimate{border-left:3px solid #d1d9e0;padding-left:.8rem}
`;
