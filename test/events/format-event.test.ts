import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EventRecord, NewEvent } from "../../src/events/event-types.js";
import { ENVELOPE_KEYS } from "../../src/events/event-types.js";
import {
  buildEvent,
  formatEvent,
  formatTimestamp,
  serializeJson,
} from "../../src/events/format-event.js";
import { compileSchema } from "../../src/schemas/ajv.js";
import { EVENT_SCHEMA } from "../../src/schemas/events.js";

const AT = new Date("2026-11-22T02:01:24.506Z");

describe("serializeJson: the reference's conventions (formats.md F-EV-1)", () => {
  // Expected strings are what Python's json.dumps(obj, ensure_ascii=True) prints for the same objects.
  it("F-EV-2 matches the reference byte for byte on the spec's example line", () => {
    const event = {
      timestamp: "2026-11-22T02:01:24.506000+00:00",
      correlation_id: "FEAT-2026-0042/T01",
      event_type: "task_completed",
      source: "driver",
      source_version: "0.4.0",
      payload: {
        attempts: 1,
        attempts_usage: [
          {
            attempt: 1,
            duration_seconds: 84.1,
            cost_usd: 0.4123,
            input_tokens: 12,
            output_tokens: 3410,
          },
        ],
      },
    };
    expect(serializeJson(event)).toBe(
      '{"timestamp": "2026-11-22T02:01:24.506000+00:00", "correlation_id": "FEAT-2026-0042/T01", "event_type": "task_completed", "source": "driver", "source_version": "0.4.0", "payload": {"attempts": 1, "attempts_usage": [{"attempt": 1, "duration_seconds": 84.1, "cost_usd": 0.4123, "input_tokens": 12, "output_tokens": 3410}]}}',
    );
  });

  it("F-EV-1 escapes like ensure_ascii: short escapes, \\u00XX controls and DEL, \\uXXXX non-ASCII, surrogate pairs", () => {
    const value = {
      a: "café ☕ 😀",
      b: 'quote " back \\ nl \n tab \t cr \r bs \b ff \f nul \u0000 del \u007f nel \u0085 ls \u2028',
      c: [],
      d: {},
      e: null,
      f: true,
      g: false,
      h: [1, 2.5, "x"],
      i: 0,
      j: -3,
      k: "\ud800",
    };
    expect(serializeJson(value, { floatKeys: new Set(["i"]) })).toBe(
      '{"a": "caf\\u00e9 \\u2615 \\ud83d\\ude00", "b": "quote \\" back \\\\ nl \\n tab \\t cr \\r bs \\b ff \\f nul \\u0000 del \\u007f nel \\u0085 ls \\u2028", "c": [], "d": {}, "e": null, "f": true, "g": false, "h": [1, 2.5, "x"], "i": 0.0, "j": -3, "k": "\\ud800"}',
    );
  });

  it("F-EV-1 writes float keys with a fractional part at any depth", () => {
    const value = {
      cost_usd: 0,
      duration_seconds: 12,
      nested: { spent_usd: 1.5, x: [{ budget_usd: 3 }] },
    };
    expect(serializeJson(value)).toBe(
      '{"cost_usd": 0.0, "duration_seconds": 12.0, "nested": {"spent_usd": 1.5, "x": [{"budget_usd": 3.0}]}}',
    );
  });

  it("F-EV-1 never writes an exponent (the reference wrote 1e-06)", () => {
    expect(serializeJson({ cost_usd: 1e-6, n: 1e21, r: 1.5e-10 })).toBe(
      '{"cost_usd": 0.000001, "n": 1000000000000000000000, "r": 0.00000000015}',
    );
  });

  it("leaves undefined properties out and writes NaN and infinities as null", () => {
    expect(
      serializeJson({
        a: undefined,
        b: 1,
        gate_budget: Infinity,
        c: Number.NaN,
      }),
    ).toBe('{"b": 1, "gate_budget": null, "c": null}');
  });

  it("property: always parses back as JSON to the same value, in pure ASCII", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = serializeJson(value);
        expect(/^[\x20-\x7e]*$/.test(text)).toBe(true);
        expect(JSON.parse(text)).toStrictEqual(
          JSON.parse(JSON.stringify(value)),
        );
      }),
    );
  });
});

