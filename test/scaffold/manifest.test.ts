import { describe, expect, it } from "vitest";
import {
  keyOfTargetPath,
  parseManifest,
  renderManifest,
  sha256Hex,
  targetPathOfKey,
} from "../../src/scaffold/manifest.js";
import { dedent } from "../helpers/dedent.js";

describe("scaffold manifest (init.md I-MAN-1)", () => {
  it("I-MAN-1 renders sorted keys, 2-space indent and a final newline", () => {
    const text = renderManifest(
      new Map([
        ["rules/z.md", "bb"],
        ["../.claude/commands/a.md", "cc"],
        ["VERSION", "aa"],
      ]),
    );
    expect(text).toBe(dedent`
      {
        "../.claude/commands/a.md": "cc",
        "VERSION": "aa",
        "rules/z.md": "bb"
      }
    `);
  });

  it("I-MAN-1 hashes are lowercase hex SHA-256 of the bytes", () => {
    expect(sha256Hex("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    expect(sha256Hex(new TextEncoder().encode("abc"))).toBe(sha256Hex("abc"));
  });

  it("I-UPG-1 parses a manifest, and rejects what is not an object of strings", () => {
    const ok = parseManifest('{"VERSION": "ABCD", "rules/x.md": "01"}\n');
    expect(ok).toEqual({
      ok: true,
      manifest: new Map([
        ["VERSION", "abcd"],
        ["rules/x.md", "01"],
      ]),
    });
    expect(parseManifest("{not json")).toMatchObject({ ok: false });
    expect(parseManifest("[]")).toMatchObject({
      ok: false,
      reason: "the root is not a JSON object",
    });
    expect(parseManifest('{"a": 1}')).toMatchObject({
      ok: false,
      reason: 'the value of "a" is not a string',
    });
  });

  it("I-MAN-1 maps keys to target paths, refusing keys that leave the managed areas", () => {
    expect(targetPathOfKey("rules/never-touch.md")).toBe(
      ".specfuse/rules/never-touch.md",
    );
    expect(targetPathOfKey("../.claude/commands/arm-gate.md")).toBe(
      ".claude/commands/arm-gate.md",
    );
    for (const bad of [
      "../../etc/passwd",
      "../README.md",
      "/abs/path",
      "rules/../../x",
      "a\\b",
      "",
      "../.claude/commands/x/y.md",
    ])
      expect(targetPathOfKey(bad)).toBeNull();
    expect(keyOfTargetPath(".claude/commands/arm-gate.md")).toBe(
      "../.claude/commands/arm-gate.md",
    );
    expect(keyOfTargetPath(".specfuse/docs/x.md")).toBe("docs/x.md");
  });
});
