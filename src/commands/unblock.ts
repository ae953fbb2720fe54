import { SpecfuseError } from "../errors/specfuse-error.js";
import type { Context } from "../types/context.js";

/** Options of `specfuse unblock`. */
export type UnblockOptions = Record<string, unknown>;

// Placeholder until the command lands; says so and exits 64.
export async function unblock(
  _options: UnblockOptions,
  _ctx: Context,
): Promise<void> {
  throw new SpecfuseError({
    code: "usage",
    message: "`unblock` is not implemented in this build yet",
  });
}
