import { exitCodeFor } from "../errors/codes.js";
import { errorToJson } from "../errors/render-error.js";
import { isSpecfuseError, SpecfuseError } from "../errors/specfuse-error.js";
import { EXIT } from "./exit-codes.js";
import { ENVELOPED, type Invocation } from "./invocation.js";

// Renders any failure once (text on stderr, the JSON envelope on stdout under --json) and returns the exit code.
export function handleFailure(inv: Invocation, error: unknown): number {
  if (isSpecfuseError(error)) {
    const code = exitCodeFor(error.code);
    const command = inv.command;
    if (inv.isJson && command !== null && ENVELOPED.has(command)) {
      const schema = error.schema ?? `specfuse.${command}/1`;
      inv.stdout.write(
        `${JSON.stringify({ schema, exit_code: code, error: errorToJson(error), ...(error.body ?? {}) }, null, 2)}\n`,
      );
    }
    if (!error.reported) inv.log.error(error);
    // A reported error (lint findings, …) was already explained in full: no stack, even with --verbose.
    if (inv.isVerbose && !error.reported && error.stack !== undefined)
      inv.stderr.write(`${error.stack}\n`);
    return code;
  }
  const err = error instanceof Error ? error : new Error(String(error));
  if (inv.command === "lint") {
    inv.stderr.write(`specfuse-lint: internal error: ${err.message}\n`);
    if (inv.isVerbose && err.stack !== undefined)
      inv.stderr.write(`${err.stack}\n`);
    return EXIT.halted;
  }
  const internal = new SpecfuseError({
    code: "internal_error",
    message: `${err.message} (this is a bug in specfuse)`,
    hint: "please report it with the output of `specfuse doctor --json`",
    cause: err,
  });
  if (inv.isJson && inv.command !== null && ENVELOPED.has(inv.command)) {
    const body = {
      schema: `specfuse.${inv.command}/1`,
      exit_code: EXIT.internal,
      error: errorToJson(internal),
    };
    inv.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
  }
  inv.log.error(internal);
  inv.stderr.write(`${err.stack ?? err.message}\n`);
  return EXIT.internal;
}
