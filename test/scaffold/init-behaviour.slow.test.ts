import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { initWith } from "../../src/commands/init.js";
import { exitCodeFor } from "../../src/errors/codes.js";
import { isSpecfuseError } from "../../src/errors/specfuse-error.js";
import { createGitProbe } from "../../src/git/git-probe.js";
import { compileSchema } from "../../src/schemas/ajv.js";
import { INIT_OUTPUT_SCHEMA } from "../../src/schemas/init-output.js";
import { testContext } from "../helpers/context.js";
import { PROJECT_ROOT } from "../helpers/run-cli.js";
import type { Tree } from "../helpers/write-tree.js";
import { dirState } from "./support/dir-state.js";
import { scaffoldRepo, type GitSetup } from "./support/scaffold-repo.js";

const PKG = '{"name":"demo","scripts":{"test":"node --test"}}\n';

async function run(dir: string, env: Record<string, string>, options: Parameters<typeof initWith>[0] = {}, cwd = dir) {
  const ctx = testContext({ cwd, packageRoot: PROJECT_ROOT });
  try {
    const result = await initWith(options, ctx, { git: createGitProbe(env) });
    return { ctx, result, error: null, code: 0 };
  } catch (error) {
    if (!isSpecfuseError(error)) throw error;
    return { ctx, result: null, error, code: exitCodeFor(error.code) };
  }
}

function setup(tree: Tree = { "package.json": PKG }, git: GitSetup = "committed") {
  return scaffoldRepo(tree, { git });
}

const warningCodes = (r: Awaited<ReturnType<typeof run>>) =>
  (r.result?.body?.warnings as Array<{ code: string }>).map((w) => w.code);

describe("init refusals (init.md I-INIT-1, I-INIT-2, I-INIT-8)", () => {
  it("I-INIT-2 a second init refuses with scaffold_exists (exit 1), hints upgrade and writes nothing", async () => {
    const repo = setup();
    expect((await run(repo.dir, repo.env)).code).toBe(0);
    const before = dirState(repo.dir);
    for (const isDryRun of [false, true]) {
      const again = await run(repo.dir, repo.env, { dryRun: isDryRun });
      expect(again.code).toBe(1);
      expect(again.error?.code).toBe("scaffold_exists");
      expect(again.error?.hint).toBe("specfuse upgrade");
    }
    expect(dirState(repo.dir)).toEqual(before);
  });

  it.each([
    ["an empty directory", (d: string) => mkdirSync(path.join(d, ".specfuse"))],
    ["a file", (d: string) => writeFileSync(path.join(d, ".specfuse"), "x")],
    ["a dangling symlink", (d: string) => symlinkSync(path.join(d, "nowhere"), path.join(d, ".specfuse"))],
  ])("I-INIT-2 .specfuse as %s counts as existing, in a dry run too", async (_name, make) => {
    const repo = setup();
    make(repo.dir);
    const before = dirState(repo.dir);
    for (const isDryRun of [false, true]) {
      expect((await run(repo.dir, repo.env, { dryRun: isDryRun })).error?.code).toBe("scaffold_exists");
    }
    expect(dirState(repo.dir)).toEqual(before);
  });

  it("I-INIT-1 a missing target or a file is target_not_directory (exit 64)", async () => {
    const repo = setup();
    const missing = await run(repo.dir, repo.env, { dir: "nope" });
    expect(missing).toMatchObject({ code: 64, error: { code: "target_not_directory", message: "nope is not a directory" } });
    expect((await run(repo.dir, repo.env, { dir: "package.json" })).code).toBe(64);
  });

  it.each([
    [".claude as a file", { ".claude": "x" }],
    [".claude/commands as a file", { ".claude/commands": "x" }],
    [".gitignore as a directory", { ".gitignore/keep": "x" }],
    ["a command path as a directory", { ".claude/commands/arm-gate.md/x": "y" }],
  ])("I-CMD-5 %s refuses with wiring_path_conflict (exit 1) before any write", async (_name, tree) => {
    const repo = setup({ "package.json": PKG, ...tree });
    const before = dirState(repo.dir);
    const r = await run(repo.dir, repo.env);
    expect(r).toMatchObject({ code: 1, error: { code: "wiring_path_conflict" } });
    expect(dirState(repo.dir)).toEqual(before);
  });

  it.each([
    ["invalid JSON", "{ nope"],
    ["a non-object root", "[1]"],
    ["a non-object permissions", '{"permissions": true}'],
    ["a non-array allow", '{"permissions": {"allow": {}}}'],
  ])("I-WIRE-7 settings.json with %s refuses with settings_invalid (exit 65) before any write", async (_n, text) => {
    const repo = setup({ "package.json": PKG, ".claude/settings.json": text });
    const before = dirState(repo.dir);
    for (const isDryRun of [true, false]) {
      const r = await run(repo.dir, repo.env, { dryRun: isDryRun });
      expect(r).toMatchObject({ code: 65, error: { code: "settings_invalid", file: ".claude/settings.json" } });
    }
    expect(dirState(repo.dir)).toEqual(before);
  });
});

