import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { initWith } from "../../src/commands/init.js";
import { upgradeWith, type UpgradeDeps } from "../../src/commands/upgrade.js";
import { exitCodeFor } from "../../src/errors/codes.js";
import { isSpecfuseError, SpecfuseError } from "../../src/errors/specfuse-error.js";
import { createGitProbe } from "../../src/git/git-probe.js";
import { sha256Hex } from "../../src/scaffold/manifest.js";
import { compileSchema } from "../../src/schemas/ajv.js";
import { UPGRADE_OUTPUT_SCHEMA } from "../../src/schemas/upgrade-output.js";
import { testContext } from "../helpers/context.js";
import { PROJECT_ROOT } from "../helpers/run-cli.js";
import { dirState } from "./support/dir-state.js";
import { scaffoldRepo } from "./support/scaffold-repo.js";

const PKG = '{"name":"demo","scripts":{"test":"node --test"}}\n';

interface LockLog {
  acquired: number;
  released: number;
}

function lockDeps(log: LockLog, isHeld = false): UpgradeDeps {
  return {
    acquireLock: async () => {
      if (isHeld) throw new SpecfuseError({ code: "lock_held", message: "held by pid 1" });
      log.acquired++;
      return async () => {
        log.released++;
      };
    },
  };
}

async function initialized() {
  const repo = scaffoldRepo({ "package.json": PKG });
  await initWith({}, testContext({ cwd: repo.dir, packageRoot: PROJECT_ROOT }), { git: createGitProbe(repo.env) });
  return repo;
}

async function upgrade(dir: string, options: Parameters<typeof upgradeWith>[0] = {}, deps?: UpgradeDeps, extra = {}) {
  const log = { acquired: 0, released: 0 };
  const ctx = testContext({ cwd: dir, packageRoot: PROJECT_ROOT, ...extra });
  try {
    const result = await upgradeWith(options, ctx, deps ?? lockDeps(log));
    return { ctx, result, error: null, code: 0, log };
  } catch (error) {
    if (!isSpecfuseError(error)) throw error;
    return { ctx, result: null, error, code: exitCodeFor(error.code), log };
  }
}

const file = (dir: string, rel: string) => path.join(dir, ...rel.split("/"));
const read = (dir: string, rel: string) => readFileSync(file(dir, rel), "utf8");
function editManifest(dir: string, edit: (m: Record<string, string>) => void) {
  const m = JSON.parse(read(dir, ".specfuse/.scaffold-manifest")) as Record<string, string>;
  edit(m);
  writeFileSync(file(dir, ".specfuse/.scaffold-manifest"), `${JSON.stringify(m, null, 2)}\n`);
}

// Turns a fresh tree into one written by an older specfuse: older texts, their hashes, an older VERSION.
function ageTree(dir: string) {
  writeFileSync(file(dir, ".specfuse/VERSION"), "0.3.9\n");
  writeFileSync(file(dir, ".specfuse/docs/methodology.md"), "older methodology\n");
  writeFileSync(file(dir, ".specfuse/rules/never-touch.md"), "older rule, edited by the team\n");
  mkdirSync(file(dir, ".specfuse/guides"));
  writeFileSync(file(dir, ".specfuse/guides/retired.md"), "retired\n");
  writeFileSync(file(dir, ".specfuse/docs/tuned.md"), "edited after shipping\n");
  editManifest(dir, (m) => {
    m.VERSION = sha256Hex("0.3.9\n");
    m["docs/methodology.md"] = sha256Hex("older methodology\n");
    m["rules/never-touch.md"] = sha256Hex("older rule\n");
    m["guides/retired.md"] = sha256Hex("retired\n");
    m["docs/tuned.md"] = sha256Hex("as shipped\n");
  });
}

describe("upgrade after init (init.md I-UPG-13)", () => {
  it("I-UPG-13 reports every path unchanged and rewrites a byte-identical manifest", async () => {
    const repo = await initialized();
    const before = dirState(repo.dir);
    const r = await upgrade(repo.dir, { dryRun: false });
    expect(r.code).toBe(0);
    expect((r.result?.body?.files as Array<{ action: string }>).every((f) => f.action === "unchanged")).toBe(true);
    expect(dirState(repo.dir)).toEqual(before);
    expect(r.ctx.stdout.text()).toMatch(/^specfuse upgrade 0\.4\.0 → 0\.4\.0\nunchanged  \d+ files\nalready at 0\.4\.0: nothing to change\n$/);
    expect(r.log).toEqual({ acquired: 1, released: 1 });
  });
});

