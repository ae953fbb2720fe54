import { SpecfuseError } from "../errors/specfuse-error.js";

// Stops a writing command before its next write once a signal arrived (cli.md C-SIG-1: exit 130).
export function throwIfInterrupted(signal: AbortSignal, done: string): void {
  if (!signal.aborted) return;
  const name = typeof signal.reason === "string" ? signal.reason : "a signal";
  throw new SpecfuseError({
    code: "interrupted",
    message: `stopped by ${name} before the next write`,
    detail: done,
    hint: "check `git status` and `specfuse status`, then run the command again",
  });
}
