import { bookkeepingCommit } from "../git/bookkeeping.js";
import { attemptDir } from "../workspace/attempt-files.js";
import { listFileNames } from "../workspace/fs-queries.js";
import { clearCheckpoint } from "./checkpoint.js";
import { cycleFieldWrites, cycleTotals } from "./cost.js";
import type { Cycle } from "./cycle.js";
import { escalationPayload, type Escalation } from "./retry-policy.js";
import { say, type RunSession } from "./session.js";

// Repo-relative paths of the cycle's `attempt-<n>.md` notes, oldest first.
export function notePaths(s: RunSession, unitId: string): string[] {
  const dir = attemptDir(s.absFeatureDir, unitId);
  const key = unitId.replace(/\//g, "_");
  return listFileNames(dir)
    .filter((n) => /^attempt-\d+\.md$/.test(n))
    .sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]))
    .map((n) => `${s.featureDir}/work/${key}/${n}`);
}

// Escalates a unit to blocked_human (D-OUT-2, D-SPIN-3, D-EXH-2): write, event, commit with the notes, print.
export async function escalate(
  s: RunSession,
  c: Cycle,
  esc: Escalation,
  blockedReason: string | null,
): Promise<void> {
  const totals = cycleTotals(c.records);
  await c.wu.write([
    ["status", "blocked_human"],
    ["attempts", esc.lastAttempt],
    ...cycleFieldWrites(totals).map((w) => [w.key, w.value] as const),
  ]);
  s.events.append(
    c.unit.id,
    "human_escalation",
    escalationPayload(esc, blockedReason, c.records),
  );
  const notes = notePaths(s, c.unit.id);
  await bookkeepingCommit(
    s.repo,
    { subject: esc.commitSubject, feature: c.unit.id },
    [c.wu.rel, s.events.rel, ...notes],
  );
  await clearCheckpoint(s);
  s.escalated.push(c.unit.id);
  const why =
    esc.reason === "agent_reported_blocked"
      ? `the agent reported blocked: ${blockedReason ?? "(no reason given)"}`
      : esc.reason === "spinning_signature_repeat"
        ? `the same failure twice in a row (${esc.failure?.failure_class ?? "other"}: ${esc.failure?.failure_signature ?? ""})`
        : `${esc.attempts} attempts used (${esc.reason})`;
  say(
    s,
    `  ${s.decor.paint.yellow(`${s.decor.isTTY ? "! " : ""}ESCALATED`)} ${c.unit.id} -> blocked_human: ${why}`,
  );
  if (notes.length > 0) say(s, `    notes: ${notes.join(", ")}`);
}
