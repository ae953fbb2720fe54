import type { Log } from "../output/log.js";
import type { TextSink } from "../output/streams.js";
import type { BinName, CommandName } from "./program.js";

// Commands that stop on their own at the next safe point after a signal; the others exit at once.
export const GRACEFUL: ReadonlySet<CommandName> = new Set([
  "run",
  "init",
  "upgrade",
  "log",
  "arm",
  "unblock",
  "new",
  "adopt",
  "abandon",
  "pr",
]);
// Commands whose `--json` output is wrapped in the envelope of cli.md C-JSON-1.
export const ENVELOPED: ReadonlySet<CommandName> = new Set([
  "init",
  "upgrade",
  "run",
  "status",
  "arm",
  "unblock",
  "doctor",
  "new",
  "adopt",
  "features",
  "abandon",
  "pr",
  "show",
  "report",
]);

/** One CLI invocation: its streams, its command once known, and its abort and cleanup state. */
export interface Invocation {
  bin: BinName;
  command: CommandName | null;
  isJson: boolean;
  isVerbose: boolean;
  stdout: TextSink;
  stderr: TextSink;
  log: Log;
  abort: AbortController;
  cleanup: Array<() => void>;
  /** `run --dry-run`: it writes nothing, so a signal ends it at once like a read-only command (D-DRY-1). */
  isDryRun?: boolean;
}
