import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { tmpdir } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../helpers/run-cli.js";

// Issue 9: SIGINT and SIGTERM stop status, lint and the dry run within about a second, however large the
// workspace. The workspace here takes status many seconds; the signal comes while it is busy.
const FEATURES = 8;
const UNITS = 1500;
// The dry run reads one feature in linear time, so its feature is large enough to still be busy when signalled.
const DRY_RUN_UNITS = 20_000;
const READY = path.join(PROJECT_ROOT, "test", "fixtures", "signal-ready.mjs");
const BODY =
  "# Step\n\n**Objective.** One step.\n\n**Context.** Generated.\n\n**Acceptance criteria.** It exists.\n\n**Do not touch.** Others.\n\n**Verification.** The code set.\n\n**Escalation triggers.** None.\n";

// FEATURES active features of UNITS (the last: DRY_RUN_UNITS) independent units and a close each, written from scratch.
function hugeWorkspace(root: string): string[] {
  const names: string[] = [];
  writeFileSync(path.join(root, ".gitignore"), ".specfuse/**/work/\n");
  mkdirSync(path.join(root, ".specfuse"), { recursive: true });
  writeFileSync(path.join(root, ".specfuse", "VERSION"), "0.4.0\n");
  writeFileSync(
    path.join(root, ".specfuse", "verification.yml"),
    'code:\n  - name: t\n    command: "true"\nplannext:\n  - name: p\n    command: "true"\n',
  );
  for (let f = 0; f < FEATURES; f++) {
    const units = f === FEATURES - 1 ? DRY_RUN_UNITS : UNITS;
    const id = `FEAT-2026-09${String(f).padStart(2, "0")}`;
    const name = `${id}-huge`;
    names.push(name);
    const dir = path.join(root, ".specfuse", "features", name);
    mkdirSync(dir, { recursive: true });
    const graph = [
      "```yaml",
      "gates:",
      "  - gate: 1",
      "    file: GATE-01.md",
      "    work_units:",
    ];
    const ids: string[] = [];
    for (let u = 0; u < units; u++) {
      const uid = `${id}/T01H${u}`;
      ids.push(uid);
      graph.push(
        `      - id: ${uid}`,
        `        file: WU-${u}.md`,
        "        depends_on: []",
      );
      writeFileSync(
        path.join(dir, `WU-${u}.md`),
        `---\nid: ${uid}\ntype: implementation\nstatus: pending\nplanned_cost_usd: 0.01\n---\n\n${BODY}`,
      );
    }
    graph.push(
      `      - id: ${id}/G1-CLOSE`,
      "        file: WU-CLOSE.md",
      `        depends_on: [${ids.join(", ")}]`,
      "```",
    );
    writeFileSync(
      path.join(dir, "WU-CLOSE.md"),
      `---\nid: ${id}/G1-CLOSE\ntype: close\nstatus: pending\nplanned_cost_usd: 0.01\n---\n\n${BODY}`,
    );
    writeFileSync(
      path.join(dir, "GATE-01.md"),
      "---\ngate: 1\nstatus: open\n---\n\n# Gate 1\n",
    );
    writeFileSync(
      path.join(dir, "PLAN.md"),
      `---\nfeature_id: ${id}\ntitle: Huge\nbranch: feat/${name}\nroadmap_goal: Be large.\nstatus: active\nplanned_cost_usd: ${(units + 1) / 100}\n---\n\n# Plan\n\n${graph.join("\n")}\n`,
    );
  }
  return names;
}

// Starts the CLI, waits until its own handler is in place and it has worked a moment, signals it, and times the exit.
async function interrupt(
  cwd: string,
  args: string[],
  signal: NodeJS.Signals,
): Promise<{ exitCode: number | undefined; afterSignalMs: number }> {
  const child = execa(path.join(PROJECT_ROOT, "bin", "specfuse"), args, {
    cwd,
    reject: false,
    stdin: "ignore",
    timeout: 120_000,
    env: { CI: "1", NO_COLOR: "1", NODE_OPTIONS: `--import ${READY}` },
  });
  await new Promise<void>((resolve) => {
    let seen = "";
    child.stderr?.on("data", (d: Buffer) => {
      seen += d.toString();
      if (seen.includes("signal-ready")) resolve();
    });
  });
  await new Promise((resolve) => setTimeout(resolve, 400));
  const sentAt = performance.now();
  child.kill(signal);
  const result = await child;
  return {
    exitCode: result.exitCode,
    afterSignalMs: performance.now() - sentAt,
  };
}

describe("signals stop read-only commands at once (issue 9, cli.md exit 130)", () => {
  let root = "";
  let names: string[] = [];
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), "specfuse-huge-"));
    names = hugeWorkspace(root);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each<{ name: string; args: () => string[]; signal: NodeJS.Signals }>([
    { name: "status", args: () => ["status"], signal: "SIGINT" },
    {
      name: "status --json",
      args: () => ["status", "--json"],
      signal: "SIGTERM",
    },
    { name: "lint", args: () => ["lint"], signal: "SIGINT" },
    {
      name: "run --dry-run",
      args: () => ["run", "--dry-run", "--feature", names[FEATURES - 1] ?? ""],
      signal: "SIGINT",
    },
  ])(
    "$name exits 130 within about a second of $signal",
    async ({ args, signal }) => {
      const r = await interrupt(root, args(), signal);
      expect(r.exitCode).toBe(130);
      expect(r.afterSignalMs).toBeLessThan(1500);
    },
  );
});
