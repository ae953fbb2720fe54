import type { AutoCloseMetrics } from "./auto-close-predicate.js";

/** What the stub section says (driver D-AC-8). */
export interface StubInput {
  gate: number;
  featureId: string;
  /** The terminal stub also says the full retrospective was skipped. */
  isTerminal: boolean;
  metrics: AutoCloseMetrics;
}

// The RETROSPECTIVE.md section of an auto-close (D-AC-8): heading, a short paragraph, five bullets.
export function autoCloseStub(input: StubInput): string {
  const { gate, metrics } = input;
  const paragraph = input.isTerminal
    ? `specfuse closed gate ${gate} without dispatching a close agent: every unit passed on its final attempt within its planned cost, nothing was escalated or re-planned, and the gate stayed within its budget. The full retrospective was skipped; write one below if this feature taught something worth keeping.`
    : `specfuse closed gate ${gate} without dispatching a close agent: every unit passed on its final attempt within its planned cost, nothing was escalated or re-planned, and the gate stayed within its budget. The next gate's planning runs next.`;
  const budget =
    metrics.gate_budget === null ? "<unset>" : metrics.gate_budget.toFixed(2);
  return [
    `## Gate ${gate} — auto-closed (predicate=v1)`,
    "",
    paragraph,
    "",
    `- feature_id: ${input.featureId}`,
    "- predicate_version: v1",
    `- gate_total_cost: ${metrics.gate_total_cost.toFixed(2)}`,
    `- gate_budget: ${budget}`,
    "- reasons: none",
    "",
  ].join("\n");
}

// Whether the retrospective already has this gate's auto-close heading (D-AC-8).
export function hasAutoCloseHeading(text: string, gate: number): boolean {
  return new RegExp(`^#{1,3} Gate ${gate}\\b.*auto-closed`, "m").test(text);
}

// Appends the stub to RETROSPECTIVE.md text (null when the file is missing); null when already present.
export function appendAutoCloseStub(
  existing: string | null,
  gate: number,
  stub: string,
): string | null {
  if (existing === null) return `# Retrospective\n\n${stub}`;
  if (hasAutoCloseHeading(existing, gate)) return null;
  if (existing.trim() === "") return stub;
  const base = existing.replace(/\s*$/, "");
  return `${base}\n\n${stub}`;
}
