import { chmodSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  BookkeepingCommitError,
  bookkeepingCommit,
} from "../../src/driver/commit/bookkeeping.js";
import { runEndCommit } from "../../src/driver/commit/run-end-commit.js";
import { subjects } from "../../src/driver/commit/subjects.js";
import { exitCodeFor } from "../../src/errors/codes.js";
import { isSpecfuseError } from "../../src/errors/specfuse-error.js";
import { F, fixture } from "./fixture.js";
import { parsedTrailers } from "./trailers.js";

const WU = "FEAT-2026-0001/T01";

describe("bookkeepingCommit (D-GIT-8)", () => {
  it("D-GIT-8: commits only the named paths, force-adding ignored notes, with subject + Feature", async () => {
    const fx = await fixture();
    fx.repo.write({
      [`${F}/WU-01.md`]: "---\nstatus: blocked_human\n---\n",
      [`${F}/events.jsonl`]: '{"a": 1}\n{"b": 2}\n',
      [`${F}/work/FEAT-2026-0001_T01/attempt-1.md`]: "note 1\n",
      "src/app.ts": "user's unrelated edit\n",
    });
    const result = await bookkeepingCommit(
      fx.r,
      subjects.blockedExhausted(WU, "spinning_detected", 3),
      [
        `${F}/WU-01.md`,
        `${F}/events.jsonl`,
        `${F}/work/FEAT-2026-0001_T01/attempt-1.md`,
        `${F}/work/FEAT-2026-0001_T01/attempt-2.md`,
      ],
    );
    expect(result.sha).toBe(fx.repo.head());
    expect(result.paths).toStrictEqual([
      `${F}/WU-01.md`,
      `${F}/events.jsonl`,
      `${F}/work/FEAT-2026-0001_T01/attempt-1.md`,
    ]);
    expect(
      fx.repo.git("show", "--name-only", "--format=", "HEAD").split("\n"),
    ).toStrictEqual([
      `${F}/WU-01.md`,
      `${F}/events.jsonl`,
      `${F}/work/FEAT-2026-0001_T01/attempt-1.md`,
    ]);
    expect(fx.repo.git("log", "-1", "--format=%B")).toBe(
      `chore(loop): ${WU} blocked_human (spinning_detected, 3 attempts)\n\nFeature: ${WU}`,
    );
    expect(fx.repo.git("status", "--porcelain")).toBe(" M src/app.ts");
    expect(parsedTrailers(fx.repo)).toStrictEqual([`Feature: ${WU}`]);
  });

  it("D-GIT-8 step 3 / Q13: no change in the named paths → no commit, even if other files are dirty", async () => {
    const fx = await fixture();
    fx.repo.write({ "src/app.ts": "dirty elsewhere\n" });
    const before = fx.repo.head();
    const result = await bookkeepingCommit(
      fx.r,
      subjects.gateHalted(1, "FEAT-2026-0001"),
      [`${F}/events.jsonl`, `${F}/missing.md`],
    );
    expect(result).toStrictEqual({ sha: null, paths: [`${F}/events.jsonl`] });
    expect(fx.repo.head()).toBe(before);
  });

  it("D-GIT-8 step 1: no existing paths → nothing to do", async () => {
    const fx = await fixture();
    expect(
      await bookkeepingCommit(fx.r, subjects.gateHalted(1, "F"), ["nope.md"]),
    ).toStrictEqual({ sha: null, paths: [] });
    expect(fx.spawns).toStrictEqual([]);
  });

  it("D-GIT-8: the budget subject keeps its em dash in the commit", async () => {
    const fx = await fixture();
    fx.repo.write({ [`${F}/PLAN.md`]: "changed\n" });
    await bookkeepingCommit(
      fx.r,
      subjects.budgetExceeded(2, "FEAT-2026-0001"),
      [`${F}/PLAN.md`],
    );
    expect(fx.repo.git("log", "-1", "--format=%s")).toBe(
      "chore(loop): gate 2 budget exceeded \u2014 awaiting_review",
    );
  });

  it("D-GIT-8: a rejected commit throws halted_bookkeeping (exit 1) quoting git", async () => {
    const fx = await fixture();
    const hook = path.join(fx.repo.dir, ".git", "hooks", "commit-msg");
    writeFileSync(
      hook,
      '#!/bin/sh\necho "commit-msg: subject too long" >&2\nexit 1\n',
    );
    chmodSync(hook, 0o755);
    fx.repo.write({ [`${F}/events.jsonl`]: "x\n" });
    const message = subjects.gateAwaitingReview(1, "FEAT-2026-0001");
    let error: unknown;
    try {
      await bookkeepingCommit(fx.r, message, [`${F}/events.jsonl`]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BookkeepingCommitError);
    expect(isSpecfuseError(error)).toBe(true);
    const e = error as BookkeepingCommitError;
    expect(e.code).toBe("halted_bookkeeping");
    expect(exitCodeFor(e.code)).toBe(1);
    expect(e.message).toContain("chore(loop): gate 1 awaiting_review");
    expect(e.detail).toContain("commit-msg: subject too long");
    expect(e.gitError.exitCode).toBe(1);
    expect(e.paths).toStrictEqual([`${F}/events.jsonl`]);
  });
});

describe("runEndCommit (D-END-5)", () => {
  it("D-END-5: commits every uncommitted file in <F> but work/, as gate <n> halted", async () => {
    const fx = await fixture();
    fx.repo.write({
      [`${F}/events.jsonl`]: '{"run_aborted": 1}\n',
      [`${F}/RETROSPECTIVE.md`]: "stub\n",
      [`${F}/work/run-state.json`]: "{}\n",
      "src/app.ts": "not the driver's\n",
    });
    const result = await runEndCommit(fx.r, {
      featureDir: F,
      featureId: "FEAT-2026-0001",
      gate: 2,
    });
    expect(result.paths.sort()).toStrictEqual([
      `${F}/RETROSPECTIVE.md`,
      `${F}/events.jsonl`,
    ]);
    expect(fx.repo.git("log", "-1", "--format=%B")).toBe(
      "chore(loop): gate 2 halted\n\nFeature: FEAT-2026-0001",
    );
    expect(fx.repo.git("status", "--porcelain")).toBe(" M src/app.ts");
  });

  it("D-END-5: nothing uncommitted in <F> → no commit", async () => {
    const fx = await fixture();
    const before = fx.repo.head();
    const result = await runEndCommit(fx.r, {
      featureDir: F,
      featureId: "FEAT-2026-0001",
      gate: 1,
    });
    expect(result.sha).toBeNull();
    expect(fx.repo.head()).toBe(before);
  });
});
