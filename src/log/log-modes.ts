import { SpecfuseError } from "../errors/specfuse-error.js";

/** The flags that pick what `log` does (cli.md §3.7, audit.md AU-VER-2/3). */
export interface LogModeFlags {
  verify?: boolean;
  export?: string;
  follow?: boolean;
  json?: boolean;
  wu?: string;
  type?: string;
  since?: string;
  limit?: number;
}

function usage(message: string, hint: string): SpecfuseError {
  return new SpecfuseError({ code: "usage", message, hint });
}

// Which of print, follow, verify and export the flags ask for; 64 on a mix `log` cannot honour (AU-VER-3); pure.
export function logMode(
  flags: LogModeFlags,
): "print" | "follow" | "verify" | "export" {
  const modes = [
    flags.verify === true ? "--verify" : null,
    flags.export !== undefined ? "--export" : null,
    flags.follow === true ? "--follow" : null,
  ].filter((m) => m !== null);
  if (modes.length > 1)
    throw usage(
      `${modes.join(" and ")} exclude one another`,
      "run `specfuse log --verify` and `specfuse log --export csv` separately",
    );
  if (flags.export !== undefined && flags.json === true)
    throw usage(
      "--export writes its own format; --json does not apply",
      "use `specfuse log --export jsonl` for JSON lines",
    );
  if (flags.verify === true) {
    const filters = (["wu", "type", "since", "limit"] as const).filter(
      (k) => flags[k] !== undefined,
    );
    if (filters.length > 0)
      throw usage(
        `--verify checks whole files; --${filters.join(", --")} do not apply`,
        "specfuse log --verify [--feature <name>]",
      );
    return "verify";
  }
  if (flags.export !== undefined) return "export";
  return flags.follow === true ? "follow" : "print";
}
