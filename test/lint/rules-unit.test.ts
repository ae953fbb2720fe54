import { describe, expect, it } from "vitest";
import {
  base,
  edit,
  BODY,
  lintTree,
  where,
  withFiles,
  wu,
  type Tree,
} from "./helpers.js";

const ID = "FEAT-2026-0101";
const T01 = "WU-01-export.md";
const CLOSE = "WU-92-g2-close.md";

// The base tree with T01's file rewritten (graph id FEAT-2026-0101/T01).
function t01(frontmatter: string[], body = BODY): Tree {
  return withFiles(base(), { [T01]: wu(frontmatter, body) });
}

// Frontmatter of a healthy implementation unit, with overrides by key (null drops the key).
function fm(overrides: Record<string, string | null> = {}): string[] {
  const fields: Record<string, string | null> = {
    id: `${ID}/T01`,
    type: "implementation",
    status: "pending",
    planned_cost_usd: "0.5",
    produces: "[src/export.ts]",
    ...overrides,
  };
  return Object.entries(fields)
    .filter((e): e is [string, string] => e[1] !== null)
    .map(([k, v]) => (v === "" ? `${k}:` : `${k}: ${v}`));
}

function at(rule: string, tree: Tree, file = T01) {
  return where(lintTree(tree), rule).filter((w) => w.file === `feat/${file}`);
}

describe("wu-id-mismatch (L09)", () => {
  it.each<[string, Record<string, string | null>, number]>([
    ["a different id", { id: `${ID}/T09` }, 2],
    ["an absent id (line 1)", { id: null }, 1],
    ["a number where the graph has a string", { id: "5" }, 2],
  ])("fires for %s", (_name, over, line) => {
    expect(at("wu-id-mismatch", t01(fm(over)))).toStrictEqual([
      { file: `feat/${T01}`, line, gate: null },
    ]);
  });

  it("passes when the ids are equal", () => {
    expect(at("wu-id-mismatch", base())).toStrictEqual([]);
  });
});

describe("wu-id-format, frontmatter side (L10)", () => {
  it("fires for a differing id that fails F-ID-2, keyed by file", () => {
    expect(at("wu-id-format", t01(fm({ id: `${ID}/T1` })))).toStrictEqual([
      { file: `feat/${T01}`, line: 2, gate: null },
    ]);
  });

  it.each<[string, Record<string, string | null>]>([
    ["a differing valid id", { id: `${ID}/T09` }],
    ["an empty id", { id: '""' }],
    ["an absent id", { id: null }],
  ])("does not fire for %s", (_name, over) => {
    expect(at("wu-id-format", t01(fm(over)))).toStrictEqual([]);
  });
});

describe("wu-type (L11)", () => {
  it.each<[string, string | null, number]>([
    ["an unknown type", "refactor", 3],
    ["an absent type", null, 1],
    ["a list", "[implementation]", 3],
  ])("fires for %s", (_name, type, line) => {
    expect(at("wu-type", t01(fm({ type })))).toStrictEqual([
      { file: `feat/${T01}`, line, gate: null },
    ]);
  });

  it.each(["implementation", "retrospective", "lessons", "docs", "plan-next"])(
    "accepts %s",
    (type) => {
      expect(at("wu-type", t01(fm({ type })))).toStrictEqual([]);
    },
  );
});

describe("wu-model (L12)", () => {
  it.each([
    ["gpt-4o"],
    ["Sonnet"],
    ["claude-"],
    ["claude-/x"],
    [""],
    ["''"],
    ["4"],
    ["[opus]"],
  ])("fires for model: %s", (model) => {
    expect(at("wu-model", t01(fm({ model })))).toStrictEqual([
      { file: `feat/${T01}`, line: 7, gate: null },
    ]);
  });

  it.each([
    "sonnet",
    "opus",
    "haiku",
    "claude-sonnet-4-6",
    "claude-opus-4.1",
    "claude-ünï_x",
  ])("accepts model: %s", (model) => {
    expect(at("wu-model", t01(fm({ model })))).toStrictEqual([]);
  });

  it("the hint names the type default to fall back to", () => {
    const report = lintTree(t01(fm({ model: "gpt-4o" })));
    expect(
      report.diagnostics.find((d) => d.rule === "wu-model")?.hint,
    ).toContain("implementation default (sonnet)");
  });
});

