import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileSchema } from "../../src/schemas/ajv.js";
import { REPORT_OUTPUT_SCHEMA } from "../../src/schemas/report-output.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";
import { eventsText, outcome } from "../history/events-fixture.js";
import {
  DIR,
  FEATURE_ID,
  FOLDER,
  type GateSpec,
} from "../operator/feature-fixture.js";
import { operatorRepo } from "./operator-repo.js";
import { ranRepo, T2 } from "./ran-feature.js";

const validate = compileSchema(REPORT_OUTPUT_SCHEMA);
const PAGE = `${DIR}/work/report.html`;

// A PATH holding only node and git (and whatever the test adds), so no system opener is found.
function barePath(extra: Record<string, string> = {}): string {
  const dir = tempDir("specfuse-path-");
  symlinkSync(process.execPath, path.join(dir, "node"));
  for (const p of (process.env.PATH ?? "").split(path.delimiter)) {
    const git = path.join(p, "git");
    if (existsSync(git)) {
      symlinkSync(git, path.join(dir, "git"));
      break;
    }
  }
  for (const [name, text] of Object.entries(extra)) {
    writeFileSync(path.join(dir, name), text);
    chmodSync(path.join(dir, name), 0o755);
  }
  return dir;
}

describe("specfuse report (issue 16 §3)", () => {
  it("writes one self-contained page atomically under the feature's work/ and says where", async () => {
    const { repo, squash } = ranRepo();
    const r = await runCli(["report"], { cwd: repo.dir });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(
        `^wrote ${PAGE.replace(/[.]/g, "\\.")} \\(\\d+\\.\\d KiB · 2 units · 3 attempts, 2 not passed\\)$`,
      ),
    );
    const html = readFileSync(path.join(repo.dir, PAGE), "utf8");
    expect(html).toContain(
      `<title>${FEATURE_ID} · Rate limits · specfuse report</title>`,
    );
    expect(html).toContain("### tests: FAIL again");
    expect(html).toContain(
      `<code>${squash.slice(0, 7)}</code> <small>feat: Unit T01</small>`,
    );
    expect(html).toContain("an_event_from_the_future (1)");
    expect(html).not.toMatch(/https?:\/\//);
    // The write is atomic (A-STYLE-2): no temp file is left, and work/ stays ignored.
    expect(
      readdirSync(path.join(repo.dir, DIR, "work")).filter((n) =>
        n.includes("specfuse-tmp"),
      ),
    ).toEqual([]);
    expect(repo.git("status", "--porcelain")).toBe("");
  });

  it("--json is specfuse.report/1 and validates; the feature may be named by folder or id, from anywhere", async () => {
    const { repo } = ranRepo();
    mkdirSync(path.join(repo.dir, "sub"));
    for (const ref of [FOLDER, FEATURE_ID]) {
      const r = await runCli(["report", ref, "--json"], {
        cwd: path.join(repo.dir, "sub"),
      });
      expect(r.exitCode).toBe(0);
      const doc = JSON.parse(r.stdout) as Record<string, unknown>;
      expect(validate(doc)).toBe(true);
      expect(doc).toMatchObject({
        schema: "specfuse.report/1",
        exit_code: 0,
        feature: FEATURE_ID,
        file: PAGE,
        has_events: true,
        units: 2,
        attempts: 3,
        failed_attempts: 2,
        ignored_events: 1,
        unknown_event_types: ["an_event_from_the_future"],
        opened: false,
      });
    }
    const bad = await runCli(["report", "nope", "--json"], { cwd: repo.dir });
    expect(bad.exitCode).toBe(64);
    expect(JSON.parse(bad.stdout)).toMatchObject({
      error: { code: "feature_not_found" },
    });
  });

  it("a feature with no events gets a page that says so, with every unit and the graph, and exit 0", async () => {
    const repo = operatorRepo([
      { gate: 1, units: [{ id: "T01" }, { id: "T02", deps: ["T01"] }] },
      { gate: 2, units: [{ id: "T03", status: "draft", deps: ["T02"] }] },
    ]);
    const r = await runCli(["report"], { cwd: repo.dir });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain(
      "events.jsonl has no events yet: the page shows the plan and the graph only",
    );
    const html = readFileSync(path.join(repo.dir, PAGE), "utf8");
    expect(html).toContain("No events yet.");
    for (const id of ["T01", "T02", "T03"])
      expect(html).toContain(`<text class="id" x="8" y="16">${id}</text>`);
    expect(html).toContain('<section id="gate-2">');
  });

  it("a broken events.jsonl and unknown types degrade the page; an unreadable unit file still writes it, then 65", async () => {
    const repo = operatorRepo([
      { gate: 1, units: [{ id: "T01" }, { id: "T02" }] },
    ]);
    repo.write({
      [`${DIR}/events.jsonl`]: `not json\n${eventsText([
        { type: "martian", corr: `${FEATURE_ID}/T01`, at: 1 },
        outcome(`${FEATURE_ID}/T01`, 1, "mystery_outcome", 5),
      ])}{"half": `,
      [`${DIR}/WU-T02.md`]: "---\nid: [oops\n---\n",
    });
    const r = await runCli(["report", "--json"], { cwd: repo.dir });
    expect(r.exitCode).toBe(65);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(validate(doc)).toBe(true);
    expect(doc).toMatchObject({
      error: { code: "yaml_error" },
      skipped_lines: 2,
      ignored_events: 1,
      problems: [
        expect.stringMatching(/WU-T02\.md:2: frontmatter:/) as unknown,
      ],
    });
    expect(r.stderr).toMatch(
      /^error\[yaml_error\]: 1 file of the feature could not be read or parsed; the report was written without it$/m,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const html = readFileSync(path.join(repo.dir, PAGE), "utf8");
    expect(html).toContain("Some files could not be read or parsed");
    expect(html).toContain("other outcome");
    expect(html).toContain(
      "2 lines of events.jsonl are not an event and were skipped.",
    );
  });

  it("--open runs the platform opener with the page's path; no opener only warns, exit 0", async () => {
    const { repo } = ranRepo();
    const record = path.join(tempDir("specfuse-opened-"), "argv");
    const withOpener = barePath({
      "xdg-open": `#!/bin/sh\nprintf '%s\\n' "$@" > ${JSON.stringify(record)}\n`,
    });
    const opened = await runCli(["report", "--open", "--json"], {
      cwd: repo.dir,
      env: { PATH: withOpener },
    });
    expect(opened.exitCode).toBe(0);
    expect(JSON.parse(opened.stdout)).toMatchObject({ opened: true });
    expect(readFileSync(record, "utf8")).toBe(`${path.join(repo.dir, PAGE)}\n`);

    const none = await runCli(["report", "--open"], {
      cwd: repo.dir,
      env: { PATH: barePath() },
    });
    expect(none.exitCode).toBe(0);
    expect(none.stderr).toMatch(
      /^warning: could not open the report \(no xdg-open on PATH\); open .*report\.html in a browser$/m,
    );

    const failing = await runCli(["report", "--open"], {
      cwd: repo.dir,
      env: { PATH: barePath({ "xdg-open": "#!/bin/sh\nexit 3\n" }) },
    });
    expect(failing.exitCode).toBe(0);
    expect(failing.stderr).toContain(
      "could not open the report (xdg-open exited 3)",
    );
  });

  it("a huge feature stays bounded: a note is inlined up to 16 KiB, and notes stop being inlined once 4 MiB are in", async () => {
    // T01…T99: the largest feature the id grammar allows in one gate, three failed attempts each.
    const units = Array.from({ length: 99 }, (_, i) => ({
      id: `T${String(i + 1).padStart(2, "0")}`,
    }));
    const gates: GateSpec[] = [{ gate: 1, units }];
    const repo = operatorRepo(gates);
    const lines = [];
    const tree: Record<string, string> = {};
    const big = "x".repeat(100 * 1024);
    for (const u of gates[0]?.units ?? [])
      for (let a = 1; a <= 3; a++) {
        lines.push(outcome(`${FEATURE_ID}/${u.id}`, a, "failed", a * 100));
        tree[`${DIR}/work/${FEATURE_ID}_${u.id}/attempt-${a}.md`] = `${big}\n`;
      }
    tree[`${DIR}/events.jsonl`] = eventsText(lines);
    repo.write(tree);
    const r = await runCli(["report", "--json"], { cwd: repo.dir });
    expect(r.exitCode).toBe(0);
    const size = statSync(path.join(repo.dir, PAGE)).size;
    // 297 notes of 100 KiB would be 29 MiB; the page holds 4 MiB of note text plus its own markup.
    expect(size).toBeGreaterThan(4 * 1024 * 1024);
    expect(size).toBeLessThan(6 * 1024 * 1024);
    const html = readFileSync(path.join(repo.dir, PAGE), "utf8");
    expect(html).toContain("the page shows its first 16.0 KiB of 100.0 KiB");
    expect(html).toContain("not inlined: the page's evidence budget is spent");
    expect(JSON.parse(r.stdout)).toMatchObject({
      units: 99,
      failed_attempts: 297,
    });
  });

  it("report refuses to guess between two active features; no task graph is 65; show of an unknown feature's unit is 64", async () => {
    const repo = operatorRepo([{ gate: 1, units: [{ id: "T01" }] }], "active", {
      [".specfuse/features/FEAT-2026-0050-other/PLAN.md"]:
        "---\nfeature_id: FEAT-2026-0050\nstatus: active\n---\n# no graph\n",
    });
    const r = await runCli(["report"], { cwd: repo.dir });
    expect(r.exitCode).toBe(64);
    expect(r.stderr).toMatch(
      /^error\[feature_ambiguous\]: 2 features are active; say which one$/m,
    );
    const graphless = await runCli(["report", "FEAT-2026-0050-other"], {
      cwd: repo.dir,
    });
    expect(graphless.exitCode).toBe(65);
    expect(graphless.stderr).toMatch(/^error\[graph_missing\]/m);
    const unknown = await runCli(["show", T2.replace("0042", "0099")], {
      cwd: repo.dir,
    });
    expect(unknown.exitCode).toBe(64);
  });
});
