import { describe, expect, it } from "vitest";
import { normalizeConfig } from "../../src/config/normalize-config.js";
import {
  isSpecfuseError,
  type SpecfuseError,
} from "../../src/errors/specfuse-error.js";
import { hooksCheck, type HooksFacts } from "../../src/doctor/decide-hooks.js";

function loaded(text: string): HooksFacts["config"] {
  try {
    return { ok: true, value: normalizeConfig(text, ".specfuse/config.yml") };
  } catch (error) {
    if (isSpecfuseError(error))
      return { ok: false, error: error as SpecfuseError };
    throw error;
  }
}

const facts = (
  text: string,
  env: HooksFacts["env"] = {},
  outboxes: HooksFacts["outboxes"] = [],
): HooksFacts => ({ config: loaded(text), env, outboxes });

describe("doctor hooks (AU-HOOK-11)", () => {
  it("ok with no hooks, or with hooks whose variables are set; names them without URL paths", () => {
    expect(hooksCheck(facts("version: 1\n"))).toMatchObject({
      id: "hooks",
      status: "ok",
      summary: "no hooks configured",
    });
    const c = hooksCheck(
      facts(
        "hooks:\n  - {name: chat, preset: notify, webhook: 'https://hooks.example.com/T0/B0/xyz', format: slack}\n  - {name: log, run: ./log.sh, on: ['*']}\n",
      ),
    );
    expect(c).toMatchObject({
      status: "ok",
      summary: "2 hooks: chat (https://hooks.example.com/…), log",
    });
  });

  it("fails on an invalid hook, and on unset variables", () => {
    expect(
      hooksCheck(facts("hooks:\n  - {name: x, on: ['*']}\n")),
    ).toMatchObject({ status: "fail", code: "config_invalid" });
    const unset = hooksCheck(
      facts(
        "hooks:\n  - {name: chat, on: ['*'], webhook: '${CHAT_URL}', secret_env: CHAT_KEY}\n",
        { CHAT_URL: "https://x.example" },
      ),
    );
    expect(unset).toMatchObject({
      status: "fail",
      detail: "chat (${CHAT_URL}): CHAT_KEY is not set",
    });
  });

  it("skips when config.yml fails for another reason", () => {
    expect(hooksCheck(facts("version: 2\n"))).toMatchObject({ status: "skip" });
  });

  it("warns on a non-empty outbox, an `on` matching nothing, and a literal URL with userinfo or a query", () => {
    const c = hooksCheck(
      facts(
        "hooks:\n  - {name: api, on: [task_done], webhook: 'https://u:p@api.example.com/in?token=abc'}\n",
        {},
        [{ file: "f/work/hooks-outbox.jsonl", entries: 2 }],
      ),
    );
    expect(c.status).toBe("warn");
    expect(c.detail?.split("\n")).toStrictEqual([
      'hooks[0].on: "task_done" matches no event type, so the hook never runs',
      "api (https://api.example.com/…): the URL in config.yml carries userinfo or a query; put it in a variable: webhook: ${NAME}",
      "f/work/hooks-outbox.jsonl: 2 undelivered events, retried by the next run, arm or unblock",
    ]);
    expect(JSON.stringify(c)).not.toMatch(/token=abc|u:p@/);
  });
});
