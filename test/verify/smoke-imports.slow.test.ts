import { describe, expect, it } from "vitest";
import {
  runSmokeImports,
  type SmokeRequest,
} from "../../src/verify/smoke-imports.js";
import { testContext } from "../helpers/context.js";
import { tempDir } from "../helpers/temp-dir.js";

describe("runSmokeImports (D-GUARD-5)", () => {
  const req = (
    commands: string[],
    over: Partial<SmokeRequest> = {},
  ): SmokeRequest => ({
    commands,
    repoRoot: tempDir(),
    featureDir: "f",
    unitId: "f/T01",
    wuFile: "f/WU-01.md",
    ...over,
  });
  const ctx = () => testContext({ env: { PATH: process.env.PATH } });

  it("passes when every command exits 0", async () => {
    const report = await runSmokeImports(req(["true", "exit 0"]), ctx());
    expect(report).toMatchObject({
      isPassed: true,
      summary: null,
      failedCommand: null,
    });
    expect(report.results).toHaveLength(2);
  });

  it("stops at the first non-zero exit; the summary gives the exit code, the command and stderr", async () => {
    const report = await runSmokeImports(
      req([
        "true",
        "echo 'ModuleNotFoundError: No module named app' >&2; exit 1",
        "echo never",
      ]),
      ctx(),
    );
    expect(report.isPassed).toBe(false);
    expect(report.results).toHaveLength(2);
    expect(report.summary).toBe(
      "smoke import exited with code 1: echo 'ModuleNotFoundError: No module named app' >&2; exit 1\nModuleNotFoundError: No module named app",
    );
  });

  it("enforces its limit with a group kill", async () => {
    const report = await runSmokeImports(
      req(["sleep 5"], { timeoutMs: 300 }),
      ctx(),
    );
    expect(report.isPassed).toBe(false);
    expect(report.summary).toBe(
      "smoke import timed out after 0.3s (process group killed): sleep 5",
    );
  });
});
