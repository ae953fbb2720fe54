import { writeFileSync } from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

// Whether a shell is installed (zsh and fish are optional on a build machine; bash is not).
async function has(shell: string): Promise<boolean> {
  const r = await execa(shell, ["-c", "exit 0"], { reject: false });
  return r.exitCode === 0;
}

async function script(shell: string): Promise<string> {
  const r = await runCli(["completion", shell]);
  expect(r.exitCode).toBe(0);
  expect(r.stderr).toBe("");
  const file = path.join(tempDir("specfuse-completion-"), `specfuse.${shell}`);
  writeFileSync(file, r.stdout);
  return file;
}

const hasZsh = await has("zsh");
const hasFish = await has("fish");

describe("specfuse completion bash|zsh|fish (issue 17 point 11)", () => {
  it("bash: commands, their flags, flag values and the alias bins complete", async () => {
    const file = await script("bash");
    const probe = [
      `source ${JSON.stringify(file)}`,
      't() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]}-1)); COMPREPLY=(); _specfuse; echo "${COMPREPLY[*]}"; }',
      "t specfuse st",
      "t specfuse lint --for",
      "t specfuse lint --format ''",
      "t specfuse --json -C /tmp status --gr",
      "t specfuse-loop --dry",
      "t specfuse-lint --str",
      "t specfuse completion ''",
      "complete -p specfuse specfuse-loop specfuse-lint",
    ].join("\n");
    const r = await execa("bash", ["-c", probe], { reject: false });
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines.slice(0, 5)).toEqual([
      "status",
      "--format",
      "text json github sarif",
      "--graph",
      "--dry-run",
    ]);
    expect(lines[5]).toBe("--strict");
    expect(lines[6]).toMatch(/ bash zsh fish$/);
    expect(lines.slice(7)).toEqual([
      "complete -F _specfuse specfuse",
      "complete -F _specfuse specfuse-loop",
      "complete -F _specfuse specfuse-lint",
    ]);
  });

  it.skipIf(!hasFish)(
    "fish: the script loads and completes commands and flag values",
    async () => {
      const file = await script("fish");
      const r = await execa(
        "fish",
        [
          "-c",
          `source ${JSON.stringify(file)}; complete -C "specfuse st"; complete -C "specfuse lint --for"; complete -C "specfuse-lint --format "`,
        ],
        { reject: false },
      );
      expect(r.exitCode).toBe(0);
      const words = r.stdout.split("\n").map((l) => l.split("\t")[0]);
      expect(words).toContain("status");
      expect(words).toContain("--format");
      expect(words).toEqual(
        expect.arrayContaining(["text", "json", "github", "sarif"]),
      );
    },
  );

  it.skipIf(!hasZsh)(
    "zsh: the script parses and registers _specfuse for the three bins",
    async () => {
      const file = await script("zsh");
      const syntax = await execa("zsh", ["-n", file], { reject: false });
      expect(syntax.exitCode).toBe(0);
      const r = await execa(
        "zsh",
        [
          "-f",
          "-c",
          `autoload -U compinit; compinit -u -D; source ${JSON.stringify(file)}; print -r -- "$_comps[specfuse] $_comps[specfuse-loop] $_comps[specfuse-lint]"; whence -w _specfuse_lint`,
        ],
        { reject: false, env: { HOME: tempDir("specfuse-zsh-home-") } },
      );
      expect(r.stdout).toBe(
        "_specfuse _specfuse _specfuse\n_specfuse_lint: function".trimEnd(),
      );
    },
  );

  it("an unknown shell is a usage error that names the choices", async () => {
    const r = await runCli(["completion", "tcsh"]);
    expect(r.exitCode).toBe(64);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/'tcsh' is invalid.*bash, zsh, fish/);
  });
});
