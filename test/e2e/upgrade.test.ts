import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileSchema } from "../../src/schemas/ajv.js";
import { UPGRADE_OUTPUT_SCHEMA } from "../../src/schemas/upgrade-output.js";
import { PROJECT_ROOT, runCli } from "../helpers/run-cli.js";
import type { Tree } from "../helpers/write-tree.js";
import { dirState } from "../scaffold/support/dir-state.js";
import { scaffoldRepo } from "../scaffold/support/scaffold-repo.js";

const sha = (t: string) => createHash("sha256").update(t).digest("hex");
const validate = compileSchema(UPGRADE_OUTPUT_SCHEMA);
const FEATURE = ".specfuse/features/FEAT-2025-0007-billing-export";

// A tree shaped like one written by specfuse-loop 0.3.1: its file names and frontmatter
// shapes, with placeholder text written for this test (init.md I-COMPAT-1).
function referenceTree(): {
  tree: Tree;
  shippedByReference: Record<string, string>;
} {
  const shippedByReference: Record<string, string> = {
    "templates/PLAN.template.md":
      "---\nfeature_id: FEAT-YYYY-NNNN\nstatus: planned\n---\n# placeholder plan template\n",
    "templates/GATE.template.md":
      "---\ngate: 1\nstatus: open\n---\n# placeholder gate template\n",
    "templates/WU.template.md":
      "---\nid: FEAT-YYYY-NNNN/T01\ntype: implementation\nstatus: pending\n---\n# placeholder unit template\n",
    "rules/result-contract.md": "# placeholder result rule\n",
    "rules/correlation-ids.md": "# placeholder id rule\n",
    "rules/never-touch.md": "# placeholder never-touch rule\n",
    "rules/loop-etiquette.md": "# placeholder rule we no longer ship\n",
    "docs/methodology.md": "# placeholder methodology\n",
    "docs/loop-operations.md": "# placeholder doc we no longer ship\n",
    "docs/troubleshooting.md": "# placeholder doc the team edited\n",
    "verification.yml.example": "# placeholder example\n",
    "scripts/specfuse_lint.py": "print('placeholder linter')\n",
    "scripts/loop.py": "print('placeholder driver')\n",
    "README.md": "# placeholder readme\n",
    "gitignore.snippet": ".specfuse/**/work/\n",
  };
  const tree: Tree = {
    "package.json": '{"name":"billing","scripts":{"test":"node --test"}}\n',
    ".specfuse/VERSION": "0.3.1\n",
    ".specfuse/config": "agent=claude\n",
    ".specfuse/skills/plan/SKILL.md": "# placeholder skill\n",
    ".specfuse/hooks/pre-run.sh": "#!/bin/sh\n",
    ".specfuse/WU.template.md": "# placeholder root template\n",
    ".specfuse/LEARNINGS.md":
      "# Learnings\n- [FEAT-2025-0007/G1] Split migrations into their own unit.\n",
    ".specfuse/roadmap.md":
      "# Roadmap\n\n| Feature ID | Title | Status | Folder | Detail |\n|---|---|---|---|---|\n| FEAT-2025-0007 | Billing export | active | FEAT-2025-0007-billing-export | below |\n",
    ".specfuse/verification.yml":
      'code:\n  - name: tests\n    command: "npm test"\nplannext:\n  - name: plan-lint\n    command: "python3 .specfuse/scripts/specfuse_lint.py {feature_dir}"\n',
    [`${FEATURE}/PLAN.md`]:
      "---\nfeature_id: FEAT-2025-0007\ntitle: Billing export\nbranch: feat/FEAT-2025-0007-billing-export\nroadmap_goal: Export invoices as CSV\nstatus: active\n---\n# Plan\n\n```yaml\ngates:\n  - gate: 1\n    file: GATE-01.md\n    work_units:\n      - id: FEAT-2025-0007/T01\n        file: WU-01-export.md\n```\n",
    [`${FEATURE}/GATE-01.md`]: "---\ngate: 1\nstatus: open\n---\n# Gate 1\n",
    [`${FEATURE}/WU-01-export.md`]:
      "---\nid: FEAT-2025-0007/T01\ntype: implementation\nstatus: done\nattempts: 1\n---\n# Export\n",
    [`${FEATURE}/events.jsonl`]:
      '{"timestamp": "2025-05-01T10:00:00.000000+00:00", "correlation_id": "FEAT-2025-0007/T01", "event_type": "task_started", "source": "driver", "source_version": "0.3.1", "payload": {}}\n',
    ".gitignore": "node_modules/\n.specfuse/**/work/\n.specfuse/.loop.lock\n",
    ".claude/CLAUDE.md":
      "# Billing service\n\n## Specfuse rules\n@.specfuse/rules/result-contract.md\n@.specfuse/rules/correlation-ids.md\n@.specfuse/rules/never-touch.md\n",
    ".claude/settings.json": `${JSON.stringify(
      {
        enabledPlugins: { "specfuse-loop@specfuse": true },
        permissions: {
          allow: [
            "Bash(specfuse-loop:*)",
            "Bash(specfuse-lint:*)",
            "Bash(npm test:*)",
          ],
        },
        extraKnownMarketplaces: {
          specfuse: {
            source: { source: "github", repo: "example/specfuse-loop" },
          },
        },
      },
      null,
      4,
    )}\n`,
    ".claude/commands/deploy.md":
      '---\ndescription: "team command"\n---\nDeploy.\n',
  };
  for (const [key, text] of Object.entries(shippedByReference))
    tree[`.specfuse/${key}`] =
      key === "docs/troubleshooting.md"
        ? "# placeholder doc the team edited, and edited again\n"
        : key === "rules/never-touch.md"
          ? "# placeholder never-touch rule\n- also never touch infra/\n"
          : text;
  tree[".specfuse/.scaffold-manifest"] = `${JSON.stringify(
    Object.fromEntries(
      Object.entries(shippedByReference)
        .map(([k, t]): [string, string] => [k, sha(t)])
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    ),
    null,
    2,
  )}\n`;
  return { tree, shippedByReference };
}

