import { SpecfuseError } from "../errors/specfuse-error.js";
import type { Context } from "../types/context.js";

/** Options of `specfuse log`. */
export type LogOptions = Record<string, unknown>;

// Placeholder until the command lands; says so and exits 64.
export async function log(_options: LogOptions, _ctx: Context): Promise<void> {
  throw new SpecfuseError({
    code: "usage",
    message: "`log` is not implemented in this build yet",
  });
}
