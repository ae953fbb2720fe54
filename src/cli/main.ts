import { EXIT } from "./exit-codes.js";
import type { BinName } from "./program.js";
import { processSinks } from "../output/streams.js";
import { VERSION } from "./version.js";

// The single entry point of every bin; the only place that exits (architecture.md §4.3). It loads only
// what `--version` needs; everything else (commander, the registry, the command) is imported on demand,
// so the bundle's entry chunk stays small (docs/build.md).
export async function main(
  argv: string[],
  options: { bin?: BinName } = {},
): Promise<void> {
  const bin = options.bin ?? "specfuse";
  const { stdout, stderr } = processSinks();
  const exit = async (code: number): Promise<never> => {
    await Promise.all([stdout.flush(), stderr.flush()]);
    process.exit(code);
  };
  if (isVersionRequest(bin === "specfuse" ? argv : argv.slice(1))) {
    stdout.write(`${VERSION}\n`);
    return exit(EXIT.ok);
  }
  let code: number;
  try {
    const { runInvocation } = await import("./run-invocation.js");
    code = await runInvocation({ bin, argv, stdout, stderr, exit });
  } catch (error) {
    // Only a broken install gets here: runInvocation renders every failure of a command itself.
    stderr.write(`${bin}: internal error: ${String(error)}\n`);
    code = EXIT.internal;
  }
  return exit(code);
}

// `--version` or `-V` alone: answered before commander loads, with exactly commander's output.
function isVersionRequest(args: string[]): boolean {
  return args.length === 1 && (args[0] === "--version" || args[0] === "-V");
}
