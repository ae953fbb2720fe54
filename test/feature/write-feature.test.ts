import { readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isSpecfuseError } from "../../src/errors/specfuse-error.js";
import {
  planFeature,
  readWorkspace,
  writeFeature,
} from "../../src/feature/create-feature.js";
import { newDraft } from "../../src/feature/new-plan.js";
import { PROJECT_ROOT } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const TEMPLATE = readFileSync(
  path.join(PROJECT_ROOT, "templates", "WU.template.md"),
  "utf8",
);
const ROADMAP =
  "| Feature ID | Title | Status | Folder | Detail |\n|---|---|---|---|---|\n";

async function workspace() {
  const root = tempDir();
  mkdirSync(path.join(root, ".specfuse", "features"), { recursive: true });
  writeFileSync(path.join(root, ".specfuse", "roadmap.md"), ROADMAP);
  const ws = await readWorkspace(root);
  const { draft, entry } = newDraft({
    title: "Dark mode",
    featureId: "FEAT-2026-0001",
    units: 1,
    gates: 1,
    template: TEMPLATE,
  });
  return { root, plan: planFeature(ws, draft, entry) };
}

describe("writeFeature (C-SIG-1; issue 14: nothing half-written)", () => {
  it("a signal that arrived before the first write stops it with exit 130 and writes nothing", async () => {
    const { root, plan } = await workspace();
    const abort = new AbortController();
    abort.abort("SIGINT");
    const error = await writeFeature(
      root,
      plan,
      {
        cleanup: { add: () => () => undefined },
        signal: abort.signal,
        now: () => new Date(0),
        version: "0.0.0",
      },
      null,
    ).catch((e: unknown) => e);
    expect(isSpecfuseError(error) && error.code).toBe("interrupted");
    expect(readdirSync(path.join(root, ".specfuse", "features"))).toStrictEqual(
      [],
    );
    expect(
      readFileSync(path.join(root, ".specfuse", "roadmap.md"), "utf8"),
    ).toBe(ROADMAP);
  });

  it("writes the folder, then the roadmap row", async () => {
    const { root, plan } = await workspace();
    await writeFeature(
      root,
      plan,
      {
        cleanup: { add: () => () => undefined },
        signal: new AbortController().signal,
        now: () => new Date(0),
        version: "0.0.0",
      },
      null,
    );
    expect(readdirSync(path.join(root, ".specfuse", "features"))).toStrictEqual(
      ["FEAT-2026-0001-dark-mode"],
    );
    expect(
      readFileSync(path.join(root, ".specfuse", "roadmap.md"), "utf8"),
    ).toContain("| FEAT-2026-0001 | Dark mode | planned |");
  });
});
