import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { execa } from "execa";
import { it } from "vitest";
import { startModelServer } from "../helpers/model-server/model-server.js";

it("claude explore", async () => {
  const home = mkdtempSync(path.join(tmpdir(), "cl-home-"));
  const cwd = mkdtempSync(path.join(tmpdir(), "cl-cwd-"));
  const server = await startModelServer({
    anthropic: (req) => {
      const body = req.body ?? {};
      const tools = Array.isArray(body.tools) ? body.tools : [];
      const msgs = (body.messages as any[]) ?? [];
      const last = msgs.at(-1);
      const hasResult = Array.isArray(last?.content) && last.content.some((b: any) => b.type === "tool_result");
      if (tools.length === 0) return { text: "title" };
      if (hasResult) return { text: "Done.\n```result\nstatus: complete\nsummary: wrote hello\n```" };
      return { toolCalls: [{ name: "Write", input: { file_path: path.join(cwd, "hello.txt"), content: "hi\n" } }, ] };
    },
  });
  const r = await execa(path.resolve("node_modules/.bin/claude"), ["-p", "--model", "sonnet", "--effort", "medium", "--output-format", "stream-json", "--verbose", "--permission-mode", "acceptEdits", "--disallowedTools", "Bash(git commit:*)"], {
    cwd, input: "Write hello.txt", reject: false, timeout: 60000,
    env: { HOME: home, CLAUDE_CONFIG_DIR: path.join(home, ".claude"), ANTHROPIC_BASE_URL: server.url, ANTHROPIC_API_KEY: "sk-test", CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1", DISABLE_AUTOUPDATER: "1", CLAUDE_CODE_MAX_RETRIES: "0", PATH: process.env.PATH },
    extendEnv: false,
  });
  console.log("exit", r.exitCode, "\nSTDOUT\n", r.stdout.slice(0, 6000), "\nSTDERR\n", r.stderr.slice(0, 2000));
  console.log("file", existsSync(path.join(cwd, "hello.txt")) ? readFileSync(path.join(cwd, "hello.txt"), "utf8") : "missing");
  console.log(server.requests.map((q) => `${q.method} ${q.url} tools=${Array.isArray(q.body?.tools) ? (q.body!.tools as any[]).length : "-"} stream=${q.body?.stream}`));
  await server.close();
}, 90000);
