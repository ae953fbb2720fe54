// The genuine agent CLIs pinned in devDependencies (agents.md AG-TEST-2), run offline and bounded.
import { existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { runProcess } from "../../src/exec/run-process.js";
import type { ProcessResult } from "../../src/types/process-result.js";
import { PROJECT_ROOT } from "./run-cli.js";

/** A pinned CLI: its bin name under node_modules/.bin and the npm package that ships it. */
export interface RealCli {
  bin: string;
  pkg: string;
}

// Every agent CLI the npm registry carries; cursor-agent and aider are not there (cursor installs from its
// own site, aider from PyPI), so only their stand-ins test them.
export const REAL_CLIS = {
  claude: { bin: "claude", pkg: "@anthropic-ai/claude-code" },
  codex: { bin: "codex", pkg: "@openai/codex" },
  gemini: { bin: "gemini", pkg: "@google/gemini-cli" },
  opencode: { bin: "opencode", pkg: "opencode-ai" },
  amp: { bin: "amp", pkg: "@ampcode/cli" },
} as const satisfies Record<string, RealCli>;

// The installed bin, or null when `npm ci` did not install it (then the test is skipped, saying why).
export function realCliPath(cli: RealCli): string | null {
  const bin = path.join(PROJECT_ROOT, "node_modules", ".bin", cli.bin);
  return existsSync(bin) ? bin : null;
}

// A port nothing listens on: bound, then released.
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === "object" && address !== null ? address.port : 9;
}

// An environment with nothing of the user's: a temp HOME and XDG dirs, no credentials, no update checks.
export function isolatedEnv(home: string): Record<string, string> {
  const dirs = {
    XDG_CONFIG_HOME: path.join(home, ".config"),
    XDG_DATA_HOME: path.join(home, ".local", "share"),
    XDG_CACHE_HOME: path.join(home, ".cache"),
    XDG_STATE_HOME: path.join(home, ".local", "state"),
    CODEX_HOME: path.join(home, ".codex"),
    CLAUDE_CONFIG_DIR: path.join(home, ".claude"),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: home,
    ...dirs,
    CI: "1",
    NO_COLOR: "1",
    TERM: "dumb",
    DISABLE_AUTOUPDATER: "1",
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
    CLAUDE_CODE_MAX_RETRIES: "0",
    OPENCODE_DISABLE_AUTOUPDATE: "1",
    OPENCODE_DISABLE_MODELS_FETCH: "1",
    OPENCODE_DISABLE_LSP_DOWNLOAD: "1",
    OPENCODE_DISABLE_SHARE: "1",
    OPENCODE_DISABLE_DEFAULT_PLUGINS: "1",
    // opencode installs plugins with npm at start-up: point it at a closed port so the run stays offline
    npm_config_registry: "http://127.0.0.1:9",
  };
}

const TIMINGS = {
  killGraceMs: 1000,
  pipeWaitMs: 1000,
  orphanPipeMs: 2000,
  resultLingerMs: 5000,
};

// Runs a real CLI in its own process group, killed with its children at the cap (60 s by default).
export async function runRealCli(
  file: string,
  args: readonly string[],
  options: {
    cwd: string;
    env: Record<string, string>;
    stdin: string | null;
    capMs?: number;
  },
): Promise<ProcessResult> {
  return runProcess(
    { file, args, cwd: options.cwd, env: options.env, stdin: options.stdin },
    { timings: TIMINGS, wallClockMs: options.capMs ?? 60_000 },
  );
}

// What a CLI's own argument parser prints when it refuses our argv (clap, yargs, commander).
// opencode 1.18 prints only its yargs help (`opencode run [message..]`) and exits 1 on an unknown flag.
export const USAGE_ERROR =
  /unexpected argument|Unknown arguments?:|unknown option|unrecognized (option|argument)|Not enough arguments|Invalid values:|^opencode run \[message\.\.\]$/im;