describe("upgrade of an older tree (init.md §7.2, I-UPG-5..7)", () => {
  it("§7.2 updates unedited files, keeps edited ones, prunes retired ones and their empty folder", async () => {
    const repo = await initialized();
    ageTree(repo.dir);
    const r = await upgrade(repo.dir);
    expect(r.code).toBe(0);
    const out = r.ctx.stdout.text();
    expect(out).toContain("specfuse upgrade 0.3.9 → 0.4.0\n");
    expect(out).toContain("update     .specfuse/docs/methodology.md\n");
    expect(out).toContain("keep       .specfuse/rules/never-touch.md (locally modified)\n");
    expect(out).toContain("remove     .specfuse/guides/retired.md (no longer shipped)\n");
    expect(out).toContain("keep       .specfuse/docs/tuned.md (no longer shipped)\n");
    expect(out).toContain("To adopt the shipped version of a kept file, delete it and run `specfuse upgrade` again");
    expect(read(repo.dir, ".specfuse/docs/methodology.md")).toBe(read(PROJECT_ROOT, "scaffold/docs/methodology.md"));
    expect(read(repo.dir, ".specfuse/rules/never-touch.md")).toBe("older rule, edited by the team\n");
    expect(existsSync(file(repo.dir, ".specfuse/guides"))).toBe(false);
    expect(read(repo.dir, ".specfuse/VERSION")).toBe("0.4.0\n");
    const manifest = JSON.parse(read(repo.dir, ".specfuse/.scaffold-manifest")) as Record<string, string>;
    expect(manifest["rules/never-touch.md"]).toBe(sha256Hex(read(PROJECT_ROOT, "scaffold/rules/never-touch.md")));
    expect(manifest).not.toHaveProperty("docs/tuned.md");
    expect(r.result?.body?.kept).toEqual([".specfuse/docs/tuned.md", ".specfuse/rules/never-touch.md"]);
    expect(r.ctx.stderr.text()).toContain("warning[file_kept]: .specfuse/rules/never-touch.md was kept (locally modified)");
    // the kept file stays detectable: a second upgrade keeps it again, and changes nothing else
    const again = await upgrade(repo.dir);
    expect(again.ctx.stdout.text()).toContain("keep       .specfuse/rules/never-touch.md (locally modified)\n");
    expect(again.ctx.stdout.text()).toContain("already at 0.4.0: 1 kept\n");
  });

  it("I-MODEL-1 a dry run writes nothing and lists the same operations as the real run; it takes no lock", async () => {
    const repo = await initialized();
    ageTree(repo.dir);
    const before = dirState(repo.dir);
    const dry = await upgrade(repo.dir, { dryRun: true });
    expect(dirState(repo.dir)).toEqual(before);
    expect(dry.log.acquired).toBe(0);
    const real = await upgrade(repo.dir);
    expect(real.result?.body?.files).toEqual(dry.result?.body?.files);
  });

  it("I-UPG-1 an interrupted upgrade leaves the old manifest; running it again finishes the job", async () => {
    const repo = await initialized();
    ageTree(repo.dir);
    const oldManifest = read(repo.dir, ".specfuse/.scaffold-manifest");
    let checks = 0;
    const signal = { get aborted() { return ++checks > 2; } } as unknown as AbortSignal;
    const stopped = await upgrade(repo.dir, {}, undefined, { signal });
    expect(stopped.error?.code).toBe("interrupted");
    expect(stopped.log).toEqual({ acquired: 1, released: 1 });
    expect(read(repo.dir, ".specfuse/.scaffold-manifest")).toBe(oldManifest);
    expect((await upgrade(repo.dir)).code).toBe(0);
    expect(read(repo.dir, ".specfuse/docs/methodology.md")).toBe(read(PROJECT_ROOT, "scaffold/docs/methodology.md"));
    expect(existsSync(file(repo.dir, ".specfuse/guides/retired.md"))).toBe(false);
  });

  it("I-UPG-8 missing seeds and an absent features/ are restored; present ones are never touched", async () => {
    const repo = await initialized();
    rmSync(file(repo.dir, ".specfuse/config.yml"));
    rmSync(file(repo.dir, ".specfuse/features"), { recursive: true });
    writeFileSync(file(repo.dir, ".specfuse/LEARNINGS.md"), "team notes\n");
    const r = await upgrade(repo.dir);
    expect(r.ctx.stdout.text()).toContain("create     .specfuse/config.yml\ncreate     .specfuse/features/.gitkeep\n");
    expect(r.ctx.stdout.text()).toContain("already at 0.4.0: 2 created\n");
    expect(read(repo.dir, ".specfuse/LEARNINGS.md")).toBe("team notes\n");
  });

  it("I-UPG-11 the --json body validates and carries from, to and kept", async () => {
    const repo = await initialized();
    ageTree(repo.dir);
    const r = await upgrade(repo.dir);
    const doc = { schema: r.result?.schema, exit_code: 0, error: null, ...r.result?.body };
    const validate = compileSchema(UPGRADE_OUTPUT_SCHEMA);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc).toMatchObject({ schema: "specfuse.upgrade/1", from: "0.3.9", to: "0.4.0", dry_run: false });
  });
});

