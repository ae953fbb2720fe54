import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileSchema } from "../../src/schemas/ajv.js";
import { LINT_REPORT_SCHEMA } from "../../src/schemas/lint-report.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";
import { writeTree } from "../helpers/write-tree.js";
import { base, edit, type Tree } from "../lint/helpers.js";

// Writes a tree of text files under dir.
function write(dir: string, tree: Tree): void {
  const texts: Record<string, string> = {};
  for (const [name, content] of Object.entries(tree))
    if (typeof content === "string") texts[name] = content;
  writeTree(dir, texts);
}

// The roadmap row every fixture feature (FEAT-2026-0101) needs, so roadmap-row-missing stays quiet.
const ROADMAP =
  "| Feature ID | Title | Status | Folder | Detail |\n|---|---|---|---|---|\n| FEAT-2026-0101 | Tide table export | active | FEAT-2026-0101-a | |\n";

// A repository with .specfuse/features/ holding the given feature folders.
function workspace(features: Record<string, Tree>): string {
  const root = tempDir("specfuse-lint-e2e-");
  mkdirSync(path.join(root, ".specfuse", "features"), { recursive: true });
  writeFileSync(path.join(root, ".specfuse", "roadmap.md"), ROADMAP);
  for (const [name, tree] of Object.entries(features))
    write(path.join(root, ".specfuse", "features", name), tree);
  return root;
}

const CLEAN = base();
const WARN = edit(base(), "WU-01-export.md", "produces: [src/export.ts]\n", "");
const BROKEN = edit(
  base(),
  "WU-02-utc.md",
  "type: implementation",
  "type: refactor",
);
const DRAFT_BASE = edit(
  base(),
  "PLAN.md",
  "planned_cost_usd: 3.0",
  "planned_cost_usd: 2.5",
);
const DRAFT = edit(
  edit(DRAFT_BASE, "WU-03-columns.md", "status: pending", "status: draft"),
  "WU-03-columns.md",
  "planned_cost_usd: 0.5",
  "planned_cost_usd: 0",
);

