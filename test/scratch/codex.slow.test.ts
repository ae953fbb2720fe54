import { createRequire } from "node:module"; const require = createRequire(import.meta.url);
import { mkdtempSync, readFileSync, existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { execa, execaSync } from "execa";
import { it } from "vitest";
import { startModelServer } from "../helpers/model-server/model-server.js";

it("codex explore", async () => {
  const home = mkdtempSync(path.join(tmpdir(), "cx-home-")); require("node:fs").mkdirSync(path.join(home, ".codex"));
  const cwd = mkdtempSync(path.join(tmpdir(), "cx-cwd-"));
  execaSync("git", ["init", "-q", "-b", "main"], { cwd });
  const server = await startModelServer({
    responses: (req) => {
      const body = req.body ?? {};
      const input = (body.input as any[]) ?? [];
      const tools = (body.tools as any[]) ?? [];
      console.log("TOOLS", JSON.stringify(tools.map((t) => [t.type, t.name])), "INPUT types", JSON.stringify(input.map((i) => i.type)));
      const hasOutput = input.some((i) => i.type === "custom_tool_call_output" || i.type === "function_call_output");
      if (process.env.EXPLORE_MODE === "429") return { errorStatus: 429, errorMessage: "Rate limit reached for requests" };
      if (process.env.EXPLORE_MODE === "git" && !hasOutput) return { toolCalls: [{ name: "exec_command", input: { cmd: "git add -A && git commit -m x", workdir: cwd } }] };
      if (hasOutput) return { text: "Done.\n```result\nstatus: complete\nsummary: wrote hello\n```" };
      return { toolCalls: [{ name: "apply_patch", input: "*** Begin Patch\n*** Add File: hello.txt\n+hi\n*** End Patch\n" }] };
    },
  });
  const r = await execa(path.resolve("node_modules/.bin/codex"), ["exec", "--json", "-s", "workspace-write", "-m", "gpt-5.5", "-c", "model_reasoning_effort=medium",
    "-c", "model_provider=x", "-c", 'model_providers.x.name="x"', "-c", `model_providers.x.base_url="${server.url}/v1"`, "-c", 'model_providers.x.wire_api="responses"', "-c", 'model_providers.x.env_key="X_KEY"', "-c", "model_providers.x.request_max_retries=0", "-c", "model_providers.x.stream_max_retries=0", "-"], {
    cwd, input: "Write hello.txt", reject: false, timeout: 60000,
    env: { HOME: home, CODEX_HOME: path.join(home, ".codex"), X_KEY: "k", PATH: process.env.PATH },
    extendEnv: false,
  });
  console.log("exit", r.exitCode, "\nSTDOUT\n", r.stdout.slice(0, 6000), "\nSTDERR\n", r.stderr.slice(0, 3000));
  console.log("file", existsSync(path.join(cwd, "hello.txt")) ? readFileSync(path.join(cwd, "hello.txt"), "utf8") : "missing");
  console.log(server.requests.map((q) => `${q.method} ${q.url}`));
  await server.close();
}, 90000);
