import { SpecfuseError } from "../errors/specfuse-error.js";
import type { Context } from "../types/context.js";

/** Options of `specfuse lint`. */
export type LintOptions = Record<string, unknown>;

// Placeholder until the command lands; says so and exits 64.
export async function lint(
  _options: LintOptions,
  _ctx: Context,
): Promise<void> {
  throw new SpecfuseError({
    code: "usage",
    message: "`lint` is not implemented in this build yet",
  });
}
