import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  listUnitWorkFiles,
  readFindingsCount,
  readTextHead,
} from "../../src/workspace/unit-work-files.js";
import { tempDir } from "../helpers/temp-dir.js";

const WU = "FEAT-2026-0042/T02";

describe("a unit's attempt files (formats.md F-RUN-4, evidence.md EV-CYC-1)", () => {
  it("lists every attempt file, the cycle-<n>/ folders included, and ignores everything else", async () => {
    const feature = tempDir();
    const dir = path.join(feature, "work", "FEAT-2026-0042_T02");
    mkdirSync(path.join(dir, "cycle-1"), { recursive: true });
    mkdirSync(path.join(dir, "cycle-x"));
    mkdirSync(path.join(dir, "attempt-9.md"));
    for (const name of [
      "attempt-2.md",
      "attempt-1.md",
      "attempt-1.findings.json",
      "attempt-1.prompt.md",
      "attempt-1.agent.jsonl",
      "attempt-1.agent-stderr.log",
      "attempt-0.md",
      "attempt-1.txt",
      "run-state.json",
      "cycle-1/attempt-3.md",
      "cycle-x/attempt-1.md",
    ])
      writeFileSync(path.join(dir, name), "x");
    const files = await listUnitWorkFiles(feature, WU);
    expect(
      files.map((f) => [
        f.cycleFolder,
        f.attempt,
        f.kind,
        path.relative(dir, f.abs),
      ]),
    ).toEqual([
      [1, 3, "note", "cycle-1/attempt-3.md"],
      [null, 1, "findings", "attempt-1.findings.json"],
      [null, 1, "note", "attempt-1.md"],
      [null, 1, "prompt", "attempt-1.prompt.md"],
      [null, 1, "stderr", "attempt-1.agent-stderr.log"],
      [null, 1, "transcript", "attempt-1.agent.jsonl"],
      [null, 2, "note", "attempt-2.md"],
    ]);
    expect(await listUnitWorkFiles(tempDir(), WU)).toEqual([]);
  });

  it("a hostile work/ folder: links and FIFOs are not attempt files, and a link is never read", async () => {
    const feature = tempDir();
    const dir = path.join(feature, "work", "FEAT-2026-0042_T02");
    mkdirSync(dir, { recursive: true });
    const secret = path.join(tempDir(), "id_rsa");
    writeFileSync(secret, "PRIVATE KEY");
    symlinkSync(secret, path.join(dir, "attempt-1.md"));
    symlinkSync(secret, path.join(dir, "attempt-1.findings.json"));
    symlinkSync(path.dirname(secret), path.join(dir, "cycle-1"));
    execFileSync("mkfifo", [path.join(dir, "attempt-2.md")]);
    expect(await listUnitWorkFiles(feature, WU)).toEqual([]);
    expect(await readTextHead(path.join(dir, "attempt-1.md"), 100)).toBeNull();
    expect(await readTextHead(path.join(dir, "attempt-2.md"), 100)).toBeNull();
    expect(
      await readFindingsCount(path.join(dir, "attempt-1.findings.json")),
    ).toBeNull();
  });

  it("reads the head of a note without splitting a character, with the whole size", async () => {
    const file = path.join(tempDir(), "n.md");
    writeFileSync(file, "ab€cd");
    expect(await readTextHead(file, 100)).toEqual({
      text: "ab€cd",
      bytes: 7,
      isCut: false,
    });
    expect(await readTextHead(file, 4)).toEqual({
      text: "ab",
      bytes: 7,
      isCut: true,
    });
    expect(await readTextHead(file, 5)).toEqual({
      text: "ab€",
      bytes: 7,
      isCut: true,
    });
    expect(await readTextHead(file, 0)).toEqual({
      text: "",
      bytes: 7,
      isCut: true,
    });
    expect(await readTextHead(path.join(tempDir(), "missing"), 10)).toBeNull();
    expect(await readTextHead(tempDir(), 10)).toBeNull();
  });

  it("counts findings: findings_total, else the list; null when unreadable", async () => {
    const dir = tempDir();
    const write = (name: string, text: string) => {
      writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    expect(
      await readFindingsCount(
        write("a.json", '{"findings_total": 7, "findings": []}'),
      ),
    ).toBe(7);
    expect(
      await readFindingsCount(
        write("b.json", '{"findings_total": null, "findings": [1, 2]}'),
      ),
    ).toBe(2);
    expect(await readFindingsCount(write("c.json", "{not json"))).toBeNull();
    expect(await readFindingsCount(write("d.json", "[]"))).toBeNull();
    expect(await readFindingsCount(path.join(dir, "missing.json"))).toBeNull();
  });
});
