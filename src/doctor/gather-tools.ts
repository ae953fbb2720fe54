import { readConfig } from "../config/read-config.js";
import { runProcess } from "../exec/run-process.js";
import { createGit } from "../git/git.js";
import { isGitError } from "../git/git-error.js";
import type { Context } from "../types/context.js";
import {
  agentCommandOf,
  findExecutable,
} from "../workspace/find-executable.js";
import type { AgentFacts, GitFacts } from "./decide-tools.js";

// How long `<agent> --version` may take (cli.md C-DOCTOR-1).
export const AGENT_PROBE_SECONDS = 10;

// Asks git for its version, and whether `dir` is a work tree with a commit.
export async function gatherGit(ctx: Context, dir: string): Promise<GitFacts> {
  const git = createGit({ env: ctx.env });
  let versionOutput: string | null;
  try {
    versionOutput = (await git.run(dir, ["--version"])).stdout;
  } catch (error) {
    if (!isGitError(error)) throw error;
    return { versionOutput: null, dir, isRepo: null, hasCommits: false };
  }
  try {
    const prefix = await git.workTreePrefix(dir);
    if (prefix === null)
      return { versionOutput, dir, isRepo: false, hasCommits: false };
    return {
      versionOutput,
      dir,
      isRepo: true,
      hasCommits: await git.hasHead(dir),
    };
  } catch (error) {
    if (!isGitError(error)) throw error;
    return { versionOutput, dir, isRepo: null, hasCommits: false };
  }
}

// Resolves the agent as `run` would (driver D-DISP-7) and runs `--version` with a 10 s limit, saying so on stderr.
export async function gatherAgent(
  ctx: Context,
  root: string | null,
): Promise<AgentFacts> {
  let configCommand: string | null = null;
  if (root !== null) {
    try {
      configCommand = (await readConfig(root)).config.agent.command;
    } catch {
      configCommand = null; // the config check reports it
    }
  }
  const fromEnv = (ctx.env.SPECFUSE_AGENT_CMD ?? "").trim() !== "";
  const command = agentCommandOf(ctx.env, configCommand);
  const source = fromEnv
    ? "SPECFUSE_AGENT_CMD"
    : configCommand !== null && configCommand.trim() !== ""
      ? "config agent.command"
      : "default";
  const cwd = root ?? ctx.cwd;
  const path = findExecutable(command, ctx.env, cwd);
  const facts: AgentFacts = {
    command,
    source,
    path,
    probe: null,
    limitSeconds: AGENT_PROBE_SECONDS,
  };
  if (path === null) return facts;
  ctx.log.info(
    `checking the agent: ${path} --version (up to ${AGENT_PROBE_SECONDS} s)…`,
  );
  facts.probe = await runProcess(
    { file: path, args: ["--version"], cwd, env: ctx.env, stdin: null },
    {
      timings: ctx.timings,
      wallClockMs: AGENT_PROBE_SECONDS * 1000,
      signal: ctx.signal,
    },
  );
  return facts;
}
