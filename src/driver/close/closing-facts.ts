import type { Repo } from "../../git/repo.js";
import { toTop } from "../../git/repo.js";
import type { UnitModel } from "../../plan/feature-model.js";
import { parsePlan } from "../../plan/parse-plan.js";
import { toPlanGraph } from "../../plan/plan-graph.js";
import { fileSizes, readOptionalText } from "../../workspace/fs-queries.js";
import { parseFrontmatter } from "../../yaml/split-frontmatter.js";
import type { Lane } from "../scope/lane.js";
import type { RunScope } from "../scope/run-scope.js";
import {
  gateAttemptOutcomes,
  reviewFileName,
  type ClosingFacts,
} from "./closing-assertions.js";
import { roadmapStatus } from "./roadmap-table.js";

const LEARNINGS = ".specfuse/LEARNINGS.md";

// Lines the staged squash adds to LEARNINGS.md against `head_before` (D-CLOSE-1 assertion 2; judged before the commit).
export async function learningsLinesAdded(
  repo: Repo,
  headBefore: string,
): Promise<number> {
  const out = await repo.git.run(repo.top, [
    "diff",
    "--cached",
    "--numstat",
    headBefore,
    "--",
    toTop(repo, LEARNINGS),
  ]);
  const first = out.stdout.split("\n")[0] ?? "";
  const added = Number(first.split("\t")[0]);
  return Number.isFinite(added) ? added : 0;
}

// Reads the on-disk `verdict` of a unit after the agent (D-PASS-7, D-CLOSE-1).
export async function readVerdict(
  root: string,
  unitPath: string,
): Promise<unknown> {
  const text = await readOptionalText(root, unitPath);
  if (text === null) return undefined;
  const fm = parseFrontmatter(text);
  return fm.state === "ok" ? fm.data.verdict : undefined;
}

// Gathers what the closing-deliverable assertions judge, from the lane with the squash staged (driver §25).
export async function gatherClosingFacts(
  scope: RunScope,
  lane: Lane,
  unit: UnitModel,
  headBefore: string,
  squashPaths: readonly string[],
): Promise<ClosingFacts> {
  const F = scope.feature.dir;
  const n = scope.gate.number;
  const [retrospective, planText, roadmap] = await Promise.all([
    readOptionalText(lane.cwd, `${F}/RETROSPECTIVE.md`),
    readOptionalText(lane.cwd, `${F}/PLAN.md`),
    readOptionalText(lane.cwd, ".specfuse/roadmap.md"),
  ]);
  const plan = planText === null ? null : parsePlan(planText);
  const graph =
    plan?.graph === null || plan === null ? null : toPlanGraph(plan.graph);
  const next = graph?.gates.find((g) => g.number === n + 1) ?? null;
  const review = `${F}/${reviewFileName(n + 1)}`;
  const sizes = await fileSizes(lane.cwd, [review]);
  const unitIds = new Set(scope.gate.units.map((u) => u.id));
  return {
    type: unit.type,
    gate: n,
    featureDir: F,
    retrospective,
    learningsLinesAdded: await learningsLinesAdded(lane.repo, headBefore),
    squashPaths,
    verdict: await readVerdict(lane.cwd, unit.path),
    body: unit.body,
    gateOutcomes: gateAttemptOutcomes(scope.transitions.log.records(), unitIds),
    nextGate: next === null ? null : { unitCount: next.units.length },
    reviewFileSize: sizes.get(review) ?? null,
    planStatus: plan?.fm.state === "ok" ? plan.fm.data.status : undefined,
    roadmapStatus:
      roadmap === null ? null : roadmapStatus(roadmap, scope.feature.id),
  };
}
