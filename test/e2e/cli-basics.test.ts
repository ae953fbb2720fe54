import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT, runCli } from "../helpers/run-cli.js";

const version = (
  JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as {
    version: string;
  }
).version;

describe("bins and global conventions (cli.md §1, §2, C-BIN-3, C-BIN-4)", () => {
  it("--version prints the bare version on every bin", async () => {
    for (const bin of ["specfuse", "specfuse-lint", "specfuse-loop"] as const) {
      const r = await runCli(["--version"], { bin });
      expect(r).toMatchObject({ exitCode: 0, stdout: version });
    }
  });

  it("no command prints short usage to stderr and exits 64", async () => {
    const r = await runCli([]);
    expect(r.exitCode).toBe(64);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/Usage: specfuse <command>/);
  });

  it("an unknown command exits 64 with a suggestion", async () => {
    const r = await runCli(["stauts"]);
    expect(r.exitCode).toBe(64);
    expect(r.stderr).toMatch(
      /^error\[usage\]: unknown command 'stauts'.*Did you mean status\?/,
    );
  });

  it("help goes to stdout with exit 0 and uses the alias name", async () => {
    const r = await runCli(["--help"], { bin: "specfuse-lint" });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^Usage: specfuse-lint /);
    expect(r.stdout).toMatch(/\| 130 \| interrupted \|/);
    const help = await runCli(["help", "lint"]);
    expect(help).toMatchObject({ exitCode: 0 });
    expect(help.stdout).toMatch(/Usage: specfuse lint /);
  });

  it("lint usage errors exit 2 with an empty stdout (lint.md L-CLI-4)", async () => {
    const r = await runCli(["--format", "xml"], { bin: "specfuse-lint" });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^error\[lint_usage\]/);
    const viaUmbrella = await runCli(["lint", "--just-closed-gate", "x"]);
    expect(viaUmbrella.exitCode).toBe(2);
  });

  it("run usage errors exit 64 naming the option and range", async () => {
    const r = await runCli(["--max-attempts", "11"], { bin: "specfuse-loop" });
    expect(r.exitCode).toBe(64);
    expect(r.stderr).toMatch(/--max-attempts.*1 to 10/);
  });
});
