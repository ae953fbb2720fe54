// The page's only script: a bar or link to an attempt opens its evidence (a <details>) and shows it; the
// address's #fragment does the same on load, so a link to one attempt's evidence can be shared.
export const REPORT_SCRIPT = `(function () {
  function show(id) {
    var el = id ? document.getElementById(id) : null;
    if (!el || el.tagName !== "DETAILS") return;
    el.open = true;
    el.scrollIntoView({ block: "start" });
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("[data-evidence]") : null;
    if (!link) return;
    event.preventDefault();
    show(link.getAttribute("data-evidence"));
  });
  window.addEventListener("hashchange", function () { show(location.hash.slice(1)); });
  if (location.hash) show(location.hash.slice(1));
})();`;

// Outcome colours: one per category of history/outcome-category.ts, each also named in the legend.
const OUTCOME_COLOURS = `
.c-passed { --c: #2e7d32; } .c-failed { --c: #c62828; } .c-timeout { --c: #ef6c00; }
.c-blocked { --c: #f9a825; } .c-guard { --c: #ad1457; } .c-zero_token { --c: #6a1b9a; }
.c-interrupted { --c: #78909c; } .c-integration { --c: #5d4037; } .c-other { --c: #9e9e9e; }`;

const STATUS_COLOURS = `
.node rect { fill: #fff; stroke: #90a4ae; stroke-width: 1.5; }
.node.s-done rect { fill: #e8f5e9; stroke: #2e7d32; }
.node.s-blocked_human rect { fill: #fff8e1; stroke: #f9a825; stroke-width: 2.5; }
.node.s-in_progress rect { fill: #e3f2fd; stroke: #1565c0; }
.node.s-draft rect { stroke-dasharray: 4 3; fill: #fafafa; }
.node.s-abandoned rect { fill: #eceff1; stroke: #b0bec5; }
.node.s-abandoned text { text-decoration: line-through; fill: #78909c; }`;

// The page's style sheet: system fonts, no external asset (issue 16 §3).
export const REPORT_STYLE = `
:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
body { margin: 0 auto; max-width: 1200px; padding: 24px; color: #1f2933; background: #fff; line-height: 1.4; }
h1 { font-size: 1.5rem; margin: 0 0 4px; } h2 { font-size: 1.2rem; margin: 32px 0 8px; border-bottom: 1px solid #e0e0e0; padding-bottom: 4px; }
h3 { font-size: 1rem; margin: 20px 0 6px; }
.sub { color: #52606d; margin: 0 0 16px; } code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; }
.card { border: 1px solid #e0e0e0; border-radius: 6px; padding: 8px 14px; min-width: 110px; }
.card b { display: block; font-size: 1.25rem; } .card span { color: #52606d; font-size: .85rem; }
.banner { border-left: 4px solid #f9a825; background: #fffde7; padding: 8px 12px; margin: 12px 0; }
.banner.bad { border-color: #c62828; background: #ffebee; }
.legend { display: flex; flex-wrap: wrap; gap: 14px; margin: 8px 0 4px; font-size: .9rem; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; background: var(--c); vertical-align: -1px; margin-right: 4px; }
.timeline { display: grid; grid-template-columns: minmax(90px, max-content) 1fr; gap: 4px 10px; align-items: center; }
.tl-label { font-weight: 600; white-space: nowrap; } .tl-label small { font-weight: 400; color: #52606d; margin-left: 6px; }
.track { position: relative; height: 22px; background: #f5f7fa; border-radius: 3px; }
.bar { position: absolute; top: 3px; bottom: 3px; min-width: 4px; border-radius: 2px; background: var(--c); color: #fff; font-size: 11px; overflow: hidden; white-space: nowrap; text-decoration: none; padding-left: 2px; box-sizing: border-box; }
a.bar { cursor: pointer; outline-offset: 1px; } a.bar:hover, a.bar:focus { filter: brightness(1.15); outline: 2px solid #1f2933; }
.idle { color: #7b8794; font-size: .85rem; padding-left: 6px; line-height: 22px; }
.axis { position: relative; height: 16px; font-size: 11px; color: #7b8794; }
.axis span { position: absolute; transform: translateX(-50%); } .axis span:first-child { transform: none; } .axis span:last-child { transform: translateX(-100%); }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: 6px 0; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #eef0f2; vertical-align: top; }
th { background: #f5f7fa; font-weight: 600; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tfoot td { font-weight: 600; border-top: 2px solid #e0e0e0; }
.graph { overflow: auto; border: 1px solid #e0e0e0; border-radius: 6px; }
.graph svg { display: block; font-size: 12px; }
.band { fill: #f5f7fa; } .band-label { fill: #52606d; font-weight: 600; }
.edge { fill: none; stroke: #90a4ae; stroke-width: 1.4; } .edge.back { stroke: #c62828; stroke-dasharray: 5 3; }
.node text.id { font-weight: 600; fill: #1f2933; } .node text.st { fill: #52606d; font-size: 11px; }
details.evidence { border: 1px solid #e0e0e0; border-left: 5px solid var(--c); border-radius: 4px; margin: 8px 0; }
details.evidence > summary { cursor: pointer; padding: 6px 10px; } details.evidence[open] > summary { border-bottom: 1px solid #e0e0e0; }
details.evidence .body { padding: 6px 12px 10px; }
details.evidence pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f5f7fa; padding: 8px; border-radius: 4px; max-height: 36em; overflow: auto; font-size: 12px; }
.meta { color: #52606d; font-size: .85rem; margin: 4px 0; }
footer { margin-top: 36px; color: #7b8794; font-size: .85rem; border-top: 1px solid #e0e0e0; padding-top: 8px; }
${OUTCOME_COLOURS}
${STATUS_COLOURS}
`;
