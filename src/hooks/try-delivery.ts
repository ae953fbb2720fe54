import type { StoredEvent } from "../events/event-types.js";
import type { ChildEnv } from "../exec/path-env.js";
import type { HookConfig } from "../types/config.js";
import type { Timings } from "../types/context.js";
import { isHttpUrl } from "../config/normalize-hooks.js";
import type { TryOutcome } from "./classify-try.js";
import { classifyPost } from "./classify-try.js";
import { signBody } from "./delivery-id.js";
import { hookEnv } from "./hook-env.js";
import { nextCommand } from "./notify-text.js";
import { postWebhook } from "./post-webhook.js";
import { chatText, webhookBody } from "./render-body.js";
import { runHookCommand } from "./run-hook-command.js";

/** What every try needs to know about the command and the feature. */
export interface TryContext {
  /** Every configured hook (their secrets are withheld from commands). */
  hooks: readonly HookConfig[];
  /** The repository root: hook commands run there. */
  root: string;
  /** `<F>`, repo-relative. */
  featureDir: string;
  featureId: string;
  /** The folder name, for the `--feature` of the next command. */
  featureName: string;
  env: Readonly<ChildEnv>;
  /** The agent backends' credential variables (`ANTHROPIC_*`, `CLAUDE_CODE_OAUTH_TOKEN`). */
  credentialEnv: readonly string[];
  timings: Pick<
    Timings,
    "killGraceMs" | "pipeWaitMs" | "orphanPipeMs" | "resultLingerMs"
  >;
  platform: NodeJS.Platform;
  /** The specfuse version, for the User-Agent. */
  version: string;
}

/** One event for one hook. */
export interface DeliveryJob {
  hook: HookConfig;
  /** The event line as appended, without its newline. */
  line: string;
  event: StoredEvent;
  delivery: string;
}

// `${NAME}` replaced from the environment; the first unset name makes it fail unsent (AU-HOOK-1, AU-HOOK-4).
export function resolveUrl(
  value: string,
  env: Readonly<ChildEnv>,
): { ok: true; url: URL } | { ok: false; detail: string } {
  let missing: string | null = null;
  const text = value.replace(/\$\{([^}]*)\}/g, (_m, name: string) => {
    const v = env[name];
    if (v === undefined || v === "") missing ??= name;
    return v ?? "";
  });
  if (missing !== null)
    return { ok: false, detail: `variable ${missing} is unset; not sent` };
  if (!isHttpUrl(text))
    return {
      ok: false,
      detail: "the webhook URL is not an http(s) URL; not sent",
    };
  return { ok: true, url: new URL(text) };
}

function notifyText(job: DeliveryJob, ctx: TryContext): string | null {
  if (job.hook.preset !== "notify") return null;
  return chatText(
    job.event,
    ctx.featureId,
    nextCommand(job.event, ctx.featureName),
  );
}

async function tryWebhook(
  job: DeliveryJob,
  ctx: TryContext,
  signal: AbortSignal,
): Promise<TryOutcome> {
  const hook = job.hook;
  const target = resolveUrl(hook.webhook ?? "", ctx.env);
  if (!target.ok) return { result: "failed", detail: target.detail };
  const text = notifyText(job, ctx) ?? chatText(job.event, ctx.featureId, null);
  const body = webhookBody(hook, job.line, text);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": `specfuse/${ctx.version}`,
    "x-specfuse-event": job.event.event_type,
    "x-specfuse-delivery": job.delivery,
  };
  if (hook.secret_env !== null) {
    const key = ctx.env[hook.secret_env];
    if (key === undefined || key === "")
      return {
        result: "failed",
        detail: `secret variable ${hook.secret_env} is unset; not sent`,
      };
    headers["x-specfuse-signature-256"] = signBody(key, body);
  }
  const timeoutMs = hook.timeout_seconds * 1000;
  return classifyPost(
    await postWebhook({ url: target.url, headers, body, timeoutMs, signal }),
    timeoutMs,
  );
}

// One try of one delivery: a POST, or a command with the line on stdin; never throws for the hook's failures.
export async function tryDelivery(
  job: DeliveryJob,
  ctx: TryContext,
  signal: AbortSignal,
): Promise<TryOutcome> {
  if (job.hook.webhook !== null) return tryWebhook(job, ctx, signal);
  const env = hookEnv({
    env: ctx.env,
    hooks: ctx.hooks,
    credentialEnv: ctx.credentialEnv,
    hook: job.hook.name,
    eventType: job.event.event_type,
    correlationId: job.event.correlation_id,
    featureDir: ctx.featureDir,
    delivery: job.delivery,
    notifyText: notifyText(job, ctx),
    platform: ctx.platform,
  });
  return runHookCommand({
    command: job.hook.run ?? "",
    cwd: ctx.root,
    env,
    stdin: `${job.line}\n`,
    timeoutMs: job.hook.timeout_seconds * 1000,
    timings: ctx.timings,
    signal,
    platform: ctx.platform,
  });
}
