import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../helpers/run-cli.js";
import { tempDir } from "../../helpers/temp-dir.js";

const RUN = ".github/workflows/specfuse-run.yml";

describe("init/upgrade --ci github (github.md GH-CI-1)", () => {
  it("writes both workflows as managed wiring: listed in the manifest, refreshed by a plain upgrade, kept when edited", async () => {
    const dir = tempDir("specfuse-ci-");
    const init = await runCli(["init", "--ci", "github"], { cwd: dir });
    expect(init.exitCode, init.stderr).toBe(0);
    expect(init.stdout).toContain(
      "create     .github/workflows/specfuse-lint.yml",
    );
    expect(init.stdout).toContain(
      "git add .specfuse .claude .gitignore .github",
    );
    const manifest = JSON.parse(
      readFileSync(path.join(dir, ".specfuse/.scaffold-manifest"), "utf8"),
    ) as Record<string, string>;
    expect(
      Object.keys(manifest).filter((k) => k.includes(".github")),
    ).toStrictEqual([
      "../.github/workflows/specfuse-lint.yml",
      "../.github/workflows/specfuse-run.yml",
    ]);
    expect(readFileSync(path.join(dir, RUN), "utf8")).toContain(
      "npx --yes specfuse@0.4.0 run",
    );
    writeFileSync(path.join(dir, RUN), "stale: true\n");
    // A stale but unedited copy: make its manifest hash match, as an older specfuse would have left it.
    const { createHash } = await import("node:crypto");
    manifest["../.github/workflows/specfuse-run.yml"] = createHash("sha256")
      .update("stale: true\n")
      .digest("hex");
    writeFileSync(
      path.join(dir, ".specfuse/.scaffold-manifest"),
      `${JSON.stringify(manifest, null, 2)}\n`,
    );
    const up = await runCli(["upgrade"], { cwd: dir });
    expect(up.exitCode, up.stderr).toBe(0);
    expect(up.stdout).toContain(`update     ${RUN}`);
    appendFileSync(path.join(dir, RUN), "# my own step\n");
    const kept = await runCli(["upgrade"], { cwd: dir });
    expect(kept.stdout).toContain(
      `keep       ${RUN} (locally modified; --force-wire replaces it)`,
    );
    expect(kept.stderr).toContain("warning[workflow_kept]");
    const forced = await runCli(["upgrade", "--force-wire"], { cwd: dir });
    expect(forced.stdout).toContain(`replace    ${RUN} (--force-wire)`);
    expect(readFileSync(path.join(dir, RUN), "utf8")).not.toContain(
      "# my own step",
    );
  });

  it("a plain init or upgrade writes no workflow; --ci takes only github", async () => {
    const dir = tempDir("specfuse-ci-");
    expect((await runCli(["init"], { cwd: dir })).stdout).not.toContain(
      ".github",
    );
    expect((await runCli(["upgrade"], { cwd: dir })).stdout).not.toContain(
      ".github",
    );
    const bad = await runCli(["upgrade", "--ci", "gitlab"], { cwd: dir });
    expect(bad.exitCode).toBe(64);
    const add = await runCli(["upgrade", "--ci", "github"], { cwd: dir });
    expect(add.stdout).toContain(
      "create     .github/workflows/specfuse-run.yml",
    );
  });
});
