import { describe, expect, it } from "vitest";
import { isSpecfuseError } from "../../src/errors/specfuse-error.js";
import {
  editFrontmatter,
  splitKeepingEnds,
} from "../../src/yaml/edit-frontmatter.js";
import { parseFrontmatter } from "../../src/yaml/split-frontmatter.js";
import { dedent } from "../helpers/dedent.js";

const WU = dedent`
  ---
  id: FEAT-2026-0042/T01   # the graph id
  type: implementation
  status: pending
  # authoring notes stay put
  produces:
  - src/a.ts
  - src/b.ts
  extra_gates:
    - lint

  model: sonnet
  ---
  # Title

  status: not a key, this is the body
`;

describe("editFrontmatter: extents (formats.md F-WRITE-1, F-WRITE-2)", () => {
  it("F-WRITE-1 replaces one key and keeps every other byte", () => {
    const out = editFrontmatter(WU, [["status", "in_progress"]]);
    expect(out).toBe(WU.replace("status: pending", "status: in_progress"));
  });

  it("F-WRITE-2 takes the column-0 `-` lines of the extent", () => {
    const out = editFrontmatter(WU, [["produces", ["x.ts"]]]);
    expect(out).toBe(
      WU.replace("produces:\n- src/a.ts\n- src/b.ts\n", "produces: [x.ts]\n"),
    );
  });

  it("F-WRITE-2 takes indented lines but not the trailing blank lines", () => {
    const out = editFrontmatter(WU, [["extra_gates", []]]);
    expect(out).toBe(
      WU.replace("extra_gates:\n  - lint\n", "extra_gates: []\n"),
    );
    expect(out).toContain("extra_gates: []\n\nmodel: sonnet");
  });

  it("F-WRITE-2 ends the extent at a column-0 comment", () => {
    const text = "---\na:\n  - 1\n# note\nb: 2\n---\n";
    expect(editFrontmatter(text, [["a", 5]])).toBe(
      "---\na: 5\n# note\nb: 2\n---\n",
    );
  });

  it("F-WRITE-2 matches only `key:` followed by space, tab or end of line", () => {
    const text = "---\nstatus_note: x\nstatus:\tdone\n---\n";
    expect(editFrontmatter(text, [["status", "pending"]])).toBe(
      "---\nstatus_note: x\nstatus: pending\n---\n",
    );
    const spaced = "---\nstatus  : done\n---\n";
    expect(editFrontmatter(spaced, [["status", "pending"]])).toBe(
      "---\nstatus: pending\n---\n",
    );
  });

  it("F-WRITE-2 edits the first occurrence of a key only", () => {
    const text = "---\na: 1\na: 2\n---\n";
    expect(editFrontmatter(text, [["a", 3]])).toBe("---\na: 3\na: 2\n---\n");
  });

  it("F-WRITE-1 never touches a body line that looks like a key", () => {
    const out = editFrontmatter(WU, [["attempts", 1]]);
    expect(out.endsWith("status: not a key, this is the body\n")).toBe(true);
  });

  it("F-WRITE-2 takes an indented comment and a block scalar with the key", () => {
    const text =
      "---\nnotes: |\n  line one\n\n  line two\n  # inner\nnext: 1\n---\n";
    expect(editFrontmatter(text, [["notes", "short"]])).toBe(
      "---\nnotes: short\nnext: 1\n---\n",
    );
  });
});

