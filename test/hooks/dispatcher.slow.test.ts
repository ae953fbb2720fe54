import { createHmac } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import type { StoredEvent } from "../../src/events/event-types.js";
import {
  createHookDispatcher,
  type HookDispatcherOptions,
} from "../../src/hooks/dispatcher.js";
import type { HookConfig } from "../../src/types/config.js";
import { isDead } from "../helpers/process-state.js";
import { tempDir } from "../helpers/temp-dir.js";

const FEATURE_DIR = ".specfuse/features/FEAT-2026-0001-demo";

/** One request as the test server saw it. */
interface Seen {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

type Reply = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  n: number,
) => void;

// A real HTTP server on 127.0.0.1:0 that records every request and answers with `reply`.
async function server(reply: Reply): Promise<{
  url: string;
  seen: Seen[];
  inFlightMax: () => number;
  close: () => Promise<void>;
}> {
  const seen: Seen[] = [];
  let inFlight = 0;
  let max = 0;
  const srv = http.createServer((req, res) => {
    inFlight++;
    max = Math.max(max, inFlight);
    res.on("close", () => inFlight--);
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (body += c));
    req.on("end", () => {
      seen.push({
        path: req.url ?? "",
        headers: req.headers,
        body,
        at: performance.now(),
      });
      reply(req, res, seen.length);
    });
  });
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  const { port } = srv.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      srv.closeAllConnections();
      srv.close(() => resolve());
    });
  onTestFinished(close);
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    inFlightMax: () => max,
    close,
  };
}

function event(
  type: string,
  n: number,
  payload: Record<string, unknown> = {},
): { line: string; event: StoredEvent } {
  const e: StoredEvent = {
    timestamp: `2026-11-22T02:00:${String(n).padStart(2, "0")}.000000+00:00`,
    correlation_id: "FEAT-2026-0001/T01",
    event_type: type,
    source: "driver",
    source_version: "0.4.0",
    payload: { n, ...payload },
  };
  const line = `{"timestamp": "${e.timestamp}", "correlation_id": "${e.correlation_id}", "event_type": "${type}", "source": "driver", "source_version": "0.4.0", "payload": ${JSON.stringify(e.payload).replace(/,"/g, ', "').replace(/":/g, '": ')}}`;
  return { line, event: e };
}

function hook(over: Partial<HookConfig>): HookConfig {
  return {
    name: "h",
    on: ["*"],
    run: null,
    webhook: null,
    format: "json",
    secret_env: null,
    timeout_seconds: 5,
    preset: null,
    line: 1,
    ...over,
  };
}

function dispatcher(
  hooks: HookConfig[],
  over: Partial<HookDispatcherOptions> = {},
) {
  const dir = over.root ?? tempDir("specfuse-hooks-");
  const featureAbs = path.join(dir, FEATURE_DIR);
  const options: HookDispatcherOptions = {
    hooks,
    root: dir,
    featureDir: FEATURE_DIR,
    featureAbs,
    featureId: "FEAT-2026-0001",
    featureName: "FEAT-2026-0001-demo",
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    credentialEnv: ["ANTHROPIC_*", "CLAUDE_CODE_OAUTH_TOKEN"],
    timings: {
      killGraceMs: 200,
      pipeWaitMs: 200,
      orphanPipeMs: 300,
      resultLingerMs: 300,
    },
    platform: process.platform,
    version: "0.4.0",
    now: () => new Date(),
    retryDelaysMs: [50, 100],
    drainMs: 1500,
    ...over,
  };
  const read = (name: string) => {
    const f = path.join(featureAbs, "work", name);
    return existsSync(f) ? readFileSync(f, "utf8") : "";
  };
  return {
    d: createHookDispatcher(options),
    dir,
    featureAbs,
    hooksLog: () => read("hooks.log"),
    outbox: () => read("hooks-outbox.jsonl"),
    options,
  };
}

