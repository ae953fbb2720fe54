import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claudeArgs } from "../../src/agent/adapters/claude.js";
import { resolveBackendSettings } from "../../src/agent/adapters/backend-settings.js";
import { createBackend } from "../../src/agent/adapters/index.js";
import type { BackendPlace } from "../../src/agent/backend.js";
import { defaultConfig } from "../../src/config/normalize-config.js";
import type { ProcessResult } from "../../src/types/process-result.js";
import { gitRepo } from "../helpers/git-repo.js";
import {
  closedPort,
  isolatedEnv,
  REAL_CLIS,
  realCliPath,
  runRealCli,
  USAGE_ERROR,
} from "../helpers/real-cli.js";

type Name = keyof typeof REAL_CLIS;
interface Case {
  args: string[];
  stdin: string | null;
  env: Record<string, string>;
}

const UNIT = { id: "f/T01", effort: "max", isUnsandboxed: false };
let home = "";
let port = 0;

// The exact argv and environment the adapter builds, with every endpoint on a closed 127.0.0.1 port.
function caseFor(name: Name, place: BackendPlace): Case {
  const url = `http://127.0.0.1:${port}`;
  const endpoints = {
    ANTHROPIC_BASE_URL: url,
    OPENAI_BASE_URL: `${url}/v1`,
    GOOGLE_GEMINI_BASE_URL: url,
    AMP_URL: url,
    // amp asks for a login code on stdin without a key: a dummy key makes it try the (closed) server
    AMP_API_KEY: "offline",
  };
  if (name === "claude")
    return {
      args: claudeArgs(
        { model: "sonnet", effort: "medium", isUnsandboxed: false },
        { permissionMode: "acceptEdits", disallowedTools: [] },
      ),
      stdin: "Say hello.",
      env: endpoints,
    };
  const agent = defaultConfig().agent;
  const settings = resolveBackendSettings(agent, name);
  // codex: the user's provider block (args_extra) points it at the closed port with no retries
  const argsExtra =
    name === "codex"
      ? [
          "-c",
          "model_provider=local",
          "-c",
          `model_providers.local={name="local", base_url="${url}/v1", wire_api="responses", request_max_retries=0, stream_max_retries=0}`,
        ]
      : [];
  const models: Record<string, string> = {
    codex: "gpt-5.5",
    gemini: "gemini-2.5-flash",
    opencode: "local/m",
    amp: "x",
  };
  const invocation = createBackend(name, {
    ...settings,
    argsExtra,
  } as never).buildInvocation(
    { ...UNIT, model: models[name] ?? null },
    "Say hello.",
    place,
  );
  return {
    args: invocation.args,
    stdin: invocation.stdin,
    env: { ...endpoints, ...invocation.env },
  };
}

const runs = new Map<string, Promise<ProcessResult>>();

// Each CLI runs once on our argv and once with a bogus flag added (the negative control), all at once.
function start(
  name: Name,
  cwd: string,
  isBogus: boolean,
): Promise<ProcessResult> {
  const file = realCliPath(REAL_CLIS[name]);
  if (file === null) throw new Error("not installed");
  const place: BackendPlace = {
    cwd,
    workDir: path.join(home, "work"),
    attempt: 1,
    home,
  };
  const c = caseFor(name, place);
  const args = isBogus
    ? [...c.args.slice(0, -1), "--no-such-flag-xyz", ...c.args.slice(-1)]
    : c.args;
  // codex waits for the network forever ("Reconnecting... waiting for network"); its first events prove the parse
  return runRealCli(file, args, {
    cwd,
    env: { ...isolatedEnv(home), ...c.env },
    stdin: c.stdin,
    capMs: name === "codex" ? 15_000 : 60_000,
  });
}

const NAMES = Object.keys(REAL_CLIS) as Name[];
const installed = NAMES.filter((n) => realCliPath(REAL_CLIS[n]) !== null);

describe("real CLIs parse the argv we build (agents.md AG-TEST-2), offline", () => {
  beforeAll(async () => {
    home = mkdtempSync(path.join(tmpdir(), "specfuse-real-argv-"));
    port = await closedPort();
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it("every pinned CLI is installed by npm ci", () => {
    // amp's wrapper needs its platform package; the others ship a native or JS bin
    expect(installed).toStrictEqual(NAMES);
  });

  it.concurrent.each(installed)(
    "%s accepts our argv; a bogus flag is refused by the same harness",
    async (name) => {
      const repo = gitRepo();
      const key = (b: boolean) => `${name}:${b}`;
      for (const isBogus of [false, true])
        runs.set(key(isBogus), start(name, repo.dir, isBogus));
      const [ours, bogus] = await Promise.all([
        runs.get(key(false)),
        runs.get(key(true)),
      ]);
      const output = (r: ProcessResult | undefined) =>
        `${r?.stdout ?? ""}\n${r?.stderr ?? ""}`;
      expect(output(ours)).not.toMatch(USAGE_ERROR);
      expect(ours?.exitCode).not.toBe(2);
      const hasStarted = /"type":"thread\.started"/.test(ours?.stdout ?? "");
      expect(ours?.timedOut === false || hasStarted).toBe(true);
      expect(output(bogus)).toMatch(USAGE_ERROR);
    },
    90_000,
  );
});

describe("real CLIs list the flags the adapters emit (agents.md AG-DOC-1 probe)", () => {
  const probed = installed.filter(
    (n): n is Exclude<Name, "claude"> => n !== "claude",
  );
  it.concurrent.each(probed)(
    "%s --help names every probe flag",
    async (name) => {
      const probeHome = mkdtempSync(
        path.join(tmpdir(), "specfuse-real-probe-"),
      );
      try {
        const backend = createBackend(
          name,
          resolveBackendSettings(defaultConfig().agent, name) as never,
        );
        const file = realCliPath(REAL_CLIS[name]) ?? "";
        const help = await runRealCli(file, backend.probe.helpArgs, {
          cwd: probeHome,
          env: isolatedEnv(probeHome),
          stdin: null,
        });
        const version = await runRealCli(file, backend.probe.versionArgs, {
          cwd: probeHome,
          env: isolatedEnv(probeHome),
          stdin: null,
        });
        expect(version.exitCode).toBe(0);
        const text = `${help.stdout}\n${help.stderr}`;
        expect(
          backend.probe.flags.filter((flag) => !text.includes(flag)),
        ).toStrictEqual([]);
      } finally {
        rmSync(probeHome, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
