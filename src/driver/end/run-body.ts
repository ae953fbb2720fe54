import { roundTo } from "../../yaml/format-number.js";
import { say, type RunScope } from "../scope/run-scope.js";
import type { EndingReport } from "./ending.js";

/** One attempt as `--json` reports it (D-CLI-4). */
export interface AttemptReport {
  attempt: number;
  outcome: string;
  duration_seconds: number;
  cost_usd: number;
}

/** One unit as `--json` reports it (D-CLI-4). */
export interface UnitReport {
  id: string;
  type: string;
  /** passed, escalated, auto_closed, interrupted or not_dispatched. */
  result: string;
  commit: string | null;
  attempts: AttemptReport[];
}

// The `specfuse.run/1` body (driver D-CLI-4).
export function runBody(
  scope: Pick<RunScope, "feature" | "gate">,
  walked: { gateStatus: string; units: readonly UnitReport[] },
  ending: string,
  nextSteps: readonly string[],
  elapsedMs: number,
): Record<string, unknown> {
  const cost = walked.units.reduce(
    (t, u) => t + u.attempts.reduce((a, x) => a + x.cost_usd, 0),
    0,
  );
  return {
    ending,
    feature: {
      id: scope.feature.id,
      dir: scope.feature.dir,
      branch: scope.feature.branch === "" ? null : scope.feature.branch,
    },
    gate: {
      number: scope.gate.number,
      status: walked.gateStatus,
      terminal: scope.gate.isTerminal,
    },
    units: walked.units,
    cost_usd: roundTo(cost, 6),
    duration_seconds: roundTo(elapsedMs / 1000, 3),
    next_steps: [...nextSteps],
  };
}

// Prints the ending: headline, details, and the next commands (D-END-2, D-END-4).
export function printEnding(
  scope: Pick<RunScope, "ctx" | "decor">,
  report: EndingReport,
): void {
  const { paint } = scope.decor;
  say(scope, "");
  say(scope, paint.bold(report.headline));
  for (const d of report.details) say(scope, `  ${d}`);
  if (report.nextSteps.length > 0) {
    say(scope, "Next:");
    report.nextSteps.forEach((step, i) => say(scope, `  ${i + 1}. ${step}`));
  }
}
