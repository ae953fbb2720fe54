import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StoredEvent } from "../../src/events/event-types.js";
import type { CommitFacts } from "../../src/git/read-history.js";
import {
  checkCompletion,
  matchCompletions,
  trailerProblems,
  type ParentOracle,
} from "../../src/log/check-commits.js";
import {
  checkTransitions,
  type TrailEvent,
} from "../../src/log/check-transitions.js";
import { csvCell, csvRecord } from "../../src/log/csv.js";
import {
  exportRows,
  rawPayload,
  renderCsv,
  renderJsonl,
} from "../../src/log/export-trail.js";
import { logMode } from "../../src/log/log-modes.js";
import { renderVerify, verifyFailure } from "../../src/log/render-verify.js";
import { checkEventLine } from "../../src/log/validate-event.js";
import { sortViolations, type Violation } from "../../src/log/verify-trail.js";
import { walkVersions } from "../../src/log/walk-versions.js";

const A = "a".repeat(40);
const B = "b".repeat(40);
const C = "c".repeat(40);

describe("walkVersions (AU-VER-1 not_append_only, AU-VER-3 origins)", () => {
  it("an append-only history keeps each line's first commit; the working tree's new line has none", () => {
    const w = walkVersions(
      [
        { commit: A, text: "1\n" },
        { commit: B, text: "1\n2" },
        { commit: C, text: "1\n2\n3\n" },
        { commit: null, text: "1\n2\n3\n4\n" },
      ],
      true,
    );
    expect(w.break).toBeNull();
    expect(w.versions).toBe(4);
    expect(w.lines.map((l) => [l.line, l.raw, l.origin])).toStrictEqual([
      [1, "1", A],
      [2, "2", B],
      [3, "3", C],
      [4, "4", null],
    ]);
  });

  it("an unterminated last line counts as ended, but changing it is a break", () => {
    expect(
      walkVersions(
        [
          { commit: A, text: "1\n2" },
          { commit: B, text: "1\n2\n3\n" },
        ],
        true,
      ).break,
    ).toBeNull();
    expect(
      walkVersions(
        [
          { commit: A, text: "1\n2" },
          { commit: B, text: "1\n23\n" },
        ],
        true,
      ).break,
    ).toMatchObject({ line: 2, commit: B });
  });

  it.each<[string, string, number]>([
    ["an edit", "1\nX\n3\n", 2],
    ["a deletion", "1\n3\n", 2],
    ["a truncation", "1\n", 2],
    ["a swap", "2\n1\n3\n", 1],
    ["an insertion", "1\n2\nX\n3\n", 3],
  ])(
    "%s breaks at the first differing line, and verify stops there",
    (_name, next, line) => {
      const w = walkVersions(
        [
          { commit: A, text: "1\n2\n3\n" },
          { commit: B, text: next },
          { commit: C, text: `${next}4\n` },
        ],
        true,
      );
      expect(w.break).toMatchObject({ line, commit: B });
      expect(w.versions).toBe(2);
      expect(w.lines).toHaveLength(line - 1);
    },
  );

  it("a deleted file is a break; export goes on and re-dates only the changed lines", () => {
    expect(
      walkVersions(
        [
          { commit: A, text: "1\n" },
          { commit: B, text: null },
        ],
        true,
      ).break,
    ).toMatchObject({ line: 1 });
    const w = walkVersions(
      [
        { commit: A, text: "1\n2\n3\n" },
        { commit: B, text: "1\nX\n3\n" },
      ],
      false,
    );
    expect(w.lines.map((l) => l.origin)).toStrictEqual([A, B, A]);
  });

  it("every append-only history verifies, and every line's origin is the version that added it (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.stringMatching(/^[a-z0-9 {}":]{0,12}$/), {
            maxLength: 4,
          }),
          { minLength: 1, maxLength: 6 },
        ),
        (chunks) => {
          let text = "";
          const versions = chunks.map((chunk, i) => {
            text += chunk.map((l) => `${l}\n`).join("");
            return { commit: String(i).repeat(40), text };
          });
          const w = walkVersions(versions, true);
          expect(w.break).toBeNull();
          let n = 0;
          chunks.forEach((chunk, i) => {
            for (const _l of chunk)
              expect(w.lines[n++]?.origin).toBe(String(i).repeat(40));
          });
        },
      ),
    );
  });
});

