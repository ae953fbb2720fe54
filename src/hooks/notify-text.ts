import type { StoredEvent } from "../events/event-types.js";

const REASON = '"<what changed>"';

// The command a human runs next after a `notify` event (AU-HOOK-1), or null for other events; pure.
export function nextCommand(
  event: StoredEvent,
  featureName: string,
): string | null {
  const flag = `--feature ${featureName}`;
  const p = event.payload;
  if (event.event_type === "gate_reached")
    return `review gate ${String(p.gate)}, then: specfuse arm ${flag}`;
  if (event.event_type !== "human_escalation") return null;
  if (p.reason === "gate_budget_exceeded")
    return `review the gate's spending; raise its cost_budget_usd and reopen it, or accept it: specfuse arm ${flag}`;
  return `fix the cause, then: specfuse unblock ${event.correlation_id} --reason ${REASON} ${flag}`;
}
