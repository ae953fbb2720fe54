import type { DispatchResult } from "../../agent/dispatch-agent.js";
import type { AttemptRecord } from "../../types/outcome.js";
import { failureExcerpt } from "../../verify/evidence.js";
import { writeAttemptNote } from "../../workspace/attempt-files.js";
import { attemptFile } from "../../workspace/work-paths.js";
import { attemptLine, attemptWarning, oneLine } from "../narrate.js";
import type { Lane } from "../scope/lane.js";
import { say, type RunScope } from "../scope/run-scope.js";
import { collectFilesTouched } from "../tree/files-touched.js";
import { restoreAttempt } from "../tree/restore.js";
import type { Cycle } from "../unit/cycle.js";
import { withStatus } from "../unit/driver-keys.js";
import { reapplyKeys } from "../unit/unit-writes.js";
import {
  attemptOutcomePayload,
  type AgentReport,
} from "./attempt-outcome-payload.js";
import type { AttemptStart } from "./begin-attempt.js";
import type { Judging } from "./check-steps.js";
import type { OutcomeDecision } from "./decide-outcome.js";
import type { AttemptEnd } from "./run-attempt.js";
import type { StepEvent } from "../../transitions/change.js";

// D-OUT-1: records the decided outcome (event, note, files touched), restores the lane when asked, prints the line.
export async function recordAttempt(
  scope: RunScope,
  lane: Lane,
  cycle: Cycle,
  start: AttemptStart,
  outcome: {
    decision: OutcomeDecision;
    record: AttemptRecord;
    dispatch: DispatchResult;
    judging: Judging;
  },
): Promise<AttemptEnd> {
  const { decision: d, record, dispatch, judging } = outcome;
  const { unit } = cycle;
  const a = start.attempt;
  const pass = judging.pass;
  const isPassed = d.outcome === "passed";
  const filesTouched = isPassed
    ? (pass?.squashPaths ?? [])
    : await collectFilesTouched(lane.repo, start.snapshot);
  let notePath: string | null = null;
  if (d.note !== null) {
    await writeAttemptNote(scope.feature.absDir, unit.id, a, d.note);
    notePath = attemptFile(scope.feature.dir, unit.id, a, "note");
  }
  const event = outcomeEvent(unit, d, record, dispatch, judging, filesTouched);
  let keys = pass?.keys ?? start.keys;
  if (!isPassed) scope.transitions.record(event);
  if (d.tree === "restore") {
    // A dropped pass goes back to in_progress; its staged `done` is cancelled without trace (AU-TR-1).
    if (pass !== null)
      keys = withStatus(keys, "in_progress", [["attempts", a]]);
    await restoreAttempt(lane.repo, {
      snapshot: start.snapshot,
      driverFiles: new Map([
        [scope.transitions.log.rel, scope.transitions.log.copy()],
      ]),
    });
    await reapplyKeys(scope, lane, unit, keys);
  }
  if (isPassed) scope.transitions.record(event);
  const attemptReport = {
    attempt: a,
    outcome: d.outcome,
    duration_seconds: record.duration_seconds,
    cost_usd: record.cost_usd ?? 0,
  };
  start.progress.finish(
    finalLine(scope, cycle, start, d, record, pass?.sha ?? null),
  );
  for (const w of warningsOf(dispatch, d))
    say(scope, attemptWarning(w, scope.decor));
  return {
    kind: "judged",
    decision: d,
    record,
    report: attemptReport,
    sha: isPassed ? (pass?.sha ?? null) : null,
    note: d.note,
    notePath,
    keys,
    staged: isPassed ? (pass?.staged ?? null) : null,
    remembered: isPassed ? (pass?.remembered ?? null) : null,
  };
}

// The `attempt_outcome` event of D-EVT-5.
function outcomeEvent(
  unit: Cycle["unit"],
  d: OutcomeDecision,
  record: AttemptRecord,
  dispatch: DispatchResult,
  judging: Judging,
  filesTouched: readonly string[],
): StepEvent {
  return {
    correlation_id: unit.id,
    event_type: "attempt_outcome",
    payload: attemptOutcomePayload({
      decision: d,
      record,
      model: unit.model,
      effort: unit.effort,
      failureExcerpt:
        d.outcome === "failed" && judging.checks !== null
          ? failureExcerpt(judging.checks.evidence)
          : null,
      filesTouched,
      reArmCount: unit.reArmCount,
      agentCommits:
        judging.after.fold.kind === "folded"
          ? judging.after.fold.agentCommits
          : undefined,
      agent: agentReport(dispatch),
    }),
  };
}

// The attempt's one final line (D-UI-3).
function finalLine(
  scope: RunScope,
  cycle: Cycle,
  start: AttemptStart,
  d: OutcomeDecision,
  record: AttemptRecord,
  sha: string | null = null,
): string {
  return attemptLine(
    {
      attempt: start.attempt,
      max: cycle.max,
      outcome: d.outcome,
      elapsedMs: scope.ctx.monotonicMs() - start.startedMs,
      costUsd: record.cost_usd ?? null,
      detail: detailOf(d, sha),
    },
    scope.decor,
  );
}

// What the agent reported about itself, recorded but never acted on (D-DISP-6).
function agentReport(dispatch: DispatchResult): AgentReport {
  const o = dispatch.result;
  return {
    ...(o.isErrorReported !== false ? { is_error: o.isError } : {}),
    ...(o.subtype !== undefined ? { subtype: o.subtype } : {}),
    ...(o.sessionId !== undefined ? { session_id: o.sessionId } : {}),
    ...(o.permissionDenials.length > 0
      ? { permission_denials: o.permissionDenials }
      : {}),
    ...(dispatch.process.exitCode !== null
      ? { exit_code: dispatch.process.exitCode }
      : {}),
  };
}

function detailOf(d: OutcomeDecision, sha: string | null): string {
  const e = d.extras;
  if (d.outcome === "passed")
    return sha === null ? "(no commit)" : sha.slice(0, 7);
  if (d.outcome === "failed" && d.failure !== null)
    return `${d.failure.failure_class}: ${d.failure.failure_signature}`;
  if (d.outcome === "timeout")
    return `${e.timeout_kind ?? ""} limit ${e.limit_seconds ?? ""}s`;
  if (e.protected_paths !== undefined) return e.protected_paths.join(", ");
  if (e.unchanged_paths !== undefined)
    return `unchanged: ${e.unchanged_paths.join(", ")}`;
  if (e.summary !== undefined) return oneLine(e.summary, 160);
  if (d.outcome === "blocked")
    return d.agentBlockedReason ?? "(no reason given)";
  if (d.outcome === "interrupted") return e.interrupt_reason ?? "";
  return "";
}

function warningsOf(dispatch: DispatchResult, d: OutcomeDecision): string[] {
  // RESULT-block warnings only where the output was judged: after an interrupt, a timeout or a zero-token
  // attempt nothing was verified, so "verification decides" would be false (issue 17 point 7).
  const judged = d.agentStatus === null ? [] : dispatch.resultBlock.warnings;
  const out = [...dispatch.warnings, ...judged];
  if (d.agentStatus === "missing")
    out.push("the agent printed no ```result block; verification decided");
  if (d.agentStatus === "malformed")
    out.push("the agent's ```result block was malformed; verification decided");
  return [...new Set(out)];
}