// A line spelled as the writer spells it: `", "` and `": "` separators (F-EV-1).
function spaced(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(spaced).join(", ")}]`;
  if (typeof value === "object" && value !== null)
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${spaced(v)}`)
      .join(", ")}}`;
  return JSON.stringify(value);
}
const line = (
  payload: Record<string, unknown>,
  type = "task_started",
  version = "0.4.0",
) =>
  spaced({
    timestamp: "2026-11-22T02:01:24.506000+00:00",
    correlation_id: "FEAT-2026-0001/T01",
    event_type: type,
    source: "driver",
    source_version: version,
    payload,
  });

describe("checkEventLine (AU-VER-1 event_invalid, AU-EV-2)", () => {
  const started = {
    type: "implementation",
    model: "sonnet",
    effort: "medium",
    re_arm_count: 0,
  };

  it("accepts our own lines, reference-era lines and unknown types (counted, not flagged)", () => {
    expect(checkEventLine(line(started))).toMatchObject({
      kind: "event",
      isLegacy: true,
      isUnknownType: false,
    });
    expect(
      checkEventLine(
        line(
          { type: "implementation", model: "claude-sonnet-4-6" },
          "task_started",
          "0.2.0",
        ),
      ),
    ).toMatchObject({ kind: "event" });
    expect(checkEventLine(line({ anything: 1 }, "lane_opened"))).toMatchObject({
      kind: "event",
      isUnknownType: true,
    });
  });

  it.each<[string, string, RegExp]>([
    ["a blank line", "", /blank/],
    ["broken JSON", "{", /not JSON/],
    ["an array", "[]", /not a JSON object/],
    [
      "a missing envelope key",
      '{"timestamp": "2026-11-22T02:01:24.506000+00:00"}',
      /envelope keys/,
    ],
    [
      "a bad timestamp",
      line(started).replace("2026-11-22T02", "2026-13-22T02"),
      /timestamp/,
    ],
    [
      "a misspelt payload key in our own version",
      line({ ...started, modle: "x" }),
      /additional/,
    ],
    [
      "a payload key missing in our own version",
      line({ type: "implementation", model: "sonnet", effort: "medium" }),
      /re_arm_count/,
    ],
    [
      "a malformed transitions entry",
      line({
        ...started,
        transitions: [{ entity: "lane", id: "x", from: null, to: "y" }],
      }),
      /transitions/,
    ],
    [
      "a commit key off task_completed",
      line({ ...started, commit: "abc" }),
      /task_completed only/,
    ],
    [
      "an audit-version line without actor",
      line(started, "task_started", "0.5.0"),
      /lacks actor/,
    ],
    [
      "an audit-version table event without transitions",
      line(
        { ...started, actor: "driver", trigger: "run" },
        "task_started",
        "0.5.0",
      ),
      /lacks transitions/,
    ],
  ])("rejects %s", (_name, raw, message) => {
    const r = checkEventLine(raw);
    expect(r.kind).toBe("invalid");
    if (r.kind === "invalid") expect(r.message).toMatch(message);
  });

  it("accepts the audit keys on our own version (wave 2 writes them), and the four new event types", () => {
    const audited = {
      ...started,
      transitions: [
        {
          entity: "unit",
          id: "FEAT-2026-0001/T01",
          from: "pending",
          to: "in_progress",
        },
      ],
      actor: "driver",
      trigger: "run",
    };
    expect(
      checkEventLine(line(audited, "task_started", "0.5.0")),
    ).toMatchObject({ kind: "event", isLegacy: false });
    expect(
      checkEventLine(
        line(
          { gates: [1, 2], transitions: [], actor: "driver", trigger: "run" },
          "feature_completed",
          "0.5.0",
        ),
      ),
    ).toMatchObject({ kind: "event", isUnknownType: false });
    expect(
      checkEventLine(
        line(
          { attempts: 1, attempts_usage: [], commit: null },
          "task_completed",
        ),
      ),
    ).toMatchObject({ kind: "event" });
  });
});

function ev(
  n: number,
  type: string,
  payload: Record<string, unknown>,
  id = "FEAT-2026-0001/T01",
  origin: string | null = A,
): TrailEvent {
  const event: StoredEvent = {
    timestamp: "",
    correlation_id: id,
    event_type: type,
    source: "driver",
    source_version: "0.5.0",
    payload,
  };
  return { line: n, origin, event, isLegacy: !("transitions" in payload) };
}
const t = (
  from: string | null,
  to: string,
  extra: Record<string, unknown> = {},
) => ({ entity: "unit", id: "FEAT-2026-0001/T01", from, to, ...extra });

describe("checkTransitions (AU-VER-1 transition_illegal, transition_gap)", () => {
  it("a legal sequence with hand edits between rows is clean", () => {
    expect(
      checkTransitions([
        ev(1, "task_started", {
          transitions: [t("pending", "in_progress")],
          trigger: "run",
        }),
        ev(2, "human_escalation", {
          transitions: [t("in_progress", "blocked_human")],
          trigger: "run",
        }),
        // a hand edit blocked_human → pending → ready happens here, unrecorded
        ev(3, "task_started", {
          transitions: [t("ready", "in_progress")],
          trigger: "run",
        }),
        ev(4, "task_completed", {
          transitions: [t("in_progress", "done")],
          trigger: "run",
        }),
      ]),
    ).toStrictEqual([]);
  });

  it("AU-TEST-2 shape: abandoned → done by run is no row; done → done after a second completion is a gap", () => {
    const found = checkTransitions([
      ev(1, "task_started", {
        transitions: [t("pending", "in_progress")],
        trigger: "run",
      }),
      ev(2, "task_completed", {
        transitions: [t("abandoned", "done")],
        trigger: "run",
      }),
      ev(3, "task_completed", {
        transitions: [t("in_progress", "done")],
        trigger: "run",
      }),
    ]);
    expect(found.map((f) => [f.kind, f.line])).toStrictEqual([
      ["transition_illegal", 2],
      ["transition_gap", 2],
      ["transition_gap", 3],
    ]);
    expect(found[0]?.message).toContain(
      "unit FEAT-2026-0001/T01: abandoned → done is no transition-table row of run",
    );
  });

  it("`by: agent` overrides the trigger; legacy lines are skipped, and an entity first seen after them has no known predecessor", () => {
    expect(
      checkTransitions([
        ev(1, "task_completed", {
          transitions: [
            {
              entity: "feature",
              id: "FEAT-2026-0001",
              from: "active",
              to: "done",
              by: "agent",
            },
          ],
          trigger: "run",
        }),
      ]),
    ).toStrictEqual([]);
    const legacyFirst = [
      ev(1, "human_escalation", { attempts: 1 }),
      ev(2, "wu_unblocked", {
        transitions: [t("blocked_human", "pending")],
        trigger: "unblock",
      }),
    ];
    expect(checkTransitions(legacyFirst)).toStrictEqual([]);
    expect(checkTransitions(legacyFirst.slice(1))).toMatchObject([
      { kind: "transition_gap", line: 2 },
    ]);
  });
});

function commit(
  sha: string,
  subject: string,
  trailers: Array<[string, string]>,
  paths: string[] = [],
): CommitFacts {
  return { sha, parent: "p".repeat(40), subject, trailers, paths };
}
const TRAILERS: Array<[string, string]> = [
  ["Feature", "FEAT-2026-0001/T01"],
  ["Work-Unit-Type", "implementation"],
  ["Attempts", "2"],
  ["Model", "sonnet"],
  ["Verified-By", "tests, lint"],
  ["Cost-USD", "0.5"],
];
const ORACLE: ParentOracle = {
  sets: new Map([
    ["code", ["tests", "lint"]],
    ["doc", ["links"]],
  ]),
  costTracking: true,
  extraGates: [],
};
const done = (n: number, origin: string | null = A) =>
  ev(
    n,
    "task_completed",
    {
      attempts: 2,
      attempts_usage: [
        { attempt: 1, duration_seconds: 1.0, cost_usd: 0.2 },
        { attempt: 2, duration_seconds: 1.0, cost_usd: 0.3 },
      ],
    },
    "FEAT-2026-0001/T01",
    origin,
  );

describe("matchCompletions and checkCompletion (AU-VER-1 commit_missing, trailer_mismatch, oracle_modified)", () => {
  it("pairs in file order with the newest unclaimed squash not newer than the recording commit; chore( commits never count", () => {
    const squash1 = commit(B, "feat: Do T01", TRAILERS);
    const squash2 = commit(C, "feat: Do T01", TRAILERS);
    const chore = commit("d".repeat(40), "chore(loop): x", [
      ["Feature", "FEAT-2026-0001/T01"],
    ]);
    // first-parent order, newest first: chore, squash2, A (records event 1), squash1
    const order = [chore.sha, C, A, B];
    const m = matchCompletions(
      [done(1, A), done(2, null), done(3, null)],
      [chore, squash2, squash1],
      new Map(),
      order,
    );
    expect(m.map((x) => x.commit?.sha ?? null)).toStrictEqual([B, C, null]);
    expect(checkCompletion(m[2] as never, null, null)).toMatchObject([
      { kind: "commit_missing", line: 3, commit: null },
    ]);
  });

  it("a payload commit not on HEAD's history is missing", () => {
    const m = matchCompletions(
      [
        ev(1, "task_completed", {
          attempts: 1,
          attempts_usage: [],
          commit: "e".repeat(40),
        }),
      ],
      [],
      new Map([["e".repeat(40), null]]),
    );
    expect(checkCompletion(m[0] as never, null, null)[0]?.message).toContain(
      "is not on HEAD's history",
    );
  });

  it("the F-GIT-1 trailers that agree with the events pass", () => {
    const c = {
      trail: done(1),
      unitId: "FEAT-2026-0001/T01",
      commit: commit(B, "feat: x", TRAILERS),
      via: "trailer" as const,
    };
    expect(trailerProblems(c, ORACLE, "sonnet")).toStrictEqual([]);
    expect(checkCompletion(c, ORACLE, "sonnet")).toStrictEqual([]);
  });

  it.each<[string, Array<[string, string]>, ParentOracle, RegExp]>([
    [
      "a dropped trailer",
      TRAILERS.filter(([k]) => k !== "Model"),
      ORACLE,
      /trailers are Feature, Work-Unit-Type, Attempts, Verified-By, Cost-USD/,
    ],
    [
      "reordered trailers",
      [TRAILERS[1], TRAILERS[0], ...TRAILERS.slice(2)] as Array<
        [string, string]
      >,
      ORACLE,
      /expected Feature/,
    ],
    [
      "other attempts",
      TRAILERS.map(([k, v]) => [k, k === "Attempts" ? "3" : v]),
      ORACLE,
      /Attempts is 3; the event says 2/,
    ],
    [
      "another model",
      TRAILERS.map(([k, v]) => [k, k === "Model" ? "opus" : v]),
      ORACLE,
      /Model is opus/,
    ],
    [
      "another cost",
      TRAILERS.map(([k, v]) => [k, k === "Cost-USD" ? "0.51" : v]),
      ORACLE,
      /Cost-USD is 0.51/,
    ],
    [
      "a missing cost while tracking",
      TRAILERS.slice(0, 5),
      ORACLE,
      /Cost-USD is absent/,
    ],
    [
      "a check outside the unit's sets",
      TRAILERS.map(([k, v]) => [k, k === "Verified-By" ? "tests, links" : v]),
      ORACLE,
      /Verified-By names links/,
    ],
  ])("%s is a mismatch", (_name, trailers, oracle, message) => {
    const c = {
      trail: done(1),
      unitId: "FEAT-2026-0001/T01",
      commit: commit(B, "feat: x", trailers),
      via: "trailer" as const,
    };
    const found = checkCompletion(c, oracle, "sonnet");
    expect(found.map((f) => f.kind)).toStrictEqual(["trailer_mismatch"]);
    expect(found[0]?.message).toMatch(message);
  });

  it("cost within 1e-6 passes; no cost trailer is right when tracking is off; extra_gates widen the sets", () => {
    const near = TRAILERS.map(([k, v]): [string, string] => [
      k,
      k === "Cost-USD" ? "0.5000005" : v,
    ]);
    const base = {
      trail: done(1),
      unitId: "FEAT-2026-0001/T01",
      via: "trailer" as const,
    };
    expect(
      trailerProblems(
        { ...base, commit: commit(B, "feat: x", near) },
        ORACLE,
        "sonnet",
      ),
    ).toStrictEqual([]);
    expect(
      trailerProblems(
        { ...base, commit: commit(B, "feat: x", TRAILERS.slice(0, 5)) },
        { ...ORACLE, costTracking: false },
        "sonnet",
      ),
    ).toStrictEqual([]);
    const withDoc = TRAILERS.map(([k, v]): [string, string] => [
      k,
      k === "Verified-By" ? "tests, links" : v,
    ]);
    expect(
      trailerProblems(
        { ...base, commit: commit(B, "feat: x", withDoc) },
        { ...ORACLE, extraGates: ["doc"] },
        "sonnet",
      ),
    ).toStrictEqual([]);
  });

  it("a pass commit touching verification.yml or config.yml (below a prefix too) is oracle_modified", () => {
    const c = {
      trail: done(1),
      unitId: "FEAT-2026-0001/T01",
      commit: commit(B, "feat: x", TRAILERS, [
        "src/a.ts",
        "sub/.specfuse/config.yml",
      ]),
      via: "trailer" as const,
    };
    expect(
      checkCompletion(c, ORACLE, "sonnet", "sub").map((v) => [
        v.kind,
        v.commit,
      ]),
    ).toStrictEqual([["oracle_modified", B]]);
  });
});

describe("CSV and the export (AU-VER-3)", () => {
  it.each<[string, string]>([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=SUM(A1)", "'=SUM(A1)"],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@cmd", "'@cmd"],
    ["\tx", "'\tx"],
    ["\rx", '"\'\rx"'],
  ])("csvCell(%j) is %j", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it("records are CRLF-terminated; the payload keeps its stored float spelling", () => {
    expect(csvRecord(["a", "b"])).toBe("a,b\r\n");
    const raw = line({ attempt: 1, cost_usd: 1 }, "attempt_outcome").replace(
      '"cost_usd": 1',
      '"cost_usd": 0.0',
    );
    expect(rawPayload({ raw, event: JSON.parse(raw) as StoredEvent })).toBe(
      '{"attempt": 1, "cost_usd": 0.0}',
    );
  });

  it("rows merge by timestamp across files, filter like log, and render as csv and jsonl", () => {
    const walk = (lines: string[], origin: string | null) => ({
      lines: lines.map((raw, i) => ({ line: i + 1, raw, origin })),
      break: null,
      versions: 1,
    });
    const early = line({ gate: 1 }, "gate_reached").replace(
      "02:01:24",
      "01:00:00",
    );
    const late = line({ gate: 2 }, "gate_reached");
    const { rows, skipped } = exportRows(
      [
        { file: "b/events.jsonl", walk: walk([late, "not json"], B) },
        { file: "a/events.jsonl", walk: walk([early], null) },
      ],
      { type: "gate_reached" },
    );
    expect(rows.map((r) => [r.file, r.line, r.origin])).toStrictEqual([
      ["a/events.jsonl", 1, null],
      ["b/events.jsonl", 1, B],
    ]);
    expect(skipped).toStrictEqual([{ file: "b/events.jsonl", lines: [2] }]);
    expect(renderCsv(rows).split("\r\n")[1]).toBe(
      'a/events.jsonl,1,,2026-11-22T01:00:00.506000+00:00,FEAT-2026-0001/T01,gate_reached,,,0.4.0,"{""gate"": 1}"',
    );
    expect(renderJsonl(rows).split("\n")[1]).toBe(
      `{"file":"b/events.jsonl","line":1,"commit":"${B}","event":${late}}`,
    );
  });
});

describe("log modes and the verify report (AU-VER-2)", () => {
  it("picks one mode and refuses mixes with a usage error", () => {
    expect(logMode({})).toBe("print");
    expect(logMode({ follow: true })).toBe("follow");
    expect(logMode({ verify: true, json: true })).toBe("verify");
    expect(logMode({ export: "csv", wu: "T01", since: "1d" })).toBe("export");
    for (const bad of [
      { verify: true, follow: true },
      { export: "csv", json: true },
      { verify: true, limit: 3 },
    ])
      expect(() => logMode(bad)).toThrow(
        expect.objectContaining({ code: "usage" }),
      );
  });

  it("sorts violations by file, line and kind, prints them with the short SHA, and fails naming the first", () => {
    const v = (
      file: string,
      n: number,
      kind: Violation["kind"],
      sha: string | null,
    ): Violation => ({ kind, file, line: n, commit: sha, message: "m" });
    const sorted = sortViolations([
      v("b", 1, "event_invalid", null),
      v("a", 9, "oracle_modified", B),
      v("a", 9, "commit_missing", A),
    ]);
    expect(sorted.map((x) => `${x.file}:${x.line}:${x.kind}`)).toStrictEqual([
      "a:9:commit_missing",
      "a:9:oracle_modified",
      "b:1:event_invalid",
    ]);
    const report = {
      files: [
        {
          file: "a",
          events: 3,
          versions: 2,
          legacy_events: 3,
          unknown_events: 0,
        },
      ],
      violations: sorted,
    };
    expect(renderVerify(report)).toStrictEqual([
      `a:9: commit_missing: m (${A.slice(0, 12)})`,
      `a:9: oracle_modified: m (${B.slice(0, 12)})`,
      "b:1: event_invalid: m (working tree)",
      "log --verify: 3 violations in 2 files (1 file, 3 events (3 legacy, without transitions))",
    ]);
    expect(renderVerify({ ...report, violations: [] })).toStrictEqual([
      "log --verify: no violations in 1 file, 3 events (3 legacy, without transitions)",
    ]);
    expect(verifyFailure(report)).toMatchObject({
      code: "log_verify_failed",
      file: "a",
      line: 9,
    });
  });
});
