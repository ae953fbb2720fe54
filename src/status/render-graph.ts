/** One node of a gate's dependency graph. */
export interface GraphNode {
  /** The full unit id. */
  id: string;
  /** The short label (`T02`). */
  label: string;
  type: string;
  status: string;
  /** For a `pending`/`ready` unit: whether it can run now, waits on unfinished work, or is stuck behind a unit
   *  that will not finish by itself (`blocked_human`, `abandoned`, missing); null otherwise. */
  readiness: Readiness | null;
  /** The unit belongs to an earlier gate: drawn for its edges only. */
  isExternal: boolean;
}

/** Where a `pending` or `ready` unit stands, from its dependencies. */
export type Readiness = "ready" | "waiting" | "stuck";

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
  const readinessOf = readinessFinder(gateUnits, lookup);
  const nodes: GraphNode[] = gateUnits.map((u) => ({
    id: u.id,
    label: u.label,
    type: u.type,
    status: u.status,
    readiness: readinessOf(u.id),
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
          readiness: null,
          isExternal: true,
        });
      }
      edges.push({ from: dep, to: u.id });
    }
  return { title, nodes, edges };
}

const WAITS = new Set(["pending", "ready"]);
const STUCK = new Set(["blocked_human", "abandoned", "missing"]);

// Readiness of the gate's pending/ready units (D-WALK-2): ready when every dependency is done; stuck when one is
// blocked_human, abandoned, missing or itself stuck (D-WALK-5); otherwise waiting. Issue 17 point 8.
function readinessFinder(
  gateUnits: readonly GraphUnit[],
  lookup: (id: string) => GraphUnit | undefined,
): (id: string) => Readiness | null {
  const byId = new Map(gateUnits.map((u) => [u.id, u]));
  const memo = new Map<string, Readiness | null>();
  const find = (id: string, seen: Set<string>): Readiness | null => {
    const u = byId.get(id) ?? lookup(id);
    if (u === undefined || !WAITS.has(u.status)) return null;
    const known = memo.get(id);
    if (known !== undefined) return known;
    let result: Readiness = "ready";
    for (const dep of u.dependsOn) {
      const d = byId.get(dep) ?? lookup(dep);
      const status = d?.status ?? "missing";
      if (status === "done") continue;
      const inner = seen.has(dep) ? "stuck" : find(dep, new Set([...seen, id]));
      if (STUCK.has(status) || inner === "stuck") {
        result = "stuck";
        break;
      }
      result = "waiting";
    }
    memo.set(id, result);
    return result;
  };
  return (id) => find(id, new Set());
}

// The style class and the label's status text of a node.
function nodeLook(n: GraphNode): { cls: string; text: string } {
  if (n.readiness === null || n.readiness === "ready")
    return { cls: statusClass(n.status), text: n.status };
  return { cls: n.readiness, text: `${n.status} (${n.readiness})` };
}

/** Fill and stroke per status class. */
const STYLES: Record<string, { fill: string; stroke: string; font: string }> = {
  done: { fill: "#d3f9d8", stroke: "#2b8a3e", font: "#1b5e20" },
  ready: { fill: "#e7f5ff", stroke: "#1c7ed6", font: "#0b3d6e" },
  waiting: { fill: "#f8f9fa", stroke: "#74c0fc", font: "#1864ab" },
  stuck: { fill: "#fff4e6", stroke: "#d9480f", font: "#7a2e0b" },
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
    const label = `${n.label}<br/>${n.type} · ${nodeLook(n).text}${n.isExternal ? " (earlier gate)" : ""}`;
    lines.push(`  ${ids.get(n.id) ?? ""}["${mermaidText(label)}"]`);
  }
  for (const e of graph.edges)
    lines.push(`  ${ids.get(e.from) ?? ""} --> ${ids.get(e.to) ?? ""}`);
  const used = new Set(graph.nodes.map((n) => nodeLook(n).cls));
  for (const [name, s] of Object.entries(STYLES))
    if (used.has(name))
      lines.push(
        `  classDef ${name} fill:${s.fill},stroke:${s.stroke},color:${s.font}`,
      );
  for (const name of used) {
    const members = graph.nodes
      .filter((n) => nodeLook(n).cls === name)
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
    const look = nodeLook(n);
    const s = STYLES[look.cls] ?? STYLES.missing;
    const label = `${n.label}\n${n.type} · ${look.text}${n.isExternal ? "\n(earlier gate)" : ""}`;
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
