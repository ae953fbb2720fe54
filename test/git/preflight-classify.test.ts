import { describe, expect, it } from "vitest";
import type {
  StatusChange,
  StatusSnapshot,
} from "../../src/git/parse-status.js";
import {
  classifyPreflight,
  type PreflightFacts,
} from "../../src/driver/scope/preflight.js";

const F = ".specfuse/features/FEAT-2026-0042-limiter";
const mod = (path: string, origPath: string | null = null): StatusChange => ({
  kind: origPath === null ? "ordinary" : "renamed",
  xy: origPath === null ? ".M" : "R.",
  path,
  origPath,
});
const status = (
  changes: StatusChange[] = [],
  untracked: string[] = [],
): StatusSnapshot => ({
  head: "a".repeat(40),
  branch: "main",
  changes,
  untracked,
});
const facts = (over: Partial<PreflightFacts> = {}): PreflightFacts => ({
  featureDir: F,
  status: status(),
  otherCheckpoints: [],
  oracle: "tracked",
  ...over,
});
const code = (f: PreflightFacts) => classifyPreflight(f)?.code ?? null;

describe("classifyPreflight (D-GIT-2)", () => {
  it("passes a clean tree", () => {
    expect(classifyPreflight(facts())).toBeNull();
  });

  it("D-GIT-2 #1: another feature's checkpoint → other_feature_interrupted", () => {
    const e = classifyPreflight(
      facts({
        otherCheckpoints: [".specfuse/features/OTHER/work/run-state.json"],
      }),
    );
    expect(e?.code).toBe("other_feature_interrupted");
    expect(e?.detail).toContain(".specfuse/features/OTHER/work/run-state.json");
    expect(e?.hint).toContain("specfuse run --feature OTHER");
  });

  it("D-GIT-2 #2: untracked files in <F> outside work/ → feature_dir_untracked", () => {
    const e = classifyPreflight(
      facts({
        status: status(
          [],
          [`${F}/notes.md`, `${F}/work/k/attempt-1.md`, "scratch.txt"],
        ),
      }),
    );
    expect(e?.code).toBe("feature_dir_untracked");
    expect(e?.detail).toBe(`  ${F}/notes.md`);
    expect(e?.hint).toMatch(/commit|move/);
  });

  it("D-GIT-2 #2: untracked files only under work/ or outside <F> pass", () => {
    expect(
      code(
        facts({ status: status([], [`${F}/work/run-state.json`, "tmp.txt"]) }),
      ),
    ).toBeNull();
  });

  it("D-GIT-2 #3: tracked changes in <F> → feature_dir_modified, with the arm hint", () => {
    const e = classifyPreflight(
      facts({ status: status([mod(`${F}/WU-01.md`)]) }),
    );
    expect(e?.code).toBe("feature_dir_modified");
    expect(e?.detail).toContain(`${F}/WU-01.md`);
    expect(e?.hint).toContain("specfuse arm");
  });

  it("D-GIT-2 #3/#4: the feature's PLAN.md and events.jsonl and .specfuse/roadmap.md are allowed", () => {
    expect(
      code(
        facts({
          status: status([
            mod(`${F}/PLAN.md`),
            mod(`${F}/events.jsonl`),
            mod(".specfuse/roadmap.md"),
          ]),
        }),
      ),
    ).toBeNull();
  });

  it("D-GIT-2 #3: a renamed WU file counts by either side", () => {
    expect(
      code(facts({ status: status([mod("elsewhere.md", `${F}/WU-02.md`)]) })),
    ).toBe("feature_dir_modified");
  });

  it("D-GIT-2 #4: tracked changes outside the allowed set → tree_dirty", () => {
    const e = classifyPreflight(
      facts({ status: status([mod("src/app.ts"), mod("README.md")]) }),
    );
    expect(e?.code).toBe("tree_dirty");
    expect(e?.detail).toBe("  src/app.ts\n  README.md");
    expect(e?.hint).toContain("stash");
  });

  it("D-GIT-2 #4: another feature's PLAN.md is not in the allowed set", () => {
    expect(
      code(
        facts({ status: status([mod(".specfuse/features/OTHER/PLAN.md")]) }),
      ),
    ).toBe("tree_dirty");
  });

  it("D-GIT-2 #4: untracked files outside <F> are not tree_dirty", () => {
    expect(code(facts({ status: status([], ["notes.txt"]) }))).toBeNull();
  });

  it("D-GIT-2 #5: an untracked or modified verification.yml → oracle_uncommitted", () => {
    expect(code(facts({ oracle: "untracked" }))).toBe("oracle_uncommitted");
    expect(
      code(
        facts({
          status: status([], [".specfuse/verification.yml"]),
          oracle: "untracked",
        }),
      ),
    ).toBe("oracle_uncommitted");
    const e = classifyPreflight(
      facts({ status: status([mod(".specfuse/verification.yml")]) }),
    );
    expect(e?.code).toBe("oracle_uncommitted");
    expect(e?.file).toBe(".specfuse/verification.yml");
    expect(e?.hint).toContain("git add .specfuse/verification.yml");
    // Issue 17 point 7: named once as the location and once in the command to run, not also as message and detail.
    expect(e?.message).not.toContain("verification.yml");
    expect(e?.detail).toBeUndefined();
  });

  it("D-GIT-2 #4 before #5: other dirty files are reported first, without the oracle", () => {
    const e = classifyPreflight(
      facts({
        status: status([mod("src/a.ts"), mod(".specfuse/verification.yml")]),
      }),
    );
    expect(e?.code).toBe("tree_dirty");
    expect(e?.detail).toBe("  src/a.ts");
  });

  it("D-GIT-2 #5: an oracle that does not exist is left to the loader", () => {
    expect(code(facts({ oracle: "absent" }))).toBeNull();
  });

  it("D-GIT-2: checks run in order; the first failure wins", () => {
    expect(
      code(
        facts({
          otherCheckpoints: [".specfuse/features/B/work/run-state.json"],
          status: status([mod("src/a.ts")], [`${F}/x.md`]),
        }),
      ),
    ).toBe("other_feature_interrupted");
    expect(
      code(facts({ status: status([mod(`${F}/WU-01.md`)], [`${F}/x.md`]) })),
    ).toBe("feature_dir_untracked");
  });

  it("lists at most 20 paths and counts the rest", () => {
    const many = Array.from({ length: 25 }, (_, i) => mod(`src/f${i}.ts`));
    const e = classifyPreflight(facts({ status: status(many) }));
    expect(e?.detail?.split("\n")).toHaveLength(21);
    expect(e?.detail).toContain("… and 5 more");
  });
});
