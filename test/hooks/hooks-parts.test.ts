import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { StoredEvent } from "../../src/events/event-types.js";
import {
  classifyProcess,
  classifyStatus,
  stderrTail,
} from "../../src/hooks/classify-try.js";
import { deliveryId, signBody } from "../../src/hooks/delivery-id.js";
import { displayHook } from "../../src/hooks/display-hook.js";
import { hookEnv } from "../../src/hooks/hook-env.js";
import { hooksWarning } from "../../src/hooks/hooks-warning.js";
import {
  hooksFor,
  isKnownPattern,
  matchesEventType,
} from "../../src/hooks/match-hooks.js";
import { nextCommand } from "../../src/hooks/notify-text.js";
import {
  dropReason,
  hooksLogLine,
  parseOutbox,
  serializeOutbox,
  type OutboxEntry,
} from "../../src/hooks/outbox.js";
import {
  chatText,
  cutText,
  slackEscape,
  webhookBody,
} from "../../src/hooks/render-body.js";
import { resolveUrl } from "../../src/hooks/try-delivery.js";
import type { HookConfig } from "../../src/types/config.js";
import type { ProcessResult } from "../../src/types/process-result.js";

function hook(over: Partial<HookConfig> = {}): HookConfig {
  return {
    name: "h",
    on: ["*"],
    run: null,
    webhook: "https://example.com/x",
    format: "json",
    secret_env: null,
    timeout_seconds: 30,
    preset: null,
    line: 3,
    ...over,
  };
}
function event(
  type: string,
  payload: Record<string, unknown> = {},
  id = "FEAT-2026-0001/T02",
): StoredEvent {
  return {
    timestamp: "2026-11-22T02:01:24.506000+00:00",
    correlation_id: id,
    event_type: type,
    source: "driver",
    source_version: "0.4.0",
    payload,
  };
}

describe("matching (AU-HOOK-1, AU-HOOK-2)", () => {
  it("matches types and `*` globs; unknown patterns are told apart", () => {
    expect(matchesEventType("task_*", "task_started")).toBe(true);
    expect(matchesEventType("task_*", "attempt_outcome")).toBe(false);
    expect(matchesEventType("*", "anything")).toBe(true);
    expect(matchesEventType("gate_reached", "gate_reached")).toBe(true);
    expect(isKnownPattern("feature_*")).toBe(true);
    expect(isKnownPattern("task_compleeted")).toBe(false);
    const hooks = [
      hook({ name: "a", on: ["gate_*"] }),
      hook({ name: "b", on: ["task_completed", "gate_reached"] }),
    ];
    expect(hooksFor(hooks, "gate_reached").map((h) => h.name)).toStrictEqual([
      "a",
      "b",
    ]);
    expect(hooksFor(hooks, "task_started")).toStrictEqual([]);
  });
});

describe("delivery id and signature (AU-HOOK-4)", () => {
  it("the id is 32 hex of SHA-256 of `<feature dir>\\n<line>`; the signature is sha256=<HMAC of the body>", () => {
    expect(deliveryId("f", "l")).toMatch(/^[0-9a-f]{32}$/);
    expect(deliveryId("f", "l")).toBe(deliveryId("f", "l"));
    expect(deliveryId("f", "l")).not.toBe(deliveryId("g", "l"));
    expect(signBody("k", "body")).toBe(
      `sha256=${createHmac("sha256", "k").update("body").digest("hex")}`,
    );
  });
});

describe("bodies (AU-HOOK-4)", () => {
  it("json is the line; slack escapes &<>; discord is cut to 2,000 characters with mentions off", () => {
    expect(webhookBody(hook(), "LINE", "text")).toBe("LINE");
    expect(
      JSON.parse(webhookBody(hook({ format: "slack" }), "LINE", "a <b> & c")),
    ).toStrictEqual({ text: "a &lt;b&gt; &amp; c" });
    const discord = JSON.parse(
      webhookBody(
        hook({ format: "discord" }),
        "LINE",
        `@everyone ${"é".repeat(3000)}`,
      ),
    ) as { content: string; allowed_mentions: unknown };
    expect(Array.from(discord.content)).toHaveLength(2000);
    expect(discord.content.endsWith("…")).toBe(true);
    expect(discord.allowed_mentions).toStrictEqual({ parse: [] });
    expect(slackEscape("&&")).toBe("&amp;&amp;");
    expect(cutText("abc", 5)).toBe("abc");
  });

  it("chat text is `[<feature id>] <log line>`, with the next command for notify, never excerpts", () => {
    const e = event("human_escalation", {
      reason: "agent_reported_blocked",
      blocked_reason: "needs a key",
      attempts: 1,
      attempts_usage: [],
    });
    const text = chatText(
      e,
      "FEAT-2026-0001",
      nextCommand(e, "FEAT-2026-0001-demo"),
    );
    expect(text).toMatch(
      /^\[FEAT-2026-0001\] \d\d:\d\d:\d\d {2}FEAT-2026-0001\/T02 {2}human_escalation {2}reason=agent_reported_blocked/,
    );
    expect(text).toContain(
      '— next: fix the cause, then: specfuse unblock FEAT-2026-0001/T02 --reason "<what changed>" --feature FEAT-2026-0001-demo',
    );
  });

  it("names the next command for each moment a human must act", () => {
    expect(nextCommand(event("gate_reached", { gate: 2 }, "F"), "f")).toBe(
      "review gate 2, then: specfuse arm --feature f",
    );
    expect(
      nextCommand(
        event("human_escalation", { reason: "gate_budget_exceeded" }, "F"),
        "f",
      ),
    ).toContain("cost_budget_usd");
    expect(nextCommand(event("task_completed"), "f")).toBeNull();
  });
});

