import { urlVariables } from "../config/normalize-hooks.js";
import type { ChildEnv } from "../exec/path-env.js";
import type { HookConfig } from "../types/config.js";

/** What a hook command's environment is built from (AU-HOOK-3). */
export interface HookEnvInput {
  /** The driver's own environment. */
  env: Readonly<ChildEnv>;
  /** Every configured hook: each `secret_env` and webhook `${NAME}` is withheld from every command. */
  hooks: readonly HookConfig[];
  /** The agent backends' credential variables (`ANTHROPIC_*` globs allowed). */
  credentialEnv: readonly string[];
  hook: string;
  eventType: string;
  correlationId: string;
  featureDir: string;
  delivery: string;
  /** `notify` hooks: the text a human reads. */
  notifyText: string | null;
  platform: NodeJS.Platform;
}

const ALWAYS_REMOVED = ["CLAUDECODE", "SPECFUSE_AGENT_CMD"];

// The driver's environment minus the agent's and the hooks' secrets, plus the SPECFUSE_* event variables (AU-HOOK-3); pure.
export function hookEnv(input: HookEnvInput): ChildEnv {
  const fold = (k: string) =>
    input.platform === "win32" ? k.toUpperCase() : k;
  const exact = new Set(
    [
      ...ALWAYS_REMOVED,
      ...input.credentialEnv.filter((n) => !n.endsWith("*")),
      ...input.hooks.flatMap((h) =>
        h.secret_env === null ? [] : [h.secret_env],
      ),
      ...input.hooks.flatMap((h) =>
        h.webhook === null ? [] : urlVariables(h.webhook),
      ),
    ].map(fold),
  );
  const prefixes = input.credentialEnv
    .filter((n) => n.endsWith("*"))
    .map((n) => fold(n.slice(0, -1)));
  const kept: ChildEnv = {};
  for (const [k, v] of Object.entries(input.env)) {
    const key = fold(k);
    if (
      v === undefined ||
      exact.has(key) ||
      prefixes.some((p) => key.startsWith(p))
    )
      continue;
    kept[k] = v;
  }
  return {
    ...kept,
    SPECFUSE_EVENT_TYPE: input.eventType,
    SPECFUSE_CORRELATION_ID: input.correlationId,
    SPECFUSE_FEATURE_DIR: input.featureDir,
    SPECFUSE_HOOK: input.hook,
    SPECFUSE_DELIVERY: input.delivery,
    ...(input.notifyText === null
      ? {}
      : { SPECFUSE_NOTIFY_TEXT: input.notifyText }),
  };
}