describe("webhooks against a real server (AU-TEST-3, AU-HOOK-4..8)", () => {
  it("AU-TEST-3 posts the line as the json body with event, delivery and a valid HMAC signature", async () => {
    const s = await server((_q, res) => res.writeHead(204).end());
    const { d } = dispatcher(
      [hook({ webhook: `${s.url}/in`, secret_env: "HOOK_KEY" })],
      { env: { HOOK_KEY: "s3cret" } },
    );
    const e = event("task_completed", 1);
    d.deliver(`${e.line}\n`, e.event);
    expect(await d.drain()).toStrictEqual({
      delivered: 1,
      failed: 0,
      queued: 0,
    });
    const [req] = s.seen;
    expect(req?.body).toBe(e.line);
    expect(req?.headers["content-type"]).toBe("application/json");
    expect(req?.headers["x-specfuse-event"]).toBe("task_completed");
    expect(req?.headers["x-specfuse-delivery"]).toMatch(/^[0-9a-f]{32}$/);
    expect(req?.headers["x-specfuse-signature-256"]).toBe(
      `sha256=${createHmac("sha256", "s3cret").update(e.line).digest("hex")}`,
    );
  });

  it("AU-TEST-3 500, 500, 200 is three tries with one stable delivery id, the retries logged", async () => {
    const s = await server((_q, res, n) =>
      res.writeHead(n < 3 ? 500 : 200).end(),
    );
    const { d, hooksLog } = dispatcher([hook({ name: "api", webhook: s.url })]);
    const e = event("gate_reached", 2);
    d.deliver(e.line, e.event);
    expect(await d.drain()).toStrictEqual({
      delivered: 1,
      failed: 0,
      queued: 0,
    });
    expect(s.seen).toHaveLength(3);
    expect(
      new Set(s.seen.map((r) => r.headers["x-specfuse-delivery"])).size,
    ).toBe(1);
    const log = hooksLog().trim().split("\n");
    expect(log.map((l) => l.split(" ").slice(1, 5).join(" "))).toStrictEqual([
      "api gate_reached FEAT-2026-0001/T01 failed",
      "api gate_reached FEAT-2026-0001/T01 retry",
      "api gate_reached FEAT-2026-0001/T01 failed",
      "api gate_reached FEAT-2026-0001/T01 retry",
    ]);
    expect(log[0]).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z api gate_reached FEAT-2026-0001\/T01 failed HTTP 500$/,
    );
  });

  it("AU-TEST-3 a 404 is rejected, not retried and not queued; a redirect is not followed", async () => {
    const s = await server((q, res) =>
      q.url === "/moved"
        ? res.writeHead(302, { location: "/target" }).end()
        : res.writeHead(404).end(),
    );
    const { d, hooksLog, outbox } = dispatcher([
      hook({ name: "a", webhook: `${s.url}/gone` }),
      hook({ name: "b", webhook: `${s.url}/moved` }),
    ]);
    const e = event("task_started", 3);
    d.deliver(e.line, e.event);
    expect(await d.drain()).toStrictEqual({
      delivered: 0,
      failed: 2,
      queued: 0,
    });
    expect(s.seen.map((r) => r.path).sort()).toStrictEqual(["/gone", "/moved"]);
    expect(hooksLog()).toContain(
      "a task_started FEAT-2026-0001/T01 rejected HTTP 404",
    );
    expect(hooksLog()).toContain(
      "b task_started FEAT-2026-0001/T01 rejected HTTP 302",
    );
    expect(outbox()).toBe("");
  });

  it("AU-TEST-3 a server that is down: queued in the outbox; the next command sends it first, then drops the file", async () => {
    const s = await server((_q, res) => res.writeHead(200).end());
    const url = s.url;
    await s.close();
    const first = dispatcher([
      hook({ name: "api", webhook: `${url}/secret-path?token=abc` }),
    ]);
    const old = event("human_escalation", 4);
    first.d.deliver(old.line, old.event);
    expect(await first.d.drain()).toStrictEqual({
      delivered: 0,
      failed: 1,
      queued: 1,
    });
    const entry = JSON.parse(first.outbox()) as Record<string, unknown>;
    expect(entry).toMatchObject({
      version: 1,
      hook: "api",
      event: old.line,
      tries: 3,
      last_error: "error ECONNREFUSED",
    });
    expect(first.hooksLog()).toMatch(
      /api human_escalation FEAT-2026-0001\/T01 queued after 3 tries/,
    );
    expect(first.hooksLog()).not.toMatch(/secret-path|token|127\.0\.0\.1/);

    const up = await server((_q, res) => res.writeHead(200).end());
    const next = dispatcher([hook({ name: "api", webhook: up.url })], {
      root: first.dir,
    });
    await next.d.retryOutbox();
    const fresh = event("task_started", 5);
    next.d.deliver(fresh.line, fresh.event);
    expect(await next.d.drain()).toStrictEqual({
      delivered: 2,
      failed: 0,
      queued: 0,
    });
    expect(up.seen.map((r) => r.body)).toStrictEqual([old.line, fresh.line]);
    expect(up.seen[0]?.headers["x-specfuse-delivery"]).toBe(entry.delivery);
    expect(next.outbox()).toBe("");
  });

  it("a server that hangs, and one that answers 200 with a 50 MB body: each bounded by the per-try timeout, the body never read", async () => {
    const hang = await server(() => undefined);
    const huge = await server((_q, res) => {
      res.writeHead(200, { "content-length": String(50 * 1024 * 1024) });
      const chunk = Buffer.alloc(1024 * 1024, 120);
      let sent = 0;
      const pump = () => {
        while (sent < 50 && res.write(chunk)) sent++;
        if (sent < 50) res.once("drain", pump);
        else res.end();
      };
      pump();
    });
    const { d, hooksLog } = dispatcher(
      [
        hook({ name: "slow", webhook: hang.url, timeout_seconds: 0.3 }),
        hook({ name: "big", webhook: huge.url, timeout_seconds: 5 }),
      ],
      { retryDelaysMs: [20, 20] },
    );
    const started = performance.now();
    const e = event("gate_reached", 6);
    d.deliver(e.line, e.event);
    expect(await d.drain()).toStrictEqual({
      delivered: 1,
      failed: 1,
      queued: 1,
    });
    expect(performance.now() - started).toBeLessThan(1500);
    expect(hang.seen).toHaveLength(3);
    expect(hooksLog()).toContain(
      "slow gate_reached FEAT-2026-0001/T01 failed timeout after 0.3 s",
    );
  });

  it("a missing secret or URL variable fails unsent, and is queued for a run where it is set", async () => {
    const s = await server((_q, res) => res.writeHead(200).end());
    const { d, hooksLog } = dispatcher([
      hook({ name: "signed", webhook: s.url, secret_env: "HOOK_KEY" }),
      hook({ name: "var", webhook: "${CHAT_URL}" }),
    ]);
    const e = event("gate_reached", 7);
    d.deliver(e.line, e.event);
    expect(await d.drain()).toStrictEqual({
      delivered: 0,
      failed: 2,
      queued: 2,
    });
    expect(s.seen).toHaveLength(0);
    expect(hooksLog()).toContain(
      "signed gate_reached FEAT-2026-0001/T01 failed secret variable HOOK_KEY is unset; not sent",
    );
    expect(hooksLog()).toContain(
      "var gate_reached FEAT-2026-0001/T01 failed variable CHAT_URL is unset; not sent",
    );
  });

  it("slack and discord bodies carry the chat text and the notify preset's next command", async () => {
    const s = await server((_q, res) => res.writeHead(200).end());
    const { d } = dispatcher([
      hook({
        name: "slack",
        webhook: `${s.url}/slack`,
        format: "slack",
        preset: "notify",
        on: ["human_escalation", "gate_reached"],
      }),
      hook({
        name: "discord",
        webhook: `${s.url}/discord`,
        format: "discord",
        on: ["gate_reached"],
      }),
    ]);
    const e = event("gate_reached", 8, { gate: 1 });
    d.deliver(e.line, e.event);
    await d.drain();
    const body = (p: string) =>
      JSON.parse(s.seen.find((r) => r.path === p)?.body ?? "{}") as Record<
        string,
        unknown
      >;
    expect(body("/slack").text).toMatch(
      /^\[FEAT-2026-0001\] \d\d:\d\d:\d\d {2}FEAT-2026-0001\/T01 {2}gate_reached {2}gate=1 — next: review gate 1, then: specfuse arm --feature FEAT-2026-0001-demo$/,
    );
    expect(body("/discord")).toMatchObject({ allowed_mentions: { parse: [] } });
    expect(String(body("/discord").content)).not.toContain("next:");
  });

  it("AU-HOOK-5 at most 4 tries at once; each hook's events arrive in order even across a retry", async () => {
    const s = await server((q, res, n) =>
      setTimeout(
        () => res.writeHead(q.url === "/h0" && n === 1 ? 500 : 200).end(),
        150,
      ),
    );
    const hooks = Array.from({ length: 6 }, (_v, i) =>
      hook({ name: `h${i}`, webhook: `${s.url}/h${i}` }),
    );
    const { d } = dispatcher(hooks);
    const events = [
      event("task_started", 10),
      event("attempt_outcome", 11),
      event("task_completed", 12),
    ];
    for (const e of events) d.deliver(e.line, e.event);
    expect(await d.drain()).toStrictEqual({
      delivered: 18,
      failed: 0,
      queued: 0,
    });
    expect(s.inFlightMax()).toBeLessThanOrEqual(4);
    expect(s.inFlightMax()).toBeGreaterThan(1);
    const h0 = s.seen
      .filter((r) => r.path === "/h0")
      .map((r) => r.headers["x-specfuse-event"]);
    expect(h0).toStrictEqual([
      "task_started",
      "task_started",
      "attempt_outcome",
      "task_completed",
    ]);
  });

  it("AU-HOOK-7 drain waits at most drainMs, then queues what is still in flight; a kill queues at once", async () => {
    const s = await server(() => undefined);
    const slow = dispatcher(
      [hook({ name: "late", webhook: s.url, timeout_seconds: 30 })],
      { drainMs: 300 },
    );
    const e = event("gate_reached", 13);
    slow.d.deliver(e.line, e.event);
    const started = performance.now();
    expect(await slow.d.drain()).toStrictEqual({
      delivered: 0,
      failed: 1,
      queued: 1,
    });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(slow.hooksLog()).toContain(
      "late gate_reached FEAT-2026-0001/T01 queued still in flight after 0.3 s",
    );

    const killed = dispatcher(
      [hook({ name: "late", webhook: s.url, timeout_seconds: 30 })],
      { drainMs: 5000 },
    );
    killed.d.deliver(e.line, e.event);
    const t = performance.now();
    expect(await killed.d.drain({ isKilled: true })).toMatchObject({
      delivered: 0,
      queued: 1,
    });
    expect(performance.now() - t).toBeLessThan(500);
  });

  it("AU-HOOK-8 an outbox entry for a removed hook, or past 10 tries, is dropped and logged", async () => {
    const { d, featureAbs, hooksLog, outbox } = dispatcher([
      hook({ name: "kept", run: "true" }),
    ]);
    const e = event("gate_reached", 14);
    const lines = [
      {
        version: 1,
        hook: "gone",
        delivery: "d1",
        event: e.line,
        tries: 1,
        first_failed_at: new Date().toISOString(),
        last_error: "x",
      },
      {
        version: 1,
        hook: "kept",
        delivery: "d2",
        event: e.line,
        tries: 10,
        first_failed_at: new Date().toISOString(),
        last_error: "x",
      },
    ];
    const file = path.join(featureAbs, "work", "hooks-outbox.jsonl");
    (await import("node:fs")).mkdirSync(path.dirname(file), {
      recursive: true,
    });
    writeFileSync(file, lines.map((l) => `${JSON.stringify(l)}\n`).join(""));
    await d.retryOutbox();
    expect(await d.drain()).toStrictEqual({
      delivered: 0,
      failed: 2,
      queued: 0,
    });
    expect(hooksLog()).toContain(
      "gone gate_reached FEAT-2026-0001/T01 dropped hook removed from config.yml",
    );
    expect(hooksLog()).toContain(
      "kept gate_reached FEAT-2026-0001/T01 dropped 10 tries",
    );
    expect(outbox()).toBe("");
  });
});