describe("init dry run and application (init.md I-MODEL-1, I-INIT-3)", () => {
  it("I-MODEL-1 a dry run writes nothing and reports exactly what the real run then does", async () => {
    const repo = setup({ "package.json": PKG, ".gitignore": "node_modules/\n", ".claude/commands/arm-gate.md": "mine\n" });
    const before = dirState(repo.dir);
    const dry = await run(repo.dir, repo.env, { dryRun: true });
    expect(dirState(repo.dir)).toEqual(before);
    const dryText = dry.ctx.stdout.text();
    expect(dryText.split("\n")[0]).toBe("specfuse init (dry run): nothing was written");
    const real = await run(repo.dir, repo.env);
    const strip = (t: string) => t.split("\n").filter((l) => /^(would )?[a-z]+ {2,}/.test(l)).map((l) => l.replace(/^would /, ""));
    expect(strip(dryText)).toEqual(strip(real.ctx.stdout.text()));
    expect(real.result?.body?.files).toEqual((dry.result?.body?.files as unknown[]));
    expect(strip(dryText)).toContain("append     .gitignore");
    expect(strip(dryText)).toContain("keep       .claude/commands/arm-gate.md (unmanaged, differs; --force-wire replaces it)");
  });

  it("I-CMD-5 a different command file is kept with a warning; --force-wire replaces it", async () => {
    const repo = setup({ "package.json": PKG, ".claude/commands/arm-gate.md": "mine\n" });
    const kept = await run(repo.dir, repo.env);
    expect(warningCodes(kept)).toEqual(["command_kept"]);
    expect(kept.result?.body?.kept).toEqual([".claude/commands/arm-gate.md"]);
    expect(readFileSync(path.join(repo.dir, ".claude/commands/arm-gate.md"), "utf8")).toBe("mine\n");
    const other = setup({ "package.json": PKG, ".claude/commands/arm-gate.md": "mine\n" });
    await run(other.dir, other.env, { forceWire: true });
    expect(readFileSync(path.join(other.dir, ".claude/commands/arm-gate.md"), "utf8")).toBe(
      readFileSync(path.join(PROJECT_ROOT, "scaffold/claude/commands/arm-gate.md"), "utf8"),
    );
  });

  it("§5 merges existing wiring: CRLF .gitignore, reference-style CLAUDE.md, 4-space settings with plugins", async () => {
    const settings = `${JSON.stringify({ enabledPlugins: { "specfuse@mkt": true }, permissions: { allow: ["Bash(specfuse-loop:*)"] }, extraKnownMarketplaces: { mkt: {} } }, null, 4)}\n`;
    const claude = "# Team notes\n\n## Specfuse\n@.specfuse/rules/result-contract.md\n@.specfuse/rules/never-touch.md\n";
    const repo = setup({ "package.json": PKG, ".gitignore": "dist/\r\n.env\r\n", ".claude/CLAUDE.md": claude, ".claude/settings.json": settings });
    const r = await run(repo.dir, repo.env);
    const read = (p: string) => readFileSync(path.join(repo.dir, p), "utf8");
    expect(read(".gitignore")).toBe(
      "dist/\r\n.env\r\n\r\n# specfuse (managed by specfuse init/upgrade)\r\n!.specfuse/\r\n.specfuse/**/work/\r\n.specfuse/.loop.lock*\r\n*.specfuse-tmp-*\r\n",
    );
    expect(read(".claude/CLAUDE.md")).toBe(claude);
    expect(read(".claude/settings.json")).toMatchInlineSnapshot(`
      "{
          "enabledPlugins": {
              "specfuse@mkt": true
          },
          "permissions": {
              "allow": [
                  "Bash(specfuse-loop:*)",
                  "Bash(specfuse:*)",
                  "Bash(specfuse-lint:*)",
                  "Bash(npx specfuse:*)"
              ]
          },
          "extraKnownMarketplaces": {
              "mkt": {}
          }
      }
      "
    `);
    expect(r.ctx.stdout.text()).toContain("append     .gitignore\nunchanged  .claude/CLAUDE.md (reference-style rules block kept)\nmerge      .claude/settings.json (added 3 allowlist entries)\n");
  });

  it("I-INIT-3 SIGINT during the writes removes the staging directory and leaves no .specfuse (exit 130)", async () => {
    // count the points where init looks at the signal, then stop at the first, middle and last ones
    const probe = setup();
    let total = 0;
    const counting = { get aborted() { total++; return false; } } as unknown as AbortSignal;
    await initWith({}, { ...testContext({ cwd: probe.dir, packageRoot: PROJECT_ROOT }), signal: counting }, { git: createGitProbe(probe.env) });
    expect(total).toBeGreaterThan(25);
    for (const after of [0, Math.floor(total / 2), total - 2, total - 1]) {
      const repo = setup();
      const before = dirState(repo.dir);
      let checks = 0;
      const signal = { get aborted() { return ++checks > after; } } as unknown as AbortSignal;
      const ctx = { ...testContext({ cwd: repo.dir, packageRoot: PROJECT_ROOT }), signal };
      const error = await initWith({}, ctx, { git: createGitProbe(repo.env) }).then(() => null, (e: unknown) => e);
      expect(isSpecfuseError(error) && error.code, `after ${after}`).toBe("interrupted");
      expect(exitCodeFor("interrupted")).toBe(130);
      const names = readdirSync(repo.dir);
      expect(names.filter((n) => n.startsWith(".specfuse"))).toEqual([]);
      const state = dirState(repo.dir);
      for (const key of Object.keys(before)) expect(state[key]).toBe(before[key]);
      // wiring written before the signal is harmless: a retry succeeds (merges are idempotent)
      expect((await run(repo.dir, repo.env)).code).toBe(0);
    }
  });

  it("I-INIT-5 init never commits", async () => {
    const repo = setup();
    const head = repo.git("rev-parse", "HEAD");
    await run(repo.dir, repo.env);
    expect(repo.git("rev-parse", "HEAD")).toBe(head);
    expect(repo.git("status", "--porcelain")).not.toBe("");
  });
});

