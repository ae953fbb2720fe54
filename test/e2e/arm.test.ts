import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileSchema } from "../../src/schemas/ajv.js";
import { ARM_OUTPUT_SCHEMA } from "../../src/schemas/arm-output.js";
import { parseFrontmatter } from "../../src/yaml/split-frontmatter.js";
import { runCli } from "../helpers/run-cli.js";
import {
  DIR,
  FEATURE_ID,
  FOLDER,
  type GateSpec,
} from "../operator/feature-fixture.js";
import { holdLock, operatorRepo } from "./operator-repo.js";

const validate = compileSchema(ARM_OUTPUT_SCHEMA);
const cost = (produces?: string) =>
  `planned_cost_usd: 0.5${produces === undefined ? "" : `\nproduces: [${produces}]`}`;

// Gate 1 reviewed (awaiting_review, all done); gate 2 drafted by plan-next.
const reviewed = (): GateSpec[] => [
  {
    gate: 1,
    status: "awaiting_review",
    units: [
      { id: "T01", status: "done", extra: cost("src/a.ts") },
      {
        id: "G1-CLOSE-INTERMEDIATE",
        type: "close-intermediate",
        status: "done",
        deps: ["T01"],
        extra: cost(),
      },
      {
        id: "G1-PLAN",
        type: "plan-next",
        status: "done",
        deps: ["G1-CLOSE-INTERMEDIATE"],
        extra: cost(),
      },
    ],
  },
  {
    gate: 2,
    units: [
      { id: "T02", status: "draft", extra: cost("src/b.ts") },
      { id: "T03", status: "draft", deps: ["T02"], extra: cost("src/c.ts") },
      {
        id: "G2-CLOSE",
        type: "close",
        status: "draft",
        deps: ["T03"],
        extra: cost(),
      },
    ],
  },
];

const ROADMAP = [
  "# Roadmap",
  "",
  "| Feature ID | Title | Status | Folder | Detail |",
  "|---|---|---|---|---|",
  `| ${FEATURE_ID} | Rate limits | planned | ${FOLDER} | below |`,
  "",
].join("\n");

const statusOf = (dir: string, file: string) =>
  parseFrontmatter(readFileSync(path.join(dir, DIR, file), "utf8")).data.status;

