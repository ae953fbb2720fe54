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
    expect(r.stdout).toMatch(/^Examples:\n {2}# .*\n {2}specfuse-lint$/m);
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

  it("issue 17 point 11: every help page has a summary, examples and only its own exit codes, rendered for a terminal", async () => {
    const codes = (help: string) =>
      [
        ...(help.split("\nExit codes:\n")[1] ?? "").matchAll(/^ {2}(\d+) /gm),
      ].map((m) => Number(m[1]));
    const lint = await runCli(["lint", "--help"]);
    expect(lint.stdout.split("\n")[2]).toBe(
      "check feature folders against the planning rules",
    );
    expect(codes(lint.stdout)).toEqual([0, 1, 2]);
    expect(lint.stdout).not.toContain("|---|");
    expect(lint.stdout).not.toContain("| 64 |");
    const run = await runCli(["run", "--help"]);
    expect(codes(run.stdout)).toEqual([0, 1, 2, 3, 64, 65, 70, 130]);
    expect(run.stdout).toMatch(
      /^Examples:\n {2}# .*\n {2}specfuse run --dry-run$/m,
    );
    expect(run.stdout).toContain("Environment:\n  SPECFUSE_AGENT_CMD");
    const status = await runCli(["status", "--help"]);
    expect(codes(status.stdout)).toEqual([0, 64, 65, 70, 130]);
    for (const name of [
      "init",
      "upgrade",
      "lint",
      "run",
      "status",
      "arm",
      "unblock",
      "log",
      "doctor",
      "completion",
    ]) {
      const h = await runCli([name, "--help"]);
      expect(h.exitCode, name).toBe(0);
      expect(h.stdout, name).toMatch(/\nExamples:\n {2}# /);
      expect(codes(h.stdout).length, name).toBeGreaterThan(1);
      expect(h.stdout, name).not.toContain("|---|");
      for (const line of h.stdout.split("\n"))
        expect(line.length, `${name}: ${line}`).toBeLessThanOrEqual(80);
    }
  });

  it("issue 17 point 11: the program's help ends with examples and where to look next, within 80 columns", async () => {
    const r = await runCli(["--help"]);
    expect(r.stdout).toMatch(/\nExamples:\n {2}# /);
    expect(r.stdout).toContain("completion <shell>");
    for (const line of r.stdout.split("\n"))
      expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it("issue 17 point 11: required options are marked; usage errors point at the subcommand's help", async () => {
    const help = await runCli(["unblock", "--help"]);
    expect(help.stdout).toMatch(
      /^Usage: specfuse unblock <wu> --reason <text> \[options\]$/m,
    );
    expect(help.stdout).toMatch(
      /^ {2}--reason <text> +required: what changed since the escalation$/m,
    );
    const missing = await runCli(["unblock", "T01"]);
    expect(missing.exitCode).toBe(64);
    expect(missing.stderr).toContain(
      "required option '--reason <text>' not specified",
    );
    expect(missing.stderr).toContain("hint: run `specfuse unblock --help`");
    const bad = await runCli(["run", "--bogus"]);
    expect(bad.exitCode).toBe(64);
    expect(bad.stderr).toMatch(/^error\[usage\]: unknown option '--bogus'/m);
    expect(bad.stderr).toContain("hint: run `specfuse run --help`");
  });

  it("issue 17 point 7: `specfuse -v` and `specfuse --bogus` name the unknown option before the usage", async () => {
    const v = await runCli(["-v"]);
    expect(v.exitCode).toBe(64);
    expect(v.stderr).toMatch(
      /^error\[usage\]: unknown option '-v' \(did you mean -V for the version, or --verbose\?\)\n/,
    );
    expect(v.stderr).toContain("Usage: specfuse <command> [options]");
    const bogus = await runCli(["--bogus"]);
    expect(bogus.exitCode).toBe(64);
    expect(bogus.stderr).toMatch(/^error\[usage\]: unknown option '--bogus'\n/);
    const typo = await runCli(["--verbos"]);
    expect(typo.stderr).toContain(
      "unknown option '--verbos' (did you mean --verbose?)",
    );
    const sub = await runCli(["status", "-v"]);
    expect(sub.stderr).toContain(
      "unknown option '-v' (did you mean -V for the version, or --verbose?)",
    );
  });

  it("run usage errors exit 64 naming the option and range", async () => {
    const r = await runCli(["--max-attempts", "11"], { bin: "specfuse-loop" });
    expect(r.exitCode).toBe(64);
    expect(r.stderr).toMatch(/--max-attempts.*1 to 10/);
  });
});
