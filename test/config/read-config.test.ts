import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/normalize-config.js";
import { readConfig } from "../../src/config/read-config.js";
import { readVerification } from "../../src/config/read-verification.js";
import { tempDir } from "../helpers/temp-dir.js";
import { writeTree } from "../helpers/write-tree.js";

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (error) {
    return (
      (error as { code?: string; file?: string; line?: number }).code +
      `@${(error as { file?: string }).file}:${(error as { line?: number }).line}`
    );
  }
}

describe("readConfig (formats.md §8, driver D-START-1 step 3)", () => {
  it("a missing config.yml gives the defaults", async () => {
    const root = tempDir();
    mkdirSync(path.join(root, ".specfuse"));
    expect(await readConfig(root)).toStrictEqual({
      config: defaultConfig(),
      warnings: [],
    });
  });

  it("reads the file and names it repo-relative", async () => {
    const root = tempDir();
    writeTree(root, {
      ".specfuse/config.yml": "version: 1\nmax_attempts: 5\nextra: 1\n",
    });
    const load = await readConfig(root);
    expect(load.config.max_attempts).toBe(5);
    expect(load.warnings[0]).toMatchObject({
      file: ".specfuse/config.yml",
      line: 3,
    });
    writeTree(root, { ".specfuse/config.yml": "max_attempts: 50\n" });
    expect(await codeOf(readConfig(root))).toBe(
      "config_invalid@.specfuse/config.yml:1",
    );
  });

  it("a directory in place of the file is config_invalid", async () => {
    const root = tempDir();
    mkdirSync(path.join(root, ".specfuse", "config.yml"), { recursive: true });
    expect(await codeOf(readConfig(root))).toBe(
      "config_invalid@.specfuse/config.yml:undefined",
    );
  });
});

describe("readVerification (formats.md §7, driver D-START-1 step 4)", () => {
  it("a missing file reads as {} (F-VER-5)", async () => {
    const v = await readVerification(tempDir());
    expect(v).toStrictEqual({ cost_tracking: true, sets: new Map() });
  });

  it("reads the working-tree file", async () => {
    const root = tempDir();
    writeTree(root, {
      ".specfuse/verification.yml":
        'cost_tracking: false\ncode:\n  - name: t\n    command: "true"\n',
    });
    const v = await readVerification(root);
    expect(v.cost_tracking).toBe(false);
    expect(v.sets.get("code")).toStrictEqual([
      { name: "t", command: "true", timeout_seconds: 900 },
    ]);
  });

  it("parse errors are yaml_error and schema failures verification_invalid, both with file:line", async () => {
    const root = tempDir();
    writeTree(root, { ".specfuse/verification.yml": "code:\n  - name: [\n" });
    expect(await codeOf(readVerification(root))).toMatch(
      /^yaml_error@\.specfuse\/verification\.yml:\d+$/,
    );
    writeFileSync(
      path.join(root, ".specfuse/verification.yml"),
      "code:\n  - name: t\n",
    );
    expect(await codeOf(readVerification(root))).toBe(
      "verification_invalid@.specfuse/verification.yml:2",
    );
  });

  it("a directory in place of the file is verification_invalid", async () => {
    const root = tempDir();
    mkdirSync(path.join(root, ".specfuse", "verification.yml"), {
      recursive: true,
    });
    expect(await codeOf(readVerification(root))).toBe(
      "verification_invalid@.specfuse/verification.yml:undefined",
    );
  });
});
