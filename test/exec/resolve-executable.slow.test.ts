import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveExecutable } from "../../src/exec/resolve-executable.js";
import { tempDir } from "../helpers/temp-dir.js";

describe("resolveExecutable (the cgroup wrapper keeps D-DISP-7's spawn errors)", () => {
  it("resolves a path against cwd and a bare name on the child's PATH, in order", () => {
    const dir = tempDir();
    for (const d of ["a", "b"]) mkdirSync(path.join(dir, d));
    writeFileSync(path.join(dir, "b", "tool"), "#!/bin/sh\n");
    chmodSync(path.join(dir, "b", "tool"), 0o755);
    writeFileSync(path.join(dir, "a", "tool"), "not executable");
    chmodSync(path.join(dir, "a", "tool"), 0o644);
    const env = { PATH: `${path.join(dir, "a")}:${path.join(dir, "b")}` };
    expect(resolveExecutable("tool", env, dir)).toStrictEqual({
      path: path.join(dir, "b", "tool"),
    });
    expect(resolveExecutable("./b/tool", {}, dir)).toStrictEqual({
      path: path.join(dir, "b", "tool"),
    });
  });

  it("ENOENT when nothing matches, EACCES when only a non-executable file does", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "tool"), "x");
    chmodSync(path.join(dir, "tool"), 0o644);
    expect(resolveExecutable("nothing-here", { PATH: dir }, dir)).toStrictEqual(
      {
        error: "ENOENT",
      },
    );
    expect(resolveExecutable("", { PATH: dir }, dir)).toStrictEqual({
      error: "ENOENT",
    });
    // root may execute a file with no x bit at all, so EACCES is checked on a directory instead.
    mkdirSync(path.join(dir, "sub", "dir-tool"), { recursive: true });
    expect(
      resolveExecutable("dir-tool", { PATH: path.join(dir, "sub") }, dir),
    ).toStrictEqual({ error: "EACCES" });
  });
});