describe("editFrontmatter: appends (F-WRITE-3)", () => {
  it("appends an absent key just before the closing fence", () => {
    const text = "---\nid: X\n\n---\nbody\n";
    expect(editFrontmatter(text, [["attempts", 1]])).toBe(
      "---\nid: X\n\nattempts: 1\n---\nbody\n",
    );
  });

  it("uses the opening fence's line ending for appended lines", () => {
    const text = "---\r\nid: X\r\n---\r\nbody\r\n";
    expect(editFrontmatter(text, [["attempts", 2]])).toBe(
      "---\r\nid: X\r\nattempts: 2\r\n---\r\nbody\r\n",
    );
    const cr = "---\rid: X\r---\rbody";
    expect(editFrontmatter(cr, [["a", true]])).toBe(
      "---\rid: X\ra: true\r---\rbody",
    );
  });

  it("keeps a replaced key's own line ending in a mixed file", () => {
    const text = "---\nid: X\r\nstatus: a\r\n---\n";
    expect(editFrontmatter(text, [["status", "b"]])).toBe(
      "---\nid: X\r\nstatus: b\r\n---\n",
    );
  });

  it("writes into an empty frontmatter and one whose closing fence ends the file", () => {
    expect(editFrontmatter("---\n---\n", [["a", 1]])).toBe("---\na: 1\n---\n");
    expect(editFrontmatter("---\nx: 1\n---", [["a", 1]])).toBe(
      "---\nx: 1\na: 1\n---",
    );
  });

  it("keeps one leading BOM and fences with trailing spaces", () => {
    const text = "\ufeff---  \nid: X\n--- \nbody";
    expect(editFrontmatter(text, [["a", 1]])).toBe(
      "\ufeff---  \nid: X\na: 1\n--- \nbody",
    );
  });
});

describe("editFrontmatter: several keys and removal", () => {
  it("applies several changes in one new text, appending absent keys in order", () => {
    const out = editFrontmatter(WU, [
      ["status", "done"],
      ["attempts", 2],
      ["duration_seconds", 12],
      ["cost_usd", 0.0125],
    ]);
    expect(parseFrontmatter(out).data).toMatchObject({
      status: "done",
      attempts: 2,
      duration_seconds: 12,
      cost_usd: 0.0125,
    });
    expect(out).toContain(
      "model: sonnet\nattempts: 2\nduration_seconds: 12.0\ncost_usd: 0.0125\n---\n",
    );
  });

  it("lets a later change of the same key win", () => {
    expect(
      editFrontmatter("---\n---\n", [
        ["a", 1],
        ["a", 2],
      ]),
    ).toBe("---\na: 2\n---\n");
  });

  it("removes a key and its extent when the value is undefined; an absent key is a no-op", () => {
    expect(editFrontmatter(WU, [["produces", undefined]])).toBe(
      WU.replace("produces:\n- src/a.ts\n- src/b.ts\n", ""),
    );
    expect(editFrontmatter(WU, [["nope", undefined]])).toBe(WU);
  });

  it("returns the text unchanged for no changes", () => {
    expect(editFrontmatter(WU, [])).toBe(WU);
  });
});

describe("editFrontmatter: errors (F-WRITE-8)", () => {
  const cases: Array<[string, string, RegExp]> = [
    ["no frontmatter", "# Title\n", /has no frontmatter/],
    ["empty file", "", /has no frontmatter/],
    ["not closed", "---\na: 1\n", /not closed/],
  ];
  it.each(cases)("%s → frontmatter_invalid naming the file", (_n, text, re) => {
    let caught: unknown;
    try {
      editFrontmatter(text, [["a", 1]], { file: "x/WU-01.md" });
    } catch (error) {
      caught = error;
    }
    expect(isSpecfuseError(caught)).toBe(true);
    if (!isSpecfuseError(caught)) return;
    expect(caught.code).toBe("frontmatter_invalid");
    expect(caught.file).toBe("x/WU-01.md");
    expect(caught.message).toMatch(re);
    expect(caught.hint).toBeTruthy();
  });

  it("refuses keys outside the writable key grammar", () => {
    expect(() => editFrontmatter("---\n---\n", [["a b", 1]])).toThrow(
      TypeError,
    );
  });
});

describe("splitKeepingEnds", () => {
  it.each(["", "a", "a\n", "a\r\nb\rc\n", "\n\n", "a\r"])(
    "re-joins %j byte for byte",
    (text) => {
      expect(
        splitKeepingEnds(text)
          .map((l) => l.text + l.eol)
          .join(""),
      ).toBe(text);
    },
  );
});
