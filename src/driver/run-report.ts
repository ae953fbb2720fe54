import type { EndingReport } from "./ending.js";
import { say, type RunSession } from "./session.js";
import { roundTo } from "../yaml/format-number.js";

// The `specfuse.run/1` body (driver D-CLI-4).
export function runBody(
  s: RunSession,
  ending: string,
  nextSteps: readonly string[],
  elapsedMs: number,
): Record<string, unknown> {
  const cost = s.units.reduce(
    (t, u) => t + u.attempts.reduce((a, x) => a + x.cost_usd, 0),
    0,
  );
  return {
    ending,
    feature: {
      id: s.featureId,
      dir: s.featureDir,
      branch: s.branch === "" ? null : s.branch,
    },
    gate: {
      number: s.gate.number,
      status: s.gate.status,
      terminal: s.gate.isTerminal,
    },
    units: s.units,
    cost_usd: roundTo(cost, 6),
    duration_seconds: roundTo(elapsedMs / 1000, 3),
    next_steps: [...nextSteps],
  };
}

// Prints the ending: headline, details, and the next commands (D-END-2, D-END-4).
export function printEnding(s: RunSession, report: EndingReport): void {
  const { paint } = s.decor;
  say(s, "");
  say(s, paint.bold(report.headline));
  for (const d of report.details) say(s, `  ${d}`);
  if (report.nextSteps.length > 0) {
    say(s, "Next:");
    report.nextSteps.forEach((step, i) => say(s, `  ${i + 1}. ${step}`));
  }
}
