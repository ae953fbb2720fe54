import { describe, expect, it } from "vitest";
import { detectStack } from "../../src/scaffold/detect-stack.js";
import type { FileOp } from "../../src/scaffold/file-op.js";
import { sha256Hex } from "../../src/scaffold/manifest.js";
import { managedFiles, shippedManifest } from "../../src/scaffold/managed-files.js";
import { pathsToRead, planInit } from "../../src/scaffold/plan-scaffold.js";
import type { ScaffoldInput } from "../../src/scaffold/plan-types.js";
import { planUpgrade } from "../../src/scaffold/plan-upgrade.js";
import type { ScaffoldAssets } from "../../src/scaffold/scaffold-assets.js";

const assets: ScaffoldAssets = {
  versioned: new Map([
    ["templates/WU.template.md", "wu v2\n"],
    ["rules/never-touch.md", "rule v2\n"],
    ["docs/methodology.md", "method v2\n"],
    ["verification.yml.example", "# example\n"],
  ]),
  commands: new Map([["arm-gate.md", "arm v2\n"]]),
  claudeBlock: "<!-- specfuse:rules:begin -->\nx\n<!-- specfuse:rules:end -->\n",
  learnings: "# Learnings\n",
  roadmap: "---\nproject: __SPECFUSE_PROJECT__\n---\n| Feature ID | Title | Status | Folder | Detail |\n|---|---|---|---|---|\n",
  example: {
    folder: "FEAT-0000-0001-hello",
    featureId: "FEAT-0000-0001",
    files: new Map([["PLAN.md", "plan\n"]]),
    roadmapRow: "| FEAT-0000-0001 | Hello | active | x | y |\n",
    roadmapDetail: "## FEAT-0000-0001 — Hello\n",
  },
  workflows: new Map([["specfuse-run.yml", "run: npx --yes specfuse@__SPECFUSE_VERSION__ run\n"]]),
};
const detection = detectStack({ names: ["go.mod"], packageJson: null, pyproject: null, makefile: null });
const bytes = (text: string) => new TextEncoder().encode(text);

function input(files: Record<string, string>, manifest: Record<string, string> | null, extra: Partial<ScaffoldInput> = {}): ScaffoldInput {
  const dirs = new Set<string>();
  for (const p of Object.keys(files)) {
    const parts = p.split("/");
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join("/"));
  }
  return {
    version: "0.4.0",
    assets,
    detection,
    projectName: "demo",
    current: {
      files: new Map(Object.entries(files).map(([p, t]) => [p, bytes(t)])),
      dirs,
      specfuseNames: [...new Set(Object.keys(files).filter((p) => p.startsWith(".specfuse/")).map((p) => p.split("/")[1] ?? ""))],
    },
    manifest: manifest === null ? null : new Map(Object.entries(manifest)),
    isForceWire: false,
    isExample: false,
    ...extra,
  };
}

const row = (ops: FileOp[], path: string) => {
  const op = ops.find((o) => o.path === path);
  return op === undefined ? "absent" : `${op.action}${op.reason === null ? "" : ` (${op.reason})`}`;
};