describe("timestamps and the envelope (F-EV-2, D-EVT-1)", () => {
  it.each([
    ["2026-11-22T02:01:24.506Z", "2026-11-22T02:01:24.506000+00:00"],
    ["2026-01-02T03:04:05.000Z", "2026-01-02T03:04:05.000000+00:00"],
    ["2026-12-31T23:59:59.999Z", "2026-12-31T23:59:59.999000+00:00"],
  ])("%s → %s", (iso, text) => {
    expect(formatTimestamp(new Date(iso))).toBe(text);
  });

  it("F-EV-2 writes the envelope keys in order with source driver and the package version", () => {
    const record = buildEvent(
      {
        correlation_id: "FEAT-2026-0042",
        event_type: "gate_reached",
        payload: { gate: 1 },
      },
      AT,
      "0.4.0",
    );
    expect(Object.keys(record)).toStrictEqual([...ENVELOPE_KEYS]);
    expect(formatEvent(record)).toBe(
      '{"timestamp": "2026-11-22T02:01:24.506000+00:00", "correlation_id": "FEAT-2026-0042", "event_type": "gate_reached", "source": "driver", "source_version": "0.4.0", "payload": {"gate": 1}}',
    );
  });

  it("F-EV-4 keeps the attempt_outcome keys in the order the caller builds them", () => {
    const record = buildEvent(SAMPLES[3] as NewEvent, AT, "0.4.0");
    const line = formatEvent(record);
    expect(line).toContain(
      '"payload": {"attempt": 2, "outcome": "failed", "duration_seconds": 3.0, "cost_usd": 0.0, "input_tokens": 10, "output_tokens": 0, "cache_read_input_tokens": 0, "cache_creation_input_tokens": 0, "model": "sonnet", "effort": "medium", "failure_class": "tests", "failure_signature": "test_x", "failure_excerpt": "FAIL: test_x", "files_touched": ["src/a.ts"], "agent_status": "complete", "agent_blocked_reason": null, "re_arm_count": 1}',
    );
  });
});

