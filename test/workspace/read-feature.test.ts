import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeDisplayPath } from "../../src/workspace/paths.js";
import { readFeature } from "../../src/workspace/read-feature.js";
import { readText, readTextSync } from "../../src/workspace/read-text.js";
import { tempDir } from "../helpers/temp-dir.js";

describe("readTextSync (same outcomes as readText)", () => {
  it("reads files, and reports missing, non-files, bad UTF-8 and unreadable files", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "ok.md"), "héllo\n");
    writeFileSync(path.join(dir, "bad.md"), Buffer.from([0x66, 0xff, 0x0a]));
    mkdirSync(path.join(dir, "sub"));
    symlinkSync(path.join(dir, "ok.md"), path.join(dir, "link.md"));
    const cases = ["ok.md", "bad.md", "sub", "link.md", "none.md", "ok.md/x"];
    for (const name of cases) {
      const file = path.join(dir, name);
      expect(readTextSync(file), name).toStrictEqual(await readText(file));
    }
    expect(readTextSync(path.join(dir, "ok.md"))).toStrictEqual({
      kind: "file",
      text: "héllo\n",
    });
    expect(readTextSync(path.join(dir, "bad.md"))).toStrictEqual({
      kind: "unreadable",
      reason: "not valid UTF-8 text",
    });
    expect(readTextSync(path.join(dir, "sub"))).toStrictEqual({
      kind: "not-file",
    });
  });

  it("treats a device as not a file, without reading it", () => {
    expect(readTextSync("/dev/zero")).toStrictEqual({ kind: "not-file" });
  });

  it.skipIf(process.getuid?.() === 0)(
    "reports a permission error as unreadable",
    () => {
      const file = path.join(tempDir(), "locked.md");
      writeFileSync(file, "x");
      chmodSync(file, 0);
      expect(readTextSync(file).kind).toBe("unreadable");
    },
  );
});

describe("readFeature", () => {
  it("reads the default GATE-NN.md of a gate without a file (closing-shape-legacy names it)", async () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, "PLAN.md"),
      "```yaml\ngates:\n  - gate: 3\n    work_units: []\n```\n",
    );
    writeFileSync(path.join(dir, "GATE-03.md"), "---\ngate: 3\n---\n");
    const snap = await readFeature(dir, "feat");
    expect([...snap.files.keys()]).toStrictEqual(["feat/GATE-03.md"]);
  });

  it("reads .specfuse/roadmap.md for a folder inside a workspace, and nothing for one outside", async () => {
    const root = tempDir();
    const dir = path.join(root, ".specfuse", "features", "FEAT-2026-0001-x");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "PLAN.md"), "---\nstatus: active\n---\n");
    expect((await readFeature(dir, "f")).roadmap).toStrictEqual({
      kind: "missing",
    });
    writeFileSync(path.join(root, ".specfuse", "roadmap.md"), "| a |\n");
    expect((await readFeature(dir, "f")).roadmap).toStrictEqual({
      kind: "file",
      text: "| a |\n",
    });
    expect(Object.hasOwn(await readFeature(tempDir(), "feat"), "roadmap")).toBe(
      false,
    );
  });

  it("resolves graph files against the folder, never the process directory", async () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, "PLAN.md"),
      "```yaml\ngates:\n  - gate: 1\n    file: '\\G.md'\n    work_units: []\n```\n",
    );
    writeFileSync(path.join(dir, "\\G.md"), "---\ngate: 1\n---\n");
    const snap = await readFeature(dir, "feat");
    expect([...snap.files.values()]).toStrictEqual([
      { kind: "file", text: "---\ngate: 1\n---\n" },
    ]);
  });
});

// The normalization of lint.md L-CLI-2 written the slow way, to check the no-op fast path.
function slowNormalize(p: string): string {
  const isAbsolute = p.startsWith("/");
  const parts = p
    .replace(/\\/g, "/")
    .split("/")
    .filter((s) => s !== "" && s !== ".");
  const joined = parts.join("/");
  return isAbsolute ? `/${joined}` : joined === "" ? "." : joined;
}

describe("normalizeDisplayPath (lint.md L-CLI-2)", () => {
  it("matches the plain algorithm on arbitrary paths (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom("a", "b.md", ".", "..", "", "/", "\\", ".x", "x."),
          { maxLength: 8 },
        ),
        (parts) => {
          const p = parts.join("");
          expect(normalizeDisplayPath(p)).toBe(slowNormalize(p));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
