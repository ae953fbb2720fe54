import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../helpers/run-cli.js";

// Only these two scaffold modules touch the file system (architecture.md §2, A-IO-1); the rest are pure.
const IO_MODULES = new Set(["read-target.ts", "apply-ops.ts"]);
const dir = path.join(PROJECT_ROOT, "src", "scaffold");
const pure = readdirSync(dir).filter((f) => f.endsWith(".ts") && !IO_MODULES.has(f));

describe("src/scaffold purity (architecture.md A-IO-1, A-IO-2)", () => {
  it("finds the pure modules", () => {
    expect(pure).toEqual(expect.arrayContaining(["detect-stack.ts", "plan-scaffold.ts", "merge-wiring.ts", "manifest.ts", "version.ts"]));
  });

  it.each(pure)("%s imports no I/O module and reads no environment, cwd or clock", (file) => {
    const text = readFileSync(path.join(dir, file), "utf8");
    const imports = [...text.matchAll(/from\s+["']([^"']+)["']/g)].map((m) => m[1] ?? "");
    for (const i of imports) {
      expect(i, file).not.toMatch(/^(node:)?(fs|fs\/promises|child_process)$|^execa$|^simple-git$|^proper-lockfile$/);
      expect(i, file).not.toMatch(/read-target|apply-ops|\/exec\/|\/git\/|\/workspace\/(read|write)/);
    }
    expect(text, file).not.toMatch(/process\.(env|cwd)\b|Date\.now\(|new Date\(\s*\)|performance\.now\(/);
  });
});
