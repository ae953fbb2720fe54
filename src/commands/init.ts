import { SpecfuseError } from "../errors/specfuse-error.js";
import type { Context } from "../types/context.js";

/** Options of `specfuse init`. */
export type InitOptions = Record<string, unknown>;

// Placeholder until the command lands; says so and exits 64.
export async function init(
  _options: InitOptions,
  _ctx: Context,
): Promise<void> {
  throw new SpecfuseError({
    code: "usage",
    message: "`init` is not implemented in this build yet",
  });
}
