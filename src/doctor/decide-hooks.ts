import { urlVariables } from "../config/normalize-hooks.js";
import type { ConfigLoad } from "../config/normalize-config.js";
import { displayHook } from "../hooks/display-hook.js";
import type { HookConfig } from "../types/config.js";
import { check, type Check } from "./check.js";
import type { Outcome } from "./decide-workspace.js";

/** What the `hooks` check looks at (audit.md AU-HOOK-11). */
export interface HooksFacts {
  config: Outcome<ConfigLoad>;
  env: Readonly<Record<string, string | undefined>>;
  /** Each feature's outbox with undelivered entries: display path and count. */
  outboxes: ReadonlyArray<{ file: string; entries: number }>;
}

// The variables a hook needs that the environment lacks (a webhook's `${NAME}`, its `secret_env`).
function unsetVariables(hook: HookConfig, env: HooksFacts["env"]): string[] {
  const names = [
    ...(hook.webhook === null ? [] : urlVariables(hook.webhook)),
    ...(hook.secret_env === null ? [] : [hook.secret_env]),
  ];
  return names.filter((n) => env[n] === undefined || env[n] === "");
}

// A literal URL that carries credentials into git: userinfo or a query string.
function hasSecretInUrl(hook: HookConfig): boolean {
  if (hook.webhook === null || urlVariables(hook.webhook).length > 0)
    return false;
  try {
    const url = new URL(hook.webhook);
    return url.username !== "" || url.password !== "" || url.search !== "";
  } catch {
    return false;
  }
}

// `hooks`: invalid hooks or unset variables fail; a non-empty outbox, an `on` matching nothing or a literal URL with userinfo or a query warn; pure.
export function hooksCheck(facts: HooksFacts): Check {
  if (!facts.config.ok) {
    const e = facts.config.error;
    if (!/\bhooks\b/.test(`${e.message}\n${e.detail ?? ""}`))
      return check(
        "hooks",
        "skip",
        "config.yml does not validate; see the config check",
      );
    return check("hooks", "fail", e.message, {
      code: e.code,
      detail: e.detail ?? null,
      hint: e.hint ?? null,
    });
  }
  const hooks = facts.config.value.config.hooks;
  const unset = hooks.flatMap((h) =>
    unsetVariables(h, facts.env).map(
      (n) => `${displayHook(h)}: ${n} is not set`,
    ),
  );
  if (unset.length > 0)
    return check(
      "hooks",
      "fail",
      `${unset.length} variable${unset.length === 1 ? "" : "s"} a hook reads ${unset.length === 1 ? "is" : "are"} not set`,
      {
        code: "config_invalid",
        detail: unset.join("\n"),
        hint: "export the variables in the environment specfuse runs in (keep URLs and keys out of git)",
      },
    );
  const notes = [
    ...facts.config.value.warnings
      .filter((w) => w.code === "hook_event_unknown")
      .map((w) => w.message),
    ...hooks
      .filter(hasSecretInUrl)
      .map(
        (h) =>
          `${displayHook(h)}: the URL in config.yml carries userinfo or a query; put it in a variable: webhook: \${NAME}`,
      ),
    ...facts.outboxes.map(
      (o) =>
        `${o.file}: ${o.entries} undelivered event${o.entries === 1 ? "" : "s"}, retried by the next run, arm or unblock`,
    ),
  ];
  const names = hooks.map(displayHook).join(", ");
  const summary =
    hooks.length === 0
      ? "no hooks configured"
      : `${hooks.length} hook${hooks.length === 1 ? "" : "s"}: ${names}`;
  if (notes.length > 0)
    return check("hooks", "warn", summary, {
      detail: notes.join("\n"),
      hint: "see the detail; `<F>/work/hooks.log` records each failed delivery",
    });
  return check("hooks", "ok", summary);
}
