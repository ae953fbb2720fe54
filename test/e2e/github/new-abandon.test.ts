import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileSchema } from "../../../src/schemas/ajv.js";
import { ABANDON_OUTPUT_SCHEMA } from "../../../src/schemas/abandon-output.js";
import { NEW_OUTPUT_SCHEMA } from "../../../src/schemas/adopt-output.js";
import { splitFrontmatterForTest } from "../../feature/split.js";
import { githubRepo } from "./github-repo.js";

const YEAR = new Date().getUTCFullYear();

describe("specfuse new (issue 16 §2)", () => {
  it("scaffolds a lint-clean folder with the next free id and a roadmap row; never commits, never calls gh", async () => {
    const repo = githubRepo([], {
      extra: {
        [`.specfuse/features/FEAT-${YEAR}-0004-old/PLAN.md`]: `---\nfeature_id: FEAT-${YEAR}-0004\nstatus: done\n---\n`,
      },
    });
    const head = repo.head();
    const r = await repo.cli([
      "new",
      "Billing export: CSV",
      "--units",
      "2",
      "--gates",
      "2",
      "--json",
    ]);
    expect(r.exitCode, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      dir: string;
      feature_id: string;
      files: Array<{ path: string }>;
    };
    expect(compileSchema(NEW_OUTPUT_SCHEMA)(out)).toBe(true);
    expect(out.feature_id).toBe(`FEAT-${YEAR}-0005`);
    expect(out.dir).toBe(
      `.specfuse/features/FEAT-${YEAR}-0005-billing-export-csv`,
    );
    expect(out.files.map((f) => path.basename(f.path))).toStrictEqual([
      "PLAN.md",
      "GATE-01.md",
      "WU-01-part-1.md",
      "WU-02-part-2.md",
      "WU-90-gate-1-close-intermediate.md",
      "WU-91-gate-1-plan-next.md",
      "GATE-02.md",
      "WU-90-gate-2-close.md",
      "roadmap.md",
    ]);
    const unit = readFileSync(
      path.join(repo.dir, out.dir, "WU-01-part-1.md"),
      "utf8",
    );
    expect(splitFrontmatterForTest(unit)).toMatchObject({
      id: `FEAT-${YEAR}-0005/T01`,
      status: "draft",
    });
    expect(unit).toContain("# Billing export: CSV (part 1 of 2)");
    const lint = await repo.cli(["lint", out.dir]);
    expect(lint.exitCode, lint.stdout).toBe(0);
    expect(repo.head()).toBe(head);
    expect(repo.gh.calls()).toStrictEqual([]);
  });

  it("a title that makes an empty slug is a clear error (64), nothing written", async () => {
    const repo = githubRepo();
    const before = repo.state();
    const r = await repo.cli(["new", "¿¡ !!"]);
    expect(r.exitCode).toBe(64);
    expect(r.stderr).toMatch(
      /^error\[title_invalid\]: the title "¿¡ !!" gives an empty slug/,
    );
    expect(repo.state()).toBe(before);
  });
});

describe("specfuse abandon (issue 16 §2; audit.md AU-TAB-2)", () => {
  it("marks the feature deferred with its reason, releases the roadmap row, keeps history; discovery skips it", async () => {
    const repo = githubRepo();
    const made = JSON.parse(
      (await repo.cli(["new", "Dark mode", "--json"])).stdout,
    ) as { dir: string; feature_id: string };
    repo.commitAll("feat: draft dark mode");
    const r = await repo.cli([
      "abandon",
      made.feature_id,
      "--reason",
      "waiting for the design system",
      "--json",
    ]);
    expect(r.exitCode, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(compileSchema(ABANDON_OUTPUT_SCHEMA)(out)).toBe(true);
    expect(out).toMatchObject({
      from: "planned",
      status: "deferred",
      files: [`${made.dir}/PLAN.md`, ".specfuse/roadmap.md"],
    });
    const plan = splitFrontmatterForTest(
      readFileSync(path.join(repo.dir, made.dir, "PLAN.md"), "utf8"),
    );
    expect(plan).toMatchObject({
      status: "deferred",
      deferred_reason: "waiting for the design system",
    });
    expect(
      readFileSync(path.join(repo.dir, ".specfuse/roadmap.md"), "utf8"),
    ).toMatch(/\| deferred \|/);
    expect((await repo.cli(["lint", made.dir])).exitCode).toBe(0);
    const run = await repo.cli(["run", "--dry-run"]);
    expect(run.stderr).toContain("no_active_feature");
    const again = await repo.cli(["abandon", made.feature_id, "--reason", "x"]);
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toContain("already deferred");
  });

  it("refuses an empty reason (64) and a finished feature (1 abandon_refused)", async () => {
    const repo = githubRepo([], {
      extra: {
        ".specfuse/features/FEAT-2030-0001-x/PLAN.md":
          "---\nfeature_id: FEAT-2030-0001\ntitle: X\nbranch: feat/x\nroadmap_goal: x\nstatus: done\n---\n",
      },
    });
    const before = repo.state();
    expect(
      (await repo.cli(["abandon", "FEAT-2030-0001", "--reason", "  "]))
        .exitCode,
    ).toBe(64);
    const done = await repo.cli([
      "abandon",
      "FEAT-2030-0001",
      "--reason",
      "no longer wanted",
    ]);
    expect(done.exitCode).toBe(1);
    expect(done.stderr).toContain("error[abandon_refused]");
    expect(repo.state()).toBe(before);
  });
});
