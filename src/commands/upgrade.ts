import { SpecfuseError } from "../errors/specfuse-error.js";
import type { Context } from "../types/context.js";

/** Options of `specfuse upgrade`. */
export type UpgradeOptions = Record<string, unknown>;

// Placeholder until the command lands; says so and exits 64.
export async function upgrade(
  _options: UpgradeOptions,
  _ctx: Context,
): Promise<void> {
  throw new SpecfuseError({
    code: "usage",
    message: "`upgrade` is not implemented in this build yet",
  });
}
