import { SpecfuseError } from "../errors/specfuse-error.js";
import type { Context } from "../types/context.js";

/** Options of `specfuse arm`. */
export type ArmOptions = Record<string, unknown>;

// Placeholder until the command lands; says so and exits 64.
export async function arm(_options: ArmOptions, _ctx: Context): Promise<void> {
  throw new SpecfuseError({
    code: "usage",
    message: "`arm` is not implemented in this build yet",
  });
}
