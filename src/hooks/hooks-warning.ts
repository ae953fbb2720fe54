import type { HookSummary } from "./dispatcher.js";

// The code of the one warning a command ends with after a hook failure (AU-HOOK-10).
export const HOOKS_FAILED = "hooks_failed";

// `<n> failed, <q> queued; see <F>/work/hooks.log`, or null when nothing failed (AU-HOOK-10); print it with `ctx.log.warn(text, HOOKS_FAILED)`.
export function hooksWarning(
  summary: HookSummary,
  featureDir: string,
): string | null {
  if (summary.failed === 0) return null;
  return `${summary.failed} failed, ${summary.queued} queued; see ${featureDir}/work/hooks.log`;
}
