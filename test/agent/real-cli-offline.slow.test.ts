import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  claudeArgs,
  parseClaudeOutput,
} from "../../src/agent/adapters/claude.js";
import { resolveBackendSettings } from "../../src/agent/adapters/backend-settings.js";
import { createBackend } from "../../src/agent/adapters/index.js";
import type {
  BackendInvocation,
  BackendPlace,
} from "../../src/agent/backend.js";
import { parseResultBlock } from "../../src/agent/result-block.js";
import { defaultConfig } from "../../src/config/normalize-config.js";
import { gitRepo } from "../helpers/git-repo.js";
import { unitScript } from "../helpers/model-server/agent-scripts.js";
import {
  startModelServer,
  type ModelApi,
  type ModelServer,
} from "../helpers/model-server/model-server.js";
import {
  isolatedEnv,
  REAL_CLIS,
  realCliPath,
  runRealCli,
} from "../helpers/real-cli.js";

const FINAL =
  "Wrote the greeting.\n\n```result\nstatus: complete\nsummary: Wrote hello.txt.\nfiles_changed:\n  - hello.txt\n```";
const DENIED = "git commit --allow-empty -m agent-commit";
const homes: string[] = [];
afterAll(() =>
  homes.forEach((h) => rmSync(h, { recursive: true, force: true })),
);

type Cli = "claude" | "codex" | "gemini" | "opencode";
const API: Record<Cli, ModelApi> = {
  claude: "anthropic",
  codex: "responses",
  gemini: "gemini",
  opencode: "chat",
};

// The adapter's invocation, plus what points the CLI at the server (the user's own config, AG-LOCAL-*).
function invocationFor(
  cli: Cli,
  server: ModelServer,
  place: BackendPlace,
): BackendInvocation & { extraEnv: Record<string, string> } {
  const unit = { id: "f/T01", effort: "low", isUnsandboxed: false };
  if (cli === "claude")
    return {
      file: "claude",
      args: claudeArgs(
        { model: "sonnet", effort: "low", isUnsandboxed: false },
        { permissionMode: "acceptEdits", disallowedTools: [] },
      ),
      env: {},
      envRemove: [],
      stdin: "Write hello.txt.",
      files: [],
      extraEnv: {
        ANTHROPIC_BASE_URL: server.url,
        ANTHROPIC_API_KEY: "offline-test",
      },
    };
  const settings = resolveBackendSettings(defaultConfig().agent, cli);
  if (cli === "codex") {
    const provider = `model_providers.local={name="local", base_url="${server.url}/v1", wire_api="responses", env_key="LOCAL_KEY", request_max_retries=0, stream_max_retries=0}`;
    const backend = createBackend("codex", {
      ...settings,
      argsExtra: ["-c", "model_provider=local", "-c", provider],
    } as never);
    return {
      ...backend.buildInvocation(
        { ...unit, model: "gpt-5.5" },
        "Write hello.txt.",
        place,
      ),
      extraEnv: { LOCAL_KEY: "offline-test" },
    };
  }
  if (cli === "gemini") {
    mkdirSync(path.join(place.home, ".gemini"), { recursive: true });
    writeFileSync(
      path.join(place.home, ".gemini", "settings.json"),
      JSON.stringify({
        security: { auth: { selectedType: "gemini-api-key" } },
      }),
    );
    const backend = createBackend("gemini", settings as never);
    return {
      ...backend.buildInvocation(
        { ...unit, model: "gemini-2.5-flash" },
        "Write hello.txt.",
        place,
      ),
      extraEnv: {
        GEMINI_API_KEY: "offline-test",
        GOOGLE_GEMINI_BASE_URL: server.url,
      },
    };
  }
  const config = {
    provider: {
      local: {
        npm: "@ai-sdk/openai-compatible",
        name: "local",
        options: { baseURL: `${server.url}/v1`, apiKey: "offline-test" },
        models: { m: { name: "m", tool_call: true } },
      },
    },
  };
  const backend = createBackend("opencode", settings as never);
  return {
    ...backend.buildInvocation(
      { ...unit, model: "local/m" },
      "Write hello.txt.",
      place,
    ),
    extraEnv: { OPENCODE_CONFIG_CONTENT: JSON.stringify(config) },
  };
}

