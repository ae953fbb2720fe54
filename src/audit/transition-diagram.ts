import {
  HAND_EDITS,
  TRANSITION_ROWS,
  type Entity,
} from "./transition-table.js";

const NONE = "none";

function node(status: string | null): string {
  return status === null ? NONE : status;
}

// One entity's transitions as a mermaid flowchart: rows as solid arrows labelled `<row> <actors>`, hand edits dotted; pure.
export function renderTransitionDiagram(entity: Entity): string {
  const lines = ["```mermaid", "flowchart LR", `  ${NONE}((∅))`];
  for (const r of TRANSITION_ROWS.filter((x) => x.entity === entity))
    for (const from of r.from)
      lines.push(`  ${node(from)} -->|${r.id} ${r.by.join(", ")}| ${r.to}`);
  const hand = HAND_EDITS.filter((e) => e.entity === entity);
  for (const e of hand)
    lines.push(
      `  ${node(e.from)} -.->|${e.isNoDraftGateOnly === true ? "hand, no draft in gate" : "hand"}| ${e.to}`,
    );
  lines.push("```");
  return lines.join("\n");
}
