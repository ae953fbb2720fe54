// The keys specfuse and the reference implementation read or write, per kind of map (lint `unknown-key`).
// Unknown keys stay allowed (formats.md F-FM-3, F-GRAPH-6): the rule only warns, so a typo such as
// `depend_on:` or `modle:` no longer passes silently. Keys that newer versions of the reference write
// are listed too, so trees it wrote lint without noise.

/** What kind of map a key belongs to. */
export type KeyKind = "plan" | "gate" | "unit" | "graph-gate" | "graph-unit";

const PLAN = [
  // formats.md F-PLAN-1
  "feature_id",
  "title",
  "branch",
  "roadmap_goal",
  "status",
  "slug",
  "autonomy_default",
  "planned_cost_usd",
  "auto_close_disabled",
  "source_issue_url",
  "initiative",
  // github.md GH-ADOPT-5, GH-PR-2
  "base",
];

const GATE = [
  // formats.md F-GATE-2
  "gate",
  "status",
  "cost_budget_usd",
  // evidence.md EV-BASE-3 (also written by the reference)
  "baseline",
];

const UNIT = [
  // formats.md F-WU-2: set by authors
  "id",
  "type",
  "status",
  "model",
  "effort",
  "planned_cost_usd",
  "produces",
  "produces_driver_helper",
  "extra_gates",
  "oracle_env",
  "generated_surfaces",
  "unsandboxed",
  "unsandboxed_rationale",
  "verdict",
  "timeout_minutes",
  "max_attempts",
  "commit_type",
  // agents.md AG-SEL-2; evidence.md EV-BASE-5, EV-PRE-1, EV-ITER-1
  "agent",
  "fixes_baseline",
  "prep",
  "oracles",
  "iterate_on_failure",
  // formats.md F-WU-3, F-WU-4: written by the driver and `unblock` (cumulative_* below)
  "attempts",
  "duration_seconds",
  "cost_usd",
  "input_tokens",
  "output_tokens",
  "auto_close",
  "auto_close_reasons",
  "re_arm_count",
  "re_arm_history",
  // evidence.md EV-LIFE-3
  "attempts_lifetime",
  // written or read by newer versions of the reference implementation
  "auto_close_disabled",
  "driver_version",
  "started_at",
  "gate_set",
  "escalation_reason",
  "escalation_failure_class",
  "escalation_failure_signature",
  "folded_through_re_arm",
  "human_only",
  "provenance",
  "re_arm_override",
  "reproduced_signature",
  "rearm_count",
  // conventions of the reference's own workflow (its LEARNINGS): work done by hand, a hedged verdict accepted
  "completed_out_of_loop",
  "completed_note",
  "verdict_accepted_from",
  "verdict_accepted_reason",
  "verdict_accepted_at",
];

const GRAPH_GATE = ["gate", "file", "work_units"];
const GRAPH_UNIT = ["id", "file", "depends_on"];

// Every known key, per kind of map.
export const KNOWN_KEYS: Readonly<Record<KeyKind, readonly string[]>> = {
  plan: PLAN,
  gate: GATE,
  unit: UNIT,
  "graph-gate": GRAPH_GATE,
  "graph-unit": GRAPH_UNIT,
};

const SETS = new Map<KeyKind, ReadonlySet<string>>(
  Object.entries(KNOWN_KEYS).map(([k, v]) => [k as KeyKind, new Set(v)]),
);

// Whether a key is known for this kind of map; `cumulative_*` keys are the driver's re-arm fold (F-WU-3), and
// `historical_*` the name an earlier version of the reference gave them.
export function isKnownKey(kind: KeyKind, key: string): boolean {
  if (kind === "unit" && /^(cumulative|historical)_/.test(key)) return true;
  return SETS.get(kind)?.has(key) ?? false;
}
