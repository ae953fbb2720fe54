import { SpecfuseError } from "../errors/specfuse-error.js";
import type { Context } from "../types/context.js";

/** Options of `specfuse doctor`. */
export type DoctorOptions = Record<string, unknown>;

// Placeholder until the command lands; says so and exits 64.
export async function doctor(
  _options: DoctorOptions,
  _ctx: Context,
): Promise<void> {
  throw new SpecfuseError({
    code: "usage",
    message: "`doctor` is not implemented in this build yet",
  });
}