describe("command environment (AU-HOOK-3)", () => {
  it("withholds the agent's markers, credentials (globs too), every secret_env and webhook variable; adds the SPECFUSE_* event variables", () => {
    const env = hookEnv({
      env: {
        PATH: "/bin",
        HOME: "/h",
        CLAUDECODE: "1",
        SPECFUSE_AGENT_CMD: "x",
        ANTHROPIC_API_KEY: "k",
        ANTHROPIC_BASE_URL: "u",
        CLAUDE_CODE_OAUTH_TOKEN: "t",
        HOOK_KEY: "s",
        CHAT_URL: "https://x/y",
        KEEP: "1",
        GONE: undefined,
      },
      hooks: [
        hook({ name: "w", webhook: "${CHAT_URL}", secret_env: "HOOK_KEY" }),
        hook({ name: "c", webhook: null, run: "true" }),
      ],
      credentialEnv: ["ANTHROPIC_*", "CLAUDE_CODE_OAUTH_TOKEN"],
      hook: "c",
      eventType: "gate_reached",
      correlationId: "F",
      featureDir: ".specfuse/features/F",
      delivery: "d",
      notifyText: "text",
      platform: "linux",
    });
    expect(env).toStrictEqual({
      PATH: "/bin",
      HOME: "/h",
      KEEP: "1",
      SPECFUSE_EVENT_TYPE: "gate_reached",
      SPECFUSE_CORRELATION_ID: "F",
      SPECFUSE_FEATURE_DIR: ".specfuse/features/F",
      SPECFUSE_HOOK: "c",
      SPECFUSE_DELIVERY: "d",
      SPECFUSE_NOTIFY_TEXT: "text",
    });
  });

  it("matches names case-insensitively on Windows", () => {
    const env = hookEnv({
      env: { anthropic_api_key: "k", Path: "p" },
      hooks: [],
      credentialEnv: ["ANTHROPIC_*"],
      hook: "h",
      eventType: "t",
      correlationId: "c",
      featureDir: "f",
      delivery: "d",
      notifyText: null,
      platform: "win32",
    });
    expect(Object.keys(env)).not.toContain("anthropic_api_key");
    expect(env.SPECFUSE_NOTIFY_TEXT).toBeUndefined();
  });
});

describe("display (AU-HOOK-11)", () => {
  it("a webhook as <scheme>://<host>/…, a variable by its name, a command by its name", () => {
    expect(
      displayHook(
        hook({
          webhook:
            "https://user:pw@hooks.example.com:8443/T000/B000/secret?token=abc",
        }),
      ),
    ).toBe("h (https://hooks.example.com:8443/…)");
    expect(displayHook(hook({ webhook: "${SLACK_URL}" }))).toBe(
      "h (${SLACK_URL})",
    );
    expect(
      displayHook(hook({ webhook: null, run: "./notify.sh --token abc" })),
    ).toBe("h");
  });
});

describe("URL resolution (AU-HOOK-1)", () => {
  it("reads ${NAME} from the environment; an unset or malformed one fails unsent", () => {
    expect(resolveUrl("${U}/path", { U: "https://h.example" })).toMatchObject({
      ok: true,
    });
    expect(resolveUrl("${U}", {})).toStrictEqual({
      ok: false,
      detail: "variable U is unset; not sent",
    });
    expect(resolveUrl("${U}", { U: "ftp://x" })).toMatchObject({
      ok: false,
      detail: expect.stringContaining("not an http(s) URL"),
    });
  });
});

