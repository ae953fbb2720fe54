import type { DispatchResult } from "../agent/dispatch-agent.js";
import { collectFilesTouched } from "../git/files-touched.js";
import type { AfterAgent } from "../git/fold.js";
import { restoreAttempt } from "../git/restore.js";
import type { AttemptSnapshot } from "../git/snapshot.js";
import type { AttemptRecord } from "../types/outcome.js";
import type { CheckReport } from "../verify/run-checks.js";
import { failureExcerpt } from "../verify/evidence.js";
import { writeAttemptNote } from "../workspace/attempt-files.js";
import { attemptOutcomePayload } from "./attempt-outcome-payload.js";
import type { Cycle } from "./cycle.js";
import type { OutcomeDecision } from "./decide-outcome.js";
import { attemptLine, attemptWarning, oneLine } from "./narrate.js";
import type { PassOutcome } from "./pass-pipeline.js";
import type { AttemptEnd } from "./run-attempt.js";
import { say, unitReport, type RunSession } from "./session.js";

// Records the decided outcome: event, note, files touched, restore, final line (D-OUT-1).
export async function finishAttempt(
  s: RunSession,
  c: Cycle,
  a: number,
  x: {
    decision: OutcomeDecision;
    record: AttemptRecord;
    snapshot: AttemptSnapshot;
    dispatch: DispatchResult;
    after: AfterAgent;
    checks: CheckReport | null;
    pass: PassOutcome | null;
    started: number;
    finishLine: (line: string) => void;
  },
): Promise<AttemptEnd> {
  const d = x.decision;
  const isPassed = d.outcome === "passed";
  const filesTouched = isPassed
    ? (x.pass?.squashPaths ?? [])
    : await collectFilesTouched(s.repo, x.snapshot);
  let notePath: string | null = null;
  if (d.note !== null) {
    await writeAttemptNote(s.absFeatureDir, c.unit.id, a, d.note);
    notePath = `${s.featureDir}/work/${c.unit.id.replace(/\//g, "_")}/attempt-${a}.md`;
  }
  const payload = attemptOutcomePayload({
    decision: d,
    record: x.record,
    model: c.unit.model,
    effort: c.unit.effort,
    failureExcerpt:
      d.outcome === "failed" && x.checks !== null
        ? failureExcerpt(x.checks.evidence)
        : null,
    filesTouched,
    reArmCount: c.unit.reArmCount,
    agentCommits:
      x.after.fold.kind === "folded" ? x.after.fold.agentCommits : undefined,
    agent: agentReport(x.dispatch),
  });
  if (!isPassed) s.events.append(c.unit.id, "attempt_outcome", payload);
  if (d.tree === "restore") {
    if (x.pass !== null)
      c.wu.resetKeys({ ...c.wu.keys(), status: "in_progress", attempts: a });
    await restoreAttempt(s.repo, {
      snapshot: x.snapshot,
      driverFiles: new Map([[s.events.rel, s.events.copy()]]),
    });
    await c.wu.reapply();
  }
  if (isPassed) s.events.append(c.unit.id, "attempt_outcome", payload);
  const report = unitReport(s, c.unit.id, c.unit.type);
  report.attempts.push({
    attempt: a,
    outcome: d.outcome,
    duration_seconds: x.record.duration_seconds,
    cost_usd: x.record.cost_usd ?? 0,
  });
  const line = attemptLine(
    {
      attempt: a,
      max: c.max,
      outcome: d.outcome,
      elapsedMs: s.ctx.monotonicMs() - x.started,
      costUsd: x.record.cost_usd ?? null,
      detail: detailOf(d, x.pass?.sha ?? null),
    },
    s.decor,
  );
  x.finishLine(line);
  for (const w of warningsOf(x.dispatch, d)) say(s, attemptWarning(w, s.decor));
  return {
    decision: d,
    record: x.record,
    sha: isPassed ? (x.pass?.sha ?? null) : null,
    blockedReason: d.agentBlockedReason,
    notePath,
    note: d.note,
  };
}

function agentReport(dispatch: DispatchResult) {
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
  const out = [...dispatch.warnings, ...dispatch.resultBlock.warnings];
  if (d.agentStatus === "missing")
    out.push("the agent printed no ```result block; verification decided");
  if (d.agentStatus === "malformed")
    out.push("the agent's ```result block was malformed; verification decided");
  return [...new Set(out)];
}
