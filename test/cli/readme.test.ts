import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import {
  buildProgram,
  COMMAND_ORDER,
  type BinName,
} from "../../src/cli/program.js";
import { COMMAND_HELP } from "../../src/cli/command-help.js";
import {
  EXIT_CODE_ROWS,
  renderExitCodeTable,
} from "../../src/cli/exit-codes.js";
import { PROJECT_ROOT } from "../helpers/run-cli.js";

const readme = readFileSync(path.join(PROJECT_ROOT, "README.md"), "utf8");
const pkg = JSON.parse(
  readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8"),
) as { license: string; scripts: Record<string, string> };

// The text of one `## ` section, without its heading.
function section(title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`README has no "## ${title}" section`);
  const body = readme.slice(start + title.length + 5);
  const end = body.search(/^## /m);
  return end < 0 ? body : body.slice(0, end);
}

// What `--help` prints for a command, as the CLI writes it to stdout.
function helpText(cmd: Command): string {
  let text = "";
  cmd.configureOutput({
    writeOut: (s) => {
      text += s;
    },
    writeErr: () => undefined,
  });
  cmd.outputHelp();
  return text;
}

function helpOf(bin: BinName, command?: string): string {
  const program = buildProgram(bin, "0.0.0", async () => undefined);
  const cmd =
    command === undefined
      ? program
      : program.commands.find((c) => c.name() === command);
  if (cmd === undefined) throw new Error(`no command ${command}`);
  return helpText(cmd);
}