// One sample of every written event type and variant (formats.md F-EV-3).
const usage = [
  {
    attempt: 1,
    duration_seconds: 84.1,
    cost_usd: 0.4123,
    input_tokens: 12,
    output_tokens: 3410,
  },
  { attempt: 2, duration_seconds: 3 },
];
const SAMPLES: NewEvent[] = [
  {
    correlation_id: "FEAT-2026-0042/T01",
    event_type: "task_started",
    payload: {
      type: "implementation",
      model: "sonnet",
      effort: "medium",
      re_arm_count: 0,
    },
  },
  {
    correlation_id: "FEAT-2026-0042/T01",
    event_type: "re_arm_dispatched",
    payload: { re_arm_count: 1, reason: "" },
  },
  {
    correlation_id: "FEAT-2026-0042/T01",
    event_type: "unsandboxed_dispatch",
    payload: { rationale: "needs docker" },
  },
  {
    correlation_id: "FEAT-2026-0042/T01",
    event_type: "attempt_outcome",
    payload: {
      attempt: 2,
      outcome: "failed",
      duration_seconds: 3,
      cost_usd: 0,
      input_tokens: 10,
      output_tokens: 0,
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: 0,
      model: "sonnet",
      effort: "medium",
      failure_class: "tests",
      failure_signature: "test_x",
      failure_excerpt: "FAIL: test_x",
      files_touched: ["src/a.ts"],
      agent_status: "complete",
      agent_blocked_reason: null,
      re_arm_count: 1,
    },
  },
  {
    correlation_id: "FEAT-2026-0042/T01",
    event_type: "attempt_outcome",
    payload: {
      attempt: 3,
      outcome: "timeout",
      duration_seconds: 2700.004,
      cost_usd: 0,
      input_tokens: 0,
      output_tokens: 0,
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: 0,
      model: "sonnet",
      effort: "medium",
      failure_class: null,
      failure_signature: null,
      failure_excerpt: null,
      files_touched: [],
      agent_status: null,
      agent_blocked_reason: null,
      re_arm_count: 0,
      timeout_kind: "wall_clock",
      limit_seconds: 2700,
      agent_commits: ["0123abcd"],
      agent_is_error: false,
      agent_subtype: "success",
      agent_session_id: "s-1",
      permission_denials: ["Bash"],
      agent_exit_code: null,
    },
  },
  {
    correlation_id: "FEAT-2026-0042/T01",
    event_type: "attempt_outcome",
    payload: {
      attempt: 1,
      outcome: "interrupted",
      duration_seconds: 1.5,
      cost_usd: 0,
      input_tokens: 0,
      output_tokens: 0,
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: 0,
      model: "opus",
      effort: "high",
      failure_class: null,
      failure_signature: null,
      failure_excerpt: null,
      files_touched: [],
      agent_status: null,
      agent_blocked_reason: null,
      re_arm_count: 0,
      interrupt_reason: "signal:SIGINT",
      counted: false,
    },
  },
  {
    correlation_id: "FEAT-2026-0042/T01",
    event_type: "task_completed",
    payload: { attempts: 2, attempts_usage: usage },
  },
  {
    correlation_id: "FEAT-2026-0042/T01",
    event_type: "human_escalation",
    payload: {
      reason: "agent_reported_blocked",
      blocked_reason: null,
      attempts: 1,
      attempts_usage: usage,
    },
  },
  {
    correlation_id: "FEAT-2026-0042/T01",
    event_type: "human_escalation",
    payload: {
      reason: "spinning_signature_repeat",
      failure_class: "lint",
      failure_signature: "E501",
      attempts: 2,
      attempts_usage: usage,
    },
  },
  {
    correlation_id: "FEAT-2026-0042/T01",
    event_type: "human_escalation",
    payload: {
      reason: "all_attempts_timeout",
      attempts: 3,
      attempts_usage: usage,
    },
  },
  {
    correlation_id: "FEAT-2026-0042/G2-CLOSE",
    event_type: "human_escalation",
    payload: {
      reason: "post_pass_invariant_failed",
      assertion: "roadmap_row_not_done",
      summary: "x",
    },
  },
  {
    correlation_id: "FEAT-2026-0042",
    event_type: "human_escalation",
    payload: {
      reason: "gate_budget_exceeded",
      budget_usd: 5,
      spent_usd: 5.123456,
      next_wu_id: "FEAT-2026-0042/T03",
    },
  },
  {
    correlation_id: "FEAT-2026-0042",
    event_type: "auto_close_decision",
    payload: {
      gate: 1,
      gate_type: "intermediate",
      auto: true,
      reasons: [],
      plan_next_dispatched: true,
      predicate_version: "v1",
    },
  },
  {
    correlation_id: "FEAT-2026-0042",
    event_type: "auto_close_decision",
    payload: {
      gate: 2,
      auto: true,
      reasons: [],
      predicate_version: "v1",
      metrics: {
        gate_total_cost: 1.25,
        gate_budget: null,
        blocked_human_events: 0,
        replan_events: 0,
      },
    },
  },
  {
    correlation_id: "FEAT-2026-0042/G2-CLOSE",
    event_type: "auto_close_decision",
    payload: {
      gate: 2,
      auto: false,
      reasons: ["force_full_close_cli_flag"],
      predicate_version: "v1",
      override: true,
    },
  },
  {
    correlation_id: "FEAT-2026-0042/G1-PLAN",
    event_type: "plan_next_draft_lint",
    payload: {
      gate: 1,
      warns: ["WU-03.md: no acceptance criteria"],
      blocking: false,
    },
  },
  {
    correlation_id: "FEAT-2026-0042",
    event_type: "gate_reached",
    payload: { gate: 1 },
  },
  {
    correlation_id: "FEAT-2026-0042",
    event_type: "run_aborted",
    payload: { reason: "lock_compromised" },
  },
  {
    correlation_id: "FEAT-2026-0042",
    event_type: "run_aborted",
    payload: {
      reason: "signal",
      signal: "SIGTERM",
      wu_id: "FEAT-2026-0042/T01",
      attempt: 2,
    },
  },
  {
    correlation_id: "FEAT-2026-0042",
    event_type: "gate_armed",
    payload: { gate: 2, armed: ["FEAT-2026-0042/T03"], gates_passed: [1] },
  },
  {
    correlation_id: "FEAT-2026-0042/T01",
    event_type: "wu_unblocked",
    payload: {
      re_arm_count: 1,
      reason: "fixed the fixture",
      prior_status: "blocked_human",
      prior_attempts: 3,
    },
  },
  {
    correlation_id: "FEAT-2026-0042",
    event_type: "feature_adopted",
    payload: {
      source_issue_url: "https://github.com/o/r/issues/12",
      issue_number: 12,
      title: "Rate limits",
      transitions: [
        { entity: "feature", id: "FEAT-2026-0042", from: null, to: "planned" },
      ],
      actor: "Test <test@example.com>",
      trigger: "adopt",
    },
  },
];

