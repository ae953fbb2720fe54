import {
  lintFeature,
  type FeatureReport,
} from "../../src/lint/lint-feature.js";
import { parsePlan } from "../../src/plan/parse-plan.js";
import type { Diagnostic } from "../../src/types/diagnostic.js";
import { joinDisplay } from "../../src/workspace/paths.js";
import type { FeatureSnapshot } from "../../src/types/feature-snapshot.js";
import type { FileRead } from "../../src/types/feature-snapshot.js";

/** Files of a feature folder, by path relative to it; a FileRead stands for an unusual file. */
export type Tree = Record<string, string | FileRead>;

const ID = "FEAT-2026-0101";

// The five mandatory sections, written fresh for these tests.
export const BODY = `# Export the tide table

**Objective.** Write the tide table as CSV.

**Context.** Harbour staff paste the table into a spreadsheet every morning.

**Acceptance criteria.**
- The export has one row per tide.
- Times are in UTC.

**Do not touch.** The tide prediction model.

**Verification.** The code set.

**Escalation triggers.** A change to the prediction model would be needed.
`;

// A WU file from frontmatter lines and a body.
export function wu(frontmatter: string[], body = BODY): string {
  return `---\n${frontmatter.join("\n")}\n---\n\n${body}`;
}

// A GATE file.
export function gateFile(n: number, extra: string[] = []): string {
  return `---\ngate: ${n}\nstatus: open\n${extra.map((l) => `${l}\n`).join("")}---\n\n# Gate ${n}\n`;
}

const PLAN_FM = [
  `feature_id: ${ID}`,
  "title: Tide table export",
  "branch: feat/FEAT-2026-0101-tide-export",
  "roadmap_goal: Harbour staff get the tide table as a spreadsheet.",
  "status: active",
  "planned_cost_usd: 3.0",
];

// The graph of the base feature: two gates, the NEW closing shapes.
export const BASE_GRAPH = `gates:
  - gate: 1
    file: GATE-01.md
    work_units:
      - id: ${ID}/T01
        file: WU-01-export.md
        depends_on: []
      - id: ${ID}/T02
        file: WU-02-utc.md
        depends_on: [${ID}/T01]
      - id: ${ID}/G1-CLOSE-INTERMEDIATE
        file: WU-90-g1-close.md
        depends_on: [${ID}/T02]
      - id: ${ID}/G1-PLAN
        file: WU-91-g1-plan.md
        depends_on: [${ID}/G1-CLOSE-INTERMEDIATE]
  - gate: 2
    file: GATE-02.md
    work_units:
      - id: ${ID}/T03
        file: WU-03-columns.md
        depends_on: [${ID}/T02]
      - id: ${ID}/G2-CLOSE
        file: WU-92-g2-close.md
        depends_on: [${ID}/T03]`;

// PLAN.md from frontmatter lines and graph YAML (the fence opens on line 12 with the default frontmatter).
export function planText(
  graph = BASE_GRAPH,
  frontmatter: string[] = PLAN_FM,
): string {
  return `---\n${frontmatter.join("\n")}\n---\n\n# Plan: tide table export\n\n\`\`\`yaml\n${graph}\n\`\`\`\n`;
}

// File line of the fenced graph's first line with the default frontmatter.
export const GRAPH_LINE = 13;

function unitFm(id: string, type: string, extra: string[] = []): string[] {
  return [
    `id: ${ID}/${id}`,
    `type: ${type}`,
    "status: pending",
    "planned_cost_usd: 0.5",
    ...extra,
  ];
}

// A valid two-gate feature that lints clean.
export function base(): Tree {
  return {
    "PLAN.md": planText(),
    "GATE-01.md": gateFile(1),
    "GATE-02.md": gateFile(2),
    "WU-01-export.md": wu(
      unitFm("T01", "implementation", ["produces: [src/export.ts]"]),
    ),
    "WU-02-utc.md": wu(
      unitFm("T02", "implementation", ["produces: [src/utc.ts]"]),
    ),
    "WU-90-g1-close.md": wu(
      unitFm("G1-CLOSE-INTERMEDIATE", "close-intermediate"),
    ),
    "WU-91-g1-plan.md": wu(unitFm("G1-PLAN", "plan-next")),
    "WU-03-columns.md": wu(
      unitFm("T03", "implementation", ["produces: [src/columns.ts]"]),
    ),
    "WU-92-g2-close.md": wu(unitFm("G2-CLOSE", "close")),
  };
}

// A copy of a tree with one file's text edited (the edit must apply).
export function edit(
  tree: Tree,
  file: string,
  from: string | RegExp,
  to: string,
): Tree {
  const text = tree[file];
  if (typeof text !== "string") throw new Error(`no text file ${file}`);
  const next = text.replace(from, to);
  if (next === text)
    throw new Error(`edit of ${file} changed nothing: ${String(from)}`);
  return { ...tree, [file]: next };
}

// A copy of a tree with files replaced or removed (undefined removes).
export function withFiles(
  tree: Tree,
  files: Record<string, string | FileRead | undefined>,
): Tree {
  const next: Tree = { ...tree };
  for (const [name, content] of Object.entries(files)) {
    if (content === undefined) delete next[name];
    else next[name] = content;
  }
  return next;
}

// A FeatureSnapshot built in memory, keyed exactly as readFeature keys it.
export function snapshotOf(tree: Tree, dir = "feat"): FeatureSnapshot {
  const entry = tree["PLAN.md"];
  const plan: FileRead =
    entry === undefined
      ? { kind: "missing" }
      : typeof entry === "string"
        ? { kind: "file", text: entry }
        : entry;
  const files = new Map<string, FileRead>();
  for (const [name, content] of Object.entries(tree))
    if (name !== "PLAN.md")
      files.set(
        joinDisplay(dir, name),
        typeof content === "string" ? { kind: "file", text: content } : content,
      );
  return {
    dir,
    absDir: `/nowhere/${dir}`,
    plan,
    planDoc: plan.kind === "file" ? parsePlan(plan.text) : null,
    files,
  };
}

// Lints an in-memory tree.
export function lintTree(
  tree: Tree,
  options: {
    strict?: boolean;
    justClosedGate?: number | null;
    dir?: string;
  } = {},
): FeatureReport {
  return lintFeature(snapshotOf(tree, options.dir ?? "feat"), {
    strict: options.strict ?? false,
    justClosedGate: options.justClosedGate ?? null,
  });
}

/** The parts of a diagnostic most tests compare. */
export interface Where {
  rule?: string;
  file: string;
  line: number | null;
  gate?: number | string | null;
}

// The diagnostics of one rule as {file, line, gate}.
export function where(
  report: FeatureReport | Diagnostic[],
  rule: string,
): Where[] {
  const list = Array.isArray(report) ? report : report.diagnostics;
  return list
    .filter((d) => d.rule === rule)
    .map((d) => ({ file: d.file, line: d.line, gate: d.gate }));
}

// Every diagnostic as "rule file:line".
export function brief(report: FeatureReport): string[] {
  return report.diagnostics.map((d) => `${d.rule} ${d.file}:${d.line ?? "-"}`);
}
