import { appendFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT, runCli } from "../helpers/run-cli.js";
import { DIR, FEATURE_ID } from "../operator/feature-fixture.js";
import { eventLine, operatorRepo } from "./operator-repo.js";

const T = (s: string) => `2026-11-22T02:${s}.000000+00:00`;
const lines = [
  eventLine(T("00:00"), `${FEATURE_ID}/T01`, "task_started", {
    type: "implementation",
    model: "sonnet",
    effort: "medium",
    re_arm_count: 0,
  }),
  eventLine(T("01:00"), `${FEATURE_ID}/T01`, "attempt_outcome", {
    attempt: 1,
    outcome: "passed",
    duration_seconds: 60.0,
    cost_usd: 0.2,
  }),
  "{broken json\n",
  eventLine(T("02:00"), `${FEATURE_ID}/T01`, "task_completed", {
    attempts: 1,
    attempts_usage: [],
  }),
  eventLine(T("03:00"), `${FEATURE_ID}/T02`, "task_started", {
    type: "implementation",
    model: "sonnet",
    effort: "medium",
    re_arm_count: 0,
  }),
  eventLine(T("04:00"), FEATURE_ID, "gate_reached", { gate: 1 }),
];

function repoWithEvents() {
  const repo = operatorRepo([
    { gate: 1, units: [{ id: "T01", status: "done" }, { id: "T02" }] },
  ]);
  writeFileSync(path.join(repo.dir, DIR, "events.jsonl"), lines.join(""));
  return repo;
}

describe("specfuse log (cli.md §3.7, driver §32 D-LOG-1)", () => {
  it("D-LOG-1 one line per event; malformed lines are skipped with a warning", async () => {
    const repo = repoWithEvents();
    const r = await runCli(["log"], { cwd: repo.dir });
    expect(r.exitCode).toBe(0);
    const out = r.stdout.split("\n").filter((l) => !l.startsWith("-- "));
    expect(out).toHaveLength(5);
    expect(out[1]).toMatch(
      /^\d\d:\d\d:\d\d {2}FEAT-2026-0042\/T01 {2}attempt_outcome {2}attempt=1 {2}outcome=passed {2}duration=1:00 {2}cost=\$0\.20$/,
    );
    expect(r.stderr).toMatch(
      /warning: .*events\.jsonl: skipped a line that is not an event \(line 3\)/,
    );
  });

  it("C-LOG-2 --json prints each event exactly as stored; --wu suffix, --type and --limit filter", async () => {
    const repo = repoWithEvents();
    const r = await runCli(["log", "--json", "--wu", "T01"], { cwd: repo.dir });
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split("\n")).toEqual(
      [lines[0], lines[1], lines[3]].map((l) => (l ?? "").trimEnd()),
    );
    const typed = await runCli(
      ["log", "--json", "--type", "task_started", "--limit", "1"],
      { cwd: repo.dir },
    );
    expect(typed.stdout).toBe((lines[4] ?? "").trimEnd());
    const feature = await runCli(
      ["log", "--json", "--wu", FEATURE_ID, "--since", "2026-11-22T02:03:00Z"],
      { cwd: repo.dir },
    );
    expect(feature.stdout.split("\n")).toHaveLength(2);
  });

  it("C-LOG-4 an unknown unit, a bad --since and an unknown feature are usage errors (64)", async () => {
    const repo = repoWithEvents();
    for (const args of [
      ["--wu", "T09"],
      ["--since", "soon"],
      ["--feature", "nope"],
      ["--limit", "0"],
    ]) {
      const r = await runCli(["log", ...args], { cwd: repo.dir });
      expect(r.exitCode).toBe(64);
      expect(r.stdout).toBe("");
    }
  });

  it("C-LOG-3 a feature without events.jsonl prints nothing", async () => {
    const repo = operatorRepo([{ gate: 1, units: [{ id: "T01" }] }]);
    const r = await runCli(["log", "--feature", FEATURE_ID], { cwd: repo.dir });
    expect(r).toMatchObject({ exitCode: 0, stdout: "", stderr: "" });
  });

  it("C-SIG-1 --follow picks up an appended event and ends with exit 0 on SIGINT", async () => {
    const repo = repoWithEvents();
    const child = execa(
      path.join(PROJECT_ROOT, "bin", "specfuse"),
      ["log", "--follow", "--json", "--limit", "1"],
      {
        cwd: repo.dir,
        env: { FORCE_COLOR: "0", NO_COLOR: "1", CI: "1" },
        reject: false,
        timeout: 20_000,
      },
    );
    let seen = "";
    child.stdout?.on("data", (d: Buffer) => {
      seen += d.toString();
    });
    const waitFor = async (text: string) => {
      for (let waited = 0; !seen.includes(text); waited += 50) {
        if (waited > 10_000) throw new Error(`no ${text} in: ${seen}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    await waitFor('"gate_reached"');
    appendFileSync(
      path.join(repo.dir, DIR, "events.jsonl"),
      eventLine(T("05:00"), `${FEATURE_ID}/T02`, "attempt_outcome", {
        attempt: 1,
        outcome: "failed",
      }),
    );
    await waitFor('"outcome": "failed"');
    child.kill("SIGINT");
    const result = await child;
    expect(result.exitCode).toBe(0);
    expect(seen.trimEnd().split("\n")).toHaveLength(2);
  });
});