describe("hook failures never escape (AU-HOOK-5)", () => {
  it("an unwritable work/ folder loses the log and the outbox, but drain still resolves with the counts", async () => {
    const { d, featureAbs } = dispatcher(
      [hook({ name: "bad", run: "exit 1" })],
      { retryDelaysMs: [] },
    );
    (await import("node:fs")).mkdirSync(featureAbs, { recursive: true });
    writeFileSync(
      path.join(featureAbs, "work"),
      "a file where the folder should be\n",
    );
    const e = event("task_completed", 18);
    d.deliver(e.line, e.event);
    await d.retryOutbox();
    expect(await d.drain()).toStrictEqual({
      delivered: 0,
      failed: 1,
      queued: 1,
    });
  });
});

describe("hook commands (AU-TEST-4, AU-HOOK-3)", () => {
  it("AU-TEST-4 a command gets the line on stdin and the SPECFUSE_* variables, runs in the repo root, and never sees credentials", async () => {
    const out = tempDir("specfuse-hook-out-");
    const { d, dir } = dispatcher(
      [
        hook({
          name: "record",
          run: `cat > "${out}/stdin.txt"; env > "${out}/env.txt"; pwd > "${out}/pwd.txt"`,
          preset: "notify",
          on: ["human_escalation"],
        }),
        hook({
          name: "chat",
          webhook: "${CHAT_URL}",
          secret_env: "HOOK_KEY",
          on: ["nothing_*"],
        }),
      ],
      {
        env: {
          PATH: process.env.PATH,
          HOME: "/nowhere",
          ANTHROPIC_API_KEY: "sk-ant-secret",
          CLAUDE_CODE_OAUTH_TOKEN: "oauth-secret",
          CLAUDECODE: "1",
          SPECFUSE_AGENT_CMD: "/bin/agent",
          HOOK_KEY: "hmac-secret",
          CHAT_URL: "https://hooks.example.com/secret",
          KEEP_ME: "yes",
        },
      },
    );
    const e = event("human_escalation", 15, {
      reason: "agent_reported_blocked",
    });
    d.deliver(e.line, e.event);
    expect(await d.drain()).toStrictEqual({
      delivered: 1,
      failed: 0,
      queued: 0,
    });
    expect(readFileSync(path.join(out, "stdin.txt"), "utf8")).toBe(
      `${e.line}\n`,
    );
    expect(readFileSync(path.join(out, "pwd.txt"), "utf8").trim()).toBe(dir);
    const env = readFileSync(path.join(out, "env.txt"), "utf8");
    expect(env).toContain("KEEP_ME=yes");
    expect(env).toContain("SPECFUSE_EVENT_TYPE=human_escalation");
    expect(env).toContain("SPECFUSE_CORRELATION_ID=FEAT-2026-0001/T01");
    expect(env).toContain(`SPECFUSE_FEATURE_DIR=${FEATURE_DIR}`);
    expect(env).toContain("SPECFUSE_HOOK=record");
    expect(env).toMatch(/SPECFUSE_DELIVERY=[0-9a-f]{32}/);
    expect(env).toMatch(
      /SPECFUSE_NOTIFY_TEXT=\[FEAT-2026-0001\] .* next: fix the cause, then: specfuse unblock FEAT-2026-0001\/T01/,
    );
    for (const secret of [
      "sk-ant-secret",
      "oauth-secret",
      "hmac-secret",
      "hooks.example.com",
      "CLAUDECODE",
      "SPECFUSE_AGENT_CMD",
    ])
      expect(env).not.toContain(secret);
  });

  it("AU-TEST-4 a command that times out has its whole group killed, grandchild included; failures are logged with stderr", async () => {
    const out = tempDir("specfuse-hook-out-");
    const pidFile = path.join(out, "grandchild.pid");
    const { d, hooksLog } = dispatcher(
      [
        hook({
          name: "stuck",
          run: `sleep 30 & echo $! > "${pidFile}"; echo waiting >&2; wait`,
          timeout_seconds: 0.4,
        }),
      ],
      { retryDelaysMs: [] },
    );
    const e = event("task_completed", 16);
    d.deliver(e.line, e.event);
    const started = performance.now();
    expect(await d.drain()).toStrictEqual({
      delivered: 0,
      failed: 1,
      queued: 1,
    });
    expect(performance.now() - started).toBeLessThan(1500);
    const pid = Number(readFileSync(pidFile, "utf8"));
    expect(pid).toBeGreaterThan(1);
    expect(isDead(pid)).toBe(true);
    expect(hooksLog()).toContain(
      "stuck task_completed FEAT-2026-0001/T01 failed timeout after 0.4 s; stderr: waiting",
    );
  });

  it("a command that floods its output or fails is bounded: ≤ 200 characters of stderr reach hooks.log", async () => {
    const { d, hooksLog } = dispatcher(
      [
        hook({
          name: "loud",
          run: "head -c 5000000 /dev/zero | tr '\\0' x; head -c 5000000 /dev/zero | tr '\\0' y >&2; exit 3",
        }),
      ],
      { retryDelaysMs: [] },
    );
    const e = event("task_completed", 17);
    d.deliver(e.line, e.event);
    expect(await d.drain()).toStrictEqual({
      delivered: 0,
      failed: 1,
      queued: 1,
    });
    const failed =
      hooksLog()
        .split("\n")
        .find((l) => l.includes(" failed ")) ?? "";
    expect(failed).toMatch(/ failed exit 3; stderr: y{200}$/);
  });
});
