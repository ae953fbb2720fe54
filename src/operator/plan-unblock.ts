import { SpecfuseError } from "../errors/specfuse-error.js";
import type { NewEvent } from "../events/event-types.js";
import { formatTimestamp } from "../events/format-event.js";
import {
  subjects,
  type BookkeepingMessage,
} from "../driver/commit/subjects.js";
import type { GateModel, UnitModel } from "../plan/feature-model.js";
import type { FrontmatterChange } from "../yaml/edit-frontmatter.js";
import type { FrontmatterMap } from "../yaml/format-yaml-value.js";

/** What `unblock` will write (driver D-UNB-1, formats.md F-WU-4), computed before anything is touched. */
export interface UnblockPlan {
  wu: string;
  /** Repo-relative path of the WU file. */
  file: string;
  /** The unit's new status, written first in the one frontmatter write. */
  to: "pending";
  /** The rest of that write, in order: attempts, re_arm_count, re_arm_history. */
  keys: FrontmatterChange[];
  priorStatus: string;
  priorAttempts: number;
  reArmCount: number;
  /** The appended `re_arm_history` entry, keys in F-WU-4 order. */
  entry: FrontmatterMap;
  /** The gate goes from awaiting_review back to open, or null when it stays. */
  gate: { number: number; file: string; from: string } | null;
  event: NewEvent<"wu_unblocked">;
  commit: BookkeepingMessage;
  /** Things to tell the user that change nothing (a passed gate stays passed). */
  notes: string[];
}

// Refuses any unit that is not blocked_human (C-UNBLOCK-1, exit 1 wu_not_blocked); `in_progress` is recovered by `run`.
export function checkUnblockable(unit: UnitModel): void {
  if (unit.status === "blocked_human") return;
  const why =
    unit.status === "in_progress"
      ? "an in_progress unit is an interrupted attempt: `specfuse run` recovers it"
      : unit.status === "done"
        ? "it already passed"
        : unit.status === "draft"
          ? "a draft is armed with `specfuse arm`"
          : `only blocked_human units are re-armed`;
  throw new SpecfuseError({
    code: "wu_not_blocked",
    message: `${unit.id} is ${unit.status}, not blocked_human`,
    file: unit.path,
    detail: why,
    hint: unit.status === "in_progress" ? "specfuse run" : "specfuse status",
  });
}

// Computes the unblock writes for a blocked unit (F-WU-4): pending, attempts 0, re_arm_count + 1, a history entry; pure.
export function planUnblock(input: {
  unit: UnitModel;
  gate: GateModel;
  reason: string;
  now: Date;
}): UnblockPlan {
  const { unit, gate } = input;
  checkUnblockable(unit);
  const history = priorHistory(unit);
  const base = Number.isInteger(unit.data.re_arm_count)
    ? (unit.data.re_arm_count as number)
    : Number.isInteger(unit.data.rearm_count)
      ? (unit.data.rearm_count as number)
      : 0;
  const reArmCount = base + 1;
  const entry: FrontmatterMap = {
    timestamp: formatTimestamp(input.now),
    prior_status: unit.status,
    prior_attempts: unit.attempts,
    prior_cost_usd: unit.costUsd ?? 0,
    prior_duration_seconds: unit.durationSeconds ?? 0,
    reason: input.reason,
  };
  const notes: string[] = [];
  if (gate.status === "passed")
    notes.push(
      `gate ${gate.number} is passed, so \`specfuse run\` will not pick ${unit.id} up until the gate is open again`,
    );
  return {
    wu: unit.id,
    file: unit.path,
    to: "pending",
    keys: [
      ["attempts", 0],
      ["re_arm_count", reArmCount],
      ["re_arm_history", [...history, entry]],
    ],
    priorStatus: unit.status,
    priorAttempts: unit.attempts,
    reArmCount,
    entry,
    gate:
      gate.status === "awaiting_review"
        ? { number: gate.number, file: gate.path, from: gate.status }
        : null,
    event: {
      correlation_id: unit.id,
      event_type: "wu_unblocked",
      payload: {
        re_arm_count: reArmCount,
        reason: input.reason,
        prior_status: unit.status,
        prior_attempts: unit.attempts,
      },
    },
    commit: subjects.reArmed(unit.id, reArmCount),
    notes,
  };
}

// The existing `re_arm_history` entries, to be written back unchanged before the new one (65 when not a list of maps).
function priorHistory(unit: UnitModel): FrontmatterMap[] {
  const value = unit.data.re_arm_history;
  if (value === undefined || value === null) return [];
  const isMaps =
    Array.isArray(value) &&
    value.every(
      (e) =>
        typeof e === "object" &&
        e !== null &&
        !Array.isArray(e) &&
        Object.keys(e).length > 0,
    );
  if (!isMaps)
    throw new SpecfuseError({
      code: "frontmatter_invalid",
      message: `${unit.path}: re_arm_history is not a list of entries`,
      file: unit.path,
      detail:
        "expected a list of maps (timestamp, prior_status, prior_attempts, prior_cost_usd, prior_duration_seconds, reason)",
      hint: "fix or remove the re_arm_history key, then run unblock again",
    });
  return value as FrontmatterMap[];
}

// One line per change, for the report and the dry run.
export function describeUnblock(plan: UnblockPlan): string[] {
  const lines = [
    `${plan.file}: status ${plan.priorStatus} → pending, attempts ${plan.priorAttempts} → 0, re_arm_count ${plan.reArmCount - 1} → ${plan.reArmCount}, re_arm_history +1 entry`,
  ];
  if (plan.gate !== null)
    lines.push(`${plan.gate.file}: status ${plan.gate.from} → open`);
  lines.push(
    `event wu_unblocked (re_arm_count=${plan.reArmCount}, prior_status=${plan.priorStatus}, prior_attempts=${plan.priorAttempts})`,
  );
  return lines;
}
