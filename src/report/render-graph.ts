import { classToken, escapeHtml as e } from "./html.js";
import type { ReportUnit } from "./report-model.js";
import type { GraphLayout } from "./layout-graph.js";

const MAX_LABEL = 20;

// The dependency graph as inline SVG from its layout: gate bands, edges with arrows, one box per unit; pure.
export function renderGraph(
  layout: GraphLayout,
  units: readonly ReportUnit[],
): string {
  const byId = new Map(units.map((u) => [u.id, u]));
  const bands = layout.bands
    .map(
      (b) =>
        `<rect class="band" x="${b.x}" y="4" width="${b.width}" height="${layout.height - 8}" rx="6"/><text class="band-label" x="${b.x + 8}" y="20">gate ${b.gate}</text>`,
    )
    .join("");
  const edges = layout.edges
    .map(
      (edge) =>
        `<path class="edge${edge.isBackward ? " back" : ""}" d="${edge.d}" marker-end="url(#arrow)"><title>${e(`${edge.to} depends on ${edge.from}`)}</title></path>`,
    )
    .join("");
  const nodes = layout.nodes
    .map((n) => {
      const u = byId.get(n.id);
      const status = u?.status ?? "unknown";
      const label = clip(u?.short ?? n.id);
      const tip = `${n.id}${u === undefined ? "" : ` · ${u.title} · ${status}`}`;
      return `<g class="node s-${classToken(status)}" transform="translate(${n.x} ${n.y})"><title>${e(tip)}</title><rect width="${layout.nodeWidth}" height="${layout.nodeHeight}" rx="5"/><text class="id" x="8" y="16">${e(label)}</text><text class="st" x="8" y="31">${e(status)}</text></g>`;
    })
    .join("");
  return `<svg width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" role="img" aria-label="dependency graph">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#90a4ae"/></marker></defs>
${bands}${edges}${nodes}
</svg>`;
}

function clip(text: string): string {
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}
