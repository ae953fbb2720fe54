import { mkdtempSync, readFileSync, existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { execa, execaSync } from "execa";
import { it } from "vitest";
import { startModelServer } from "../helpers/model-server/model-server.js";
import { opencodePermission } from "../../src/agent/adapters/opencode.js";

it("opencode explore", async () => {
  const home = mkdtempSync(path.join(tmpdir(), "oc-home-"));
  const cwd = mkdtempSync(path.join(tmpdir(), "oc-cwd-"));
  execaSync("git", ["init", "-q", "-b", "main"], { cwd });
  let step = 0;
  const server = await startModelServer({
    chat: (req) => {
      const body = req.body ?? {};
      const tools = (body.tools as any[]) ?? [];
      const msgs = (body.messages as any[]) ?? [];
      console.log("REQ tools", tools.length, tools.map((t) => t.function?.name).join(","), "roles", msgs.map((m) => m.role).join(","));
      if (tools.length === 0) return { text: "A title" };
      const toolMsgs = msgs.filter((m) => m.role === "tool").length;
      if (process.env.EXPLORE_MODE === "429") return { errorStatus: 429, errorMessage: "Rate limit reached" };
      if (process.env.EXPLORE_MODE === "git" && toolMsgs === 0) return { toolCalls: [{ name: "bash", input: { command: "git commit -am x", description: "commit" } }] };
      if (toolMsgs === (process.env.EXPLORE_MODE === "git" ? 1 : 0)) return { toolCalls: [{ name: "write", input: { filePath: path.join(cwd, "hello.txt"), content: "hi\n" } }] };
      return { text: "Done.\n```result\nstatus: complete\nsummary: wrote hello\n```" };
    },
  });
  const config = { provider: { local: { npm: "@ai-sdk/openai-compatible", name: "local", options: { baseURL: `${server.url}/v1`, apiKey: "k" }, models: { m: { name: "m", tool_call: true } } } } };
  const t0 = Date.now();
  const r = await execa(path.resolve("node_modules/.bin/opencode"), ["run", "--format", "json", "-m", "local/m"], {
    cwd, input: "Write hello.txt", reject: false, timeout: 90000,
    env: { HOME: home, XDG_CONFIG_HOME: path.join(home, ".config"), XDG_DATA_HOME: path.join(home, ".local/share"), XDG_CACHE_HOME: path.join(home, ".cache"), XDG_STATE_HOME: path.join(home, ".local/state"),
      OPENCODE_CONFIG_CONTENT: JSON.stringify(config), OPENCODE_PERMISSION: JSON.stringify(opencodePermission(null)),
      OPENCODE_DISABLE_AUTOUPDATE: "1", OPENCODE_DISABLE_MODELS_FETCH: "1", OPENCODE_DISABLE_LSP_DOWNLOAD: "1", OPENCODE_DISABLE_SHARE: "1", PATH: process.env.PATH },
    extendEnv: false,
  });
  console.log("ms", Date.now() - t0, "exit", r.exitCode, "\nSTDOUT\n", r.stdout.slice(0, 8000), "\nSTDERR\n", r.stderr.slice(0, 3000));
  console.log("file", existsSync(path.join(cwd, "hello.txt")) ? readFileSync(path.join(cwd, "hello.txt"), "utf8") : "missing");
  console.log(server.requests.map((q) => `${q.method} ${q.url}`));
  await server.close();
}, 120000);