describe("the events JSON Schema (src/schemas/events.ts)", () => {
  const validate = compileSchema(EVENT_SCHEMA);

  it.each(
    SAMPLES.map(
      (s) =>
        [
          `${s.event_type} ${JSON.stringify(s.payload).slice(0, 40)}`,
          s,
        ] as const,
    ),
  )("validates a written %s line", (_name, sample) => {
    const line = formatEvent(buildEvent(sample, AT, "0.4.0"));
    const ok = validate(JSON.parse(line));
    expect(validate.errors ?? []).toStrictEqual([]);
    expect(ok).toBe(true);
  });

  it("covers every written event type", () => {
    const covered = new Set(SAMPLES.map((s) => s.event_type));
    expect([...covered].sort()).toStrictEqual(
      [...(EVENT_SCHEMA.properties.event_type.enum as string[])].sort(),
    );
  });

  it.each<[string, (r: Record<string, unknown>) => void]>([
    [
      "a misspelled payload key",
      (r) => ((r.payload as Record<string, unknown>).gaet = 1),
    ],
    [
      "a missing payload key",
      (r) => delete (r.payload as Record<string, unknown>).gate,
    ],
    ["a wrong source", (r) => (r.source = "arm")],
    [
      "a timestamp with 3 fractional digits",
      (r) => (r.timestamp = "2026-11-22T02:01:24.506+00:00"),
    ],
    ["an unknown event type", (r) => (r.event_type = "gate_left")],
    ["an extra envelope key", (r) => (r.extra = 1)],
  ])("rejects %s", (_name, mutate) => {
    const record = JSON.parse(
      formatEvent(buildEvent(SAMPLES[16] as NewEvent, AT, "0.4.0")),
    ) as Record<string, unknown>;
    mutate(record);
    expect(validate(record)).toBe(false);
  });

  it("rejects an attempt_outcome with an unknown outcome", () => {
    const record = buildEvent(
      SAMPLES[3] as NewEvent,
      AT,
      "0.4.0",
    ) as EventRecord<"attempt_outcome">;
    const bad = {
      ...record,
      payload: { ...record.payload, outcome: "zero_token_skip" },
    };
    expect(validate(JSON.parse(serializeJson(bad)))).toBe(false);
  });
});
