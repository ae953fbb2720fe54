/** One node of a gate's dependency graph. */
export interface GraphNode {
  /** The full unit id. */
  id: string;
  /** The short label (`T02`). */
  label: string;
  type: string;
  status: string;
  /** The unit belongs to an earlier gate: drawn for its edges only. */
  isExternal: boolean;
}

/** A gate's dependency graph: edges run from a dependency to the unit that needs it. */
export interface GateGraph {
  title: string;
  nodes: GraphNode[];
  edges: Array<{ from: string; to: string }>;
}

/** Graph input: the gate's units and every unit's status and gate. */
export interface GraphUnit {
  id: string;
  label: string;
  type: string;
  status: string;
  dependsOn: readonly string[];
}

// The current gate's graph (cli.md C-STATUS-2): its units, plus earlier-gate units they depend on; pure.
export function gateGraph(
  title: string,
  gateUnits: readonly GraphUnit[],
  lookup: (id: string) => GraphUnit | undefined,
): GateGraph {
  const inGate = new Set(gateUnits.map((u) => u.id));
  const nodes: GraphNode[] = gateUnits.map((u) => ({
    id: u.id,
    label: u.label,
    type: u.type,
    status: u.status,
    isExternal: false,
  }));
  const edges: GateGraph["edges"] = [];
  for (const u of gateUnits)
    for (const dep of u.dependsOn) {
      if (!inGate.has(dep) && !nodes.some((n) => n.id === dep)) {
        const other = lookup(dep);
        nodes.push({
          id: dep,
          label: other?.label ?? dep,
          type: other?.type ?? "unknown",
          status: other?.status ?? "missing",
          isExternal: true,
        });
      }
      edges.push({ from: dep, to: u.id });
    }
  return { title, nodes, edges };
}

/** Fill and stroke per status class. */
const STYLES: Record<string, { fill: string; stroke: string; font: string }> = {
  done: { fill: "#d3f9d8", stroke: "#2b8a3e", font: "#1b5e20" },
  ready: { fill: "#e7f5ff", stroke: "#1c7ed6", font: "#0b3d6e" },
  running: { fill: "#e3fafc", stroke: "#0c8599", font: "#0b4f5c" },
  blocked: { fill: "#fff3bf", stroke: "#e67700", font: "#7a4100" },
  draft: { fill: "#f1f3f5", stroke: "#868e96", font: "#495057" },
  abandoned: { fill: "#f8f9fa", stroke: "#adb5bd", font: "#868e96" },
  review: { fill: "#f3f0ff", stroke: "#7048e8", font: "#3b2a80" },
  missing: { fill: "#ffe3e3", stroke: "#c92a2a", font: "#7d1a1a" },
};

// The style class of a unit status (the status word itself is in every label, so colour is decoration).
export function statusClass(status: string): string {
  switch (status) {
    case "done":
      return "done";
    case "pending":
    case "ready":
      return "ready";
    case "in_progress":
      return "running";
    case "blocked_human":
      return "blocked";
    case "draft":
      return "draft";
    case "abandoned":
      return "abandoned";
    case "in_review":
      return "review";
    default:
      return "missing";
  }
}

// Mermaid `flowchart TD` with one classDef per status class; node ids are made safe (`n_<id>`).
export function renderMermaid(graph: GateGraph): string {
  const ids = safeIds(graph.nodes.map((n) => n.id));
  const lines = ["flowchart TD", `  %% ${oneLine(graph.title)}`];
  for (const n of graph.nodes) {
    const label = `${n.label}<br/>${n.type} · ${n.status}${n.isExternal ? " (earlier gate)" : ""}`;
    lines.push(`  ${ids.get(n.id) ?? ""}["${mermaidText(label)}"]`);
  }
  for (const e of graph.edges)
    lines.push(`  ${ids.get(e.from) ?? ""} --> ${ids.get(e.to) ?? ""}`);
  const used = new Set(graph.nodes.map((n) => statusClass(n.status)));
  for (const [name, s] of Object.entries(STYLES))
    if (used.has(name))
      lines.push(
        `  classDef ${name} fill:${s.fill},stroke:${s.stroke},color:${s.font}`,
      );
  for (const name of used) {
    const members = graph.nodes
      .filter((n) => statusClass(n.status) === name)
      .map((n) => ids.get(n.id) ?? "");
    lines.push(`  class ${members.join(",")} ${name}`);
  }
  const external = graph.nodes.filter((n) => n.isExternal);
  if (external.length > 0)
    lines.push(
      `  style ${external.map((n) => ids.get(n.id) ?? "").join(",")} stroke-dasharray: 5 5`,
    );
  return `${lines.join("\n")}\n`;
}

// Graphviz DOT: quoted ids (the full unit ids), labels and per-status fill colours.
export function renderDot(graph: GateGraph): string {
  const lines = [
    `digraph ${dotString(graph.title)} {`,
    "  rankdir=TB;",
    '  node [shape=box, style="rounded,filled", fontname="Helvetica"];',
  ];
  for (const n of graph.nodes) {
    const s = STYLES[statusClass(n.status)] ?? STYLES.missing;
    const label = `${n.label}\n${n.type} · ${n.status}${n.isExternal ? "\n(earlier gate)" : ""}`;
    const style = n.isExternal ? ', style="rounded,filled,dashed"' : "";
    lines.push(
      `  ${dotString(n.id)} [label=${dotString(label)}, fillcolor="${s?.fill ?? ""}", color="${s?.stroke ?? ""}", fontcolor="${s?.font ?? ""}"${style}];`,
    );
  }
  for (const e of graph.edges)
    lines.push(`  ${dotString(e.from)} -> ${dotString(e.to)};`);
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

// Mermaid node ids: `n_` plus the id with every other character turned into `_`, made unique.
function safeIds(ids: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const id of ids) {
    const base = `n_${id.replace(/[^A-Za-z0-9]/g, "_")}`;
    let name = base;
    for (let k = 2; taken.has(name); k++) name = `${base}_${k}`;
    taken.add(name);
    out.set(id, name);
  }
  return out;
}

// Text inside a Mermaid `"…"` label: quotes and markup characters as entity codes.
function mermaidText(text: string): string {
  return oneLine(text, true)
    .replace(
      /["#<>]/g,
      (c) => ({ '"': "#quot;", "#": "#35;", "<": "#lt;", ">": "#gt;" })[c] ?? c,
    )
    .replace(/#lt;br\/#gt;/g, "<br/>");
}

// A DOT quoted string: backslashes and quotes escaped, newlines as `\n`.
function dotString(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\r?\n/g, "\\n")}"`;
}

function oneLine(text: string, keepBreaks = false): string {
  return keepBreaks ? text.replace(/[\r\n]+/g, " ") : text.replace(/\s+/g, " ");
}
