import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, symlinkSync } from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const version = (
  JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as {
    version: string;
  }
).version;
const EXAMPLE = path.join(
  PROJECT_ROOT,
  "scaffold",
  "example",
  "FEAT-0000-0001-hello-greeting",
);

// `npm pack` of the built tree (no prepack: the test run built dist/ already), unpacked into a temp dir.
async function unpackedPackage(): Promise<{ dir: string; files: string[] }> {
  const out = tempDir("specfuse-pack-");
  const r = await execa(
    "npm",
    ["pack", "--ignore-scripts", "--json", "--pack-destination", out],
    {
      cwd: PROJECT_ROOT,
      timeout: 60_000,
    },
  );
  const [info] = JSON.parse(r.stdout) as Array<{
    filename: string;
    files: Array<{ path: string }>;
  }>;
  execFileSync("tar", ["-xzf", path.join(out, info!.filename), "-C", out]);
  return {
    dir: path.join(out, "package"),
    files: info!.files.map((f) => f.path),
  };
}

describe("the package npm pack makes (architecture.md §1, docs/build.md)", () => {
  it("ships the bundle, the bins and the assets, and runs from where it is unpacked", async () => {
    const { dir, files } = await unpackedPackage();
    expect(files).toEqual(
      expect.arrayContaining([
        "bin/specfuse",
        "bin/specfuse-lint",
        "bin/specfuse-loop",
        "bin/package.json",
        "dist/cli/main.cjs",
        "dist/THIRD-PARTY-NOTICES.md",
        "templates/PLAN.template.md",
        "package.json",
      ]),
    );
    expect(
      files.filter((f) => f.startsWith("src/") || f.startsWith("test/")),
    ).toStrictEqual([]);
    expect(
      files.filter((f) => f.startsWith("dist/") && !/\.(cjs|md)$/.test(f)),
    ).toStrictEqual([]);
    // What `npm install` would add: the declared dependencies (only yaml is loaded from there, lazily).
    symlinkSync(
      path.join(PROJECT_ROOT, "node_modules"),
      path.join(dir, "node_modules"),
    );
    const env = { NO_COLOR: "1", CI: "1" };
    const v = await execa(path.join(dir, "bin", "specfuse"), ["--version"], {
      env,
      reject: false,
    });
    expect({ exitCode: v.exitCode, stdout: v.stdout }).toStrictEqual({
      exitCode: 0,
      stdout: version,
    });
    const lint = await execa(
      path.join(dir, "bin", "specfuse-lint"),
      [EXAMPLE],
      { env, reject: false },
    );
    expect(lint.exitCode).toBe(0);
    expect(lint.stdout).toMatch(/1 feature folder, 0 errors/);
    // init reads templates/ and scaffold/ next to the bundle: the package root must resolve inside the package.
    const repo = tempDir();
    execFileSync("git", ["init", "-q", repo]);
    const init = await execa(
      path.join(dir, "bin", "specfuse"),
      ["init", "--dry-run", repo],
      {
        env,
        reject: false,
      },
    );
    expect(init.exitCode, init.stderr).toBe(0);
    expect(init.stdout).toMatch(/PLAN\.template\.md/);
    expect(existsSync(path.join(repo, ".specfuse"))).toBe(false);
  });
});
