import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TRANSITION_ROWS } from "../../src/audit/transition-table.js";
import { base, lintTree, where, withFiles, wu, type Tree } from "./helpers.js";

const ID = "FEAT-2026-0101";

// The base feature's units: file, graph suffix, type and gate.
const UNITS = [
  ["WU-01-export.md", "T01", "implementation", "[src/export.ts]"],
  ["WU-02-utc.md", "T02", "implementation", "[src/utc.ts]"],
  ["WU-90-g1-close.md", "G1-CLOSE-INTERMEDIATE", "close-intermediate", null],
  ["WU-91-g1-plan.md", "G1-PLAN", "plan-next", null],
  ["WU-03-columns.md", "T03", "implementation", "[src/columns.ts]"],
  ["WU-92-g2-close.md", "G2-CLOSE", "close", null],
] as const;

type Keys = Record<string, string | number | boolean | string[]>;

function yamlOf(v: Keys[string]): string {
  return Array.isArray(v) ? `[${v.join(", ")}]` : String(v);
}

// A WU file of the base feature with the given status and extra keys.
function unitFile(index: number, keys: Keys): string {
  const [, suffix, type, produces] = UNITS[index] ?? UNITS[0];
  const lines = [
    `id: ${ID}/${suffix}`,
    `type: ${type}`,
    ...Object.entries(keys).map(([k, v]) => `${k}: ${yamlOf(v)}`),
    "planned_cost_usd: 0.5",
    ...(produces === null ? [] : [`produces: ${produces}`]),
  ];
  return wu(lines);
}

function treeWith(units: Record<number, Keys>): Tree {
  const files: Record<string, string> = {};
  for (const [i, keys] of Object.entries(units))
    files[UNITS[Number(i)]?.[0] ?? ""] = unitFile(Number(i), keys);
  return withFiles(base(), files);
}

function fired(tree: Tree) {
  return where(lintTree(tree), "status-impossible");
}