describe("specfuse arm (cli.md §3.5, driver D-ARM-1)", () => {
  it("the fixture lints clean, so refusals below come from the edits the tests make", async () => {
    const repo = operatorRepo(reviewed());
    const r = await runCli(["lint", DIR], { cwd: repo.dir });
    expect(r.stdout).toMatch(/0 errors/);
  });

  it("D-ARM-1 passes the reviewed gate, arms the drafts, appends gate_armed and commits", async () => {
    const repo = operatorRepo(reviewed());
    const r = await runCli(["arm", "--json"], { cwd: repo.dir });
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(validate(doc)).toBe(true);
    expect(doc).toMatchObject({
      feature: FEATURE_ID,
      gate: 2,
      armed: [
        `${FEATURE_ID}/T02`,
        `${FEATURE_ID}/T03`,
        `${FEATURE_ID}/G2-CLOSE`,
      ],
      abandoned: [],
      gates_passed: [1],
      plan_activated: false,
      commit: repo.head(),
    });
    expect(r.stderr).toMatch(/^armed gate 2 of FEAT-2026-0042$/m);
    expect(r.stderr).toMatch(/gate 1: awaiting_review → passed/);
    expect(r.stderr).toMatch(/next: specfuse run/);
    expect(statusOf(repo.dir, "GATE-01.md")).toBe("passed");
    for (const f of ["WU-T02.md", "WU-T03.md", "WU-G2-CLOSE.md"])
      expect(statusOf(repo.dir, f)).toBe("pending");
    const event = JSON.parse(
      readFileSync(path.join(repo.dir, DIR, "events.jsonl"), "utf8").trimEnd(),
    ) as Record<string, unknown>;
    expect(event).toMatchObject({
      correlation_id: FEATURE_ID,
      event_type: "gate_armed",
      payload: { gate: 2, armed: doc.armed, gates_passed: [1] },
    });
    expect(repo.git("log", "-1", "--format=%B").trim()).toBe(
      `chore(arm): arm gate 2\n\nFeature: ${FEATURE_ID}`,
    );
    expect(repo.git("status", "--porcelain")).toBe("");
  });

  it("D-ARM-1 commits the reviewer's edits under the feature folder along with the flips", async () => {
    const repo = operatorRepo(reviewed());
    const wu = path.join(repo.dir, DIR, "WU-T02.md");
    writeFileSync(
      wu,
      readFileSync(wu, "utf8").replace(
        "Make the change.",
        "Make the smaller change.",
      ),
    );
    writeFileSync(
      path.join(repo.dir, DIR, "GATE-02-REVIEW.md"),
      "# Review notes\n",
    );
    const r = await runCli(["arm"], { cwd: repo.dir });
    expect(r.exitCode).toBe(0);
    expect(
      repo.git("show", "--name-only", "--format=", "HEAD").split("\n"),
    ).toEqual(
      expect.arrayContaining([
        `${DIR}/GATE-02-REVIEW.md`,
        `${DIR}/WU-T02.md`,
        `${DIR}/events.jsonl`,
      ]),
    );
    expect(repo.git("status", "--porcelain")).toBe("");
  });

  it("C-ARM-1 --wu arms a subset and --abandon-rest abandons the other drafts, in one commit", async () => {
    const repo = operatorRepo(reviewed());
    const r = await runCli(
      ["arm", "--wu", "T02", "G2-CLOSE", "--abandon-rest", "--json"],
      { cwd: repo.dir },
    );
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      armed: string[];
      abandoned: string[];
    };
    expect(doc.armed).toEqual([`${FEATURE_ID}/T02`, `${FEATURE_ID}/G2-CLOSE`]);
    expect(doc.abandoned).toEqual([`${FEATURE_ID}/T03`]);
    expect(statusOf(repo.dir, "WU-T03.md")).toBe("abandoned");
    expect(
      repo
        .git("log", "--format=%s")
        .split("\n")
        .filter((s) => s.startsWith("chore(arm)")),
    ).toHaveLength(1);
  });

  it("C-ARM-2 a draft that fails lint refuses with exit 1 lint_failed and prints the diagnostics; nothing is written", async () => {
    const repo = operatorRepo(reviewed());
    const wu = path.join(repo.dir, DIR, "WU-T03.md");
    writeFileSync(
      wu,
      readFileSync(wu, "utf8").replace(
        "**Verification.**\nnpm test passes.\n",
        "",
      ),
    );
    repo.commitAll("a draft without its Verification section");
    const head = repo.head();
    const r = await runCli(["arm"], { cwd: repo.dir });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/WU-T03\.md:\d+: error [a-z-]+: .*Verification/);
    expect(r.stderr).toMatch(
      /^error\[lint_failed\]: gate 2 not armed: lint found 1 error/m,
    );
    expect(statusOf(repo.dir, "WU-T02.md")).toBe("draft");
    expect(repo.head()).toBe(head);
    expect(repo.git("status", "--porcelain")).toBe("");
  });

  it("C-ARM-1 --dry-run prints the flips and the lint result, takes no lock and writes nothing", async () => {
    const repo = operatorRepo(reviewed());
    await holdLock(repo.dir);
    const r = await runCli(["arm", "--dry-run"], { cwd: repo.dir });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(
      /^specfuse arm \(dry run\): nothing was written\nwould arm gate 2 of FEAT-2026-0042:/,
    );
    expect(r.stdout).toMatch(/FEAT-2026-0042\/T03: draft → pending/);
    expect(r.stdout).toMatch(/lint: 0 errors/);
    expect(repo.git("status", "--porcelain")).toBe("");
    const locked = await runCli(["arm"], { cwd: repo.dir });
    expect(locked.exitCode).toBe(3);
  });

  it("C-ARM-1 a planned feature with drafts is found without --feature, activated, and its roadmap row set to active", async () => {
    const gates: GateSpec[] = [
      {
        gate: 1,
        units: [
          { id: "T01", status: "draft", extra: cost("src/a.ts") },
          {
            id: "G1-CLOSE",
            type: "close",
            status: "draft",
            deps: ["T01"],
            extra: cost(),
          },
        ],
      },
    ];
    const repo = operatorRepo(gates, "planned", {
      ".specfuse/roadmap.md": ROADMAP,
    });
    const r = await runCli(["arm", "--json"], { cwd: repo.dir });
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      gate: 1,
      plan_activated: true,
      gates_passed: [],
    });
    expect(
      parseFrontmatter(
        readFileSync(path.join(repo.dir, DIR, "PLAN.md"), "utf8"),
      ).data.status,
    ).toBe("active");
    expect(
      readFileSync(path.join(repo.dir, ".specfuse/roadmap.md"), "utf8"),
    ).toBe(ROADMAP.replace("| planned |", "| active |"));
    expect(
      repo.git("show", "--name-only", "--format=", "HEAD").split("\n"),
    ).toContain(".specfuse/roadmap.md");
    const again = await runCli(["arm"], { cwd: repo.dir });
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toMatch(/already armed/);
  });

  it("issue 17 point 7: -q keeps the findings and one outcome line", async () => {
    const repo = operatorRepo(reviewed());
    const dry = await runCli(["arm", "--dry-run", "-q"], { cwd: repo.dir });
    expect(dry.exitCode).toBe(0);
    const dryLines = dry.stdout.split("\n");
    expect(dryLines.at(-1)).toBe(
      `would arm gate 2 of ${FEATURE_ID} (dry run: nothing was written)`,
    );
    // Only lint findings come before it: no flips, no counts, no next step.
    for (const l of dryLines.slice(0, -1))
      expect(l).toMatch(/: warning [a-z-]+: /);
    const r = await runCli(["arm", "-q"], { cwd: repo.dir });
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines.at(-1)).toBe(
      `armed gate 2 of ${FEATURE_ID} (commit ${repo.head().slice(0, 7)})`,
    );
    expect(r.stdout).not.toMatch(/→|^next:|lint: \d/m);
  });

  it("issue 17 point 4: with no roadmap row, `arm --dry-run` warns instead of claiming the flip, and lint warns too", async () => {
    const gates: GateSpec[] = [
      {
        gate: 1,
        units: [
          { id: "T01", status: "draft", extra: cost("src/a.ts") },
          {
            id: "G1-CLOSE",
            type: "close",
            status: "draft",
            deps: ["T01"],
            extra: cost(),
          },
        ],
      },
    ];
    const noRow = ROADMAP.replace(/^\| FEAT-.*\n/m, "");
    const repo = operatorRepo(gates, "planned", {
      ".specfuse/roadmap.md": noRow,
    });
    const dry = await runCli(["arm", "--dry-run"], { cwd: repo.dir });
    expect(dry.exitCode).toBe(0);
    expect(dry.stdout).toContain("  PLAN.md: planned → active\n");
    expect(dry.stdout).not.toMatch(/roadmap\.md: FEAT-2026-0042 Status/);
    expect(dry.stdout).toContain(
      `warning: .specfuse/roadmap.md has no row for ${FEATURE_ID}`,
    );
    const json = await runCli(["arm", "--dry-run", "--json"], {
      cwd: repo.dir,
    });
    expect(JSON.parse(json.stdout)).toMatchObject({
      warnings: expect.arrayContaining([
        expect.objectContaining({ code: "roadmap_row_missing" }),
      ]) as unknown,
    });
    const lint = await runCli(["lint", DIR], { cwd: repo.dir });
    expect(lint.exitCode).toBe(0);
    expect(lint.stdout).toMatch(
      /PLAN\.md:2: warning roadmap-row-missing: \.specfuse\/roadmap\.md has no row for FEAT-2026-0042/,
    );
    const withRow = operatorRepo(gates, "planned", {
      ".specfuse/roadmap.md": ROADMAP,
    });
    const dry2 = await runCli(["arm", "--dry-run"], { cwd: withRow.dir });
    expect(dry2.stdout).toContain(
      `  .specfuse/roadmap.md: ${FEATURE_ID} Status planned → active\n`,
    );
    expect(dry2.stdout).not.toContain("roadmap-row-missing");
    expect(dry2.stdout).not.toContain("warning: .specfuse/roadmap.md");
  });

  it("issue 17 point 3: lint and arm agree on run-in sections (`**Context.** text`, the template's style)", async () => {
    const repo = operatorRepo(reviewed());
    const file = path.join(repo.dir, DIR, "WU-T03.md");
    const text = readFileSync(file, "utf8")
      .replace("**Context.**\n", "**Context.** ")
      .replace("**Do not touch.**\n", "**Do not touch.** ");
    writeFileSync(file, text);
    repo.git("commit", "-qam", "run-in sections");
    const lint = await runCli(["lint", "--just-closed-gate", "1", DIR], {
      cwd: repo.dir,
    });
    expect(lint.stdout).not.toContain("draft-section-empty");
    const dry = await runCli(["arm", "--dry-run"], { cwd: repo.dir });
    expect(dry.exitCode).toBe(0);
    expect(dry.stdout).not.toContain("draft-section-empty");
    const empty = text.replace(
      "**Context.** The limiter lives in src/limits.\n",
      "**Context.**\n",
    );
    writeFileSync(file, empty);
    const lint2 = await runCli(["lint", "--just-closed-gate", "1", DIR], {
      cwd: repo.dir,
    });
    const dry2 = await runCli(["arm", "--dry-run"], { cwd: repo.dir });
    expect(lint2.stdout).toMatch(
      /WU-T03\.md:\d+: warning draft-section-empty: The "Context" section is empty/,
    );
    expect(dry2.stdout).toMatch(
      /WU-T03\.md:\d+: warning draft-section-empty: The "Context" section is empty/,
    );
  });

  it("C-ARM-2 refusals: an earlier gate not finished (1), a --wu that is not a draft (1), an unknown --wu (64), nothing to arm (1)", async () => {
    const open = reviewed();
    (open[0] as GateSpec).status = "open";
    (open[0] as GateSpec).units[0] = {
      id: "T01",
      status: "pending",
      extra: cost("src/a.ts"),
    };
    const repo = operatorRepo(open);
    const early = await runCli(["arm", "--json"], { cwd: repo.dir });
    expect(early.exitCode).toBe(1);
    const doc = JSON.parse(early.stdout) as { error: { code: string } };
    expect(validate(doc)).toBe(true);
    expect(doc.error.code).toBe("arm_precondition");
    const notDraft = await runCli(["arm", "--wu", "T01"], { cwd: repo.dir });
    expect(notDraft.exitCode).toBe(1);
    expect(notDraft.stderr).toMatch(/error\[arm_precondition\]/);
    expect(
      (await runCli(["arm", "--wu", "T99"], { cwd: repo.dir })).exitCode,
    ).toBe(64);
    const done = operatorRepo([
      { gate: 1, status: "passed", units: [{ id: "T01", status: "done" }] },
    ]);
    const nothing = await runCli(["arm"], { cwd: done.dir });
    expect(nothing.exitCode).toBe(1);
    expect(nothing.stderr).toMatch(/^error\[nothing_to_arm\]/m);
    expect(repo.git("status", "--porcelain")).toBe("");
  });
});
