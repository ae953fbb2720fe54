import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SECTIONS, sectionPattern } from "../../src/plan/body.js";
import { parseFrontmatter } from "../../src/yaml/split-frontmatter.js";
import { PROJECT_ROOT } from "../helpers/run-cli.js";
import { subsetViolations, yamlRegions } from "./support/yaml-subset.js";

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

// Everything init can copy: templates/ and scaffold/ (scaffold/schemas/ belongs to the linter).
const shipped = [
  ...walk(path.join(PROJECT_ROOT, "templates")),
  ...walk(path.join(PROJECT_ROOT, "scaffold")).filter(
    (f) => !f.includes(`${path.sep}scaffold${path.sep}schemas${path.sep}`),
  ),
].map((f) => path.relative(PROJECT_ROOT, f).split(path.sep).join("/"));
const read = (rel: string) => readFileSync(path.join(PROJECT_ROOT, rel), "utf8");

describe("shipped files (init.md I-TREE-2, I-TPL-1)", () => {
  it("I-TREE-1 ships the documented scaffold files (other package files may sit beside them)", () => {
    const scaffoldFiles = shipped.filter(
      (f) =>
        /^(templates|scaffold\/(rules|docs|claude))\//.test(f) ||
        /^scaffold\/[^/]+\.(md|example)$/.test(f),
    );
    expect(scaffoldFiles.sort()).toEqual([
      "scaffold/LEARNINGS.md",
      "scaffold/claude/commands/arm-gate.md",
      "scaffold/claude/commands/draft-feature.md",
      "scaffold/claude/commands/gate-status.md",
      "scaffold/claude/commands/unblock-wu.md",
      "scaffold/claude/rules-block.md",
      "scaffold/docs/agent-contract.md",
      "scaffold/docs/authoring-work-units.md",
      "scaffold/docs/closing-units.md",
      "scaffold/docs/commands.md",
      "scaffold/docs/getting-started.md",
      "scaffold/docs/methodology.md",
      "scaffold/docs/verification.md",
      "scaffold/docs/writing-a-plan.md",
      "scaffold/roadmap.md",
      "scaffold/rules/correlation-ids.md",
      "scaffold/rules/never-touch.md",
      "scaffold/rules/result-contract.md",
      "scaffold/rules/security-boundaries.md",
      "scaffold/verification.yml.example",
      "templates/GATE.template.md",
      "templates/PLAN.template.md",
      "templates/WU.template.md",
    ]);
  });

  it("I-TREE-2 every shipped file is UTF-8 without BOM, LF only, with a final newline", () => {
    const decoder = new TextDecoder("utf-8", { fatal: true });
    for (const rel of shipped) {
      const bytes = readFileSync(path.join(PROJECT_ROOT, rel));
      const text = decoder.decode(bytes);
      expect(text.charCodeAt(0), rel).not.toBe(0xfeff);
      expect(text.includes("\r"), rel).toBe(false);
      expect(text.endsWith("\n"), rel).toBe(true);
      expect(text.endsWith("\n\n"), rel).toBe(false);
    }
  });

  it("I-TPL-1 every frontmatter and fenced yaml/result region stays inside the reference's YAML subset", () => {
    let regions = 0;
    // I-TPL-1 binds what lands under .specfuse/; the GitHub workflows (scaffold/ci/) are read by GitHub, not the reference.
    for (const rel of shipped.filter((f) => !f.startsWith("scaffold/ci/"))) {
      for (const region of yamlRegions(rel, read(rel))) {
        regions++;
        expect(subsetViolations(region.text), `${rel}:${region.line}`).toEqual([]);
      }
    }
    expect(regions).toBeGreaterThan(15);
  });

  it("I-TPL-1 the subset check itself rejects each forbidden form", () => {
    for (const bad of [
      "a: 'single'",
      "a: |\n  block",
      "a: >\n  folded",
      "a: null",
      "a: ~",
      "a:",
      "a: yes",
      "a: {b: 1}",
      "a: &x 1\nb: *x",
      "a: !!str 1",
      "a: [ {b: 1} ]",
      'a: "tab\\there"',
      "a: one\n  two",
    ])
      expect(subsetViolations(bad), bad).not.toEqual([]);
    expect(subsetViolations('a: [x, "y", 1]\nb:\n  - c: "d"\n    e: 0.5\n')).toEqual([]);
  });
});

