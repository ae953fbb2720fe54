import { SpecfuseError } from "../errors/specfuse-error.js";
import type { Context } from "../types/context.js";

/** Options of `specfuse run`. */
export type RunOptions = Record<string, unknown>;

// Placeholder until the command lands; says so and exits 64.
export async function run(_options: RunOptions, _ctx: Context): Promise<void> {
  throw new SpecfuseError({
    code: "usage",
    message: "`run` is not implemented in this build yet",
  });
}
