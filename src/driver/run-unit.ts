import { SpecfuseError } from "../errors/specfuse-error.js";
import type { UnitModel } from "../plan/feature-model.js";
import { readAttemptNotes } from "../workspace/attempt-files.js";
import { clearCheckpoint } from "./checkpoint.js";
import { carriedOver, type Cycle } from "./cycle.js";
import { escalate } from "./escalate.js";
import { isNoMarker } from "./failure-signature.js";
import { stopDuringAttempt } from "./interrupt.js";
import { oneLine } from "./narrate.js";
import { decideReArmFold } from "./re-arm-fold.js";
import {
  decideCycleStart,
  decideNextStep,
  resolveMaxAttempts,
} from "./retry-policy.js";
import { runAttempt } from "./run-attempt.js";
import { stopCause, unitReport, type RunSession } from "./session.js";
import { unitFile } from "./unit-file.js";

/** How a unit's dispatch cycle ended. */
export type UnitEnd =
  | { kind: "passed"; sha: string | null; costUsd: number }
  | { kind: "escalated" };

// One dispatch cycle of a unit (driver §9): fold, start, attempts, then pass or escalation.
export async function runUnit(
  s: RunSession,
  unit: UnitModel,
): Promise<UnitEnd> {
  const max = resolveMaxAttempts({
    unit: unit.maxAttempts ?? undefined,
    cli: s.cli.maxAttempts,
    config: s.config.max_attempts,
  });
  const start = decideCycleStart(unit.id, unit.attempts, max);
  if (start.warning !== null) s.ctx.log.warn(start.warning);
  const c: Cycle = {
    unit,
    wu: unitFile(s.root, unit.path),
    max,
    startAttempt: start.startAttempt,
    startedAt: s.ctx.now().toISOString(),
    records: [],
    outcomes: [],
    history: [],
    priorSignature: null,
    lastNote: null,
  };
  if (start.isContinuation) await carryOver(s, c);
  const fold = decideReArmFold(unit.data, start.startAttempt);
  if (fold !== null) {
    await c.wu.write([...fold.writes.map((w) => [w.key, w.value] as const)]);
    s.events.append(unit.id, "re_arm_dispatched", fold.event);
  }
  await c.wu.write([["status", "in_progress"]]);
  s.events.append(unit.id, "task_started", {
    type: unit.type,
    model: unit.model,
    effort: unit.effort,
    re_arm_count: unit.reArmCount,
  });
  if (unit.unsandboxed) {
    s.events.append(unit.id, "unsandboxed_dispatch", {
      rationale: unit.rationale ?? "",
    });
    s.ctx.log.warn(
      `${unit.id} runs unsandboxed (--dangerously-skip-permissions): ${unit.rationale ?? ""}`,
    );
  }
  s.hasProgress = true;
  const report = unitReport(s, unit.id, unit.type);
  for (let a = start.startAttempt; ;) {
    const end = await runAttempt(s, c, a);
    const d = end.decision;
    if (d.outcome === "interrupted") {
      report.result = "interrupted";
      await stopDuringAttempt(
        s,
        c,
        a,
        stopCause(s) ?? { kind: "signal", signal: "SIGTERM" },
      );
    }
    if (d.isCounted) {
      c.records.push(end.record);
      c.outcomes.push(d.outcome);
    }
    const next = decideNextStep(d, {
      unitId: unit.id,
      attempt: a,
      max,
      outcomes: c.outcomes,
      priorSignature: c.priorSignature,
    });
    if (next.action === "done") {
      s.events.append(unit.id, "task_completed", {
        attempts: a,
        attempts_usage: c.records.map((r) => ({ ...r })),
      });
      await clearCheckpoint(s);
      report.result = "passed";
      report.commit = end.sha;
      const cost = c.records.reduce((t, r) => t + (r.cost_usd ?? 0), 0);
      return { kind: "passed", sha: end.sha, costUsd: cost };
    }
    if (next.action === "escalate") {
      await escalate(s, c, next.escalation, end.blockedReason);
      report.result = "escalated";
      return { kind: "escalated" };
    }
    if (next.action === "stop")
      throw new SpecfuseError({
        code: "internal_error",
        message: `unexpected stop for ${unit.id}`,
      });
    c.priorSignature = next.priorSignature;
    c.history.push({
      attempt: a,
      outcome: d.outcome,
      note: end.note,
      failureClass: d.failure?.failure_class ?? null,
      failureSignature: d.failure?.failure_signature ?? null,
      failureExcerpt: null,
    });
    c.lastNote = end.note;
    a = next.nextAttempt;
  }
}

// Continues an interrupted cycle (D-ATT-1): earlier records and signatures from events, notes from work/.
async function carryOver(s: RunSession, c: Cycle): Promise<void> {
  const prior = carriedOver(s.events.records(), c.unit.id, c.startAttempt);
  c.records.push(...prior.records);
  c.outcomes.push(...prior.outcomes);
  const notes = await readAttemptNotes(s.absFeatureDir, c.unit.id, {
    before: c.startAttempt,
  });
  for (const r of prior.records) {
    const note = notes.find((n) => n.attempt === r.attempt)?.text ?? null;
    const sig = prior.signatures.get(r.attempt);
    c.history.push({
      attempt: r.attempt,
      outcome: prior.outcomeOf.get(r.attempt) ?? "unknown",
      note,
      failureClass: sig?.failure_class ?? null,
      failureSignature: sig?.failure_signature ?? null,
      failureExcerpt: prior.excerpts.get(r.attempt) ?? null,
    });
    if (sig !== undefined && !isNoMarker(sig)) c.priorSignature = sig;
    if (note !== null) c.lastNote = note;
  }
  s.ctx.log.info(
    `  continuing ${c.unit.id} at attempt ${c.startAttempt}${c.lastNote === null ? "" : ` (last note: ${oneLine(c.lastNote, 120)})`}`,
  );
}
