import {
  chmodSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isSpecfuseError } from "../../src/errors/specfuse-error.js";
import {
  gateStubText,
  updateFrontmatter,
  updateFrontmatterSync,
} from "../../src/workspace/update-frontmatter.js";
import { parseFrontmatter } from "../../src/yaml/split-frontmatter.js";
import { tempDir } from "../helpers/temp-dir.js";

const WU =
  "\ufeff---\r\nid: FEAT-2026-0042/T01\r\nstatus: pending\r\n---\r\n# T\r\n";

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    return isSpecfuseError(error)
      ? `${error.code}:${error.file}`
      : String(error);
  }
  return "no error";
}

describe("updateFrontmatter (formats.md F-WRITE-7, F-WRITE-8, F-GATE-4)", () => {
  it("F-WRITE-7 edits in place, keeps the BOM, CRLF and the file mode, and leaves no temp file", async () => {
    const dir = tempDir();
    const file = path.join(dir, "WU-01.md");
    writeFileSync(file, WU);
    chmodSync(file, 0o640);
    const result = await updateFrontmatter(file, [
      ["status", "in_progress"],
      ["attempts", 1],
    ]);
    const text = readFileSync(file, "utf8");
    expect(text).toBe(
      "\ufeff---\r\nid: FEAT-2026-0042/T01\r\nstatus: in_progress\r\nattempts: 1\r\n---\r\n# T\r\n",
    );
    expect(result).toStrictEqual({ text, isCreated: false, isChanged: true });
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toStrictEqual(["WU-01.md"]);
  });

  it("writes nothing when no byte changes", async () => {
    const file = path.join(tempDir(), "WU-01.md");
    writeFileSync(file, WU);
    const before = statSync(file).ino;
    const result = await updateFrontmatter(file, [["status", "pending"]]);
    expect(result.isChanged).toBe(false);
    expect(statSync(file).ino).toBe(before);
  });

  it("F-WRITE-8 refuses a missing file and a file without frontmatter, naming the display path", async () => {
    const dir = tempDir();
    const plain = path.join(dir, "plain.md");
    writeFileSync(plain, "# no frontmatter\n");
    expect(
      await codeOf(
        updateFrontmatter(path.join(dir, "gone.md"), [["a", 1]], {
          display: "f/gone.md",
        }),
      ),
    ).toBe("frontmatter_invalid:f/gone.md");
    expect(
      await codeOf(
        updateFrontmatter(plain, [["a", 1]], { display: "f/plain.md" }),
      ),
    ).toBe("frontmatter_invalid:f/plain.md");
    expect(readFileSync(plain, "utf8")).toBe("# no frontmatter\n");
  });

  it("refuses a file that is not UTF-8 and leaves it untouched", async () => {
    const file = path.join(tempDir(), "bin.md");
    writeFileSync(file, Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0x0a]));
    expect(await codeOf(updateFrontmatter(file, [["a", 1]]))).toMatch(
      /^frontmatter_invalid:/,
    );
    expect(readFileSync(file)).toHaveLength(6);
  });

  it("F-GATE-4 creates the GATE stub with `gate` and `status` and a one-line body", async () => {
    const file = path.join(tempDir(), "GATE-02.md");
    const result = await updateFrontmatter(
      file,
      [["status", "awaiting_review"]],
      {
        stubGate: 2,
      },
    );
    expect(result.isCreated).toBe(true);
    const text = readFileSync(file, "utf8");
    const fm = parseFrontmatter(text);
    expect(fm.data).toStrictEqual({ gate: 2, status: "awaiting_review" });
    expect(fm.body.trim().split("\n")).toHaveLength(1);
    expect(fm.body).toMatch(/stub/i);
    expect(text).toBe(
      gateStubText(2).replace(
        "gate: 2\n",
        "gate: 2\nstatus: awaiting_review\n",
      ),
    );
  });

  it("an existing GATE file is edited, not replaced by a stub", async () => {
    const file = path.join(tempDir(), "GATE-01.md");
    writeFileSync(file, "---\ngate: 1\nstatus: open\n---\n# Gate 1\n");
    await updateFrontmatter(file, [["status", "passed"]], { stubGate: 1 });
    expect(readFileSync(file, "utf8")).toBe(
      "---\ngate: 1\nstatus: passed\n---\n# Gate 1\n",
    );
  });

  it("the synchronous form behaves the same", () => {
    const dir = tempDir();
    const file = path.join(dir, "WU.md");
    writeFileSync(file, "---\nstatus: in_progress\n---\n");
    updateFrontmatterSync(file, [
      ["status", "pending"],
      ["duration_seconds", 3],
    ]);
    expect(readFileSync(file, "utf8")).toBe(
      "---\nstatus: pending\nduration_seconds: 3.0\n---\n",
    );
    const stub = path.join(dir, "GATE-03.md");
    expect(
      updateFrontmatterSync(stub, [["status", "awaiting_review"]], {
        stubGate: 3,
      }).isCreated,
    ).toBe(true);
    expect(() =>
      updateFrontmatterSync(path.join(dir, "none.md"), [["a", 1]]),
    ).toThrow(/does not exist/);
  });
});
