import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { unblock } from "../../src/commands/unblock.js";
import { isSpecfuseError } from "../../src/errors/specfuse-error.js";
import { exitCodeFor } from "../../src/errors/codes.js";
import { throwIfInterrupted } from "../../src/operator/interrupt.js";
import { testContext } from "../helpers/context.js";
import { operatorRepo } from "../e2e/operator-repo.js";
import { DIR } from "./feature-fixture.js";

describe("a signal stops a writing command before its next write (cli.md C-SIG-1)", () => {
  it("throwIfInterrupted is silent until the signal fires, then throws interrupted (130)", () => {
    const abort = new AbortController();
    expect(() => throwIfInterrupted(abort.signal, "x")).not.toThrow();
    abort.abort("SIGINT");
    try {
      throwIfInterrupted(abort.signal, "nothing was written");
      expect.unreachable();
    } catch (e) {
      if (!isSpecfuseError(e)) throw e;
      expect(e.code).toBe("interrupted");
      expect(exitCodeFor(e.code)).toBe(130);
      expect(e.message).toMatch(/stopped by SIGINT/);
    }
  });

  it("C-SIG-1 unblock after SIGINT writes nothing, exits 130 and releases the lock (D-LOCK-6)", async () => {
    const repo = operatorRepo([
      { gate: 1, units: [{ id: "T01", status: "blocked_human" }] },
    ]);
    const ctx = testContext({
      cwd: repo.dir,
      env: { ...process.env, ...repo.env },
    });
    ctx.abort.abort("SIGINT");
    const before = readFileSync(path.join(repo.dir, DIR, "WU-T01.md"), "utf8");
    try {
      await unblock({ wu: "T01", reason: "r" }, ctx);
      expect.unreachable();
    } catch (e) {
      expect(isSpecfuseError(e) && e.code).toBe("interrupted");
    }
    expect(readFileSync(path.join(repo.dir, DIR, "WU-T01.md"), "utf8")).toBe(
      before,
    );
    expect(existsSync(path.join(repo.dir, ".specfuse", ".loop.lock"))).toBe(
      false,
    );
    expect(
      existsSync(path.join(repo.dir, ".specfuse", ".loop.lock.json")),
    ).toBe(false);
    expect(repo.git("status", "--porcelain")).toBe("");
  });
});
