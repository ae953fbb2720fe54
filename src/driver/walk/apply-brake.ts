import { readGateFrontmatter } from "../close/apply-auto-close.js";
import { bookkeepingCommit } from "../commit/bookkeeping.js";
import { endingReport, type Halt } from "../end/ending.js";
import { say, type RunScope } from "../scope/run-scope.js";
import { decideBudgetBrake } from "./budget-brake.js";

// The budget brake before a dispatch (D-BUDGET-1/2): the gate goes to awaiting_review and the run halts; null to go on.
export async function applyBrake(
  scope: RunScope,
  gateStatus: string,
  nextUnitId: string,
): Promise<Halt | null> {
  const { gate } = scope;
  if (!gate.hasBudget) return null;
  const fms = await readGateFrontmatter(scope);
  const decision = decideBudgetBrake({
    gate: gate.number,
    gateFile: gate.path,
    gateStatus,
    budget: gate.hasBudget ? gate.budgetRaw : undefined,
    units: [...fms.values()].map((fm) => ({
      status: fm?.status,
      cost_usd: fm?.cost_usd,
    })),
    nextUnitId,
  });
  if (decision.action === "invalid")
    return {
      code: "frontmatter_invalid",
      message: decision.message,
      file: gate.path,
      hint: decision.hint,
    };
  if (decision.action !== "brake") return null;
  await scope.transitions.apply({
    writes: [
      {
        entity: "gate",
        id: String(gate.number),
        file: gate.path,
        to: "awaiting_review",
        stubGate: gate.number,
      },
    ],
    event: {
      correlation_id: scope.feature.id,
      event_type: "human_escalation",
      payload: { ...decision.event },
    },
  });
  await bookkeepingCommit(
    scope.repo,
    { subject: decision.commitSubject, feature: scope.feature.id },
    [gate.path, scope.transitions.log.rel],
  );
  for (const line of decision.message) say(scope, line);
  const report = endingReport({
    ending: "halted_budget",
    featureId: scope.feature.id,
    featureDir: scope.feature.dir,
    gate: gate.number,
    branch: scope.feature.branch,
    gateFile: gate.path,
  });
  return {
    code: "halted_budget",
    message: report.headline,
    hint: report.nextSteps.join("\n"),
    body: { ending: "halted_budget", next_steps: report.nextSteps },
  };
}