describe("README.md (cli.md §11)", () => {
  it("C-README-1 opens with one paragraph and the compatibility sentence, then the nine sections in order", () => {
    const lines = readme.split("\n");
    expect(lines[0]).toBe("# specfuse");
    const intro = readme.slice(0, readme.indexOf("\n## "));
    const paragraphs = intro
      .split(/\n\s*\n/)
      .slice(1)
      .filter((p) => p.trim() !== "");
    expect(paragraphs).toHaveLength(1);
    expect(paragraphs[0]).toMatch(
      /reference implementation \(specfuse-loop 0\.3\.1\) lint and run unchanged\./,
    );
    const headings = lines
      .filter((l) => l.startsWith("## "))
      .map((l) => l.slice(3));
    expect(headings).toEqual([
      "Install",
      "Quickstart",
      "Try it without an agent",
      "Commands",
      "Exit codes",
      "Configuration",
      "Troubleshooting",
      "Development",
      "License",
    ]);
  });

  it("C-README-2 Install: both npm commands, the Node and git floors, and claude for real runs", () => {
    const install = section("Install");
    for (const needle of [
      "npm install --save-dev specfuse",
      "npm install -g specfuse",
      "Node 20.19",
      "git 2.28",
      "(`claude`) on your `PATH`, and logged in",
    ])
      expect(install).toContain(needle);
    expect(install.indexOf("--save-dev")).toBeLessThan(
      install.indexOf("install -g"),
    );
    expect(install).toMatch(/recommended/);
  });

  it("C-README-3 Quickstart: the nine steps in order", () => {
    // Each item with its continuation lines (indented, up to the next item or blank line).
    const items = section("Quickstart")
      .split(/\n(?=\d+\. )|\n\n/)
      .map((chunk) => chunk.trim())
      .filter((chunk) => /^\d+\. /.test(chunk));
    expect(items.map((l) => Number(l.split(".")[0]))).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
    const expected = [
      "`npx specfuse init`",
      "`.specfuse/verification.yml`",
      '`git add .specfuse .claude .gitignore && git commit -m "chore: add specfuse"`',
      "`/draft-feature <goal>`",
      "`npx specfuse lint`",
      "`npx specfuse arm`",
      "`npx specfuse run`",
      "`npx specfuse status`",
      "`/arm-gate`",
    ];
    items.forEach((item, i) => expect(item).toContain(expected[i]));
    expect(items[8]).toContain("`/unblock-wu`");
  });

  it("C-README-4 Try it without an agent: the two set-up commands, written exactly", () => {
    const tryIt = section("Try it without an agent");
    expect(tryIt).toContain("`npm ci && npm run demo`");
    expect(tryIt).toContain("`npm ci && npm test`");
    expect(tryIt).toContain("`npm run demo -- --keep`");
    expect(tryIt).toContain("`scripts/demo-agent.mjs`");
    expect(tryIt).toContain('`"scripts": {"test": "node --test"}`');
    for (const step of [
      "`specfuse init --example`",
      "`specfuse lint`",
      "`specfuse status`",
      "`specfuse run --dry-run`",
      "`specfuse run`",
      "`git log --oneline`",
    ])
      expect(tryIt).toContain(step);
    expect(pkg.scripts.demo).toBe("npm run build && node scripts/demo.mjs");
    expect(existsSync(path.join(PROJECT_ROOT, "scripts", "demo.mjs"))).toBe(
      true,
    );
  });

  it("C-README-1 Commands: one line per command, linking .specfuse/docs/commands.md", () => {
    const commands = section("Commands");
    const rows = commands
      .split("\n")
      .filter((l) => l.startsWith("| `specfuse "));
    expect(rows.map((r) => /^\| `specfuse (\w+)/.exec(r)?.[1])).toEqual([
      ...COMMAND_ORDER,
    ]);
    // The workspace copy is named; the link goes to the shipped source, so it resolves in the package.
    expect(commands).toContain(
      "`.specfuse/docs/commands.md` (source: [scaffold/docs/commands.md](scaffold/docs/commands.md))",
    );
  });

  it("C-EXIT-2 the README table is src/cli/exit-codes.ts; each help lists only its command's rows of it (issue 17 point 11)", () => {
    const table = renderExitCodeTable();
    const exitCodes = section("Exit codes");
    expect(exitCodes.trimStart().startsWith(`${table}\n`)).toBe(true);
    expect(readme.split(table)).toHaveLength(2);
    // A command may list a code only where the table's Commands column covers it.
    const covers = (cell: string, name: string) =>
      cell === "all" ||
      (cell === "all except `lint`" && name !== "lint") ||
      cell.includes(`\`${name}\``);
    for (const [name, help] of Object.entries(COMMAND_HELP)) {
      const codes = help.exitCodes.map(([code]) => code);
      expect(codes[0], name).toBe(0);
      for (const code of codes) {
        const row = EXIT_CODE_ROWS.find(([c]) => Number(c) === code);
        expect(row, `${name} ${code}`).toBeDefined();
        expect(covers(row?.[3] ?? "", name), `${name} ${code}`).toBe(true);
      }
    }
    expect(COMMAND_HELP.lint.exitCodes.map(([c]) => c)).toEqual([0, 1, 2]);
    for (const help of [
      helpOf("specfuse", "run"),
      helpOf("specfuse", "lint"),
      helpOf("specfuse-loop"),
      helpOf("specfuse-lint"),
    ]) {
      expect(help).toContain("\nExit codes:\n  0 ");
      expect(help).not.toContain("|---|");
    }
  });

  it("C-README-1 Configuration covers verification.yml, config.yml and the environment", () => {
    const config = section("Configuration");
    for (const needle of [
      "**`verification.yml`**",
      "**`config.yml`**",
      "**Environment:**",
      "`SPECFUSE_AGENT_CMD`",
    ])
      expect(config).toContain(needle);
  });

  it("C-README-1 Troubleshooting starts from specfuse doctor; License is Apache-2.0", () => {
    expect(section("Troubleshooting")).toContain("npx specfuse doctor");
    expect(section("License")).toContain("Apache-2.0");
    expect(pkg.license).toBe("Apache-2.0");
    expect(existsSync(path.join(PROJECT_ROOT, "LICENSE"))).toBe(true);
  });
});

describe("relative links in README.md and docs/", () => {
  const pages = [
    "README.md",
    ...readdirSync(path.join(PROJECT_ROOT, "docs"))
      .filter((f) => f.endsWith(".md"))
      .map((f) => `docs/${f}`),
  ];

  it.each(pages)(
    "every relative link in %s points at a file that exists",
    (page) => {
      const text = readFileSync(path.join(PROJECT_ROOT, page), "utf8");
      const targets = [...text.matchAll(/\]\(([^)\s]+)\)/g)]
        .map((m) => (m[1] as string).split("#")[0] as string)
        .filter((t) => t !== "" && !/^[a-z]+:/.test(t));
      for (const t of targets)
        expect(
          existsSync(path.join(PROJECT_ROOT, path.dirname(page), t)),
          `${page} → ${t}`,
        ).toBe(true);
    },
  );

  it("docs/README.md indexes every page of docs/", () => {
    const index = readFileSync(
      path.join(PROJECT_ROOT, "docs", "README.md"),
      "utf8",
    );
    for (const page of pages.filter(
      (p) => p.startsWith("docs/") && p !== "docs/README.md",
    ))
      expect(index, page).toContain(`](${page.slice(5)})`);
  });
});