function result(over: Partial<ProcessResult>): ProcessResult {
  return {
    command: "",
    cwd: "",
    durationMs: 1,
    exitCode: 0,
    signal: null,
    failed: false,
    timedOut: false,
    inactive: false,
    canceled: false,
    stdout: "",
    stderr: "",
    all: "",
    shortMessage: "",
    pid: 1,
    spawnError: null,
    hasLingered: false,
    hasOrphanPipes: false,
    droppedBytes: 0,
    ...over,
  };
}

describe("classifying a try (AU-HOOK-6)", () => {
  it.each<[number, string]>([
    [200, "delivered"],
    [204, "delivered"],
    [302, "rejected"],
    [404, "rejected"],
    [408, "failed"],
    [429, "failed"],
    [500, "failed"],
    [503, "failed"],
  ])("HTTP %i is %s", (status, outcome) => {
    expect(classifyStatus(status).result).toBe(outcome);
  });

  it("a command: exit 0 delivers; non-zero, timeout, kill and spawn errors fail, with ≤ 200 characters of stderr", () => {
    expect(classifyProcess(result({}), 1000)).toStrictEqual({
      result: "delivered",
      detail: "exit 0",
    });
    const failed = classifyProcess(
      result({
        exitCode: 3,
        failed: true,
        stderr: `${"x".repeat(500)}\nboom\n`,
      }),
      1000,
    );
    expect(failed.result).toBe("failed");
    expect(failed.detail).toMatch(/^exit 3; stderr: x+ boom$/);
    expect(failed.detail.length).toBeLessThanOrEqual(
      "exit 3; stderr: ".length + 200,
    );
    expect(
      classifyProcess(
        result({ exitCode: null, timedOut: true, failed: true }),
        1500,
      ).detail,
    ).toBe("timeout after 1.5 s");
    expect(
      classifyProcess(
        result({ canceled: true, failed: true, exitCode: null }),
        1,
      ).detail,
    ).toBe("killed");
    expect(
      classifyProcess(result({ spawnError: "ENOENT", failed: true }), 1).detail,
    ).toBe("error ENOENT");
    expect(stderrTail("a\n\nb")).toBe("a b");
  });
});

describe("outbox and hooks.log (AU-HOOK-8, AU-HOOK-9, AU-HOOK-10)", () => {
  const entry: OutboxEntry = {
    version: 1,
    hook: "h",
    delivery: "d",
    event: "{}",
    tries: 3,
    first_failed_at: "2026-11-20T00:00:00.000Z",
    last_error: "HTTP 500",
  };

  it("round-trips entries; other lines are counted and left out; no entries means no file", () => {
    const text = serializeOutbox([entry]) ?? "";
    expect(text).toBe(
      '{"version":1,"hook":"h","delivery":"d","event":"{}","tries":3,"first_failed_at":"2026-11-20T00:00:00.000Z","last_error":"HTTP 500"}\n',
    );
    expect(parseOutbox(`${text}not json\n{"version":2}\n\n`)).toStrictEqual({
      entries: [entry],
      bad: 2,
    });
    expect(serializeOutbox([])).toBeNull();
  });

  it("drops after 10 tries, 7 days, or when the hook is gone", () => {
    const now = new Date("2026-11-22T00:00:00Z");
    expect(dropReason(entry, new Set(["h"]), now)).toBeNull();
    expect(dropReason({ ...entry, tries: 10 }, new Set(["h"]), now)).toBe(
      "10 tries",
    );
    expect(
      dropReason(entry, new Set(["h"]), new Date("2026-11-28T00:00:01Z")),
    ).toBe("older than 7 days");
    expect(dropReason(entry, new Set(["other"]), now)).toBe(
      "hook removed from config.yml",
    );
  });

  it("one line per record; the warning counts failures and points at hooks.log", () => {
    expect(
      hooksLogLine({
        time: new Date("2026-11-22T02:00:00Z"),
        hook: "chat",
        eventType: "gate_reached",
        correlationId: "F",
        result: "failed",
        detail: "HTTP 500\nmore",
      }),
    ).toBe(
      "2026-11-22T02:00:00.000Z chat gate_reached F failed HTTP 500 more\n",
    );
    expect(
      hooksWarning({ delivered: 3, failed: 0, queued: 0 }, "f"),
    ).toBeNull();
    expect(
      hooksWarning(
        { delivered: 1, failed: 2, queued: 1 },
        ".specfuse/features/F",
      ),
    ).toBe("2 failed, 1 queued; see .specfuse/features/F/work/hooks.log");
  });
});
