import { closestName } from "../config/closest-name.js";
import { SpecfuseError } from "../errors/specfuse-error.js";

// The flags every command accepts (cli.md §2); `-C`/`--cwd` take a value.
const GLOBAL_FLAGS = [
  "-h",
  "--help",
  "-V",
  "--version",
  "-C",
  "--cwd",
  "--json",
  "--color",
  "--no-color",
  "--verbose",
  "-q",
  "--quiet",
];

// A suggestion for a mistyped global flag: `-v` is the version or --verbose; long flags by edit distance.
function suggestion(flag: string): string | null {
  if (flag === "-v") return "-V for the version, or --verbose";
  if (!flag.startsWith("--")) return null;
  return closestName(
    flag,
    GLOBAL_FLAGS.filter((f) => f.startsWith("--")),
  );
}

// The usage error for the first unknown flag before any command (`specfuse --bogus`, `specfuse -v`), or null.
export function unknownOptionError(
  args: readonly string[],
): SpecfuseError | null {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (arg === "-C" || arg === "--cwd") {
      i++;
      continue;
    }
    if (!arg.startsWith("-")) return null;
    const flag = arg.split("=")[0] ?? arg;
    if (GLOBAL_FLAGS.includes(flag)) continue;
    const near = suggestion(flag);
    return new SpecfuseError({
      code: "usage",
      message: `unknown option '${flag}'${near === null ? "" : ` (did you mean ${near}?)`}`,
      hint: "run `specfuse --help` for the commands and global options",
    });
  }
  return null;
}
