import { fileSizes } from "../../workspace/fs-queries.js";
import { listFeatures } from "../../workspace/list-features.js";
import { reviewFileName } from "../close/closing-assertions.js";
import { endingReport, type Halt } from "../end/ending.js";
import { headerLine } from "../narrate.js";
import { otherCheckpoints, recover } from "../recover/recover.js";
import { ensureFeatureBranch } from "./feature-branch.js";
import type { Lane } from "./lane.js";
import { runPreflight } from "./preflight.js";
import { reloadScope, say, type RunScope } from "./run-scope.js";

/** The walk may start (with the units recovery escalated), or the run halts first. */
export type WalkReady =
  | { kind: "ready"; scope: RunScope; escalated: string[] }
  | { kind: "halted"; halt: Halt };

// Startup steps 13–18 before the walk (driver D-START-1): recovery, preflight, feature branch, reload, the arm
// check and the header; each refusal is a halt value.
export async function prepareWalk(
  scope: RunScope,
  lane: Lane,
): Promise<WalkReady> {
  const recovery = await recover(scope, lane);
  if (recovery.kind === "refused")
    return { kind: "halted", halt: recovery.halt };
  const preflight = await runPreflight(lane.repo, {
    featureDir: scope.feature.dir,
    otherCheckpoints: otherCheckpoints(
      scope.root,
      await listFeatures(scope.root),
      scope.feature.dir,
    ),
  });
  if (preflight.kind === "refused")
    return { kind: "halted", halt: preflight.halt };
  const branch = await ensureFeatureBranch(lane.repo, {
    branch: scope.model.branch,
    featureDir: scope.feature.dir,
    status: preflight.status,
  });
  if (branch.kind === "refused") return { kind: "halted", halt: branch.halt };
  const reloaded = await reloadScope(scope);
  const drafts = await armCheck(reloaded);
  if (drafts !== null) return { kind: "halted", halt: drafts };
  say(
    reloaded,
    headerLine({
      featureId: reloaded.feature.id,
      gate: reloaded.gate.number,
      gateStatus: reloaded.gate.status,
      unitCount: reloaded.gate.units.length,
      branch: reloaded.feature.branch || null,
      isTerminal: reloaded.gate.isTerminal,
    }),
  );
  return { kind: "ready", scope: reloaded, escalated: recovery.escalated };
}

// D-GATE-2: drafts in the current gate stop a real run with exit 2 and the arm command.
async function armCheck(scope: RunScope): Promise<Halt | null> {
  const drafts = scope.gate.units.filter((u) => u.status === "draft");
  if (drafts.length === 0) return null;
  const review = `${scope.feature.dir}/${reviewFileName(scope.gate.number)}`;
  const report = endingReport({
    ending: "drafts_not_armed",
    featureId: scope.feature.id,
    featureDir: scope.feature.dir,
    gate: scope.gate.number,
    branch: scope.feature.branch,
    draftCount: drafts.length,
    hasReviewFile: (await fileSizes(scope.root, [review])).has(review),
  });
  return {
    code: "drafts_not_armed",
    message: report.headline,
    detail: report.details.join("\n") || undefined,
    hint: report.nextSteps.join("\n"),
    body: { ending: "drafts_not_armed", next_steps: report.nextSteps },
  };
}
