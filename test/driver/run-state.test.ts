import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  deleteRunState,
  deleteRunStateSync,
  formatRunState,
  readRunState,
  readRunStateSync,
  runStatePath,
  writeRunState,
  writeRunStateSync,
  type RunState,
} from "../../src/driver/attempt/run-state.js";
import { isSpecfuseError } from "../../src/errors/specfuse-error.js";
import { RUN_STATE_KEYS } from "../../src/schemas/run-state.js";
import { tempDir } from "../helpers/temp-dir.js";

const STATE: RunState = {
  version: 1,
  pid: 4242,
  host: "build-1",
  started_at: "2026-11-22T02:00:00.000000+00:00",
  feature_dir: ".specfuse/features/FEAT-2026-0042-rate-limits",
  wu_id: "FEAT-2026-0042/T01",
  gate: 1,
  attempt: 2,
  start_attempt: 1,
  max_attempts: 3,
  head_before: "0123456789abcdef0123456789abcdef01234567",
  branch: "feat/FEAT-2026-0042-rate-limits",
  untracked_before: ["notes.txt"],
  driver_keys: { status: "in_progress", attempts: 2, cumulative_cost_usd: 0.5 },
  outcomes: [{ attempt: 1, outcome: "failed" }],
  prior_signature: { failure_class: "tests", failure_signature: "test_x" },
  agent_pgid: null,
  agent_exe: "/usr/bin/claude",
};

async function failure(p: Promise<unknown>) {
  try {
    await p;
  } catch (error) {
    if (isSpecfuseError(error)) return error;
    throw error;
  }
  throw new Error("expected a failure");
}

describe("run state (formats.md F-RUN-1, driver D-REC-1)", () => {
  it("F-RUN-1 lives at <F>/work/run-state.json", () => {
    expect(runStatePath("/r/.specfuse/features/F")).toBe(
      path.join("/r/.specfuse/features/F", "work", "run-state.json"),
    );
  });

  it("F-RUN-1 writes every field in order, creating work/, and reads it back", async () => {
    const dir = tempDir();
    const file = runStatePath(dir);
    await writeRunState(file, { ...STATE, agent_pgid: 777 });
    const text = readFileSync(file, "utf8");
    expect(Object.keys(JSON.parse(text) as object)).toStrictEqual([
      ...RUN_STATE_KEYS,
    ]);
    expect(text.endsWith("}\n")).toBe(true);
    expect(await readRunState(file)).toStrictEqual({
      ...STATE,
      agent_pgid: 777,
    });
  });

  it("orders keys even when the object was built in another order", () => {
    const shuffled = Object.fromEntries(
      Object.entries(STATE).reverse(),
    ) as unknown as RunState;
    expect(formatRunState(shuffled)).toBe(formatRunState(STATE));
  });

  it("a missing checkpoint reads as null; deleting is idempotent", async () => {
    const file = runStatePath(tempDir());
    expect(await readRunState(file)).toBeNull();
    expect(readRunStateSync(file)).toBeNull();
    await writeRunState(file, STATE);
    await deleteRunState(file);
    await deleteRunState(file);
    expect(existsSync(file)).toBe(false);
  });

  it("the synchronous forms write, read and delete", () => {
    const file = runStatePath(tempDir());
    writeRunStateSync(file, STATE);
    expect(readRunStateSync(file)).toStrictEqual(STATE);
    deleteRunStateSync(file);
    deleteRunStateSync(file);
    expect(existsSync(file)).toBe(false);
  });

  it.each<[string, string, RegExp]>([
    [
      "F-RUN-3 an unknown version",
      JSON.stringify({ ...STATE, version: 2 }),
      /version is 2/,
    ],
    ["a missing version", JSON.stringify({ pid: 1 }), /no version/],
    ["torn JSON", formatRunState(STATE).slice(0, 40), /not valid JSON/],
    ["a JSON array", "[1]", /no version/],
    [
      "a missing field",
      JSON.stringify({ ...STATE, head_before: undefined }),
      /head_before/,
    ],
    ["a wrong type", JSON.stringify({ ...STATE, attempt: "2" }), /\/attempt/],
    [
      "an unknown outcome",
      JSON.stringify({ ...STATE, outcomes: [{ attempt: 1, outcome: "nope" }] }),
      /outcomes/,
    ],
  ])(
    "%s → run_state_unsupported (65) naming the file",
    async (_n, text, detail) => {
      const file = runStatePath(tempDir());
      await writeRunState(file, STATE);
      writeFileSync(file, text);
      const error = await failure(readRunState(file, "f/work/run-state.json"));
      expect(error.code).toBe("run_state_unsupported");
      expect(error.file).toBe("f/work/run-state.json");
      expect(error.message).toContain("f/work/run-state.json");
      expect(error.detail).toMatch(detail);
      expect(error.hint).toMatch(/move f\/work\/run-state\.json aside/);
    },
  );
});