describe("templates (init.md §3.1)", () => {
  it("PLAN template: keys in order, commented planned cost, one graph pre-filled with both closing shapes", () => {
    const text = read("templates/PLAN.template.md");
    const fm = parseFrontmatter(text);
    expect(Object.keys(fm.data)).toEqual([
      "feature_id",
      "title",
      "slug",
      "branch",
      "roadmap_goal",
      "autonomy_default",
      "status",
    ]);
    expect(fm.data).toMatchObject({ branch: "feat/FEAT-YYYY-NNNN-<slug>", autonomy_default: "review", status: "planned" });
    expect(text).toMatch(/^# planned_cost_usd: /m);
    expect(fm.body).toMatch(/^# Plan: <feature title>$/m);
    expect(fm.body).toMatch(/^## Task graph$/m);
    expect(fm.body).toMatch(/^## Notes$/m);
    expect(fm.body.match(/```yaml/g)).toHaveLength(1);
    for (const id of ["/T01", "/T02", "/G1-CLOSE-INTERMEDIATE", "/G1-PLAN", "/G2-CLOSE"])
      expect(fm.body).toContain(`FEAT-YYYY-NNNN${id}`);
    expect(fm.body).toContain("WU-90-gate-1-close-intermediate.md");
  });

  it("GATE template: gate, status and a commented cumulative budget; the review sections", () => {
    const text = read("templates/GATE.template.md");
    expect(parseFrontmatter(text).data).toEqual({ gate: 1, status: "open" });
    expect(text).toMatch(/^# cost_budget_usd: .*cumulative/m);
    for (const h of ["## Definition of done", "## Reflection notes"]) expect(text).toContain(h);
    expect(text).toContain("specfuse arm");
    expect(text).toContain("/arm-gate");
    expect(text).toContain("GATE-NN-REVIEW.md");
  });

  it("WU template: author keys only, one non-nested comment, a title and all six sections in order", () => {
    const text = read("templates/WU.template.md");
    const fm = parseFrontmatter(text);
    expect(fm.data).toEqual({ id: "FEAT-YYYY-NNNN/T01", type: "implementation", status: "pending" });
    for (const key of ["model", "effort", "planned_cost_usd", "produces", "extra_gates", "timeout_minutes", "commit_type", "generated_surfaces", "oracle_env", "unsandboxed", "unsandboxed_rationale"])
      expect(text, key).toMatch(new RegExp(`^# ${key}: `, "m"));
    expect(text).not.toMatch(/^#?\s*attempts:/m);
    expect(fm.body.match(/<!--/g)).toHaveLength(1);
    expect(fm.body.match(/-->/g)).toHaveLength(1);
    expect(fm.body).toMatch(/^# <Imperative title/m);
    let last = -1;
    for (const section of ["Objective", ...SECTIONS]) {
      const m = sectionPattern(section).exec(fm.body);
      expect(m, section).not.toBeNull();
      expect(m?.index ?? -1).toBeGreaterThan(last);
      last = m?.index ?? -1;
    }
  });
});

describe("rules, docs, seeds and commands (init.md §3.2, §3.3, §4.3, §5.4)", () => {
  it("I-RULE-1..4 each rule opens with its scope and says where project additions go", () => {
    for (const name of ["result-contract", "correlation-ids", "never-touch", "security-boundaries"]) {
      const text = read(`scaffold/rules/${name}.md`);
      const firstParagraph = text.split("\n\n")[1] ?? "";
      expect(firstParagraph, name).toMatch(/^\*\*Scope\.\*\* This rule binds every agent session/);
      expect(firstParagraph, name).toContain(".claude/CLAUDE.md");
    }
  });

  it("I-RULE-2 the correlation-ID rule quotes the linter's exact regex", async () => {
    const { CORRELATION_ID_PATTERN } = await import("../../src/plan/correlation-id.js");
    expect(read("scaffold/rules/correlation-ids.md")).toContain(CORRELATION_ID_PATTERN.source.replace(/\\\//g, "/"));
  });

  it("I-RULE-1 the result examples parse and carry every field", () => {
    const regions = yamlRegions("x.md", read("scaffold/rules/result-contract.md")).filter((r) => r.kind === "fenced");
    expect(regions).toHaveLength(2);
    expect(regions[1]?.text).toContain("blocked_reason:");
    for (const key of ["status:", "summary:", "files_changed:", "acceptance_criteria:", "met:", "evidence:"])
      expect(regions[0]?.text).toContain(key);
  });

  it("I-DOC-1 the closing-units doc names every deliverable the driver asserts", () => {
    const text = read("scaffold/docs/closing-units.md");
    for (const s of ["## Cost analysis", "### Failure-class breakdown", "nothing generalizes", "GATE-<n+1>-REVIEW.md", "predicate v1", "met_locally", "partially_met", "not_met", "auto_close_disabled", "--force-full-close"])
      expect(text, s).toContain(s);
  });

  it("I-LRN-1 LEARNINGS: entry format, append-only, a marker, at most three starter lessons", () => {
    const text = read("scaffold/LEARNINGS.md");
    expect(text).toContain("- [<feature-id>/G<n>] <rule phrased for future units>");
    expect(text).toMatch(/append only/i);
    expect(text).toContain("nothing generalizes");
    const below = text.split(/<!-- specfuse:learnings[^\n]*-->\n/)[1] ?? "";
    const entries = below.split("\n").filter((l) => l.startsWith("- "));
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.length).toBeLessThanOrEqual(3);
  });

  it("I-RMP-1, I-RMP-2 roadmap: project frontmatter, prose before the exact table header, table last", () => {
    const text = read("scaffold/roadmap.md");
    expect(text.startsWith("---\nproject: __SPECFUSE_PROJECT__\n---\n")).toBe(true);
    expect(text.endsWith("| Feature ID | Title | Status | Folder | Detail |\n|---|---|---|---|---|\n")).toBe(true);
    expect(text).not.toMatch(/^## /m);
  });

  it("§5.2 the CLAUDE block is exactly the specified block", () => {
    expect(read("scaffold/claude/rules-block.md")).toBe(
      [
        "<!-- specfuse:rules:begin -->",
        "## Specfuse rules (binding for work units run by specfuse)",
        "@.specfuse/rules/result-contract.md",
        "@.specfuse/rules/correlation-ids.md",
        "@.specfuse/rules/never-touch.md",
        "@.specfuse/rules/security-boundaries.md",
        "<!-- specfuse:rules:end -->",
        "",
      ].join("\n"),
    );
  });

  it.each([
    ["draft-feature", true],
    ["arm-gate", true],
    ["gate-status", false],
    ["unblock-wu", true],
  ])("I-CMD-1..4 /%s has description, argument-hint and allowed tools (editing: %s)", (name, isEditing) => {
    const fm = parseFrontmatter(read(`scaffold/claude/commands/${name}.md`));
    expect(Object.keys(fm.data)).toEqual(["description", "argument-hint", "allowed-tools"]);
    const tools = String(fm.data["allowed-tools"]).split(/,\s*/);
    expect(tools).toEqual(expect.arrayContaining(["Bash(npx specfuse:*)", "Bash(specfuse:*)", "Read", "Glob", "Grep"]));
    expect(tools.includes("Edit") && tools.includes("Write")).toBe(isEditing);
    expect(fm.body).toMatch(/only through (its|the) CLI|read-only/);
  });

  it("I-EXM-1 verification.yml.example is fully commented and covers sets, stacks, extra_gates, timeouts and costs", () => {
    const text = read("scaffold/verification.yml.example");
    expect(text.split("\n").filter((l) => l !== "" && !l.startsWith("#"))).toEqual([]);
    for (const s of ["# code:", "# doc:", "# plannext:", "npm test", "pytest", "cargo test", "go test", "make check", "extra_gates", "timeout_seconds", "cost_tracking", "committed"])
      expect(text, s).toContain(s);
  });
});
