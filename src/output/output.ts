import { makePaint, type Paint } from "./color.js";
import type { TextSink } from "./streams.js";

/** The product channel (stdout), plus the narration channel that `--json` moves to stderr. */
export interface Output {
  paint: Paint;
  sink: TextSink;
  /** Writes lines of product to stdout. */
  result(text: string): void;
  /** Writes one JSON document and a newline to stdout. */
  json(value: unknown): void;
  /** Writes text as is to stdout (NDJSON, reports with their own newlines). */
  raw(text: string): void;
}

// Builds the stdout writer for one invocation.
export function createOutput(sink: TextSink, isColor: boolean): Output {
  return {
    paint: makePaint(isColor),
    sink,
    result(text) {
      sink.write(text.endsWith("\n") ? text : `${text}\n`);
    },
    json(value) {
      sink.write(`${JSON.stringify(value, null, 2)}\n`);
    },
    raw(text) {
      sink.write(text);
    },
  };
}