describe("specfuse lint and specfuse-lint (lint.md §1, cli.md C-BIN-1, C-LINT-1/2)", () => {
  it("L-CLI-4: a clean folder exits 0, warnings allowed; the report and summary go to stdout", async () => {
    const root = workspace({ "FEAT-2026-0101-a": WARN });
    const r = await runCli(["lint", ".specfuse/features/FEAT-2026-0101-a"], {
      cwd: root,
    });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(
      /^\.specfuse\/features\/FEAT-2026-0101-a\/WU-01-export\.md:1: warning produces-missing: .* Fix: .*$/m,
    );
    expect(r.stdout.trimEnd().split("\n").pop()).toBe(
      "specfuse lint: 1 feature folder, 0 errors, 1 warning",
    );
  });

  it("L-CLI-4: errors exit 1 with nothing on stderr; the alias bin prints the same report", async () => {
    const root = workspace({ "FEAT-2026-0101-a": BROKEN });
    const umbrella = await runCli(
      ["lint", ".specfuse/features/FEAT-2026-0101-a"],
      { cwd: root },
    );
    const alias = await runCli([".specfuse/features/FEAT-2026-0101-a"], {
      cwd: root,
      bin: "specfuse-lint",
    });
    expect(umbrella).toMatchObject({ exitCode: 1, stderr: "" });
    expect(umbrella.stdout).toContain("error wu-type:");
    expect(alias).toStrictEqual(umbrella);
    const verbose = await runCli(
      ["lint", "--verbose", ".specfuse/features/FEAT-2026-0101-a"],
      { cwd: root },
    );
    expect(verbose).toMatchObject({ exitCode: 1, stderr: "" });
  });

  it("issue 17 points 2 and 12: typos and a missing opening --- are named, not passed silently", async () => {
    let typo = edit(
      base(),
      "PLAN.md",
      "        depends_on: [FEAT-2026-0101/T01]\n",
      "        depend_on: [FEAT-2026-0101/T01]\n",
    );
    typo = edit(typo, "WU-01-export.md", "status: pending", "stauts: pending");
    typo = edit(
      typo,
      "WU-03-columns.md",
      "type: implementation",
      "type: implementation\nmodle: opus",
    );
    typo = edit(typo, "WU-92-g2-close.md", /^---\n/, "");
    const root = workspace({ "FEAT-2026-0101-a": typo });
    const r = await runCli(["lint"], { cwd: root });
    expect(r.exitCode).toBe(1);
    const out = r.stdout;
    expect(out).toMatch(
      /PLAN\.md:22: warning unknown-key: Unknown key "depend_on" in a task-graph unit entry; did you mean "depends_on"\?/,
    );
    expect(out).toMatch(
      /WU-01-export\.md:1: error wu-status: status is absent \(the frontmatter has "stauts": a misspelling of "status"\?\)/,
    );
    expect(out).toMatch(
      /WU-03-columns\.md:4: warning unknown-key: Unknown key "modle" .* did you mean "model"\?/,
    );
    expect(out).toMatch(
      /WU-92-g2-close\.md:1: error frontmatter-missing: The file has no frontmatter: it starts with "id: FEAT-2026-0101\/G2-CLOSE"/,
    );
  });

  it("L-CLI-6: --strict turns warnings into errors and exit 1", async () => {
    const root = workspace({ "FEAT-2026-0101-a": WARN });
    const r = await runCli(
      ["--strict", ".specfuse/features/FEAT-2026-0101-a"],
      { cwd: root, bin: "specfuse-lint" },
    );
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain("error produces-missing:");
  });

  it("L-DRAFT-1: --just-closed-gate runs the draft pass, warnings only, even with --strict", async () => {
    const root = workspace({ "FEAT-2026-0101-a": DRAFT });
    const dir = ".specfuse/features/FEAT-2026-0101-a";
    const r = await runCli(
      [dir, "--just-closed-gate", "1", "--strict", "--format", "json"],
      { cwd: root, bin: "specfuse-lint" },
    );
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      just_closed_gate: number;
      features: Array<{
        diagnostics: Array<{ rule: string; pass: string; severity: string }>;
      }>;
    };
    expect(doc.just_closed_gate).toBe(1);
    expect(
      doc.features[0]?.diagnostics.map((d) => [d.rule, d.pass, d.severity]),
    ).toContainEqual(["draft-planned-cost", "draft", "warning"]);
    const negative = await runCli([dir, "--just-closed-gate", "-1"], {
      cwd: root,
      bin: "specfuse-lint",
    });
    expect(negative.exitCode).toBe(0);
  });

  it("L-OUT-2: --format json and --json print one schema-valid document, not enveloped", async () => {
    const root = workspace({
      "FEAT-2026-0101-a": BROKEN,
      "FEAT-2026-0101-b": CLEAN,
    });
    const validate = compileSchema(LINT_REPORT_SCHEMA);
    for (const flags of [["--format", "json"], ["--json"]]) {
      const r = await runCli(["lint", ...flags], { cwd: root });
      expect(r.exitCode).toBe(1);
      expect(r.stdout.endsWith("}\n") || r.stdout.endsWith("}")).toBe(true);
      const doc: unknown = JSON.parse(r.stdout);
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
      expect(doc).toMatchObject({
        schema_version: 1,
        tool: { name: "specfuse-lint" },
        summary: { features: 2, exit_code: 1 },
      });
      expect(doc).not.toHaveProperty("schema");
    }
  });

  it("L-OUT-3 and L-OUT-4: github annotations and a SARIF log", async () => {
    const root = workspace({ "FEAT-2026-0101-a": BROKEN });
    const gh = await runCli(["lint", "--format", "github"], { cwd: root });
    expect(gh.exitCode).toBe(1);
    expect(gh.stdout).toMatch(
      /^::error file=\.specfuse\/features\/FEAT-2026-0101-a\/WU-02-utc\.md,line=3,title=wu-type::/m,
    );
    const sarif = await runCli(["lint", "--format", "sarif"], { cwd: root });
    expect(sarif.exitCode).toBe(1);
    const log = JSON.parse(sarif.stdout) as {
      version: string;
      runs: Array<{
        originalUriBaseIds: Record<string, { uri: string }>;
        results: unknown[];
      }>;
    };
    expect(log.version).toBe("2.1.0");
    expect(log.runs[0]?.originalUriBaseIds["%SRCROOT%"]?.uri).toBe(
      `file://${root.split("/").map(encodeURIComponent).join("/")}/`,
    );
    expect(log.runs[0]?.results).toHaveLength(1);
  });

  it("L-CLI-3: without dirs, lints every non-hidden folder of .specfuse/features/ in code-point order", async () => {
    const root = workspace({
      "b-feature": CLEAN,
      "A-feature": BROKEN,
      ".hidden": BROKEN,
    });
    writeFileSync(
      path.join(root, ".specfuse", "features", "notes.txt"),
      "not a folder\n",
    );
    const r = await runCli(["lint", "--json"], { cwd: root });
    const doc = JSON.parse(r.stdout) as { features: Array<{ dir: string }> };
    expect(doc.features.map((f) => f.dir)).toStrictEqual([
      ".specfuse/features/A-feature",
      ".specfuse/features/b-feature",
    ]);
  });

  it("L-CLI-3: discovery searches upward like C-GLOB-1, with paths relative to the working directory", async () => {
    const root = workspace({ "FEAT-2026-0101-a": BROKEN });
    mkdirSync(path.join(root, "src", "deep"), { recursive: true });
    const r = await runCli(["lint"], { cwd: path.join(root, "src", "deep") });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain(
      "../../.specfuse/features/FEAT-2026-0101-a/WU-02-utc.md:3: error wu-type",
    );
    const viaC = await runCli(["lint", "-C", root], {
      cwd: path.join(root, "src"),
    });
    expect(viaC.stdout).toContain(
      ".specfuse/features/FEAT-2026-0101-a/WU-02-utc.md:3:",
    );
  });

  it("L-CLI-3: an empty .specfuse/features/ gives an empty report and exit 0", async () => {
    const root = workspace({});
    const r = await runCli(["lint"], { cwd: root });
    expect(r).toMatchObject({
      exitCode: 0,
      stdout: "specfuse lint: 0 feature folders, 0 errors, 0 warnings",
      stderr: "",
    });
  });

  it("L-CLI-2: display paths are normalized and duplicates linted once; a missing folder is plan-missing", async () => {
    const root = workspace({ "FEAT-2026-0101-a": BROKEN });
    const r = await runCli(
      [
        "lint",
        "./.specfuse//features/FEAT-2026-0101-a/",
        ".specfuse/features/FEAT-2026-0101-a",
        "nowhere/",
      ],
      { cwd: root },
    );
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(
      /^\.specfuse\/features\/FEAT-2026-0101-a\/WU-02-utc\.md:3:/m,
    );
    expect(r.stdout).toContain("nowhere/PLAN.md: error plan-missing:");
    expect(r.stdout).toContain(
      "specfuse lint: 2 feature folders, 2 errors, 0 warnings",
    );
  });

  it.each<[string, string[]]>([
    ["an unknown option", ["--frobnicate"]],
    ["a bad --format", ["--format", "xml"]],
    ["a non-integer --just-closed-gate", ["--just-closed-gate", "1.5"]],
    ["--json with --format sarif", ["--json", "--format", "sarif"]],
  ])(
    "L-CLI-4: %s is a usage error: exit 2, empty stdout, one error on stderr",
    async (_name, args) => {
      const root = workspace({ "FEAT-2026-0101-a": CLEAN });
      const r = await runCli(
        ["lint", ...args, ".specfuse/features/FEAT-2026-0101-a"],
        { cwd: root },
      );
      expect(r.exitCode).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^error\[lint_usage\]: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    },
  );

  it("L-CLI-3/4: no dirs and no .specfuse/features/ anywhere up the tree is a usage error", async () => {
    const r = await runCli(["lint"], {
      cwd: tempDir("specfuse-no-ws-"),
      bin: "specfuse",
    });
    expect(r).toMatchObject({ exitCode: 2, stdout: "" });
    expect(r.stderr).toMatch(
      /^error\[lint_usage\]: no \.specfuse\/features\/ directory/,
    );
  });

  it("L-OUT-1: colour marks the severity and dims the rule when forced", async () => {
    const root = workspace({ "FEAT-2026-0101-a": BROKEN });
    const r = await runCli(["lint", "--color"], { cwd: root });
    expect(r.stdout).toContain(
      "\u001b[31merror\u001b[39m \u001b[2mwu-type\u001b[22m:",
    );
    const plain = await runCli(["lint"], {
      cwd: root,
      env: { FORCE_COLOR: "1", NO_COLOR: "" },
    });
    expect(plain.stdout).toContain("\u001b[31merror");
  });
});
