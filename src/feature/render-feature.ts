import { formatString } from "../yaml/format-yaml-value.js";
import {
  closeBody,
  closeIntermediateBody,
  planNextBody,
  type ClosingFacts,
} from "./closing-units.js";

/** One implementation unit of gate 1: its file slug and its text once its id is known. */
export interface UnitSpec {
  /** `WU-<NN>-<fileSlug>.md`. */
  fileSlug: string;
  render(id: string): string;
}

/** Everything a new feature folder is built from (github.md GH-ADOPT-5; issue 16 `new`). */
export interface FeatureDraft {
  featureId: string;
  title: string;
  slug: string;
  folder: string;
  branch: string;
  /** PLAN `base`; null leaves the key out. */
  base: string | null;
  autonomy: string;
  /** PLAN `source_issue_url`; null leaves the key out. */
  sourceIssueUrl: string | null;
  /** Repo-relative folder path. */
  dir: string;
  /** The paragraph under the PLAN's title. */
  intro: string;
  units: UnitSpec[];
  /** Number of gates, at least 1; the last one ends with `close`, the others with close-intermediate and plan-next. */
  gates: number;
}

/** One file of the folder, in write order. */
export interface DraftFile {
  name: string;
  text: string;
}

/** A status transition the new folder makes (audit.md AU-EV-1 `transitions`). */
export interface DraftTransition {
  entity: "feature" | "gate" | "unit";
  id: string;
  from: null;
  to: string;
}

/** The rendered folder. */
export interface RenderedFeature {
  files: DraftFile[];
  transitions: DraftTransition[];
}

interface GraphEntry {
  id: string;
  file: string;
  dependsOn: string[];
  type: string;
  body: string | null;
}

const pad = (n: number) => String(n).padStart(2, "0");

// The closing shape of F-GRAPH-9 for gate `g` of `total`: close alone on the last gate, else close-intermediate then plan-next.
function closingEntries(
  d: FeatureDraft,
  g: number,
  dependsOn: string[],
): GraphEntry[] {
  const facts: ClosingFacts = { featureId: d.featureId, gate: g, dir: d.dir };
  if (g === d.gates)
    return [
      {
        id: `${d.featureId}/G${g}-CLOSE`,
        file: `WU-90-gate-${g}-close.md`,
        dependsOn,
        type: "close",
        body: closeBody(facts),
      },
    ];
  const ci = `${d.featureId}/G${g}-CLOSE-INTERMEDIATE`;
  return [
    {
      id: ci,
      file: `WU-90-gate-${g}-close-intermediate.md`,
      dependsOn,
      type: "close-intermediate",
      body: closeIntermediateBody(facts),
    },
    {
      id: `${d.featureId}/G${g}-PLAN`,
      file: `WU-91-gate-${g}-plan-next.md`,
      dependsOn: [ci],
      type: "plan-next",
      body: planNextBody(facts),
    },
  ];
}

function gateEntries(d: FeatureDraft): GraphEntry[][] {
  const units: GraphEntry[] = d.units.map((u, i) => {
    const id = `${d.featureId}/T${pad(i + 1)}`;
    return {
      id,
      file: `WU-${pad(i + 1)}-${u.fileSlug}.md`,
      dependsOn: [],
      type: "implementation",
      body: u.render(id),
    };
  });
  const gates: GraphEntry[][] = [
    [
      ...units,
      ...closingEntries(
        d,
        1,
        units.map((u) => u.id),
      ),
    ],
  ];
  for (let g = 2; g <= d.gates; g++) gates.push(closingEntries(d, g, []));
  return gates;
}

function graphYaml(gates: GraphEntry[][]): string[] {
  const lines = ["gates:"];
  gates.forEach((entries, i) => {
    lines.push(
      `  - gate: ${i + 1}`,
      `    file: GATE-${pad(i + 1)}.md`,
      "    work_units:",
    );
    for (const e of entries)
      lines.push(
        `      - id: ${e.id}`,
        `        file: ${e.file}`,
        `        depends_on: [${e.dependsOn.join(", ")}]`,
      );
  });
  return lines;
}

function planText(d: FeatureDraft, gates: GraphEntry[][]): string {
  const fm = [
    `feature_id: ${formatString(d.featureId)}`,
    `title: ${formatString(d.title)}`,
    `slug: ${formatString(d.slug)}`,
    `branch: ${formatString(d.branch)}`,
    ...(d.base === null ? [] : [`base: ${formatString(d.base)}`]),
    `roadmap_goal: ${formatString(d.title)}`,
    `autonomy_default: ${formatString(d.autonomy)}`,
    "status: planned",
    ...(d.sourceIssueUrl === null
      ? []
      : [`source_issue_url: ${formatString(d.sourceIssueUrl)}`]),
  ];
  return [
    "---",
    ...fm,
    "---",
    `# Plan: ${d.title}`,
    "",
    d.intro,
    "",
    "This file owns the order of gates and the dependency edges between units. The status of each gate",
    "lives in its `GATE-NN.md` and the status of each unit in its own `WU-*.md`; change those with",
    "`specfuse arm` and `specfuse unblock` rather than by hand.",
    "",
    "## Task graph",
    "",
    "```yaml",
    ...graphYaml(gates),
    "```",
    "",
    "## Notes",
    "",
    "- Every unit starts as `draft`: review and edit them, then `specfuse arm` turns them `pending`.",
    "",
  ].join("\n");
}

function gateText(d: FeatureDraft, g: number): string {
  return [
    "---",
    `gate: ${g}`,
    "status: open",
    "---",
    `# Gate ${g} — ${d.title}`,
    "",
    "## Definition of done",
    "",
    "- Every unit of this gate is `done` (or deliberately `abandoned`).",
    ...(g < d.gates
      ? [
          `- Gate ${g + 1} is drafted in PLAN.md and as \`draft\` units, and \`GATE-${pad(g + 1)}-REVIEW.md\` says what to look at.`,
        ]
      : []),
    "",
    "## Reflection notes",
    "",
    "<Your notes after reviewing the gate.>",
    "",
  ].join("\n");
}

// Frontmatter and body of a unit specfuse writes itself (closing units, adopted units).
export function unitText(
  id: string,
  type: string,
  body: string,
  extra: readonly string[] = [],
): string {
  return [
    "---",
    `id: ${formatString(id)}`,
    `type: ${type}`,
    "status: draft",
    ...extra,
    "---",
    body,
  ].join("\n");
}

// The files of a new feature folder in write order, and the transitions they make (P1, G1, U1 of audit.md AU-TAB-1).
export function renderFeature(d: FeatureDraft): RenderedFeature {
  const gates = gateEntries(d);
  const files: DraftFile[] = [{ name: "PLAN.md", text: planText(d, gates) }];
  const transitions: DraftTransition[] = [
    { entity: "feature", id: d.featureId, from: null, to: "planned" },
  ];
  gates.forEach((entries, i) => {
    files.push({ name: `GATE-${pad(i + 1)}.md`, text: gateText(d, i + 1) });
    transitions.push({
      entity: "gate",
      id: `${d.featureId}/G${i + 1}`,
      from: null,
      to: "open",
    });
    for (const e of entries) {
      const text =
        e.type === "implementation"
          ? (e.body ?? "")
          : unitText(e.id, e.type, e.body ?? "");
      files.push({ name: e.file, text });
      transitions.push({ entity: "unit", id: e.id, from: null, to: "draft" });
    }
  });
  return { files, transitions };
}
