import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  attemptPaths,
  clearAttemptFiles,
  readAttemptNotes,
  STDERR_TAIL_BYTES,
  tailUtf8,
  writeAgentRecords,
  writeAttemptNote,
} from "../../src/workspace/attempt-files.js";
import { tempDir } from "../helpers/temp-dir.js";

const WU = "FEAT-2026-0042/T03";

describe("attempt files (formats.md F-RUN-4)", () => {
  it("F-RUN-4 names the files under work/<work-key>/", () => {
    const p = attemptPaths("/r/F", WU, 2);
    const dir = path.join("/r/F", "work", "FEAT-2026-0042_T03");
    expect(p).toStrictEqual({
      dir,
      note: path.join(dir, "attempt-2.md"),
      prompt: path.join(dir, "attempt-2.prompt.md"),
      transcript: path.join(dir, "attempt-2.agent.jsonl"),
      stderr: path.join(dir, "attempt-2.agent-stderr.log"),
    });
  });

  it("writes a note in UTF-8, creating the folders", async () => {
    const feature = tempDir();
    const file = await writeAttemptNote(
      feature,
      WU,
      1,
      "### tests: FAIL\nÉchec ✗\n",
    );
    expect(file).toBe(attemptPaths(feature, WU, 1).note);
    expect(readFileSync(file, "utf8")).toBe("### tests: FAIL\nÉchec ✗\n");
  });

  it("writes the prompt, the raw stdout and only the last 64 KiB of stderr", async () => {
    const feature = tempDir();
    const stderr = `${"a".repeat(STDERR_TAIL_BYTES)}THE END`;
    const p = await writeAgentRecords(feature, WU, 3, {
      prompt: "do the thing\n",
      stdout: '{"type":"result"}\n',
      stderr,
    });
    expect(readFileSync(p.prompt, "utf8")).toBe("do the thing\n");
    expect(readFileSync(p.transcript, "utf8")).toBe('{"type":"result"}\n');
    const tail = readFileSync(p.stderr);
    expect(tail.length).toBe(STDERR_TAIL_BYTES);
    expect(tail.toString("utf8").endsWith("THE END")).toBe(true);
    expect(readdirSync(p.dir).sort()).toStrictEqual([
      "attempt-3.agent-stderr.log",
      "attempt-3.agent.jsonl",
      "attempt-3.prompt.md",
    ]);
  });

  it("writes only the records given", async () => {
    const feature = tempDir();
    const p = await writeAgentRecords(feature, WU, 1, { prompt: "p" });
    expect(existsSync(p.prompt)).toBe(true);
    expect(existsSync(p.transcript)).toBe(false);
  });

  it("D-ATT-1 reads earlier notes back in attempt order, ignoring other files", async () => {
    const feature = tempDir();
    expect(await readAttemptNotes(feature, WU)).toStrictEqual([]);
    await writeAttemptNote(feature, WU, 10, "ten");
    await writeAttemptNote(feature, WU, 2, "two");
    await writeAttemptNote(feature, WU, 1, "one");
    await writeAgentRecords(feature, WU, 2, { prompt: "p" });
    writeFileSync(
      path.join(attemptPaths(feature, WU, 1).dir, "attempt-0.md"),
      "x",
    );
    const notes = await readAttemptNotes(feature, WU);
    expect(notes.map((n) => [n.attempt, n.text])).toStrictEqual([
      [1, "one"],
      [2, "two"],
      [10, "ten"],
    ]);
    expect(notes[0]?.file).toBe(attemptPaths(feature, WU, 1).note);
    expect(
      (await readAttemptNotes(feature, WU, { before: 3 })).map(
        (n) => n.attempt,
      ),
    ).toStrictEqual([1, 2]);
  });

  it("clears a unit's scratch folder and leaves other units alone", async () => {
    const feature = tempDir();
    await writeAttemptNote(feature, WU, 1, "x");
    await writeAttemptNote(feature, "FEAT-2026-0042/T04", 1, "y");
    await clearAttemptFiles(feature, WU);
    await clearAttemptFiles(feature, WU);
    expect(await readAttemptNotes(feature, WU)).toStrictEqual([]);
    expect(await readAttemptNotes(feature, "FEAT-2026-0042/T04")).toHaveLength(
      1,
    );
  });
});

describe("tailUtf8", () => {
  it.each<[string, number, string]>([
    ["hello", 10, "hello"],
    ["hello", 3, "llo"],
    ["aé", 1, ""],
    ["aé", 2, "é"],
    ["x😀", 3, ""],
    ["x😀", 4, "😀"],
  ])("tail of %j in %d bytes is %j", (text, max, tail) => {
    expect(tailUtf8(text, max)).toBe(tail);
  });

  it("property: at most maxBytes bytes, a suffix of the text, the longest whole-character suffix", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.nat(40), (text, max) => {
        const tail = tailUtf8(text, max);
        expect(Buffer.byteLength(tail, "utf8")).toBeLessThanOrEqual(max);
        expect(text.endsWith(tail)).toBe(true);
        const all = Buffer.from(text, "utf8");
        const kept = Buffer.from(tail, "utf8");
        expect(all.subarray(all.length - kept.length).equals(kept)).toBe(true);
        expect(kept.length).toBeGreaterThanOrEqual(
          Math.min(all.length, max - 3),
        );
      }),
    );
  });
});
