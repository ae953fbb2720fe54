import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { buildProgram, COMMAND_ORDER } from "../../src/cli/program.js";
import { renderExitCodeTable } from "../../src/cli/exit-codes.js";
import { PROJECT_ROOT } from "../helpers/run-cli.js";

interface Generator {
  renderCliReference(modules: {
    buildProgram: typeof buildProgram;
    COMMAND_ORDER: typeof COMMAND_ORDER;
    renderExitCodeTable: typeof renderExitCodeTable;
  }): string;
}

// The generator is a plain .mjs script; it renders from whichever registry it is given (here: the source).
const generator = (await import(
  pathToFileURL(path.join(PROJECT_ROOT, "scripts", "gen-cli-reference.mjs"))
    .href
)) as Generator;
const rendered = generator.renderCliReference({
  buildProgram,
  COMMAND_ORDER,
  renderExitCodeTable,
});
const page = readFileSync(
  path.join(PROJECT_ROOT, "docs", "cli-reference.md"),
  "utf8",
);

describe("docs/cli-reference.md (generated from src/cli/program.ts)", () => {
  it("is exactly what the generator renders from the command registry (run `npm run build && node scripts/gen-commands-doc.mjs`)", () => {
    expect(page).toBe(rendered);
  });

  it("documents every command and every flag of the registry, hidden ones included", () => {
    const program = buildProgram("specfuse", "0.0.0", async () => undefined);
    for (const name of COMMAND_ORDER) {
      const cmd = program.commands.find((c) => c.name() === name);
      expect(page).toContain(`### \`specfuse ${name}\``);
      for (const option of cmd?.options ?? [])
        expect(page, `${name} ${option.flags}`).toContain(
          `| \`${option.flags}\` |`,
        );
    }
    expect(page).toContain("| `--no-autosync` |");
    expect(page).toContain(renderExitCodeTable());
  });
});
