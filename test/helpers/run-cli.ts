import path from "node:path";
import { fileURLToPath } from "node:url";
import { execa } from "execa";

const ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
);

/** The outcome of one CLI run. */
export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Where and how to run the built CLI. */
export interface CliOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  bin?: "specfuse" | "specfuse-loop" | "specfuse-lint";
  timeoutMs?: number;
  input?: string;
}

// Runs a built bin shim as a user would (architecture.md A-TEST-4): no colour, CI line mode, no rejection.
export async function runCli(
  args: string[],
  options: CliOptions = {},
): Promise<CliRun> {
  const bin = path.join(ROOT, "bin", options.bin ?? "specfuse");
  const result = await execa(bin, args, {
    cwd: options.cwd ?? ROOT,
    env: { FORCE_COLOR: "0", NO_COLOR: "1", CI: "1", ...options.env },
    reject: false,
    timeout: options.timeoutMs ?? 30_000,
    input: options.input,
    stdin: options.input === undefined ? "ignore" : undefined,
  });
  return {
    exitCode: result.exitCode ?? -1,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

// Absolute path of a fixture agent script (test/fixtures/bin).
export function fixtureBin(name: string): string {
  return path.join(ROOT, "test", "fixtures", "bin", name);
}

// The repository root of this project.
export const PROJECT_ROOT = ROOT;