describe("init planner (init.md §2, §6)", () => {
  it("I-TREE-1 plans exactly the documented tree, in report order (I-INIT-6)", () => {
    const plan = planInit(input({}, null));
    expect(plan.ops.map((o) => `${o.action} ${o.path}`)).toEqual([
      "create .specfuse/.scaffold-manifest",
      "create .specfuse/LEARNINGS.md",
      "create .specfuse/VERSION",
      "create .specfuse/config.yml",
      "create .specfuse/docs/methodology.md",
      "create .specfuse/features/.gitkeep",
      "create .specfuse/roadmap.md",
      "create .specfuse/rules/never-touch.md",
      "create .specfuse/templates/WU.template.md",
      "create .specfuse/verification.yml",
      "create .specfuse/verification.yml.example",
      "create .gitignore",
      "create .claude/CLAUDE.md",
      "create .claude/settings.json",
      "create .claude/commands/arm-gate.md",
    ]);
    expect(row(plan.ops, ".specfuse/VERSION")).toBe("create");
    expect(plan.ops.find((o) => o.path === ".specfuse/VERSION")?.content).toBe("0.4.0\n");
  });

  it("I-MAN-1 the manifest lists VERSION, versioned files and commands, never seeds or wiring", () => {
    const plan = planInit(input({}, null));
    const manifest = JSON.parse(plan.ops.find((o) => o.path === ".specfuse/.scaffold-manifest")?.content ?? "") as Record<string, string>;
    expect(Object.keys(manifest)).toEqual([
      "../.claude/commands/arm-gate.md",
      "VERSION",
      "docs/methodology.md",
      "rules/never-touch.md",
      "templates/WU.template.md",
      "verification.yml.example",
    ]);
    expect(manifest["rules/never-touch.md"]).toBe(sha256Hex("rule v2\n"));
  });

  it("I-CMD-5 an identical command is unchanged; a different one is kept with a warning, or replaced with --force-wire", () => {
    expect(row(planInit(input({ ".claude/commands/arm-gate.md": "arm v2\n" }, null)).ops, ".claude/commands/arm-gate.md")).toBe("unchanged");
    const kept = planInit(input({ ".claude/commands/arm-gate.md": "mine\n" }, null));
    expect(row(kept.ops, ".claude/commands/arm-gate.md")).toBe("keep (unmanaged, differs; --force-wire replaces it)");
    expect(kept.kept).toEqual([".claude/commands/arm-gate.md"]);
    expect(kept.warnings.map((w) => w.code)).toContain("command_kept");
    const forced = planInit(input({ ".claude/commands/arm-gate.md": "mine\n" }, null, { isForceWire: true }));
    expect(row(forced.ops, ".claude/commands/arm-gate.md")).toBe("replace (--force-wire)");
    expect(forced.kept).toEqual([]);
  });

  it("I-EX-1 the example adds its folder, roadmap row and verification set", () => {
    const plan = planInit(input({}, null, { isExample: true }));
    expect(row(plan.ops, ".specfuse/features/FEAT-0000-0001-hello/PLAN.md")).toBe("create");
    expect(plan.example).toEqual({ featureId: "FEAT-0000-0001", dir: ".specfuse/features/FEAT-0000-0001-hello" });
    expect(plan.ops.find((o) => o.path === ".specfuse/roadmap.md")?.content).toContain("| FEAT-0000-0001 | Hello | active |");
    expect(plan.ops.find((o) => o.path === ".specfuse/verification.yml")?.content).toContain("\nexample:\n");
  });

  it("I-STACK-4 and I-EX-2 warn when no code check is active", () => {
    const none = detectStack({ names: [], packageJson: null, pyproject: null, makefile: null });
    const plan = planInit(input({}, null, { detection: none, isExample: true }));
    expect(plan.warnings.map((w) => w.code)).toEqual(["no_code_check", "example_needs_code_check"]);
    expect(plan.warnings[1]?.message).toContain("verification_set_missing");
  });
});

