import {
  loadFeatureModel,
  type FeatureModel,
} from "../../src/plan/feature-model.js";
import { parsePlan } from "../../src/plan/parse-plan.js";
import type { FeatureSnapshot } from "../../src/workspace/read-feature.js";
import type { FileRead } from "../../src/workspace/read-text.js";
import { joinDisplay } from "../../src/workspace/paths.js";

/** A unit in the compact feature description. */
export interface UnitSpec {
  /** The id suffix, e.g. `T01`. */
  id: string;
  status?: string;
  type?: string;
  deps?: string[];
  /** Extra frontmatter lines. */
  extra?: string;
  /** Leave the WU file out. */
  isMissing?: boolean;
}

/** A gate in the compact feature description. */
export interface GateSpec {
  gate: number;
  /** Absent: no `status` key in the GATE file. */
  status?: string;
  budget?: number;
  units: UnitSpec[];
}

export const FEATURE_ID = "FEAT-2026-0042";
export const FOLDER = "FEAT-2026-0042-rate-limits";
export const DIR = `.specfuse/features/${FOLDER}`;

const fileOf = (u: UnitSpec) => `WU-${u.id}.md`;

// A unit body with every section lint requires (formats.md F-WU-11).
const BODY = [
  "**Objective.**",
  "Make the change.",
  "",
  "**Context.**",
  "The limiter lives in src/limits.",
  "",
  "**Acceptance criteria.**",
  "- The new behaviour is covered by a unit test.",
  "",
  "**Do not touch.**",
  "Anything outside src/limits.",
  "",
  "**Verification.**",
  "npm test passes.",
  "",
  "**Escalation triggers.**",
  "The design needs a new dependency.",
  "",
].join("\n");

// The files of a feature folder, written from a compact description (folder-relative paths).
export function featureFiles(
  gates: GateSpec[],
  planStatus = "active",
): Record<string, string> {
  const graph = gates
    .map(
      (g) =>
        `  - gate: ${g.gate}\n    file: GATE-${String(g.gate).padStart(2, "0")}.md\n    work_units:${g.units.length === 0 ? " []" : ""}\n${g.units
          .map(
            (u) =>
              `      - id: ${FEATURE_ID}/${u.id}\n        file: ${fileOf(u)}\n        depends_on: [${(u.deps ?? []).map((d) => `${FEATURE_ID}/${d}`).join(", ")}]\n`,
          )
          .join("")}`,
    )
    .join("");
  const files: Record<string, string> = {
    "PLAN.md": `---\nfeature_id: ${FEATURE_ID}\ntitle: Rate limits\nbranch: feat/${FOLDER}\nroadmap_goal: Limit requests per client\nstatus: ${planStatus}\n---\n# Plan: Rate limits\n\n## Task graph\n\n\`\`\`yaml\ngates:\n${graph}\`\`\`\n`,
  };
  for (const g of gates) {
    const lines = [`gate: ${g.gate}`];
    if (g.status !== undefined) lines.push(`status: ${g.status}`);
    if (g.budget !== undefined) lines.push(`cost_budget_usd: ${g.budget}`);
    files[`GATE-${String(g.gate).padStart(2, "0")}.md`] =
      `---\n${lines.join("\n")}\n---\n# Gate ${g.gate}\n`;
    for (const u of g.units) {
      if (u.isMissing === true) continue;
      files[fileOf(u)] =
        `---\nid: ${FEATURE_ID}/${u.id}\ntype: ${u.type ?? "implementation"}\nstatus: ${u.status ?? "pending"}\n${u.extra === undefined ? "" : `${u.extra}\n`}---\n# Unit ${u.id}\n\n${BODY}`;
    }
  }
  return files;
}

// An in-memory snapshot of a feature folder, as readFeature would produce it.
export function snapshotOf(
  files: Record<string, string>,
  dir = DIR,
): FeatureSnapshot {
  const planText = files["PLAN.md"];
  const plan: FileRead =
    planText === undefined
      ? { kind: "missing" }
      : { kind: "file", text: planText };
  const planDoc = planText === undefined ? null : parsePlan(planText);
  const map = new Map<string, FileRead>();
  for (const g of planDoc?.graph?.gates ?? []) {
    const names = [g.file, ...g.units.map((u) => u.file)];
    for (const name of names) {
      if (typeof name !== "string") continue;
      const text = files[name];
      map.set(
        joinDisplay(dir, name),
        text === undefined ? { kind: "missing" } : { kind: "file", text },
      );
    }
  }
  return { dir, absDir: `/repo/${dir}`, plan, planDoc, files: map };
}

// The typed model of a compact feature.
export function modelOf(
  gates: GateSpec[],
  planStatus = "active",
): FeatureModel {
  const model = loadFeatureModel(
    snapshotOf(featureFiles(gates, planStatus)),
    FOLDER,
  );
  if (model === null) throw new Error("fixture PLAN did not parse");
  return model;
}
