import { SpecfuseError } from "../errors/specfuse-error.js";
import { bookkeepingCommit } from "../git/bookkeeping.js";
import { formatClock } from "../output/format-elapsed.js";
import {
  readyFrontier,
  unfinishedReasons,
  type SchedulableUnit,
} from "../plan/frontier.js";
import { updateFrontmatter } from "../workspace/update-frontmatter.js";
import { readGateFrontmatter, tryAutoClose } from "./auto-close-unit.js";
import { decideBudgetBrake } from "./budget-brake.js";
import {
  endingReport,
  type Ending,
  type EndingReport,
  type HaltedUnit,
} from "./ending.js";
import { completeGate } from "./end-gate.js";
import { notePaths } from "./escalate.js";
import { unitLine } from "./narrate.js";
import { decideEnding } from "./ending.js";
import { runUnit } from "./run-unit.js";
import { say, stopCause, type RunSession } from "./session.js";
import path from "node:path";

/** How the gate run ended (driver §30). */
export interface GateEnd {
  ending: Ending;
  exitCode: 0 | 1;
  report: EndingReport;
}

// Walks the current gate (driver §7, §8) and ends it (§30).
export async function runGate(s: RunSession): Promise<GateEnd> {
  const wasAwaiting = s.gate.status === "awaiting_review";
  const status = new Map<string, string>();
  for (const u of s.model.units.values()) status.set(u.id, u.status);
  const earlier = new Set(
    s.model.gates
      .filter((g) => g.number <= s.gate.number)
      .flatMap((g) => g.units.map((u) => u.id)),
  );
  const done = new Set([...earlier].filter((id) => status.get(id) === "done"));
  const schedulable = (): SchedulableUnit[] =>
    s.gate.units.map((u) => ({
      id: u.id,
      status: status.get(u.id) ?? u.status,
      dependsOn: u.dependsOn,
    }));
  for (
    let frontier = readyFrontier(schedulable(), done);
    frontier.length > 0;
    frontier = readyFrontier(schedulable(), done)
  ) {
    for (const f of frontier) {
      const unit = s.model.units.get(f.id);
      if (unit === undefined) continue;
      await stopBetweenUnits(s);
      if (!wasAwaiting) await brake(s, unit.id);
      say(s, unitLine(formatClock(s.ctx.now()), unit));
      const pre = await tryAutoClose(s, unit);
      if (pre === "auto_closed" || pre === "already_done") {
        status.set(unit.id, "done");
        done.add(unit.id);
        continue;
      }
      const end = await runUnit(s, unit);
      status.set(unit.id, end.kind === "passed" ? "done" : "blocked_human");
      if (end.kind === "passed") done.add(unit.id);
    }
  }
  const unfinished = unfinishedReasons(
    schedulable(),
    (id) => status.get(id),
    (id) => s.gate.units.some((u) => u.id === id),
  );
  const decision = decideEnding({
    hasEscalated: s.escalated.length > 0,
    unfinished,
    wasAwaitingReview: wasAwaiting,
    hasProgress: s.hasProgress,
  });
  const base = {
    featureId: s.featureId,
    featureDir: s.featureDir,
    gate: s.gate.number,
    branch: s.branch,
  };
  if (decision.ending === "complete") return completeGate(s);
  if (decision.ending === "nothing_to_do") {
    return {
      ending: "nothing_to_do",
      exitCode: 0,
      report: endingReport({ ...base, ending: "nothing_to_do" }),
    };
  }
  const units: HaltedUnit[] = unfinished.map((r) => ({
    id: r.id,
    status: r.status,
    reason: r.reason,
    notes: notePaths(s, r.id),
  }));
  return {
    ending: decision.ending,
    exitCode: 1,
    report: endingReport({ ...base, ending: decision.ending, units }),
  };
}

// A signal between units (D-SIGNAL-3): stop before the next dispatch; the run-end commit follows in `run`.
async function stopBetweenUnits(s: RunSession): Promise<void> {
  const cause = stopCause(s);
  if (cause === null) return;
  if (cause.kind === "lock_compromised") {
    s.events.append(s.featureId, "run_aborted", { reason: "lock_compromised" });
    throw new SpecfuseError({
      code: "lock_compromised",
      message: "the run lost its lock between units",
      hint: "check `specfuse status`, then run `specfuse run` again",
    });
  }
  const signal = cause.kind === "signal" ? cause.signal : "SIGTERM";
  s.events.append(s.featureId, "run_aborted", { reason: "signal", signal });
  throw new SpecfuseError({
    code: "interrupted",
    message: `stopped by ${signal} between units`,
    hint: "run `specfuse run` to continue",
  });
}

// The budget brake before a dispatch (D-BUDGET-1/2).
async function brake(s: RunSession, nextUnitId: string): Promise<void> {
  if (!s.gate.hasBudget) return;
  const fms = await readGateFrontmatter(s);
  const decision = decideBudgetBrake({
    gate: s.gate.number,
    gateFile: s.gate.path,
    gateStatus: s.gate.status,
    budget: s.gate.hasBudget ? s.gate.budgetRaw : undefined,
    units: [...fms.values()].map((fm) => ({
      status: fm?.status,
      cost_usd: fm?.cost_usd,
    })),
    nextUnitId,
  });
  if (decision.action === "invalid") {
    throw new SpecfuseError({
      code: "frontmatter_invalid",
      message: decision.message,
      file: s.gate.path,
      hint: decision.hint,
    });
  }
  if (decision.action !== "brake") return;
  s.gate.status = "awaiting_review";
  await updateFrontmatter(
    path.join(s.root, s.gate.path),
    [["status", "awaiting_review"]],
    { display: s.gate.path, stubGate: s.gate.number },
  );
  s.events.append(s.featureId, "human_escalation", { ...decision.event });
  await bookkeepingCommit(
    s.repo,
    { subject: decision.commitSubject, feature: s.featureId },
    [s.gate.path, s.events.rel],
  );
  for (const line of decision.message) say(s, line);
  const report = endingReport({
    ending: "halted_budget",
    featureId: s.featureId,
    featureDir: s.featureDir,
    gate: s.gate.number,
    branch: s.branch,
    gateFile: s.gate.path,
  });
  throw new SpecfuseError({
    code: "halted_budget",
    message: report.headline,
    hint: report.nextSteps.join("\n"),
    body: { ending: "halted_budget", next_steps: report.nextSteps },
  });
}
