import { mkdtempSync, readFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { execa, execaSync } from "execa";
import { it } from "vitest";
import { startModelServer } from "../helpers/model-server/model-server.js";
import { geminiPolicyToml } from "../../src/agent/adapters/gemini-policy.js";

it("gemini explore", async () => {
  const home = mkdtempSync(path.join(tmpdir(), "gm-home-"));
  const cwd = mkdtempSync(path.join(tmpdir(), "gm-cwd-"));
  execaSync("git", ["init", "-q", "-b", "main"], { cwd });
  writeFileSync(path.join(home, "policy.toml"), geminiPolicyToml());
  mkdirSync(path.join(home, ".gemini"));
  writeFileSync(path.join(home, ".gemini/settings.json"), JSON.stringify({ security: { auth: { selectedType: "gemini-api-key" } } }));
  const server = await startModelServer({ gemini: (req) => {
    const b = req.body as any;
    const contents = (b?.contents ?? []) as any[];
    const hasResp = contents.some((c) => (c.parts ?? []).some((p: any) => p.functionResponse));
    console.log("GEMINI", req.url, "tools", JSON.stringify((b?.tools ?? []).flatMap((t: any) => (t.functionDeclarations ?? []).map((f: any) => f.name))), "hasResp", hasResp);
    if (!Array.isArray(b?.tools) || b.tools.length === 0) return { text: "{\"reasoning\":\"x\",\"next_speaker\":\"user\"}" };
    if (process.env.EXPLORE_MODE === "429") return { errorStatus: 429, errorMessage: "You exceeded your current quota.", errorDetails: [{ "@type": "type.googleapis.com/google.rpc.QuotaFailure", violations: [{ quotaMetric: "generativelanguage.googleapis.com/generate_content_free_tier_requests", quotaId: "GenerateRequestsPerDayPerProjectPerModel-FreeTier" }] }] };
    if (process.env.EXPLORE_MODE === "git" && !hasResp) return { toolCalls: [{ name: "run_shell_command", input: { command: "git commit -am x" } }] };
    if (!hasResp) return { toolCalls: [{ name: "write_file", input: { file_path: path.join(cwd, "hello.txt"), content: "hi\n" } }] };
    return { text: "Done.\n```result\nstatus: complete\nsummary: wrote hello\n```" };
  } });
  const t0 = Date.now();
  const r = await execa("node", [path.resolve("node_modules/.bin/gemini"), "-o", "stream-json", "--approval-mode", "yolo", "--policy", path.join(home, "policy.toml"), "--policy", path.join(home, ".gemini/policies"), "-m", "gemini-2.5-flash", "-p", "Follow the instructions above."], {
    cwd, input: "Write hello.txt", reject: false, timeout: 60000,
    env: { HOME: home, GEMINI_API_KEY: "k", GOOGLE_GEMINI_BASE_URL: server.url, GEMINI_CLI_TRUST_WORKSPACE: "true", PATH: process.env.PATH },
    extendEnv: false,
  });
  console.log("ms", Date.now() - t0, "exit", r.exitCode, "\nSTDOUT\n", r.stdout.slice(0, 8000), "\nSTDERR\n", r.stderr.slice(0, 3000));
  console.log(server.requests.map((q) => `${q.method} ${q.url} ${JSON.stringify(q.body)?.slice(0, 300)}`));
  await server.close();
}, 120000);
