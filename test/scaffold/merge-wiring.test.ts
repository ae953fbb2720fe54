import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ALLOW_ENTRIES,
  checkSettings,
  GITIGNORE_HEADER,
  GITIGNORE_LINES,
  mergeClaudeBlock,
  mergeGitignore,
  mergeSettings,
} from "../../src/scaffold/merge-wiring.js";
import { dedent } from "../helpers/dedent.js";

const BLOCK = dedent`
  <!-- specfuse:rules:begin -->
  ## Specfuse rules (binding for work units run by specfuse)
  @.specfuse/rules/result-contract.md
  @.specfuse/rules/correlation-ids.md
  @.specfuse/rules/never-touch.md
  @.specfuse/rules/security-boundaries.md
  <!-- specfuse:rules:end -->
`;
const MANAGED = [GITIGNORE_HEADER, ...GITIGNORE_LINES].join("\n");

describe(".gitignore merge (init.md §5.1, I-WIRE-2)", () => {
  it("I-WIRE-2 an absent file gets the whole block", () => {
    expect(mergeGitignore(null)).toMatchObject({ action: "create", text: `${MANAGED}\n` });
  });

  it("I-WIRE-2 missing lines are appended after a blank line, under the header", () => {
    const m = mergeGitignore("node_modules/\ndist");
    expect(m.action).toBe("append");
    expect(m.text).toBe(`node_modules/\ndist\n\n${MANAGED}\n`);
  });

  it("I-WIRE-2 present lines (trailing whitespace ignored) are not repeated; the header is not re-added", () => {
    const current = `${GITIGNORE_HEADER}\n!.specfuse/   \nnode_modules/\n`;
    const m = mergeGitignore(current);
    expect(m.text).toBe(`${current}\n.specfuse/**/work/\n.specfuse/.loop.lock*\n*.specfuse-tmp-*\n`);
    expect(mergeGitignore(`${MANAGED}\n`)).toMatchObject({ action: "unchanged", text: null });
  });

  it("I-WIRE-2 CRLF files keep CRLF and user lines keep their order", () => {
    const current = "b\r\na\r\n*.specfuse-tmp-*\r\n";
    const m = mergeGitignore(current);
    expect(m.text).toBe(
      `b\r\na\r\n*.specfuse-tmp-*\r\n\r\n${GITIGNORE_HEADER}\r\n!.specfuse/\r\n.specfuse/**/work/\r\n.specfuse/.loop.lock*\r\n`,
    );
  });

  it("I-WIRE-2 an empty file is appended to without a leading blank line", () => {
    expect(mergeGitignore("")).toMatchObject({ action: "append", text: `${MANAGED}\n` });
  });
});

describe("CLAUDE.md block (init.md §5.2, I-WIRE-4)", () => {
  it("I-WIRE-4 an absent file gets only the block", () => {
    expect(mergeClaudeBlock({ claudeMd: null, rootClaudeMd: null }, BLOCK)).toMatchObject({
      action: "create",
      text: BLOCK,
    });
    expect(mergeClaudeBlock({ claudeMd: "\n\n", rootClaudeMd: null }, BLOCK).text).toBe(BLOCK);
  });

  it("I-WIRE-4 a file with content gets the block after one blank line", () => {
    const m = mergeClaudeBlock({ claudeMd: "# Project notes\nUse tabs.", rootClaudeMd: null }, BLOCK);
    expect(m).toMatchObject({ action: "append", text: `# Project notes\nUse tabs.\n\n${BLOCK}` });
  });

  it("I-WIRE-4 text between our markers is replaced when it differs, and surrounding text kept", () => {
    const old = "intro\n<!-- specfuse:rules:begin -->\nold line\n<!-- specfuse:rules:end -->\noutro\n";
    const m = mergeClaudeBlock({ claudeMd: old, rootClaudeMd: null }, BLOCK);
    expect(m.action).toBe("replace");
    expect(m.text).toBe(`intro\n${BLOCK}outro\n`);
    expect(mergeClaudeBlock({ claudeMd: m.text, rootClaudeMd: null }, BLOCK).action).toBe("unchanged");
  });

  it("I-WIRE-4 a reference-style block is left untouched, in either file", () => {
    const reference = "## Rules\n@.specfuse/rules/result-contract.md\n@.specfuse/rules/other.md\n";
    expect(mergeClaudeBlock({ claudeMd: reference, rootClaudeMd: null }, BLOCK)).toMatchObject({
      action: "unchanged",
      reason: "reference-style rules block kept",
    });
    expect(mergeClaudeBlock({ claudeMd: null, rootClaudeMd: reference }, BLOCK)).toMatchObject({
      action: "unchanged",
      text: null,
    });
    expect(mergeClaudeBlock({ claudeMd: "x\n", rootClaudeMd: BLOCK }, BLOCK).action).toBe("unchanged");
  });

  it("I-WIRE-4 an unterminated block is left alone with a warning", () => {
    const m = mergeClaudeBlock({ claudeMd: "<!-- specfuse:rules:begin -->\nmine\n", rootClaudeMd: null }, BLOCK);
    expect(m).toMatchObject({ action: "unchanged", text: null });
    expect(m.warning).toMatch(/without "<!-- specfuse:rules:end -->"/);
  });

  it("I-WIRE-4 CRLF files get the block with CRLF", () => {
    const m = mergeClaudeBlock({ claudeMd: "notes\r\n", rootClaudeMd: null }, BLOCK);
    expect(m.text).toBe(`notes\r\n\r\n${BLOCK.replace(/\n/g, "\r\n")}`);
  });
});

