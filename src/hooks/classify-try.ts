import type { ProcessResult } from "../types/process-result.js";
import type { PostResult } from "./post-webhook.js";

/** How one delivery try ended (AU-HOOK-6): `failed` is retried, `rejected` never is. */
export type TryOutcome =
  | { result: "delivered"; detail: string }
  | { result: "failed"; detail: string }
  | { result: "rejected"; detail: string };

const STDERR_CHARS = 200;

// An HTTP status: 2xx delivered; 408, 429 and 5xx failed (retried); anything else, redirects included, rejected.
export function classifyStatus(status: number): TryOutcome {
  const detail = `HTTP ${status}`;
  if (status >= 200 && status < 300) return { result: "delivered", detail };
  if (status === 408 || status === 429 || status >= 500)
    return { result: "failed", detail };
  return { result: "rejected", detail };
}

// A POST's result; timeouts and network errors are failures.
export function classifyPost(r: PostResult, timeoutMs: number): TryOutcome {
  if (r.kind === "status") return classifyStatus(r.status);
  if (r.kind === "timeout")
    return { result: "failed", detail: `timeout after ${timeoutMs / 1000} s` };
  return { result: "failed", detail: `error ${r.code}` };
}

// The last 200 characters of stderr on one line, for hooks.log (AU-HOOK-9).
export function stderrTail(text: string): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length > STDERR_CHARS ? one.slice(-STDERR_CHARS) : one;
}

// A hook command's result: exit 0 delivers; a non-zero exit, a timeout (the group is killed) or a spawn error fails.
export function classifyProcess(
  r: ProcessResult,
  timeoutMs: number,
): TryOutcome {
  const tail = stderrTail(r.stderr);
  const withTail = (d: string) => (tail === "" ? d : `${d}; stderr: ${tail}`);
  if (r.spawnError !== null)
    return { result: "failed", detail: `error ${r.spawnError}` };
  if (r.timedOut)
    return {
      result: "failed",
      detail: withTail(`timeout after ${timeoutMs / 1000} s`),
    };
  if (r.canceled) return { result: "failed", detail: "killed" };
  if (r.exitCode === 0 && !r.failed)
    return { result: "delivered", detail: "exit 0" };
  return {
    result: "failed",
    detail: withTail(
      r.exitCode === null ? `signal ${r.signal ?? "?"}` : `exit ${r.exitCode}`,
    ),
  };
}
