// JSON Schemas of the audit amendments to events.jsonl (audit.md AU-EV-1, AU-EV-2): the keys every payload ends
// with, and the payloads of the four new event types. `log --verify` checks them; the writer adds them in wave 2.

/** The first specfuse version whose payloads carry `actor`, `trigger` and `transitions` (AU-EV-2: required from it). */
export const AUDIT_SOURCE_VERSION = "0.5.0";

const str = { type: "string" } as const;
const nullableStr = { type: ["string", "null"] } as const;

// One `transitions` entry (AU-EV-1): `from` null for ∅, `by` only where it differs from the trigger (`agent`).
export const TRANSITION_ENTRY_SCHEMA = {
  type: "object",
  required: ["entity", "id", "from", "to"],
  properties: {
    entity: { enum: ["unit", "gate", "feature"] },
    id: { type: "string", minLength: 1 },
    from: nullableStr,
    to: { type: "string", minLength: 1 },
    by: { type: "string", minLength: 1 },
  },
  additionalProperties: false,
} as const;

// The audit keys a payload may carry, each checked when present (AU-EV-1, AU-EV-2 `task_completed.commit`).
export const AUDIT_KEY_SCHEMAS: Readonly<Record<string, object>> = {
  actor: { type: "string", minLength: 1 },
  trigger: { type: "string", minLength: 1 },
  transitions: { type: "array", items: TRANSITION_ENTRY_SCHEMA },
  commit: nullableStr,
};

function closed(properties: Record<string, object>): object {
  return {
    type: "object",
    required: Object.keys(properties),
    properties,
    additionalProperties: false,
  };
}

// Payloads of the event types AU-EV-2 adds (their audit keys removed first).
export const AUDIT_PAYLOAD_SCHEMAS: Readonly<Record<string, object>> = {
  terminal_flips: closed({
    close_wu: str,
    gate: { type: "integer" },
    roadmap: nullableStr,
    archive: nullableStr,
  }),
  plan_reverted: closed({ verdict: nullableStr }),
  feature_completed: closed({
    gates: { type: "array", items: { type: "integer" } },
  }),
  feature_adopted: closed({
    source_issue_url: nullableStr,
    issue_number: { type: ["integer", "null"] },
    title: str,
  }),
};