async function runUnit(cli: Cli) {
  const repo = gitRepo();
  const home = mkdtempSync(path.join(tmpdir(), `specfuse-real-${cli}-`));
  homes.push(home);
  const before = repo.head();
  const server = await startModelServer({
    [API[cli]]: unitScript(API[cli], {
      cwd: repo.dir,
      file: "hello.txt",
      content: "hello from a real agent\n",
      finalText: FINAL,
      deniedCommand: DENIED,
    }),
  });
  try {
    const place: BackendPlace = {
      cwd: repo.dir,
      workDir: path.join(home, "work"),
      attempt: 1,
      home,
    };
    const invocation = invocationFor(cli, server, place);
    for (const file of invocation.files) {
      mkdirSync(path.dirname(file.path), { recursive: true });
      writeFileSync(file.path, file.content);
    }
    const env = {
      ...isolatedEnv(home),
      ...invocation.env,
      ...invocation.extraEnv,
    };
    const result = await runRealCli(
      realCliPath(REAL_CLIS[cli]) ?? "",
      invocation.args,
      { cwd: repo.dir, env, stdin: invocation.stdin, capMs: 90_000 },
    );
    const agent =
      cli === "claude"
        ? null
        : createBackend(
            cli,
            resolveBackendSettings(defaultConfig().agent, cli) as never,
          ).finish(result.stdout, result.stderr, result.exitCode);
    return { repo, before, result, agent, requests: server.requests.length };
  } finally {
    await server.close();
  }
}

const CLIS: Cli[] = ["claude", "codex", "gemini", "opencode"];
const installed = CLIS.filter((c) => realCliPath(REAL_CLIS[c]) !== null);

describe("genuine CLIs do one unit offline against the scripted model server (docs/agents-offline.md)", () => {
  it.concurrent.each(installed)(
    "%s: its git write is denied, its own tool writes the file, the adapter reads the RESULT",
    async (cli) => {
      const run = await runUnit(cli);
      const transcript = `${run.result.stdout}\n${run.result.stderr}`.slice(
        -4000,
      );
      expect(run.result.exitCode, transcript).toBe(0);
      expect(readFileSync(path.join(run.repo.dir, "hello.txt"), "utf8")).toBe(
        "hello from a real agent\n",
      );
      // AG-GIT-1: each CLI's own mechanism refused the commit
      expect(run.repo.head()).toBe(run.before);
      expect(existsSync(path.join(run.repo.dir, ".git", "index.lock"))).toBe(
        false,
      );
      if (cli === "claude") {
        const parsed = parseClaudeOutput(
          run.result.stdout,
          run.result.stderr,
          run.result.exitCode,
        );
        expect(parsed.permissionDenials).toContain("Bash");
        expect(parseResultBlock(parsed.finalText).agentStatus).toBe("complete");
        return;
      }
      expect(run.agent).toMatchObject({
        terminal: "success",
        isError: false,
        isRateLimited: false,
      });
      expect(parseResultBlock(run.agent?.finalText ?? "").agentStatus).toBe(
        "complete",
      );
      expect(run.agent?.usage.output).toBeGreaterThan(0);
      if (cli === "codex")
        expect(run.result.stdout).toMatch(/"status":"failed"/);
      if (cli === "codex")
        expect(run.result.stdout).toMatch(/Read-only file system/);
      if (cli === "gemini")
        expect(run.result.stdout).toMatch(/"type":"policy_violation"/);
      if (cli === "opencode")
        expect(run.agent?.permissionDenials).toStrictEqual([`bash: ${DENIED}`]);
    },
    120_000,
  );
});
