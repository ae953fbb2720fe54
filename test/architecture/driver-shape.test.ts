import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { functionLengths } from "../../scripts/function-lengths.mjs";
import { PROJECT_ROOT } from "../helpers/run-cli.js";

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const srcFiles = walk(path.join(PROJECT_ROOT, "src"))
  .filter((f) => f.endsWith(".ts"))
  .map((f) => path.relative(PROJECT_ROOT, f).split(path.sep).join("/"));
const source = (f: string) => readFileSync(path.join(PROJECT_ROOT, f), "utf8");
const importsOf = (text: string) =>
  [
    ...text.matchAll(
      /(?:import|export)\s(?!type\s)[^'"]*?from\s+['"]([^'"]+)['"]/g,
    ),
  ].map((m) => m[1] ?? "");
const outsideTransitions = (f: string) => !f.startsWith("src/transitions/");

describe("one writer of status, one appender of events (audit.md AU-TR-1, issue 8)", () => {
  it("only src/transitions/ imports the frontmatter writer", () => {
    const offenders = srcFiles.filter(
      (f) =>
        outsideTransitions(f) &&
        !f.startsWith("src/workspace/") &&
        importsOf(source(f)).some((i) => i.endsWith("/update-frontmatter.js")),
    );
    expect(offenders).toStrictEqual([]);
  });

  it("only src/transitions/ appends events", () => {
    const offenders = srcFiles.filter(
      (f) =>
        outsideTransitions(f) &&
        !f.startsWith("src/events/") &&
        importsOf(source(f)).some((i) => i.endsWith("/append-event.js")),
    );
    expect(offenders).toStrictEqual([]);
  });

  it("no code outside src/transitions/ spells a `status` frontmatter write", () => {
    const write = /\[\s*["']status["']\s*,|key:\s*["']status["']/;
    const offenders = srcFiles.filter(
      (f) =>
        outsideTransitions(f) &&
        // lint reads status; git's own `status` subcommand is no frontmatter key
        !f.startsWith("src/lint/") &&
        !f.startsWith("src/git/") &&
        // a new unit file is rendered whole from the template (its first status is recorded by adopt's event)
        f !== "src/feature/unit-bodies.ts" &&
        write.test(source(f)),
    );
    expect(offenders).toStrictEqual([]);
  });
});

describe("driver shape (architecture.md §4, issue 8)", () => {
  it("no function under src/driver is longer than 80 lines", () => {
    const long = functionLengths(["src/driver"])
      .filter((f) => f.lines > 80)
      .map((f) => `${f.file}:${f.line} ${f.name} (${f.lines} lines)`);
    expect(long).toStrictEqual([]);
  });

  it("measures what it claims: the longest driver function is found", () => {
    const all = functionLengths(["src/driver"]);
    expect(all.length).toBeGreaterThan(100);
    expect(all[0]?.lines).toBeGreaterThanOrEqual(all.at(-1)?.lines ?? 0);
  });

  it("src/git holds the git client only: no driver policy (squash, subjects, bookkeeping, protection)", () => {
    const git = srcFiles.filter((f) => f.startsWith("src/git/"));
    expect(
      git.filter((f) =>
        /(squash|subjects|bookkeeping|protected|preflight|branch|snapshot|restore|fold)/.test(
          f,
        ),
      ),
    ).toStrictEqual([]);
  });

  it("every path under <F>/work/ is spelled in one module", () => {
    const spelled = srcFiles.filter(
      (f) =>
        f !== "src/workspace/work-paths.ts" &&
        // the scaffold's ignore lines and the schema's title are text, not paths the code computes
        !f.startsWith("src/scaffold/") &&
        !f.startsWith("src/schemas/") &&
        /[`'"/]work\/(run-state\.json|\$\{|")|\/work\/\*\*|run-state\.json["'`]|"work",/.test(
          source(f).replace(/^\s*(\/\/|\*|\/\*\*).*$/gm, ""),
        ),
    );
    expect(spelled).toStrictEqual([]);
  });
});