describe("specfuse upgrade on a specfuse-loop 0.3.1 tree (init.md I-COMPAT-1)", () => {
  it("I-COMPAT-1 updates, prunes, keeps and leaves plans, seeds and the reference block alone", async () => {
    const { tree } = referenceTree();
    const repo = scaffoldRepo(tree);
    const before = dirState(repo.dir);
    const r = await runCli(["upgrade"], { cwd: repo.dir, env: repo.env });
    expect(r.exitCode).toBe(0);
    await expect(
      `--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}\n`,
    ).toMatchFileSnapshot("__snapshots__/upgrade-compat-0.3.1.txt");
    const after = dirState(repo.dir);
    const read = (p: string) => readFileSync(path.join(repo.dir, p), "utf8");
    const shipped = (p: string) =>
      readFileSync(path.join(PROJECT_ROOT, p), "utf8");
    // unedited reference files that share a path with ours are updated
    expect(read(".specfuse/rules/result-contract.md")).toBe(
      shipped("scaffold/rules/result-contract.md"),
    );
    expect(read(".specfuse/templates/WU.template.md")).toBe(
      shipped("templates/WU.template.md"),
    );
    // unedited files we no longer ship are pruned; edited ones are kept
    expect(
      existsSync(path.join(repo.dir, ".specfuse/rules/loop-etiquette.md")),
    ).toBe(false);
    expect(
      existsSync(path.join(repo.dir, ".specfuse/docs/loop-operations.md")),
    ).toBe(false);
    expect(read(".specfuse/docs/troubleshooting.md")).toContain("edited again");
    expect(read(".specfuse/rules/never-touch.md")).toContain(
      "also never touch infra/",
    );
    // features, seeds, leftovers and the reference-style block are untouched
    for (const key of Object.keys(before))
      if (
        key.startsWith(`${FEATURE}/`) ||
        /^\.specfuse\/(LEARNINGS\.md|roadmap\.md|verification\.yml|config|README\.md|gitignore\.snippet|WU\.template\.md)$/.test(
          key,
        ) ||
        /^\.specfuse\/(scripts|skills|hooks)\//.test(key) ||
        key === ".claude/CLAUDE.md" ||
        key === ".claude/commands/deploy.md"
      )
        expect(after[key], key).toBe(before[key]);
    // no allowlist entry is duplicated; plugin keys stay
    const settings = JSON.parse(read(".claude/settings.json")) as {
      permissions: { allow: string[] };
      enabledPlugins: object;
    };
    expect(settings.permissions.allow).toEqual([
      "Bash(specfuse-loop:*)",
      "Bash(specfuse-lint:*)",
      "Bash(npm test:*)",
      "Bash(specfuse:*)",
      "Bash(npx specfuse:*)",
    ]);
    expect(settings.enabledPlugins).toEqual({ "specfuse-loop@specfuse": true });
    expect(read(".specfuse/VERSION")).toBe("0.4.0\n");
    expect(read(".specfuse/config.yml")).toMatch(/^version: 1$/m);
    // running it again changes nothing
    const again = await runCli(["upgrade"], { cwd: repo.dir, env: repo.env });
    expect(again.exitCode).toBe(0);
    expect(dirState(repo.dir)).toEqual(after);
  });

  it("I-UPG-11 --json validates and names from, to, kept and the leftovers", async () => {
    const repo = scaffoldRepo(referenceTree().tree);
    const r = await runCli(["upgrade", "--json", "--dry-run"], {
      cwd: repo.dir,
      env: repo.env,
    });
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc).toMatchObject({
      from: "0.3.1",
      to: "0.4.0",
      dry_run: true,
      kept: [
        ".specfuse/docs/troubleshooting.md",
        ".specfuse/rules/never-touch.md",
      ],
      leftovers: [
        ".specfuse/README.md",
        ".specfuse/WU.template.md",
        ".specfuse/config",
        ".specfuse/gitignore.snippet",
        ".specfuse/hooks/",
        ".specfuse/scripts/",
        ".specfuse/skills/",
      ],
    });
  });

  it("I-UPG-12 exit codes through the bin: downgrade 1, invalid VERSION 65, no workspace 65", async () => {
    const repo = scaffoldRepo({
      ".specfuse/VERSION": "2.0.0\n",
      "other/.specfuse/VERSION": "not a version\n",
      "empty/README.md": "x\n",
    });
    const down = await runCli(["upgrade", "--json"], {
      cwd: repo.dir,
      env: repo.env,
    });
    expect(down.exitCode).toBe(1);
    const doc = JSON.parse(down.stdout) as Record<string, unknown>;
    expect(validate(doc)).toBe(true);
    expect(doc).toMatchObject({
      exit_code: 1,
      error: { code: "scaffold_downgrade", hint: "npm i -D specfuse@2.0.0" },
    });
    const invalid = await runCli(["upgrade", "other", "--dry-run"], {
      cwd: repo.dir,
      env: repo.env,
    });
    expect(invalid.exitCode).toBe(65);
    expect(invalid.stderr).toContain(
      'error[scaffold_version_invalid]: .specfuse/VERSION does not hold a version: "not a version"',
    );
    expect(invalid.stderr).toContain("--> other/.specfuse/VERSION:1");
    const none = await runCli(["upgrade", "empty"], {
      cwd: repo.dir,
      env: repo.env,
    });
    expect(none.exitCode).toBe(65);
    expect(none.stderr).toMatch(/^error\[no_specfuse_dir\]/);
  });
});
