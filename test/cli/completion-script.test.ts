import { describe, expect, it } from "vitest";
import { completionModel } from "../../src/cli/completion-model.js";
import { renderCompletion, SHELLS } from "../../src/cli/completion-script.js";
import { buildProgram, COMMAND_ORDER } from "../../src/cli/program.js";

const program = buildProgram("specfuse", "0.0.0", async () => undefined);
const model = completionModel(program);

describe("completion scripts (issue 17 point 11)", () => {
  it("the model has every command of the registry, with its visible flags and what its arguments complete to", () => {
    expect(model.commands.map((c) => c.name)).toEqual([...COMMAND_ORDER]);
    const lint = model.commands.find((c) => c.name === "lint");
    expect(lint?.positional).toBe("directories");
    expect(lint?.options.find((o) => o.long === "--format")?.choices).toEqual([
      "text",
      "json",
      "github",
      "sarif",
    ]);
    const run = model.commands.find((c) => c.name === "run");
    expect(run?.options.some((o) => o.long === "--no-autosync")).toBe(false);
    expect(
      model.commands.find((c) => c.name === "completion")?.positional,
    ).toEqual({ choices: ["bash", "zsh", "fish"] });
    expect(model.globals.find((o) => o.short === "-C")?.isDirectory).toBe(true);
  });

  it.each(SHELLS)("%s: names every command and every visible flag", (shell) => {
    const text = renderCompletion(shell, model);
    for (const c of model.commands) {
      expect(text, c.name).toContain(c.name);
      for (const o of c.options)
        expect(text, `${c.name} ${o.long}`).toContain(
          shell === "fish" ? `-l ${(o.long ?? "").slice(2)}` : (o.long ?? ""),
        );
    }
    for (const bin of ["specfuse-loop", "specfuse-lint"])
      expect(text).toContain(bin);
  });

  it("quotes descriptions safely: a quote cannot end the shell string", () => {
    const text = renderCompletion("fish", {
      globals: [],
      commands: [
        {
          name: "x",
          description: "it's $(rm -rf ~)",
          options: [],
          positional: "none",
        },
      ],
    });
    expect(text).toContain("-d 'it'\\''s $(rm -rf ~)'");
  });
});
