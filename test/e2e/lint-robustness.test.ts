import { writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";
import { writeTree } from "../helpers/write-tree.js";
import { base } from "../lint/helpers.js";

describe("robustness through the CLI (lint.md L-CONF-6)", () => {
  it("flipped bytes, truncation, dropped and duplicated lines always end in a report with exit 0 or 1", async () => {
    const texts = Object.fromEntries(
      Object.entries(base()).filter(
        (e): e is [string, string] => typeof e[1] === "string",
      ),
    );
    const names = Object.keys(texts);
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            file: fc.nat({ max: names.length - 1 }),
            at: fc.nat(),
            kind: fc.constantFrom(
              "byte",
              "truncate",
              "drop-line",
              "duplicate-line",
            ),
            byte: fc.integer({ min: 0, max: 255 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        async (mutations) => {
          const dir = tempDir("specfuse-lint-fuzz-");
          writeTree(dir, texts);
          const bytes = new Map(
            names.map((n) => [n, Buffer.from(texts[n]!, "utf8")]),
          );
          for (const m of mutations) {
            const name = names[m.file]!;
            const b = bytes.get(name)!;
            const at = m.at % Math.max(1, b.length);
            if (m.kind === "byte") b[at] = m.byte;
            else if (m.kind === "truncate") bytes.set(name, b.subarray(0, at));
            else {
              const lines = b.toString("latin1").split("\n");
              const i = m.at % lines.length;
              if (m.kind === "drop-line") lines.splice(i, 1);
              else lines.splice(i, 0, lines[i]!);
              bytes.set(name, Buffer.from(lines.join("\n"), "latin1"));
            }
          }
          for (const [name, b] of bytes) writeFileSync(path.join(dir, name), b);
          const r = await runCli(["--format", "json", dir], {
            bin: "specfuse-lint",
          });
          expect([0, 1]).toContain(r.exitCode);
          expect(r.stderr).toBe("");
          const doc = JSON.parse(r.stdout) as {
            summary: { exit_code: number };
          };
          expect(doc.summary.exit_code).toBe(r.exitCode);
        },
      ),
      { numRuns: 12 },
    );
  });
});
