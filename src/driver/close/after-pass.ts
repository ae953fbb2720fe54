import { runDraftPass } from "../../lint/lint-feature.js";
import type { UnitModel } from "../../plan/feature-model.js";
import { readOptionalText } from "../../workspace/fs-queries.js";
import { readFeature } from "../../workspace/read-feature.js";
import { parseFrontmatter } from "../../yaml/split-frontmatter.js";
import { bookkeepingCommit } from "../commit/bookkeeping.js";
import { subjects } from "../commit/subjects.js";
import type { Lane } from "../scope/lane.js";
import { say, type RunScope } from "../scope/run-scope.js";
import { readGateFrontmatter } from "./apply-auto-close.js";
import { decideCloseHandling } from "./close-handling.js";
import { readVerdict } from "./closing-facts.js";

/** The close unit remembered for the terminal flips (D-PASS-7, D-AC-7). */
export interface RememberedClose {
  id: string;
  file: string;
  type: string;
}

// D-PASS-7: after a passing close or plan-next unit, remember it for the flips, revert a hedged PLAN done, or warn.
export async function handleClose(
  scope: RunScope,
  lane: Pick<Lane, "cwd">,
  unit: UnitModel,
): Promise<RememberedClose | null> {
  if (unit.type !== "close" && unit.type !== "plan-next") return null;
  const planRel = `${scope.feature.dir}/PLAN.md`;
  const plan = parseFrontmatter(
    (await readOptionalText(lane.cwd, planRel)) ?? "",
  );
  const fms = await readGateFrontmatter(scope);
  const decision = decideCloseHandling({
    unitId: unit.id,
    type: unit.type,
    isTerminalGate: scope.gate.isTerminal,
    verdict: await readVerdict(lane.cwd, unit.path),
    planStatus: plan.state === "ok" ? plan.data.status : undefined,
    gateUnits: scope.gate.units.map((u) => ({
      type: u.type,
      status:
        u.id === unit.id ? "done" : String(fms.get(u.id)?.status ?? u.status),
    })),
  });
  if (decision.action === "remember")
    return { id: unit.id, file: unit.path, type: unit.type };
  if (decision.action === "warn") scope.ctx.log.warn(decision.message);
  if (decision.action === "revert_plan") {
    await scope.transitions.apply({
      writes: [
        {
          entity: "feature",
          id: scope.feature.id,
          file: planRel,
          to: "active",
        },
      ],
      event: null,
    });
    await bookkeepingCommit(scope.repo, subjects.revertPlanDone(unit.id), [
      planRel,
    ]);
    say(
      scope,
      `  the close verdict is not met: PLAN.md status reverted from done to active`,
    );
  }
  return null;
}

// D-HOOK-1: after a plan-next unit passes, the draft pass for gate N runs in-process; it never fails the attempt.
export async function draftLintHook(
  scope: RunScope,
  unit: UnitModel,
): Promise<void> {
  if (unit.type !== "plan-next") return;
  const n = scope.gate.number;
  let warns: string[];
  try {
    const snapshot = await readFeature(scope.feature.absDir, scope.feature.dir);
    const found = runDraftPass(snapshot, n);
    warns = found.map((d) => `${d.file}: ${d.message}`);
    for (const d of found)
      say(
        scope,
        `  warning (plan-next draft): ${d.file}:${d.line ?? 1}: ${d.message}`,
      );
  } catch (error) {
    const text = `plan-next draft lint failed: ${error instanceof Error ? error.message : String(error)}`;
    say(scope, `  warning: ${text}`);
    warns = [text];
  }
  if (warns.length > 0)
    scope.transitions.record({
      correlation_id: unit.id,
      event_type: "plan_next_draft_lint",
      payload: { gate: n, warns, blocking: false },
    });
}
