import { completionModel } from "../cli/completion-model.js";
import {
  renderCompletion,
  SHELLS,
  type Shell,
} from "../cli/completion-script.js";
import { SpecfuseError } from "../errors/specfuse-error.js";
import type { Context } from "../types/context.js";

/** Options of `specfuse completion` (issue 17 point 11). */
export interface CompletionOptions {
  /** `bash`, `zsh` or `fish`. */
  shell?: string;
}

// `specfuse completion <shell>`: the completion script for the shell, generated from the command registry.
export async function completion(
  options: CompletionOptions,
  ctx: Context,
): Promise<void> {
  const shell = options.shell ?? "";
  if (!(SHELLS as readonly string[]).includes(shell))
    throw new SpecfuseError({
      code: "usage",
      message: `no completion for shell "${shell}"`,
      hint: `use one of: ${SHELLS.join(", ")}`,
    });
  // The registry module is loaded only here, so other commands keep their lazy start-up.
  const { buildProgram } = await import("../cli/program.js");
  const program = buildProgram("specfuse", ctx.version, async () => undefined);
  ctx.out.raw(renderCompletion(shell as Shell, completionModel(program)));
}
