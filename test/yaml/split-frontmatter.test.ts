import { describe, expect, it } from "vitest";
import { parseFrontmatter } from "../../src/yaml/split-frontmatter.js";

describe("parseFrontmatter (formats.md F-FM-1..3)", () => {
  it("splits frontmatter and body", () => {
    const fm = parseFrontmatter("---\nid: X\n---\n# Title\nbody\n");
    expect(fm).toMatchObject({
      state: "ok",
      data: { id: "X" },
      body: "# Title\nbody\n",
      bodyLine: 4,
      closeLine: 3,
    });
  });

  it("ignores one BOM and accepts CRLF and CR line endings", () => {
    expect(
      parseFrontmatter("\ufeff---\r\na: 1\r\n---\r\nb").data,
    ).toStrictEqual({ a: 1 });
    expect(parseFrontmatter("---\ra: 1\r---\rb").body).toBe("b");
  });

  it("accepts trailing spaces on the fences", () => {
    expect(parseFrontmatter("---  \na: 1\n---\t\n").data).toStrictEqual({
      a: 1,
    });
  });

  it("treats a file without an opening fence as all body", () => {
    expect(parseFrontmatter("# Title\n---\na: 1\n---\n")).toMatchObject({
      state: "none",
      data: {},
      bodyLine: 1,
    });
  });

  it("reports an unclosed frontmatter without parsing it (F-FM-2)", () => {
    const fm = parseFrontmatter("---\na: [\n");
    expect(fm.state).toBe("error");
    expect(fm.issue?.reason).toMatch(/not closed/);
    expect(fm.closeLine).toBeNull();
  });

  it("reads an empty or comment-only frontmatter as {} (F-YAML-5)", () => {
    expect(parseFrontmatter("---\n---\n").state).toBe("ok");
    expect(parseFrontmatter("---\n# nothing\n---\n").data).toStrictEqual({});
  });

  it("rejects a non-mapping root", () => {
    expect(parseFrontmatter("---\n- a\n---\n").state).toBe("error");
  });

  it("reports YAML errors at the file line (frontmatter line k is file line k+1)", () => {
    const fm = parseFrontmatter("---\nid: A\nstatus: [x\n---\n");
    expect(fm.issue?.line).toBeGreaterThanOrEqual(3);
    expect(fm.issue?.line).toBeLessThanOrEqual(4);
  });

  it("keeps a `---x` line inside the frontmatter as YAML text", () => {
    const fm = parseFrontmatter("---\na: |\n  ---x\n---\nbody");
    expect(fm.data).toStrictEqual({ a: "---x\n" });
  });
});