describe("init warnings (init.md I-INIT-4, I-WIRE-3)", () => {
  it("I-INIT-4 not a git work tree: a warning with the hint, never a refusal", async () => {
    const repo = setup({ "package.json": PKG }, "none");
    const r = await run(repo.dir, repo.env);
    expect(r.code).toBe(0);
    expect(warningCodes(r)).toEqual(["not_git_repo"]);
    expect(r.ctx.stderr.text()).toContain("warning[not_git_repo]: . is not inside a git work tree");
  });

  it("I-INIT-4 no commits yet", async () => {
    const repo = setup({ "package.json": PKG }, "empty");
    expect(warningCodes(await run(repo.dir, repo.env))).toEqual(["no_commits"]);
  });

  it("I-INIT-4 a target below the top level, inside an enclosing workspace", async () => {
    const repo = setup({ "package.json": PKG, "packages/app/README.md": "x\n" });
    await run(repo.dir, repo.env);
    const r = await run(repo.dir, repo.env, { dir: "packages/app" });
    expect(warningCodes(r)).toEqual(["not_top_level", "enclosing_scaffold", "no_code_check"]);
    expect(r.ctx.stdout.text()).toContain("create     packages/app/.specfuse/VERSION");
  });

  it("I-WIRE-3 a user rule that still ignores feature folders is named, in a dry run and a real run", async () => {
    const repo = setup({ "package.json": PKG, ".gitignore": "*.md\n" });
    const dry = await run(repo.dir, repo.env, { dryRun: true });
    expect(warningCodes(dry)).toEqual(["ignore_shadowed"]);
    const real = await run(repo.dir, repo.env);
    expect(warningCodes(real)).toEqual(["ignore_shadowed"]);
    expect(real.ctx.stderr.text()).toContain("`*.md` (.gitignore:1)");
  });

  it("I-WIRE-3 a rule that only hides .specfuse/ itself is lifted by the merge: no warning", async () => {
    const repo = setup({ "package.json": PKG, ".gitignore": ".*\n" });
    expect(warningCodes(await run(repo.dir, repo.env, { dryRun: true }))).toEqual([]);
    expect(warningCodes(await run(repo.dir, repo.env))).toEqual([]);
  });

  it("I-INIT-7 the --json body validates against its schema", async () => {
    const repo = setup({ "package.json": PKG, ".gitignore": "*.md\n" });
    const r = await run(repo.dir, repo.env, { example: true });
    const doc = { schema: r.result?.schema, exit_code: 0, error: null, ...r.result?.body };
    const validate = compileSchema(INIT_OUTPUT_SCHEMA);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc).toMatchObject({
      schema: "specfuse.init/1",
      target: ".",
      dry_run: false,
      version: "0.4.0",
      stack: { detected: ["node"], code_checks: 1 },
      example: { feature_id: "FEAT-0000-0001", dir: ".specfuse/features/FEAT-0000-0001-hello-greeting" },
    });
  });
});
