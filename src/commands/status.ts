import { SpecfuseError } from "../errors/specfuse-error.js";
import type { Context } from "../types/context.js";

/** Options of `specfuse status`. */
export type StatusOptions = Record<string, unknown>;

// Placeholder until the command lands; says so and exits 64.
export async function status(
  _options: StatusOptions,
  _ctx: Context,
): Promise<void> {
  throw new SpecfuseError({
    code: "usage",
    message: "`status` is not implemented in this build yet",
  });
}
