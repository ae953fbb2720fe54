import { readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import {
  featureTree,
  type FeatureInfo,
  type FeatureSpec,
} from "./feature-tree.js";
import { gitRepo, type GitRepo } from "./git-repo.js";
import { execa, type ResultPromise } from "execa";
import { fixtureBin, PROJECT_ROOT, runCli, type CliRun } from "./run-cli.js";
import { tempDir } from "./temp-dir.js";

/** A real repository holding one generated feature, and a way to drive it with a fake agent. */
export interface DriverRepo extends GitRepo {
  info: FeatureInfo;
  /** Absolute path of a file in the feature folder. */
  featurePath(file: string): string;
  read(rel: string): string;
  /** The fake agent's log lines (argv, env keys, stdin) of every dispatch so far. */
  agentLog(): Array<Record<string, unknown>>;
  /** Parsed events.jsonl lines. */
  events(): Array<{
    correlation_id: string;
    event_type: string;
    payload: Record<string, unknown>;
  }>;
  /** Runs a built bin in the repo with the fake agent and short grace periods. */
  run(args: string[], options?: RunWith): Promise<CliRun>;
  /** Starts a built bin without waiting, for signal and crash tests. */
  spawn(args: string[], options?: RunWith): ResultPromise;
}

/** How one run is made. */
export interface RunWith {
  /** The agent script (steps per attempt, or {units: {...}}); written to a file for agent-script. */
  script?: unknown;
  /** Another fixture agent than agent-script. */
  agent?: string;
  env?: Record<string, string | undefined>;
  bin?: "specfuse" | "specfuse-loop";
  timeoutMs?: number;
}

// Creates the repository with the feature committed on main.
export function driverRepo(
  spec: FeatureSpec,
  extra: Record<string, string> = {},
): DriverRepo {
  const { tree, info } = featureTree(spec);
  const repo = gitRepo({ ...tree, ...extra });
  const scratch = tempDir("specfuse-agent-");
  const logFile = path.join(scratch, "agent-log.jsonl");
  const scriptFile = path.join(scratch, "script.json");
  const envFor = (options: RunWith): Record<string, string | undefined> => ({
    ...repo.env,
    SPECFUSE_AGENT_CMD: fixtureBin(options.agent ?? "agent-script"),
    SPECFUSE_FAKE_AGENT_SCRIPT: scriptFile,
    SPECFUSE_FAKE_AGENT_LOG: logFile,
    SPECFUSE_TEST_TIMINGS: JSON.stringify({
      killGraceMs: 300,
      pipeWaitMs: 300,
      orphanPipeMs: 500,
      resultLingerMs: 500,
      signalRepeatMs: 300,
    }),
    ...options.env,
  });
  return {
    ...repo,
    info,
    featurePath: (file) => path.join(repo.dir, info.dir, file),
    read: (rel) => readFileSync(path.join(repo.dir, rel), "utf8"),
    agentLog: () =>
      existsSync(logFile)
        ? readFileSync(logFile, "utf8")
            .split("\n")
            .filter((l) => l !== "")
            .map((l) => JSON.parse(l) as Record<string, unknown>)
        : [],
    events: () => {
      const file = path.join(repo.dir, info.dir, "events.jsonl");
      if (!existsSync(file)) return [];
      return readFileSync(file, "utf8")
        .split("\n")
        .filter((l) => l.trim() !== "")
        .map(
          (l) =>
            JSON.parse(l) as {
              correlation_id: string;
              event_type: string;
              payload: Record<string, unknown>;
            },
        );
    },
    async run(args, options = {}) {
      if (options.script !== undefined)
        writeFileSync(scriptFile, JSON.stringify(options.script));
      return runCli(args, {
        cwd: repo.dir,
        bin: options.bin ?? "specfuse",
        timeoutMs: options.timeoutMs ?? 60_000,
        env: envFor(options),
      });
    },
    spawn(args, options = {}) {
      if (options.script !== undefined)
        writeFileSync(scriptFile, JSON.stringify(options.script));
      return execa(
        path.join(PROJECT_ROOT, "bin", options.bin ?? "specfuse"),
        args,
        {
          cwd: repo.dir,
          env: { FORCE_COLOR: "0", NO_COLOR: "1", CI: "1", ...envFor(options) },
          reject: false,
          stdin: "ignore",
          timeout: options.timeoutMs ?? 60_000,
        },
      );
    },
  };
}

// A step that writes one file and reports it, as a passing agent would.
export function writes(
  file: string,
  content = "done\n",
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    write: { [file]: content },
    result: {
      status: "complete",
      summary: `Wrote ${file}.`,
      files_changed: [file],
    },
    ...extra,
  };
}
