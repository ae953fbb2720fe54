import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { driverRepo, writes } from "../../helpers/driver-repo.js";
import type { FeatureSpec } from "../../helpers/feature-tree.js";
import { eventually, isDead } from "../../helpers/process-state.js";
import { fixtureBin, runCli } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";

// The hostile round of issue 9, against the built CLI: fake agents and checks that misbehave on purpose.
const LEAVE = fixtureBin("leave-daemon");
const GATE: FeatureSpec["gates"] = [
  {
    number: 1,
    units: [
      { suffix: "T01" },
      { suffix: "G1-CLOSE", type: "close", deps: ["T01"] },
    ],
  },
];

const verification = (testsCommand: string) =>
  [
    "code:",
    "  - name: tests",
    `    command: ${JSON.stringify(testsCommand)}`,
    "plannext:",
    "  - name: p",
    '    command: "true"',
    "",
  ].join("\n");

const pidIn = (file: string) => Number(readFileSync(file, "utf8"));

describe("issue 9: processes an attempt starts end with it (driver D-DISP-4)", () => {
  it("a setsid daemon the agent leaves is gone when its run ends, and never edits the oracle or the source", async () => {
    const repo = driverRepo({
      verification: verification("true"),
      gates: GATE,
    });
    const scratch = tempDir();
    const pidFile = path.join(scratch, "daemon.pid");
    const oracle = repo.read(".specfuse/verification.yml");
    const r = await repo.run(["run"], {
      script: {
        units: {
          T01: [
            writes("src/t01.txt", "done\n", {
              shell: `"${LEAVE}" "${pidFile}" --mode setsid --ignore-term --touch .specfuse/verification.yml --after-ms 1200 && "${LEAVE}" "${pidFile}.2" --mode double-fork --ignore-term --touch src/late.txt --after-ms 1200`,
            }),
          ],
          "G1-CLOSE": [writes("docs/close.md")],
        },
      },
    });
    expect(r.exitCode, r.stderr).toBe(0);
    const daemons = [pidIn(pidFile), pidIn(`${pidFile}.2`)];
    for (const pid of daemons) expect(isDead(pid)).toBe(true);
    // Past the moment the daemons would have written (1.2 s after the agent started them).
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(repo.read(".specfuse/verification.yml")).toBe(oracle);
    expect(existsSync(path.join(repo.dir, "src/late.txt"))).toBe(false);
    expect(repo.git("status", "--porcelain")).toBe("");
  });

  it("a check whose detached child holds its output passes on its exit code, at once, and the child is gone", async () => {
    const scratch = tempDir();
    const pidFile = path.join(scratch, "check-daemon.pid");
    const repo = driverRepo({
      verification: verification(
        `${LEAVE} ${pidFile} --mode setsid --hold --ignore-term`,
      ),
      gates: GATE,
    });
    const started = Date.now();
    const r = await repo.run(["run"], {
      script: {
        units: {
          T01: [writes("src/t01.txt")],
          "G1-CLOSE": [writes("docs/c.md")],
        },
      },
      // The production grace periods: before issue 9 this check failed after 10 + 5 + 2 s.
      env: {
        SPECFUSE_TEST_TIMINGS: JSON.stringify({
          killGraceMs: 5000,
          pipeWaitMs: 2000,
          orphanPipeMs: 10000,
        }),
      },
    });
    expect(r.exitCode, r.stderr + r.stdout).toBe(0);
    expect(repo.read(`${repo.info.dir}/WU-T01.md`)).toMatch(/status: done/);
    expect(await eventually(() => isDead(pidIn(pidFile)))).toBe(true);
    expect(Date.now() - started).toBeLessThan(17_000);
  });
});

describe("issue 9: shell injection through {feature_dir} (lint feature-dir-name)", () => {
  const HOSTILE = "demo-$(touch pwned)";

  it("lint rejects the folder name with a clear finding, and run refuses it before any check runs", async () => {
    const repo = driverRepo({
      slug: HOSTILE,
      branch: "feat/hostile",
      verification: verification("ls {feature_dir} >/dev/null"),
      gates: GATE,
    });
    const lint = await runCli(["lint", repo.info.dir, "--format", "json"], {
      cwd: repo.dir,
    });
    expect(lint.exitCode).toBe(1);
    const report = JSON.parse(lint.stdout) as {
      features: Array<{
        diagnostics: Array<{ rule: string; message: string }>;
      }>;
    };
    const finding = report.features[0]?.diagnostics.find(
      (d) => d.rule === "feature-dir-name",
    );
    expect(finding?.message).toContain('uses "$", "(", " ", ")"');
    const r = await repo.run(["run"], { script: [writes("src/x.txt")] });
    expect(r.exitCode).toBe(65);
    expect(r.stderr).toContain("feature-dir-name");
    expect(repo.agentLog()).toHaveLength(0);
    expect(existsSync(path.join(repo.dir, "pwned"))).toBe(false);
  });
});
