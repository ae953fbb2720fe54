import path from "node:path";
import { listFileNames } from "../../workspace/fs-queries.js";
import { noteAttempt, unitWorkDir } from "../../workspace/work-paths.js";
import { clearCheckpoint } from "../attempt/run-state.js";
import { bookkeepingCommit } from "../commit/bookkeeping.js";
import type { Lane } from "../scope/lane.js";
import { say, type RunScope } from "../scope/run-scope.js";
import { cycleFieldWrites, cycleTotals } from "./cost.js";
import type { Cycle } from "./cycle.js";
import { escalationPayload, type Escalation } from "./retry-policy.js";
import { writeUnitStep } from "./unit-writes.js";

// Root-relative paths of a unit's `attempt-<n>.md` notes, oldest first.
export function notePaths(
  scope: Pick<RunScope, "root" | "feature">,
  unitId: string,
): string[] {
  const dir = unitWorkDir(scope.feature.dir, unitId);
  return listFileNames(path.join(scope.root, dir))
    .map((name) => ({ name, attempt: noteAttempt(name) }))
    .filter((n): n is { name: string; attempt: number } => n.attempt !== null)
    .sort((a, b) => a.attempt - b.attempt)
    .map((n) => `${dir}/${n.name}`);
}

// Escalates a unit to blocked_human (D-OUT-2, D-SPIN-3, D-EXH-2): write with the event, commit with the notes, print.
export async function escalate(
  scope: RunScope,
  lane: Lane,
  cycle: Cycle,
  esc: Escalation,
  blockedReason: string | null,
): Promise<void> {
  const { unit } = cycle;
  const totals = cycleTotals(cycle.records);
  await writeUnitStep(scope, lane, cycle.keys, {
    unit,
    to: "blocked_human",
    keys: [
      ["attempts", esc.lastAttempt],
      ...cycleFieldWrites(totals).map((w) => [w.key, w.value] as const),
    ],
    event: {
      correlation_id: unit.id,
      event_type: "human_escalation",
      payload: escalationPayload(esc, blockedReason, cycle.records),
    },
  });
  const notes = notePaths(scope, unit.id);
  await bookkeepingCommit(
    scope.repo,
    { subject: esc.commitSubject, feature: unit.id },
    [unit.path, scope.transitions.log.rel, ...notes],
  );
  await clearCheckpoint(scope);
  const why =
    esc.reason === "agent_reported_blocked"
      ? `the agent reported blocked: ${blockedReason ?? "(no reason given)"}`
      : esc.reason === "spinning_signature_repeat"
        ? `the same failure twice in a row (${esc.failure?.failure_class ?? "other"}: ${esc.failure?.failure_signature ?? ""})`
        : `${esc.attempts} attempts used (${esc.reason})`;
  say(
    scope,
    `  ${scope.decor.paint.yellow(`${scope.decor.isTTY ? "! " : ""}ESCALATED`)} ${unit.id} -> blocked_human: ${why}`,
  );
  if (notes.length > 0) say(scope, `    notes: ${notes.join(", ")}`);
}