describe("upgrade refusals (init.md I-UPG-1, I-UPG-2, I-VER-2, I-UPG-12)", () => {
  it("I-UPG-2 a newer tree is refused with scaffold_downgrade (exit 1) and nothing is written", async () => {
    const repo = await initialized();
    writeFileSync(file(repo.dir, ".specfuse/VERSION"), "v1.2.0\n");
    const before = dirState(repo.dir);
    const r = await upgrade(repo.dir);
    expect(r).toMatchObject({ code: 1, error: { code: "scaffold_downgrade", hint: "npm i -D specfuse@1.2.0" } });
    expect(r.log).toEqual({ acquired: 1, released: 1 });
    expect(dirState(repo.dir)).toEqual(before);
  });

  it.each(["0.4", "0.4.0rc1", "0.3.1-rc.2"])("I-UPG-2 %s is not newer than 0.4.0 and proceeds", async (v) => {
    const repo = await initialized();
    writeFileSync(file(repo.dir, ".specfuse/VERSION"), `${v}\n`);
    expect((await upgrade(repo.dir)).code).toBe(0);
  });

  it("I-VER-2 a malformed VERSION is scaffold_version_invalid (exit 65), quoting the line, dry run included", async () => {
    const repo = await initialized();
    writeFileSync(file(repo.dir, ".specfuse/VERSION"), "version four\n");
    const before = dirState(repo.dir);
    for (const isDryRun of [true, false]) {
      const r = await upgrade(repo.dir, { dryRun: isDryRun });
      expect(r).toMatchObject({ code: 65, error: { code: "scaffold_version_invalid", line: 1, excerpt: "version four" } });
      expect(r.error?.message).toContain('"version four"');
    }
    expect(dirState(repo.dir)).toEqual(before);
  });

  it("I-VER-2 an empty VERSION is unversioned, older than anything", async () => {
    const repo = await initialized();
    writeFileSync(file(repo.dir, ".specfuse/VERSION"), "\n");
    const r = await upgrade(repo.dir);
    expect(r.ctx.stdout.text()).toMatch(/^specfuse upgrade unversioned → 0\.4\.0\nupdate     \.specfuse\/VERSION\n/);
    expect(r.result?.body?.from).toBeNull();
  });

  it("I-UPG-1 an unparseable manifest is scaffold_manifest_invalid (exit 65) with the delete hint", async () => {
    const repo = await initialized();
    writeFileSync(file(repo.dir, ".specfuse/.scaffold-manifest"), "{ not json");
    const r = await upgrade(repo.dir, { dryRun: true });
    expect(r).toMatchObject({ code: 65, error: { code: "scaffold_manifest_invalid" } });
    expect(r.error?.hint).toMatch(/^delete the file and run `specfuse upgrade` again/);
  });

  it("I-UPG-1 no .specfuse/ is no_specfuse_dir (exit 65); upgrade never initializes", async () => {
    const repo = scaffoldRepo({ "package.json": PKG });
    const r = await upgrade(repo.dir);
    expect(r).toMatchObject({ code: 65, error: { code: "no_specfuse_dir", hint: "specfuse init" } });
    expect(existsSync(file(repo.dir, ".specfuse"))).toBe(false);
    expect((await upgrade(repo.dir, { dir: "missing" })).code).toBe(64);
  });

  it("D-LOCK-7 a held lock fails with lock_held (exit 3) before anything is read or written", async () => {
    const repo = await initialized();
    ageTree(repo.dir);
    const before = dirState(repo.dir);
    const r = await upgrade(repo.dir, {}, lockDeps({ acquired: 0, released: 0 }, true));
    expect(r).toMatchObject({ code: 3, error: { code: "lock_held" } });
    expect(dirState(repo.dir)).toEqual(before);
    expect((await upgrade(repo.dir, { dryRun: true }, lockDeps({ acquired: 0, released: 0 }, true))).code).toBe(0);
  });

  it("I-WIRE-7 an invalid settings.json refuses upgrade too (exit 65)", async () => {
    const repo = await initialized();
    writeFileSync(file(repo.dir, ".claude/settings.json"), "[]");
    expect((await upgrade(repo.dir)).error?.code).toBe("settings_invalid");
  });
});
