import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { COMMAND_ORDER } from "../../src/cli/program.js";
import { PROJECT_ROOT, runCli, type CliOptions } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const DIST = path.join(PROJECT_ROOT, "dist");
const PRELOAD = path.join(
  PROJECT_ROOT,
  "test",
  "fixtures",
  "preload",
  "loaded-files.cjs",
);
const EXAMPLE = path.join(
  PROJECT_ROOT,
  "scaffold",
  "example",
  "FEAT-0000-0001-hello-greeting",
);

// Runs a bin and returns the bundle files it loaded, relative to dist/.
async function loadedBy(
  args: string[],
  options: CliOptions = {},
): Promise<string[]> {
  const record = path.join(tempDir(), "loaded.json");
  const r = await runCli(args, {
    ...options,
    env: {
      NODE_OPTIONS: `--require ${PRELOAD}`,
      SPECFUSE_TEST_LOADED_FILES: record,
    },
  });
  expect(r.stderr).toBe("");
  const files = JSON.parse(readFileSync(record, "utf8")) as string[];
  return files
    .filter((f) => f.startsWith(`${DIST}${path.sep}`))
    .map((f) => path.relative(DIST, f).split(path.sep).join("/"));
}

// The chunk files of the commands, as esbuild names them after src/commands/<name>.ts (name-HASH.cjs).
const commandOf = (file: string) =>
  /^chunks\/([a-z-]+)-[A-Z0-9]{8}\.cjs$/.exec(file)?.[1] ?? "";
const isCommandChunk = (file: string) =>
  (COMMAND_ORDER as readonly string[]).includes(commandOf(file));
// A method of commander's Command class, in no source file of ours.
const COMMANDER = "_parseCommand(";
const text = (file: string) => readFileSync(path.join(DIST, file), "utf8");

describe("the shipped bundle (docs/build.md)", () => {
  it("gives every command of the registry a chunk of its own", () => {
    const chunks = readdirSync(path.join(DIST, "chunks"));
    for (const name of COMMAND_ORDER)
      expect(
        chunks.some((f) => f.startsWith(`${name}-`)),
        name,
      ).toBe(true);
    expect(existsSync(path.join(DIST, "cli", "main.cjs"))).toBe(true);
    expect(existsSync(path.join(DIST, "THIRD-PARTY-NOTICES.md"))).toBe(true);
  });

  it("--version loads the entry and its few small chunks, without commander", async () => {
    const files = await loadedBy(["--version"]);
    expect(files).toContain("cli/main.cjs");
    expect(files.length).toBeLessThanOrEqual(4);
    for (const file of files) expect(text(file), file).not.toContain(COMMANDER);
  });

  it("--help loads commander and the registry but no command", async () => {
    const files = await loadedBy(["--help"]);
    expect(files.some((f) => text(f).includes(COMMANDER))).toBe(true);
    expect(files.filter(isCommandChunk)).toStrictEqual([]);
    const alias = await loadedBy(["--help"], { bin: "specfuse-loop" });
    expect(alias.filter(isCommandChunk)).toStrictEqual([]);
  });

  it("a command loads its own chunk and no other command's", async () => {
    const lint = await loadedBy([EXAMPLE], { bin: "specfuse-lint" });
    expect(lint.filter(isCommandChunk).map(commandOf)).toStrictEqual(["lint"]);
  });
});
