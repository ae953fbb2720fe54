import type { ProcessResult } from "../types/process-result.js";
import { check, type Check } from "./check.js";

/** A dotted version as three numbers, or null when none is found in the text. */
export function versionTriple(text: string): [number, number, number] | null {
  const m = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  return m === null ? null : [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
}

function atLeast(
  v: [number, number, number],
  min: [number, number, number],
): boolean {
  for (let i = 0; i < 3; i++)
    if (v[i] !== min[i]) return (v[i] ?? 0) > (min[i] ?? 0);
  return true;
}

// `node`: Node 20.19 or newer (package.json engines); pure.
export function nodeCheck(nodeVersion: string): Check {
  const v = versionTriple(nodeVersion);
  if (v !== null && atLeast(v, [20, 19, 0]))
    return check("node", "ok", `Node ${nodeVersion}`);
  return check("node", "fail", `Node ${nodeVersion} is older than 20.19`, {
    hint: "install Node 20.19 or newer (e.g. `nvm install 22`)",
  });
}

/** What was learned about git. */
export interface GitFacts {
  /** `git --version` output, or null when git could not be run. */
  versionOutput: string | null;
  /** Where the repository question was asked (the workspace root, or the cwd without one). */
  dir: string;
  /** null: git could not answer; false: not a work tree. */
  isRepo: boolean | null;
  hasCommits: boolean;
}

// `git`: git 2.28 or newer, and the root is a repository with commits; pure.
export function gitCheck(f: GitFacts): Check {
  if (f.versionOutput === null)
    return check("git", "fail", "git is not installed or not on PATH", {
      hint: "install git 2.28 or newer",
    });
  const v = versionTriple(f.versionOutput);
  const shown = v === null ? f.versionOutput.trim() : v.join(".");
  if (v === null || !atLeast(v, [2, 28, 0]))
    return check("git", "fail", `git ${shown} is older than 2.28`, {
      hint: "install git 2.28 or newer",
    });
  if (f.isRepo !== true)
    return check(
      "git",
      "fail",
      `git ${shown}; ${f.dir} is not inside a git work tree`,
      {
        code: "not_git_repo",
        hint: 'git init && git add -A && git commit -m "initial commit"',
      },
    );
  if (!f.hasCommits)
    return check(
      "git",
      "fail",
      `git ${shown}; the repository has no commits yet`,
      {
        code: "no_commits",
        hint: 'make a first commit: git add -A && git commit -m "initial commit"',
      },
    );
  return check("git", "ok", `git ${shown}; repository with commits`);
}

/** What was learned about the agent executable. */
export interface AgentFacts {
  /** The command before lookup, and where it came from. */
  command: string;
  source: "SPECFUSE_AGENT_CMD" | "config agent.command" | "default";
  /** The resolved path, or null when it does not resolve. */
  path: string | null;
  /** `--version`, when it ran. */
  probe: ProcessResult | null;
  limitSeconds: number;
}

// `agent`: the executable resolves (driver D-DISP-7) and answers `--version` in time; pure.
export function agentCheck(f: AgentFacts): Check {
  const from = f.source === "default" ? "the default" : f.source;
  if (f.path === null)
    return check(
      "agent",
      "fail",
      `agent "${f.command}" (${from}) was not found`,
      {
        code: "agent_not_found",
        detail: f.command.includes("/")
          ? "no executable file at that path"
          : "not on PATH",
        hint: "install Claude Code (`claude`) and log in, or point SPECFUSE_AGENT_CMD (or agent.command in .specfuse/config.yml) at the agent executable",
      },
    );
  const p = f.probe;
  if (p === null || p.timedOut)
    return check(
      "agent",
      "fail",
      `${f.path} --version did not answer within ${f.limitSeconds} s`,
      {
        hint: "run it by hand to see what it waits for (a login prompt, an update)",
      },
    );
  if (p.failed) {
    const tail = firstLine(p.stderr) ?? firstLine(p.stdout);
    return check(
      "agent",
      "fail",
      `${f.path} --version failed (${p.shortMessage})`,
      {
        detail: tail,
        hint: "run it by hand; reinstall or log in to the agent CLI",
      },
    );
  }
  const version = firstLine(p.stdout) ?? "(no output)";
  return check("agent", "ok", `${version} (${f.path}, from ${from})`);
}

function firstLine(text: string): string | null {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  return lines[0] ?? null;
}
