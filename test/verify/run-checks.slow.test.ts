import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type {
  Verification,
  VerificationCheck,
} from "../../src/types/config.js";
import { runChecks, type CheckRequest } from "../../src/verify/run-checks.js";
import { testContext } from "../helpers/context.js";
import { PROJECT_ROOT } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";
import { eventually, isDead } from "../helpers/process-state.js";

const check = (
  name: string,
  command: string,
  timeout_seconds = 900,
): VerificationCheck => ({
  name,
  command,
  timeout_seconds,
});

function request(
  sets: Record<string, VerificationCheck[]>,
  over: Partial<CheckRequest> = {},
): CheckRequest {
  const verification: Verification = {
    cost_tracking: true,
    sets: new Map(Object.entries(sets)),
  };
  return {
    verification,
    unitType: "implementation",
    extraGates: [],
    repoRoot: tempDir("specfuse-checks-"),
    featureDir: ".specfuse/features/f",
    unitId: "f/T01",
    wuFile: ".specfuse/features/f/WU-01-x.md",
    ...over,
  };
}

const ctxWith = (env: Record<string, string | undefined> = {}) =>
  testContext({ env: { PATH: process.env.PATH, FORCE_COLOR: "1", ...env } });

describe("runChecks (D-VER-4, D-VER-5)", () => {
  it("runs every gate in order with no short-circuit and builds the evidence", async () => {
    const progress: string[] = [];
    const report = await runChecks(
      request(
        {
          code: [
            check("first", "echo one; exit 1"),
            check("second", "printf 'two\\n'"),
            check("third", "echo three >&2; exit 2"),
          ],
        },
        { onGate: (p) => progress.push(`${p.name} ${p.index}/${p.total}`) },
      ),
      ctxWith(),
    );
    expect(progress).toStrictEqual(["first 1/3", "second 2/3", "third 3/3"]);
    expect(report.isPassed).toBe(false);
    expect(report.names).toStrictEqual(["first", "second", "third"]);
    expect(report.gates.map((g) => [g.isPassed, g.exitCode])).toStrictEqual([
      [false, 1],
      [true, 0],
      [false, 2],
    ]);
    expect(report.evidence).toBe(
      [
        "### first: FAIL\n```\n$ echo one; exit 1\none\n```",
        "### second: PASS\n```\n$ printf 'two\\n'\ntwo\n```",
        "### third: FAIL\n```\n$ echo three >&2; exit 2\nthree\n```",
      ].join("\n\n"),
    );
    expect(report.configErrorSet).toBeNull();
  });

  it("passes when every gate exits 0", async () => {
    const report = await runChecks(
      request({ code: [check("a", "true"), check("b", "exit 0")] }),
      ctxWith(),
    );
    expect(report.isPassed).toBe(true);
    expect(report.gates[0]?.tail).toStrictEqual([]);
  });

  it("runs in the repo root through /bin/sh with the gate environment and stdin ignored", async () => {
    const req = request({
      code: [
        check(
          "env",
          'pwd; cat; echo "NO_COLOR=$NO_COLOR FORCE_COLOR=${FORCE_COLOR-unset}"; echo "$SPECFUSE_FEATURE_DIR|$SPECFUSE_WORK_UNIT|$SPECFUSE_WU_FILE"; echo "$PATH" | cut -d: -f1-2',
        ),
      ],
    });
    const report = await runChecks(req, ctxWith());
    const lines = report.gates[0]?.tail ?? [];
    expect(lines).toStrictEqual([
      req.repoRoot,
      "NO_COLOR=1 FORCE_COLOR=unset",
      ".specfuse/features/f|f/T01|.specfuse/features/f/WU-01-x.md",
      `${path.join(PROJECT_ROOT, "bin")}:${path.join(req.repoRoot, "node_modules", ".bin")}`,
    ]);
  });

  it("merges stdout and stderr in arrival order and strips ANSI", async () => {
    const report = await runChecks(
      request({
        code: [
          check(
            "mix",
            "printf '\\033[31mred\\033[0m\\n'; sleep 0.05; echo err >&2; sleep 0.05; echo out",
          ),
        ],
      }),
      ctxWith(),
    );
    expect(report.gates[0]?.tail).toStrictEqual(["red", "err", "out"]);
  });

  it("a gate over its timeout_seconds is group-killed and fails with the timeout line; later gates still run", async () => {
    const dir = tempDir();
    const pidFile = path.join(dir, "bg.pid");
    const report = await runChecks(
      request({
        code: [
          check(
            "slow",
            `echo started; sleep 30 & echo $! > ${pidFile}; wait`,
            0.4,
          ),
          check("after", "echo ran"),
        ],
      }),
      ctxWith(),
    );
    expect(
      report.gates.map((g) => [g.name, g.isPassed, g.isTimedOut]),
    ).toStrictEqual([
      ["slow", false, true],
      ["after", true, false],
    ]);
    expect(report.evidence).toContain(
      "### slow: FAIL\n```\n$ echo started; sleep 30 & echo $! > " +
        pidFile +
        "; wait\nstarted\nGATE TIMEOUT: exceeded 0.4s; process group killed\n```",
    );
    const bg = Number(readFileSync(pidFile, "utf8"));
    expect(await eventually(() => isDead(bg))).toBe(true);
  });

  it("D-VER-2: a missing set fails without running anything", async () => {
    const report = await runChecks(
      request({ code: [check("a", "true")] }, { extraGates: ["security"] }),
      ctxWith(),
    );
    expect(report).toMatchObject({
      isPassed: false,
      gates: [],
      names: [],
      configErrorSet: "security",
    });
    expect(report.evidence).toMatch(/^CONFIGURATION ERROR: .*"security"/);
  });

  it("a stop request kills the running gate and skips the rest", async () => {
    const ctx = ctxWith();
    const report = await runChecks(
      request(
        { code: [check("a", "sleep 5"), check("b", "echo never")] },
        {
          onGate: (p) =>
            p.index === 1
              ? setTimeout(() => ctx.abort.abort(), 100)
              : undefined,
        },
      ),
      ctx,
    );
    expect(report.isInterrupted).toBe(true);
    expect(report.isPassed).toBe(false);
    expect(report.names).toStrictEqual(["a"]);
  });
});
