import { urlVariables } from "../config/normalize-hooks.js";
import type { HookConfig } from "../types/config.js";

// How output names a hook (AU-HOOK-11): a command by name only, a webhook as `<scheme>://<host>/…` (never its path, query or userinfo).
export function displayHook(
  hook: Pick<HookConfig, "name" | "webhook">,
): string {
  if (hook.webhook === null) return hook.name;
  const vars = urlVariables(hook.webhook);
  if (vars.length > 0)
    return `${hook.name} (${vars.map((v) => `\${${v}}`).join(", ")})`;
  try {
    const url = new URL(hook.webhook);
    return `${hook.name} (${url.protocol}//${url.host}/…)`;
  } catch {
    return hook.name;
  }
}
