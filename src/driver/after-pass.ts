import path from "node:path";
import { bookkeepingCommit } from "../git/bookkeeping.js";
import { subjects } from "../git/subjects.js";
import { runDraftPass } from "../lint/lint-feature.js";
import type { UnitModel } from "../plan/feature-model.js";
import { readOptionalText } from "../workspace/fs-queries.js";
import { readFeature } from "../workspace/read-feature.js";
import { updateFrontmatter } from "../workspace/update-frontmatter.js";
import { parseFrontmatter } from "../yaml/split-frontmatter.js";
import { readGateFrontmatter } from "./auto-close-unit.js";
import { decideCloseHandling } from "./close-handling.js";
import { readVerdict } from "./closing-facts.js";
import { say, type RunSession } from "./session.js";

// D-PASS-7: after a passing close or plan-next unit, remember it for the flips, revert a hedged PLAN done, or warn.
export async function handleClose(
  s: RunSession,
  unit: UnitModel,
): Promise<void> {
  if (unit.type !== "close" && unit.type !== "plan-next") return;
  const planRel = `${s.featureDir}/PLAN.md`;
  const plan = parseFrontmatter(
    (await readOptionalText(s.root, planRel)) ?? "",
  );
  const fms = await readGateFrontmatter(s);
  const decision = decideCloseHandling({
    unitId: unit.id,
    type: unit.type,
    isTerminalGate: s.gate.isTerminal,
    verdict: await readVerdict(s.root, unit.path),
    planStatus: plan.state === "ok" ? plan.data.status : undefined,
    gateUnits: s.gate.units.map((u) => ({
      type: u.type,
      status:
        u.id === unit.id ? "done" : String(fms.get(u.id)?.status ?? u.status),
    })),
  });
  if (decision.action === "remember")
    s.remembered = { id: unit.id, file: unit.path, type: unit.type };
  else if (decision.action === "warn") s.ctx.log.warn(decision.message);
  else if (decision.action === "revert_plan") {
    await updateFrontmatter(
      path.join(s.root, planRel),
      [["status", "active"]],
      { display: planRel },
    );
    await bookkeepingCommit(s.repo, subjects.revertPlanDone(unit.id), [
      planRel,
    ]);
    say(
      s,
      `  the close verdict is not met: PLAN.md status reverted from done to active`,
    );
  }
}

// D-HOOK-1: after a plan-next unit passes, the draft pass for gate N runs in-process; it never fails the attempt.
export async function draftLintHook(
  s: RunSession,
  unit: UnitModel,
): Promise<void> {
  if (unit.type !== "plan-next") return;
  const n = s.gate.number;
  let warns: string[];
  try {
    const snapshot = await readFeature(s.absFeatureDir, s.featureDir);
    const found = runDraftPass(snapshot, n);
    warns = found.map((d) => `${d.file}: ${d.message}`);
    for (const d of found)
      say(
        s,
        `  warning (plan-next draft): ${d.file}:${d.line ?? 1}: ${d.message}`,
      );
  } catch (error) {
    const text = `plan-next draft lint failed: ${error instanceof Error ? error.message : String(error)}`;
    say(s, `  warning: ${text}`);
    warns = [text];
  }
  if (warns.length > 0)
    s.events.append(unit.id, "plan_next_draft_lint", {
      gate: n,
      warns,
      blocking: false,
    });
}
