import path from "node:path";
import { describe, expect, it } from "vitest";
import { lint } from "../../src/commands/lint.js";
import { exitCodeFor } from "../../src/errors/codes.js";
import { SpecfuseError } from "../../src/errors/specfuse-error.js";
import { testContext } from "../helpers/context.js";
import { tempDir } from "../helpers/temp-dir.js";
import { writeTree } from "../helpers/write-tree.js";
import { base, edit, type Tree } from "./helpers.js";

function workspace(features: Record<string, Tree>): string {
  const root = tempDir("specfuse-lint-cmd-");
  // The roadmap row of the fixture feature (FEAT-2026-0101), so roadmap-row-missing stays quiet.
  const files: Record<string, string> = {
    ".specfuse/features/.keep": "",
    ".specfuse/roadmap.md":
      "| Feature ID | Title | Status |\n|---|---|---|\n| FEAT-2026-0101 | Tide table export | active |\n",
  };
  for (const [name, tree] of Object.entries(features))
    for (const [file, text] of Object.entries(tree))
      if (typeof text === "string")
        files[`.specfuse/features/${name}/${file}`] = text;
  writeTree(root, files);
  return root;
}

async function caught(run: Promise<unknown>): Promise<SpecfuseError | null> {
  try {
    await run;
    return null;
  } catch (error) {
    if (error instanceof SpecfuseError) return error;
    throw error;
  }
}

describe("the lint command in-process (lint.md §1)", () => {
  it("prints the report to stdout and returns on warnings only", async () => {
    const root = workspace({
      a: edit(base(), "WU-01-export.md", "produces: [src/export.ts]\n", ""),
    });
    const ctx = testContext({ cwd: root });
    await lint({}, ctx);
    expect(ctx.stdout.text()).toMatch(
      /^\.specfuse\/features\/a\/WU-01-export\.md:1: warning produces-missing: /,
    );
    expect(ctx.stderr.text()).toBe("");
  });

  it("throws lint_errors (exit 1), already reported, when a folder has errors", async () => {
    const root = workspace({
      a: edit(base(), "WU-01-export.md", "type: implementation", "type: x"),
    });
    const ctx = testContext({ cwd: root });
    const error = await caught(lint({ format: "github" }, ctx));
    expect(error).toMatchObject({
      code: "lint_errors",
      reported: true,
      message: "1 lint error",
    });
    expect(exitCodeFor("lint_errors")).toBe(1);
    expect(ctx.stdout.text()).toMatch(/^::error file=/);
  });

  it("throws lint_usage (exit 2) before printing anything for conflicting formats or no workspace", async () => {
    const root = workspace({ a: base() });
    const ctx = testContext({ cwd: root });
    expect(
      await caught(lint({ json: true, format: "sarif" }, ctx)),
    ).toMatchObject({ code: "lint_usage" });
    const bare = testContext({ cwd: tempDir("specfuse-bare-") });
    expect(await caught(lint({}, bare))).toMatchObject({ code: "lint_usage" });
    expect(exitCodeFor("lint_usage")).toBe(2);
    expect(ctx.stdout.text() + bare.stdout.text()).toBe("");
  });

  it("resolves relative dirs against the context's cwd and keeps them as display paths", async () => {
    const root = workspace({ a: base() });
    const ctx = testContext({ cwd: path.join(root, ".specfuse") });
    await lint({ dirs: ["features//a/"], format: "json" }, ctx);
    expect(JSON.parse(ctx.stdout.text())).toMatchObject({
      features: [{ dir: "features/a", ok: true }],
    });
  });
});
