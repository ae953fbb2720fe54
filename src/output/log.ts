import { makePaint, type Paint } from "./color.js";
import type { TextSink } from "./streams.js";
import { renderError } from "../errors/render-error.js";
import type { SpecfuseError } from "../errors/specfuse-error.js";

/** Diagnostics on stderr: warnings, errors, info lines and `--verbose` detail. */
export interface Log {
  paint: Paint;
  sink: TextSink;
  isVerbose: boolean;
  isQuiet: boolean;
  /** An informational line; suppressed by --quiet. */
  info(text: string): void;
  /** `warning[code]: message`, or a bare line when no code is given. */
  warn(message: string, code?: string): void;
  /** A rendered SpecfuseError. */
  error(error: SpecfuseError): void;
  /** Detail shown only with --verbose. */
  debug(text: string): void;
  /** Writes text as is to stderr. */
  raw(text: string): void;
}

// Builds the stderr writer for one invocation.
export function createLog(
  sink: TextSink,
  options: { isColor: boolean; isVerbose: boolean; isQuiet: boolean },
): Log {
  const paint = makePaint(options.isColor);
  const line = (text: string) =>
    sink.write(text.endsWith("\n") ? text : `${text}\n`);
  return {
    paint,
    sink,
    isVerbose: options.isVerbose,
    isQuiet: options.isQuiet,
    info(text) {
      if (!options.isQuiet) line(text);
    },
    warn(message, code) {
      line(
        code === undefined
          ? `${paint.yellow("warning")}: ${message}`
          : `${paint.yellow(`warning[${code}]`)}: ${message}`,
      );
    },
    error(error) {
      sink.write(renderError(error, paint));
    },
    debug(text) {
      if (options.isVerbose) line(paint.dim(text));
    },
    raw(text) {
      sink.write(text);
    },
  };
}
