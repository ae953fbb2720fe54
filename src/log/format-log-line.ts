import { formatUsd } from "../driver/unit/cost.js";
import type { StoredEvent } from "../events/event-types.js";
import type { Paint } from "../output/color.js";
import { formatClock, formatElapsed } from "../output/format-elapsed.js";

type Payload = Record<string, unknown>;

// The payload keys worth a column, per event type (driver §32 D-LOG-1: "key payload values").
const KEYS: Record<string, readonly string[]> = {
  task_started: ["type", "model", "effort", "re_arm_count"],
  re_arm_dispatched: ["re_arm_count", "reason"],
  unsandboxed_dispatch: ["rationale"],
  attempt_outcome: [
    "attempt",
    "outcome",
    "duration_seconds",
    "cost_usd",
    "failure_class",
    "failure_signature",
    "timeout_kind",
    "interrupt_reason",
    "agent_status",
    "summary",
  ],
  task_completed: ["attempts"],
  human_escalation: [
    "reason",
    "blocked_reason",
    "failure_signature",
    "assertion",
    "attempts",
    "spent_usd",
    "budget_usd",
    "next_wu_id",
  ],
  auto_close_decision: ["gate", "gate_type", "auto", "reasons", "override"],
  plan_next_draft_lint: ["gate", "warns"],
  gate_reached: ["gate"],
  run_aborted: ["reason", "signal", "wu_id", "attempt"],
  gate_armed: ["gate", "armed", "gates_passed"],
  wu_unblocked: ["re_arm_count", "prior_status", "prior_attempts", "reason"],
  feature_adopted: ["issue_number", "title", "actor"],
};

const MAX_VALUE = 80;
// Shorter names for the columns that are formatted for people.
const LABELS: Record<string, string> = {
  duration_seconds: "duration",
  cost_usd: "cost",
  spent_usd: "spent",
  budget_usd: "budget",
};

// One human line per event (driver §32 D-LOG-1): local time, correlation id, type, then key=value pairs; pure.
export function formatLogLine(
  event: StoredEvent,
  time: number | null,
  paint: Paint,
): string {
  const clock = time === null ? "??:??:??" : formatClock(new Date(time));
  const pairs = payloadPairs(event.event_type, event.payload);
  const tone = toneOf(event);
  const type = tone === null ? event.event_type : paint[tone](event.event_type);
  return [paint.dim(clock), event.correlation_id, type, ...pairs]
    .join("  ")
    .trimEnd();
}

// The local date of an event, for the day headers between lines (`2026-11-22`).
export function localDate(time: number): string {
  const d = new Date(time);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

// `key=value` pairs: the catalogue's keys for known types, every scalar key otherwise; absent and null values are left out.
export function payloadPairs(type: string, payload: Payload): string[] {
  const keys =
    KEYS[type] ??
    Object.keys(payload)
      .filter((k) => isScalar(payload[k]))
      .slice(0, 6);
  const pairs: string[] = [];
  for (const key of keys) {
    const value = payload[key];
    if (value === undefined || value === null) continue;
    if (key === "re_arm_count" && value === 0) continue;
    if (type === "task_completed" && key === "attempts") {
      pairs.push(`attempts=${shown(value)}`, ...usageTotals(payload));
      continue;
    }
    pairs.push(`${LABELS[key] ?? key}=${valueText(key, value)}`);
  }
  if (type === "human_escalation" && Array.isArray(payload.attempts_usage))
    pairs.push(...usageTotals(payload));
  return pairs;
}

function usageTotals(payload: Payload): string[] {
  const usage = Array.isArray(payload.attempts_usage)
    ? (payload.attempts_usage as unknown[])
    : [];
  let cost = 0;
  let seconds = 0;
  for (const r of usage) {
    if (typeof r !== "object" || r === null) continue;
    const rec = r as Payload;
    if (typeof rec.cost_usd === "number") cost += rec.cost_usd;
    if (typeof rec.duration_seconds === "number")
      seconds += rec.duration_seconds;
  }
  return usage.length === 0
    ? []
    : [`cost=${formatUsd(cost)}`, `time=${formatElapsed(seconds * 1000)}`];
}

function valueText(key: string, value: unknown): string {
  if (typeof value === "number") {
    if (key.endsWith("_usd")) return formatUsd(value);
    if (key === "duration_seconds") return formatElapsed(value * 1000);
    return String(value);
  }
  if (Array.isArray(value)) {
    if (key === "warns") return String(value.length);
    const items = value.map((v) =>
      typeof v === "string" ? v.replace(/^.*\//, "") : shown(v),
    );
    return quoteIfNeeded(`[${items.join(",")}]`);
  }
  return quoteIfNeeded(shown(value));
}

function shown(value: unknown): string {
  if (typeof value === "string") return value;
  if (isScalar(value)) return String(value);
  return JSON.stringify(value);
}

function quoteIfNeeded(text: string): string {
  const one = text.replace(/\s+/g, " ").trim();
  const cut = one.length > MAX_VALUE ? `${one.slice(0, MAX_VALUE - 1)}…` : one;
  return /[\s"=]/.test(cut) || cut === ""
    ? `"${cut.replace(/"/g, '\\"')}"`
    : cut;
}

function isScalar(v: unknown): boolean {
  return (
    typeof v === "string" || typeof v === "number" || typeof v === "boolean"
  );
}

function toneOf(event: StoredEvent): "green" | "red" | "yellow" | null {
  const p = event.payload;
  if (event.event_type === "task_completed") return "green";
  if (event.event_type === "human_escalation") return "yellow";
  if (event.event_type === "run_aborted") return "yellow";
  if (event.event_type === "attempt_outcome")
    return p.outcome === "passed" ? "green" : "red";
  return null;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