describe("upgrade planner (init.md §7.2, §7.3)", () => {
  const oldHash = (t: string) => sha256Hex(t);
  const base = {
    ".specfuse/VERSION": "0.3.1\n",
    ".specfuse/verification.yml": "code: []\n",
    ".specfuse/config.yml": "version: 1\n",
    ".specfuse/LEARNINGS.md": "mine\n",
    ".specfuse/roadmap.md": "mine\n",
    ".specfuse/features/FEAT-2026-0001-x/PLAN.md": "plan\n",
  };

  it("§7.2 the table: absent → create, equal → unchanged, unedited → update, edited → keep, unmanaged → keep", () => {
    const plan = planUpgrade(
      input(
        {
          ...base,
          ".specfuse/rules/never-touch.md": "rule v1\n",
          ".specfuse/docs/methodology.md": "method v1, edited\n",
          ".specfuse/verification.yml.example": "# example\n",
          ".specfuse/templates/WU.template.md": "someone else's\n",
        },
        {
          "rules/never-touch.md": oldHash("rule v1\n"),
          "docs/methodology.md": oldHash("method v1\n"),
          "verification.yml.example": oldHash("# older\n"),
        },
      ),
    );
    expect(row(plan.ops, ".specfuse/rules/never-touch.md")).toBe("update");
    expect(row(plan.ops, ".specfuse/docs/methodology.md")).toBe("keep (locally modified)");
    expect(row(plan.ops, ".specfuse/verification.yml.example")).toBe("unchanged");
    expect(row(plan.ops, ".specfuse/templates/WU.template.md")).toBe("keep (unmanaged, differs)");
    expect(row(plan.ops, ".claude/commands/arm-gate.md")).toBe("create");
    expect(plan.kept).toEqual([".specfuse/docs/methodology.md", ".specfuse/templates/WU.template.md"]);
    expect(plan.warnings.filter((w) => w.code === "file_kept")).toHaveLength(2);
  });

  it("I-UPG-3 VERSION is always written, never kept", () => {
    const plan = planUpgrade(input({ ...base, ".specfuse/VERSION": "edited by hand\n" }, { VERSION: oldHash("0.3.1\n") }));
    expect(row(plan.ops, ".specfuse/VERSION")).toBe("update");
    expect(plan.ops.find((o) => o.path === ".specfuse/VERSION")?.content).toBe("0.4.0\n");
  });

  it("I-UPG-6 the new manifest records the shipped hash of every shipped path, kept ones included", () => {
    const plan = planUpgrade(
      input({ ...base, ".specfuse/rules/never-touch.md": "edited\n" }, { "rules/never-touch.md": oldHash("rule v1\n") }),
    );
    const manifest = plan.ops.find((o) => o.path === ".specfuse/.scaffold-manifest");
    expect(manifest?.content).toBe(shippedManifest(managedFiles("0.4.0", assets)));
    expect(JSON.parse(manifest?.content ?? "")["rules/never-touch.md"]).toBe(sha256Hex("rule v2\n"));
  });

  it("I-UPG-4 managed commands follow the table; --force-wire turns keep into replace", () => {
    const files = { ...base, ".claude/commands/arm-gate.md": "edited\n" };
    const manifest = { "../.claude/commands/arm-gate.md": oldHash("arm v1\n") };
    expect(row(planUpgrade(input(files, manifest)).ops, ".claude/commands/arm-gate.md")).toBe(
      "keep (locally modified; --force-wire replaces it)",
    );
    expect(row(planUpgrade(input(files, manifest, { isForceWire: true })).ops, ".claude/commands/arm-gate.md")).toBe(
      "replace (--force-wire)",
    );
    const unedited = { ...base, ".claude/commands/arm-gate.md": "arm v1\n" };
    expect(row(planUpgrade(input(unedited, manifest)).ops, ".claude/commands/arm-gate.md")).toBe("update");
  });

  it("I-UPG-5 prune: unedited no-longer-shipped paths are removed, edited ones kept and dropped from the manifest", () => {
    const plan = planUpgrade(
      input(
        {
          ...base,
          ".specfuse/docs/old-guide.md": "old\n",
          ".specfuse/rules/old-rule.md": "edited\n",
          ".claude/commands/old-command.md": "cmd\n",
          ".specfuse/templates/mine.md": "user file\n",
        },
        {
          "docs/old-guide.md": oldHash("old\n"),
          "rules/old-rule.md": oldHash("original\n"),
          "../.claude/commands/old-command.md": oldHash("cmd\n"),
          "docs/gone.md": oldHash("gone\n"),
          "../../outside.md": oldHash("x\n"),
        },
      ),
    );
    expect(row(plan.ops, ".specfuse/docs/old-guide.md")).toBe("remove (no longer shipped)");
    expect(row(plan.ops, ".claude/commands/old-command.md")).toBe("remove (no longer shipped)");
    expect(row(plan.ops, ".specfuse/rules/old-rule.md")).toBe("keep (no longer shipped)");
    expect(row(plan.ops, ".specfuse/templates/mine.md")).toBe("absent");
    expect(row(plan.ops, ".specfuse/docs/gone.md")).toBe("absent");
    const manifest = JSON.parse(plan.ops.find((o) => o.path === ".specfuse/.scaffold-manifest")?.content ?? "") as object;
    expect(Object.keys(manifest)).not.toContain("rules/old-rule.md");
  });

  it("I-UPG-10 reference leftovers are listed, never pruned, even when the old manifest names them", () => {
    const plan = planUpgrade(
      input(
        {
          ...base,
          ".specfuse/scripts/lint.sh": "#!/bin/sh\n",
          ".specfuse/config": "legacy\n",
          ".specfuse/PLAN.template.md": "legacy\n",
          ".specfuse/README.md": "legacy\n",
          ".specfuse/verification.yml": "plannext:\n  - name: plan-lint\n    command: \".specfuse/scripts/lint.sh {feature_dir}\"\n",
        },
        { "scripts/lint.sh": oldHash("#!/bin/sh\n"), "README.md": oldHash("legacy\n"), "PLAN.template.md": oldHash("legacy\n") },
      ),
    );
    expect(plan.leftovers).toEqual([".specfuse/PLAN.template.md", ".specfuse/README.md", ".specfuse/config", ".specfuse/scripts/"]);
    expect(plan.ops.filter((o) => o.action === "remove")).toEqual([]);
    expect(plan.warnings.map((w) => w.code)).toContain("verification_calls_scripts");
  });

  it("I-UPG-8 seeds are never modified; missing ones are created, features/ gets .gitkeep only when absent", () => {
    const plan = planUpgrade(input({ ".specfuse/VERSION": "0.3.1\n", ".specfuse/LEARNINGS.md": "mine\n" }, null));
    expect(row(plan.ops, ".specfuse/LEARNINGS.md")).toBe("unchanged");
    expect(row(plan.ops, ".specfuse/roadmap.md")).toBe("create");
    expect(row(plan.ops, ".specfuse/verification.yml")).toBe("create");
    expect(row(plan.ops, ".specfuse/config.yml")).toBe("create");
    expect(row(plan.ops, ".specfuse/features/.gitkeep")).toBe("create");
    expect(row(planUpgrade(input(base, null)).ops, ".specfuse/features/.gitkeep")).toBe("absent");
    expect(planUpgrade(input(base, null)).ops.filter((o) => o.path.startsWith(".specfuse/features/FEAT"))).toEqual([]);
  });

  it("I-UPG-1 reads every shipped path, the seeds, the wiring and the old manifest's paths", () => {
    const paths = pathsToRead("0.4.0", assets, new Map([["docs/old.md", "x"], ["../../x", "y"]]));
    expect(paths).toContain(".specfuse/docs/old.md");
    expect(paths).toContain(".claude/commands/arm-gate.md");
    expect(paths).toContain(".claude/settings.json");
    expect(paths).toContain("CLAUDE.md");
    expect(paths.some((p) => p.includes(".."))).toBe(false);
  });
});
