import type { AgentResult, BackendTerminal, BackendUsage } from "../backend.js";
import { isRateLimitText, retryAfterFrom } from "./rate-limit.js";

// How much of stderr's end is read for rate-limit words when the run did not succeed (AG-RL-1).
export const STDERR_TAIL_CHARS = 4096;

/** What an adapter read from one run, before the shared rules of AG-RES-2 and AG-RL-1 apply. */
export interface ResultParts {
  finalText: string;
  /** From the event stream; `none` when it had no terminal event. */
  terminal: BackendTerminal;
  exitCode: number | null;
  stderr: string;
  usage?: BackendUsage;
  /** Only what the CLI reported. */
  costUsd?: number;
  sessionId?: string;
  model?: string;
  subtype?: string;
  /** Text of error events and of the error terminal. */
  errorText?: string;
  permissionDenials?: string[];
  /** A backend-specific rate-limit signal (gemini's quota error types, opencode's status codes). */
  isRateLimited?: boolean;
  /** The `command` backend's own pattern; `P` otherwise. */
  rateLimitPattern?: RegExp;
}

// The text rate limits are read from: error events and terminal, plus the stderr tail unless the run succeeded.
function signalText(parts: ResultParts): string {
  const tail =
    parts.terminal === "success" ? "" : parts.stderr.slice(-STDERR_TAIL_CHARS);
  return [parts.errorText ?? "", tail].filter((t) => t !== "").join("\n");
}

// Applies AG-RES-2 (exit code only without a terminal event) and AG-RL-1 (never a rate limit after success).
export function buildResult(parts: ResultParts): AgentResult {
  const isError =
    parts.terminal === "error" ||
    (parts.terminal === "none" && parts.exitCode !== 0);
  const text = signalText(parts);
  const isRateLimited =
    parts.terminal !== "success" &&
    (parts.isRateLimited === true ||
      isRateLimitText(text, parts.rateLimitPattern));
  const retryAfter = isRateLimited ? retryAfterFrom(text) : undefined;
  return {
    finalText: parts.finalText,
    isError,
    terminal: parts.terminal,
    usage: parts.usage ?? {},
    ...(parts.costUsd !== undefined ? { costUsd: parts.costUsd } : {}),
    costSource: parts.costUsd !== undefined ? "reported" : "none",
    ...(parts.sessionId !== undefined ? { sessionId: parts.sessionId } : {}),
    ...(parts.model !== undefined ? { model: parts.model } : {}),
    ...(parts.subtype !== undefined ? { subtype: parts.subtype } : {}),
    ...(parts.errorText !== undefined && parts.errorText !== ""
      ? { errorText: parts.errorText }
      : {}),
    isRateLimited,
    ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
    permissionDenials: parts.permissionDenials ?? [],
  };
}

// Adds two usages key by key; a key stays absent when neither side reported it.
export function addUsage(a: BackendUsage, b: BackendUsage): BackendUsage {
  const keys = [
    "input",
    "output",
    "cacheRead",
    "cacheWrite",
    "reasoning",
  ] as const;
  const sum: BackendUsage = {};
  for (const key of keys) {
    const x = a[key];
    const y = b[key];
    if (x !== undefined || y !== undefined) sum[key] = (x ?? 0) + (y ?? 0);
  }
  return sum;
}