describe("settings.json allowlist (init.md §5.3, I-WIRE-5..7)", () => {
  it("I-WIRE-5 an absent file starts from {} and gets the four entries in order", () => {
    const m = mergeSettings(null);
    expect(m.action).toBe("create");
    expect(JSON.parse(m.text ?? "")).toEqual({ permissions: { allow: [...ALLOW_ENTRIES] } });
    expect(m.text).toMatch(/^\{\n {2}"permissions"/);
  });

  it("I-WIRE-6 keeps key order, 4-space indent and plugin keys; adds only missing entries", () => {
    const current = `${JSON.stringify(
      {
        enabledPlugins: { "specfuse@market": true },
        permissions: { deny: ["Bash(rm:*)"], allow: ["Read", "Bash(specfuse-loop:*)"] },
        extraKnownMarketplaces: { market: { source: "x" } },
      },
      null,
      4,
    )}\n`;
    const m = mergeSettings(current);
    expect(m.action).toBe("merge");
    expect(m.reason).toBe("added 3 allowlist entries");
    const parsed = JSON.parse(m.text ?? "") as Record<string, { allow?: string[] }>;
    expect(Object.keys(parsed)).toEqual(["enabledPlugins", "permissions", "extraKnownMarketplaces"]);
    expect(Object.keys(parsed.permissions ?? {})).toEqual(["deny", "allow"]);
    expect(parsed.permissions?.allow).toEqual([
      "Read",
      "Bash(specfuse-loop:*)",
      "Bash(specfuse:*)",
      "Bash(specfuse-lint:*)",
      "Bash(npx specfuse:*)",
    ]);
    expect(m.text).toMatch(/^\{\n {4}"enabledPlugins": \{\n {8}"specfuse@market": true/);
    expect(m.text?.endsWith("}\n")).toBe(true);
  });

  it("I-WIRE-6 the file is not rewritten when nothing is missing", () => {
    const current = `{"permissions":{"allow":${JSON.stringify(ALLOW_ENTRIES)}}}`;
    expect(mergeSettings(current)).toMatchObject({ action: "unchanged", text: null });
  });

  it.each([
    ["{", /not valid JSON/],
    ["[]", /top level is not a JSON object/],
    ['{"permissions": []}', /"permissions" is not an object/],
    ['{"permissions": {"allow": "Bash(x)"}}', /"permissions.allow" is not an array/],
  ])("I-WIRE-7 refuses %s", (text, reason) => {
    expect(checkSettings(text)?.reason).toMatch(reason);
  });

  it("I-WIRE-7 accepts objects without permissions or allow", () => {
    expect(checkSettings('{"model": "opus"}')).toBeNull();
    expect(checkSettings('{"permissions": {"deny": []}}')).toBeNull();
  });
});

const line = fc.oneof(
  fc.constantFrom(...GITIGNORE_LINES, GITIGNORE_HEADER, "", "node_modules/", "!.specfuse/  ", "# notes"),
  fc.stringMatching(/^[a-z*./!#-]{0,12}$/),
);
const textOf = fc.tuple(fc.array(line, { maxLength: 8 }), fc.constantFrom("\n", "\r\n"), fc.boolean()).map(
  ([lines, eol, isTerminated]) => lines.join(eol) + (isTerminated && lines.length > 0 ? eol : ""),
);
const jsonValue = fc.jsonValue({ maxDepth: 2 });
const settings = fc
  .record(
    {
      permissions: fc.record(
        { allow: fc.array(fc.oneof(fc.constantFrom(...ALLOW_ENTRIES), fc.string()), { maxLength: 5 }), deny: fc.array(fc.string()) },
        { requiredKeys: [] },
      ),
      enabledPlugins: fc.dictionary(fc.string(), fc.boolean()),
      other: jsonValue,
    },
    { requiredKeys: [] },
  )
  .chain((o) => fc.constantFrom(0, 2, 4, "\t").map((indent) => JSON.stringify(o, null, indent)));

describe("wiring merges are idempotent (I-WIRE-1, A-TEST-5)", () => {
  const again = (merge: (t: string | null) => { text: string | null }, start: string | null) => {
    const first = merge(start).text ?? start;
    const second = merge(first);
    expect(second.text ?? first).toBe(first);
    return first;
  };

  it("I-WIRE-1 merge(merge(x)) == merge(x) for .gitignore, and user lines survive in order", () => {
    fc.assert(
      fc.property(fc.option(textOf, { nil: null }), (x) => {
        const merged = again(mergeGitignore, x) ?? "";
        if (x !== null) expect(merged.startsWith(x)).toBe(true);
      }),
    );
  });

  it("I-WIRE-1 merge(merge(x)) == merge(x) for CLAUDE.md", () => {
    const claude = fc.option(
      fc.oneof(textOf, textOf.map((t) => `${t}${BLOCK}`), textOf.map((t) => `${t}<!-- specfuse:rules:begin -->\nx\n<!-- specfuse:rules:end -->\n`)),
      { nil: null },
    );
    fc.assert(
      fc.property(claude, (x) => {
        again((t) => mergeClaudeBlock({ claudeMd: t, rootClaudeMd: null }, BLOCK), x);
      }),
    );
  });

  it("I-WIRE-1 merge(merge(x)) == merge(x) for settings.json, and other keys are untouched", () => {
    fc.assert(
      fc.property(fc.option(settings, { nil: null }), (x) => {
        const merged = again(mergeSettings, x);
        const before = x === null ? {} : (JSON.parse(x) as Record<string, unknown>);
        const after = JSON.parse(merged ?? "") as Record<string, unknown>;
        for (const key of Object.keys(before)) if (key !== "permissions") expect(after[key]).toEqual(before[key]);
        const allow = (after.permissions as { allow: string[] }).allow;
        for (const entry of ALLOW_ENTRIES) expect(allow.filter((a) => a === entry).length).toBeGreaterThan(0);
      }),
    );
  });
});
