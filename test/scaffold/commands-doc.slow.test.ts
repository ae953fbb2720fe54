import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../helpers/run-cli.js";

describe("scaffold/docs/commands.md (init.md I-DOC-2)", () => {
  it("I-DOC-2 the checked-in copy matches what the generator makes from the command registry", async () => {
    const r = await execa("node", ["scripts/gen-commands-doc.mjs", "--check"], { cwd: PROJECT_ROOT, reject: false });
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
  });
});