describe("status-impossible (AU-LINT-1)", () => {
  it.each<[string, Keys]>([
    ["a: blocked_human with attempts absent", { status: "blocked_human" }],
    [
      "a: blocked_human with attempts 0",
      { status: "blocked_human", attempts: 0 },
    ],
    ["b: a draft with attempts ≥ 1", { status: "draft", attempts: 1 }],
    ["b: a draft with re_arm_count ≥ 1", { status: "draft", re_arm_count: 2 }],
    ["b: a draft with cost_usd", { status: "draft", cost_usd: 0.1 }],
    [
      "b: a draft with duration_seconds",
      { status: "draft", duration_seconds: 3.5 },
    ],
    [
      "b: a draft with cumulative_cost_usd",
      { status: "draft", cumulative_cost_usd: 0.2 },
    ],
    [
      "c: auto_close on a pending unit",
      { status: "pending", auto_close: true },
    ],
    [
      "c: auto_close on a done implementation unit",
      { status: "done", attempts: 1, auto_close: true },
    ],
  ])("AU-TEST-1 case %s fails, at the status line", (_name, keys) => {
    expect(fired(treeWith({ 0: keys }))).toStrictEqual([
      { file: "feat/WU-01-export.md", line: 4, gate: null },
    ]);
  });

  it("AU-TEST-1 case d: a done unit without attempts or auto_close, in a gate that holds a draft", () => {
    const tree = treeWith({ 0: { status: "done" }, 1: { status: "draft" } });
    expect(fired(tree)).toStrictEqual([
      { file: "feat/WU-01-export.md", line: 4, gate: null },
    ]);
    const message = lintTree(tree).diagnostics.find(
      (d) => d.rule === "status-impossible",
    );
    expect(message).toMatchObject({ severity: "error" });
    expect(message?.message).toContain("still holds a draft");
  });

  it("case d holds only within the gate: a draft in another gate, or attempts, or auto_close, clears it", () => {
    expect(
      fired(treeWith({ 0: { status: "done" }, 4: { status: "draft" } })),
    ).toStrictEqual([]);
    expect(
      fired(
        treeWith({
          0: { status: "done", attempts: 1 },
          1: { status: "draft" },
        }),
      ),
    ).toStrictEqual([]);
    expect(
      fired(
        treeWith({
          2: { status: "done", auto_close: true },
          1: { status: "draft" },
        }),
      ),
    ).toStrictEqual([]);
    expect(fired(treeWith({ 0: { status: "done" } }))).toStrictEqual([]);
  });

  it("reports once per case: a blocked_human unit with auto_close is cases a and c", () => {
    const report = lintTree(
      treeWith({ 0: { status: "blocked_human", auto_close: true } }),
    );
    const messages = report.diagnostics
      .filter((d) => d.rule === "status-impossible")
      .map((d) => d.message.slice(0, 30));
    expect(messages).toHaveLength(2);
  });

  it("does not fire on the states the driver writes", () => {
    for (const keys of [
      { status: "blocked_human", attempts: 3, duration_seconds: 1.5 },
      { status: "draft" },
      { status: "done", attempts: 2, cost_usd: 0.4 },
      { status: "pending", attempts: 0, re_arm_count: 1 },
      { status: "in_review" },
    ] as Keys[])
      expect(fired(treeWith({ 0: keys })), JSON.stringify(keys)).toStrictEqual(
        [],
      );
    expect(
      fired(
        treeWith({
          2: { status: "done", auto_close: true, auto_close_reasons: [] },
        }),
      ),
    ).toStrictEqual([]);
  });

  // The frontmatter effects of each unit row, as the driver writes them (formats.md F-WU-3, F-WU-4).
  function applyRow(
    id: string,
    keys: Keys,
    type: string,
    choice: number,
  ): Keys | null {
    const attempts = typeof keys.attempts === "number" ? keys.attempts : 0;
    switch (id) {
      case "U2":
        return { ...keys, status: "pending" };
      case "U3":
        return { ...keys, status: "abandoned" };
      case "U4": {
        const fold: Keys =
          typeof keys.cost_usd === "number" && (keys.re_arm_count ?? 0) !== 0
            ? { cumulative_cost_usd: keys.cost_usd }
            : {};
        return {
          ...keys,
          ...fold,
          status: "in_progress",
          attempts: attempts + 1,
        };
      }
      case "U5":
        if (type !== "close" && type !== "close-intermediate") return null;
        return {
          ...keys,
          status: "done",
          auto_close: true,
          auto_close_reasons: [],
        };
      case "U6":
        return {
          ...keys,
          status: "done",
          duration_seconds: 1.5,
          cost_usd: 0.25,
        };
      case "U7":
        return { ...keys, status: "blocked_human", duration_seconds: 2.5 };
      case "U8":
        return {
          ...keys,
          status: "pending",
          attempts: choice % 2 === 0 ? attempts - 1 : attempts,
        };
      case "U9": {
        const n = typeof keys.re_arm_count === "number" ? keys.re_arm_count : 0;
        return { ...keys, status: "pending", attempts: 0, re_arm_count: n + 1 };
      }
      default:
        return null;
    }
  }

  it("AU-TEST-1 random sequences of legal unit rows never produce a status-impossible state (property)", () => {
    const unitRows = TRANSITION_ROWS.filter(
      (r) => r.entity === "unit" && r.id !== "U1",
    );
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), {
          minLength: UNITS.length,
          maxLength: UNITS.length,
        }),
        fc.array(fc.tuple(fc.nat(UNITS.length - 1), fc.nat(20), fc.nat(3)), {
          maxLength: 25,
        }),
        (isDraft, steps) => {
          // ∅ → draft is row U1 (plan-next); ∅ → pending is the hand-authored unit.
          const state: Keys[] = isDraft.map((d) => ({
            status: d ? "draft" : "pending",
          }));
          for (const [unit, pick, choice] of steps) {
            const keys = state[unit] ?? {};
            const legal = unitRows.filter((r) =>
              r.from.includes(String(keys.status)),
            );
            const r = legal[pick % Math.max(legal.length, 1)];
            if (r === undefined) continue;
            const next = applyRow(r.id, keys, UNITS[unit]?.[2] ?? "", choice);
            if (next !== null) state[unit] = next;
          }
          const tree = treeWith(
            Object.fromEntries(state.map((k, i) => [i, k])),
          );
          expect(fired(tree)).toStrictEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});