describe("wu-status (L13)", () => {
  it.each<[string, string | null, number]>([
    ["an unknown status", "finished", 4],
    ["an absent status", null, 1],
    ["a null status", "", 4],
  ])("fires for %s", (_name, status, line) => {
    expect(at("wu-status", t01(fm({ status })))).toStrictEqual([
      { file: `feat/${T01}`, line, gate: null },
    ]);
  });

  it.each([
    "draft",
    "pending",
    "ready",
    "in_progress",
    "in_review",
    "abandoned",
    "done",
    "blocked_human",
  ])("accepts %s", (status) => {
    expect(at("wu-status", t01(fm({ status })))).toStrictEqual([]);
  });
});

describe("wu-effort (L14)", () => {
  it.each(["extreme", '""', "High", "3"])("fires for effort: %s", (effort) => {
    expect(at("wu-effort", t01(fm({ effort })))).toStrictEqual([
      { file: `feat/${T01}`, line: 7, gate: null },
    ]);
  });

  it.each(["low", "medium", "high", "xhigh", "max", ""])(
    "accepts effort: %s (an empty value is null)",
    (effort) => {
      expect(at("wu-effort", t01(fm({ effort })))).toStrictEqual([]);
    },
  );
});

describe("wu-section-missing (L15, F-WU-11)", () => {
  it("fires once per missing section, in F-WU-11 order, at line 1", () => {
    const body =
      "# Title\n\n**Context.** x\n\n- Do not touch: y\n\n> **Verification.** z\n";
    const report = lintTree(t01(fm(), body));
    const found = report.diagnostics.filter(
      (d) => d.rule === "wu-section-missing",
    );
    expect(
      found.map((d) => [d.line, d.message.match(/"([^"]+)"/)?.[1]]),
    ).toStrictEqual([
      [1, "Acceptance criteria"],
      [1, "Do not touch"],
      [1, "Escalation triggers"],
      [1, "Verification"],
    ]);
  });

  it.each([
    ["## Context", true],
    ["**Context.**", true],
    ["Context:", true],
    ["Contextual", true],
    ["CONTEXT", true],
    ["- Context", false],
    ["> **Context**", false],
    ["_Context_", false],
    ["### 1. Context", false],
    ["x\u2028Context", false],
  ])("detects %s as present: %s", (line, isPresent) => {
    const body = BODY.replace(
      "**Context.** Harbour staff paste the table into a spreadsheet every morning.",
      line,
    );
    expect(at("wu-section-missing", t01(fm(), body)).length).toBe(
      isPresent ? 0 : 1,
    );
  });

  it.each(["in_progress", "done", "blocked_human", "abandoned", "in_review"])(
    "is not required in %s",
    (status) => {
      expect(
        at("wu-section-missing", t01(fm({ status }), "# Only a title\n")),
      ).toStrictEqual([]);
    },
  );
});

describe("close-verdict-required (L16)", () => {
  function close(over: Record<string, string | null>): Tree {
    return withFiles(base(), {
      [CLOSE]: wu(
        fm({ id: `${ID}/G2-CLOSE`, type: "close", produces: null, ...over }),
      ),
    });
  }

  it.each<[string, Record<string, string | null>, number]>([
    ["ready without verdict", { status: "ready" }, 1],
    [
      "in_progress with a bad verdict",
      { status: "in_progress", verdict: "great" },
      6,
    ],
    ["an invalid status", { status: "closing" }, 1],
    ["an absent status", { status: null }, 1],
    ["a null verdict", { status: "in_review", verdict: "" }, 6],
  ])("fires for %s", (_name, over, line) => {
    expect(at("close-verdict-required", close(over), CLOSE)).toStrictEqual([
      { file: `feat/${CLOSE}`, line, gate: null },
    ]);
  });

  it.each<[string, Record<string, string | null>]>([
    ["pending", { status: "pending" }],
    ["draft", { status: "draft" }],
    ["done without a verdict", { status: "done" }],
    ["abandoned", { status: "abandoned" }],
    ["blocked_human", { status: "blocked_human" }],
    ["ready with met_locally", { status: "ready", verdict: "met_locally" }],
  ])("does not fire when %s", (_name, over) => {
    expect(at("close-verdict-required", close(over), CLOSE)).toStrictEqual([]);
  });

  it("issue 17 point 1: an in_progress close-intermediate without a verdict fails, and the hint says the unit writes it and where the checks are documented", () => {
    const tree = withFiles(base(), {
      "WU-90-g1-close.md": wu(
        fm({
          id: `${ID}/G1-CLOSE-INTERMEDIATE`,
          type: "close-intermediate",
          status: "in_progress",
          produces: null,
        }),
      ),
    });
    const d = lintTree(tree).diagnostics.find(
      (x) => x.rule === "close-verdict-required",
    );
    expect(d?.file).toBe("feat/WU-90-g1-close.md");
    expect(d?.hint).toContain("writes its verdict in its own frontmatter");
    expect(d?.hint).toContain(".specfuse/docs/closing-units.md");
    const withVerdict = edit(
      tree,
      "WU-90-g1-close.md",
      "status: in_progress",
      "status: in_progress\nverdict: met",
    );
    expect(
      where(lintTree(withVerdict), "close-verdict-required"),
    ).toStrictEqual([]);
  });
});

describe("verdict-on-non-close (L17)", () => {
  it.each<[string, string | null, number]>([
    ["implementation", "implementation", 7],
    ["an unknown type", "qa", 7],
    ["an absent type", null, 6],
  ])("fires for %s with a verdict", (_name, type, line) => {
    expect(
      at("verdict-on-non-close", t01(fm({ type, verdict: "met" }))),
    ).toStrictEqual([{ file: `feat/${T01}`, line, gate: null }]);
  });

  it("does not fire for a null verdict or for close types", () => {
    expect(at("verdict-on-non-close", t01(fm({ verdict: "" })))).toStrictEqual(
      [],
    );
    expect(
      at(
        "verdict-on-non-close",
        t01(fm({ type: "close-intermediate", verdict: "met" })),
      ),
    ).toStrictEqual([]);
  });
});

describe("oracle-env-missing (L18, L-DEF-3, L-DEF-4)", () => {
  function ac(text: string, over: Record<string, string | null> = {}): Tree {
    return t01(fm(over), BODY.replace("- Times are in UTC.", text));
  }

  it.each([
    "The test loop passes.",
    "An audit of the exports.",
    "Run 3 times in a row.",
    "Three results over 5 consecutive runs.",
    "The smoke-test passes.",
    "Integration\n  tests pass.",
    "The E2E suite passes.",
    "for i in $(seq 1 5); do make; done",
    "Repeat 10 times.",
    "The oracle agrees.",
    "Run ٣ times.",
  ])("fires for %j, as a warning at line 1", (text) => {
    const report = lintTree(ac(text));
    const found = report.diagnostics.filter(
      (d) => d.rule === "oracle-env-missing",
    );
    expect(found.map((d) => [d.file, d.line, d.severity])).toStrictEqual([
      [`feat/${T01}`, 1, "warning"],
    ]);
  });

  it.each([
    "Audits happen weekly.",
    "oracle_env is set elsewhere.",
    "e2e_suite",
  ])("does not fire for %j", (text) => {
    expect(at("oracle-env-missing", ac(text))).toStrictEqual([]);
  });

  it("searches only the acceptance-criteria slice", () => {
    const body = BODY.replace(
      "**Do not touch.** The tide prediction model.",
      "**Do not touch.** The integration tests.",
    );
    expect(at("oracle-env-missing", t01(fm(), body))).toStrictEqual([]);
  });

  it("an oracle_env key, even empty, silences it; lessons, docs and retrospective are exempt", () => {
    expect(
      at("oracle-env-missing", ac("An audit.", { oracle_env: "" })),
    ).toStrictEqual([]);
    expect(
      at("oracle-env-missing", ac("An audit.", { type: "docs" })),
    ).toStrictEqual([]);
    expect(
      at("oracle-env-missing", ac("An audit.", { type: "bogus" })),
    ).toHaveLength(1);
  });

  it("quotes the hits in pattern order, in their original case", () => {
    const report = lintTree(ac("The ORACLE runs after the audit."));
    expect(
      report.diagnostics.find((d) => d.rule === "oracle-env-missing")?.message,
    ).toContain('"audit", "ORACLE"');
  });
});

describe("driver-wiring-undeclared (L19)", () => {
  it.each([
    "Touches squash_commit.",
    "Edit loop.py.",
    "A driver-side guard.",
    "Extend MODEL_BY_TYPE.",
  ])("fires for %j", (text) => {
    const report = lintTree(t01(fm(), `${BODY}\n${text}\n`));
    expect(
      report.diagnostics
        .filter((d) => d.rule === "driver-wiring-undeclared")
        .map((d) => [d.line, d.severity]),
    ).toStrictEqual([[1, "warning"]]);
  });

  it.each(["squash_commits", "xloop.py", "my_squash_commit"])(
    "does not fire for %j (word boundaries)",
    (text) => {
      expect(
        at("driver-wiring-undeclared", t01(fm(), `${BODY}\n${text}\n`)),
      ).toStrictEqual([]);
    },
  );

  it("does not fire with a helper declared, or for other types", () => {
    const body = `${BODY}\nsquash_commit\n`;
    expect(
      at(
        "driver-wiring-undeclared",
        t01(fm({ produces_driver_helper: "[src/driver/x.ts]" }), body),
      ),
    ).toStrictEqual([]);
    expect(
      at("driver-wiring-undeclared", t01(fm({ type: "docs" }), body)),
    ).toStrictEqual([]);
  });
});

describe("produces-missing (L20)", () => {
  it.each<[string, string | null]>([
    ["absent", null],
    ["an empty list", "[]"],
    ["an empty string", '""'],
    ["null", ""],
  ])("fires when produces is %s", (_name, produces) => {
    const report = lintTree(t01(fm({ produces })));
    expect(
      report.diagnostics
        .filter((d) => d.rule === "produces-missing")
        .map((d) => [d.line, d.severity]),
    ).toStrictEqual([[1, "warning"]]);
  });

  it("is for implementation units only", () => {
    expect(
      at("produces-missing", t01(fm({ type: "docs", produces: null }))),
    ).toStrictEqual([]);
  });
});

describe("produces-bare-path (L21)", () => {
  it("fires once per element without a slash, at the key line", () => {
    const report = lintTree(
      t01(fm({ produces: "[output.txt, src/a.ts, README.md, 12]" })),
    );
    const found = report.diagnostics.filter(
      (d) => d.rule === "produces-bare-path",
    );
    expect(
      found.map((d) => [d.line, d.message.match(/"([^"]+)"/)?.[1]]),
    ).toStrictEqual([
      [6, "12"],
      [6, "README.md"],
      [6, "output.txt"],
    ]);
  });

  it("a scalar counts as one element; whitespace-only elements are ignored", () => {
    expect(
      at("produces-bare-path", t01(fm({ produces: "notes.md" }))),
    ).toHaveLength(1);
    expect(
      at("produces-bare-path", t01(fm({ produces: "['  ', ./notes.md]" }))),
    ).toStrictEqual([]);
  });

  it("applies to every type", () => {
    expect(
      at(
        "produces-bare-path",
        t01(fm({ type: "docs", produces: "[notes.md]" })),
      ),
    ).toHaveLength(1);
  });
});

describe("wu-key-invalid (new, driver D-LOAD-4)", () => {
  it.each<[string, string]>([
    ["attempts", "-1"],
    ["attempts", "1.5"],
    ["attempts", "'2'"],
    ["max_attempts", "0"],
    ["max_attempts", "11"],
    ["timeout_minutes", "0"],
    ["timeout_minutes", "'45'"],
    ["timeout_minutes", ".inf"],
    ["commit_type", "Feat"],
    ["commit_type", "feat(a b)"],
    ["unsandboxed", "'false'"],
    ["unsandboxed", "true"],
    ["produces", "[src/a.ts, [b]]"],
    ["produces_driver_helper", "{a: 1}"],
    ["extra_gates", "[1]"],
  ])("fires for %s: %s at the key line", (key, value) => {
    expect(at("wu-key-invalid", t01(fm({ [key]: value })))).toContainEqual({
      file: `feat/${T01}`,
      line: key === "produces" ? 6 : 7,
      gate: null,
    });
  });

  it.each<[string, string]>([
    ["attempts", "0"],
    ["max_attempts", "10"],
    ["timeout_minutes", "0.5"],
    ["commit_type", "fix(parser)!"],
    ["unsandboxed", "false"],
    ["extra_gates", "security"],
    ["attempts", ""],
  ])("accepts %s: %s", (key, value) => {
    expect(at("wu-key-invalid", t01(fm({ [key]: value })))).toStrictEqual([]);
  });

  it("accepts unsandboxed: true with a rationale, and still runs produces checks after a bad produces", () => {
    expect(
      at(
        "wu-key-invalid",
        t01(
          fm({
            unsandboxed: "true",
            unsandboxed_rationale: "needs the docker socket",
          }),
        ),
      ),
    ).toStrictEqual([]);
    const report = lintTree(t01(fm({ produces: "[a.ts, {x: 1}]" })));
    expect(where(report, "wu-key-invalid")).toHaveLength(1);
    expect(where(report, "produces-bare-path")).toHaveLength(1);
  });
});
