import {
  isSpecfuseError,
  type SpecfuseError,
  type SpecfuseErrorFields,
} from "../../errors/specfuse-error.js";
import type { BlockReason } from "../../plan/frontier.js";
import { reviewFileName } from "../close/closing-assertions.js";

/**
 * An ending that stops the run with an error code, as data: the command edge throws it (architecture.md §4.3).
 * A fault met on the way (git refusing a bookkeeping commit) keeps its original error as `fault`.
 */
export type Halt = SpecfuseErrorFields & { fault?: SpecfuseError };

// A thrown SpecfuseError as a halt value, so the walk can end with the reports it has; anything else is rethrown.
export function haltOf(error: unknown): Halt {
  if (!isSpecfuseError(error)) throw error;
  return { code: error.code, message: error.message, fault: error };
}

/** Every ending a gate run can report (driver D-END, D-EXIT-1). */
export type Ending =
  | "gate_awaiting_review"
  | "feature_ready_to_wrap"
  | "terminal_incomplete"
  | "nothing_to_do"
  | "feature_complete"
  | "halted_escalation"
  | "halted_blocked"
  | "halted_budget"
  | "halted_invariant"
  | "drafts_not_armed";

/** The walk as the ending table sees it (D-END-1). */
export interface WalkSummary {
  /** A unit escalated during this run. */
  hasEscalated: boolean;
  /** Unfinished current-gate units (D-WALK-5, `unfinishedReasons`). */
  unfinished: readonly BlockReason[];
  /** The gate was `awaiting_review` when the run started. */
  wasAwaitingReview: boolean;
  /** Something was dispatched or auto-closed this run. */
  hasProgress: boolean;
}

/** The first matching row of D-END-1; `complete` means: run D-END-3, then `completedEnding`. */
export type EndDecision =
  | { ending: "halted_escalation" | "halted_blocked"; exitCode: 1 }
  | { ending: "nothing_to_do"; exitCode: 0 }
  | { ending: "complete" };

// The ending table (D-END-1): escalation, then unfinished units, then an untouched awaiting gate, else complete.
export function decideEnding(walk: WalkSummary): EndDecision {
  if (walk.hasEscalated) return { ending: "halted_escalation", exitCode: 1 };
  if (walk.unfinished.length > 0)
    return { ending: "halted_blocked", exitCode: 1 };
  if (walk.wasAwaitingReview && !walk.hasProgress)
    return { ending: "nothing_to_do", exitCode: 0 };
  return { ending: "complete" };
}

// Which completion ending applies (D-END-4): a failed invariant halts; PLAN done wraps; a terminal gate without it is incomplete.
export function completedEnding(input: {
  planStatus: unknown;
  isTerminalGate: boolean;
  isInvariantFailed: boolean;
}): { ending: Ending; exitCode: 0 | 1 } {
  if (input.isInvariantFailed)
    return { ending: "halted_invariant", exitCode: 1 };
  if (input.planStatus === "done")
    return { ending: "feature_ready_to_wrap", exitCode: 0 };
  if (input.isTerminalGate)
    return { ending: "terminal_incomplete", exitCode: 0 };
  return { ending: "gate_awaiting_review", exitCode: 0 };
}

/** A unit to list in a halt, with its reason and note files (D-END-2). */
export interface HaltedUnit {
  id: string;
  /** In-memory status; `blocked_human` units get their own unblock line. */
  status: string;
  reason: string;
  /** Repo-relative `attempt-<n>.md` paths, oldest first. */
  notes: readonly string[];
}

/** What the ending report needs. */
export interface EndingContext {
  ending: Ending;
  featureId: string;
  /** `<F>`. */
  featureDir: string;
  gate: number;
  /** The feature branch (PLAN `branch`, else the checked-out one). */
  branch: string;
  /** terminal_incomplete: the close unit's verdict and WU file. */
  verdict?: unknown;
  closeUnitFile?: string;
  /** Halts: the units to list. */
  units?: readonly HaltedUnit[];
  /** halted_invariant: the manual repair steps. */
  repairSteps?: readonly string[];
  /** halted_budget and drafts_not_armed: the GATE file and the draft count. */
  gateFile?: string;
  draftCount?: number;
  /** drafts_not_armed: whether `GATE-NN-REVIEW.md` exists for this gate. */
  hasReviewFile?: boolean;
}

/** A headline, detail lines and `next_steps` (D-END-2, D-END-4, D-CLI-4). */
export interface EndingReport {
  headline: string;
  details: string[];
  nextSteps: string[];
}

const UNBLOCK_REASON = '"<what changed>"';

// The report for an ending: what happened, then the exact commands to run next (D-END-2, D-END-4).
export function endingReport(c: EndingContext): EndingReport {
  const n = c.gate;
  const next = reviewFileName(n + 1);
  switch (c.ending) {
    case "gate_awaiting_review":
      return {
        headline: `gate ${n} complete: awaiting review`,
        details: [],
        nextSteps: [
          `read ${c.featureDir}/${next} and the drafted units of gate ${n + 1}`,
          `specfuse arm   (accepts gate ${n} and arms gate ${n + 1}; --wu <ID>... arms a subset)`,
          "specfuse run",
        ],
      };
    case "feature_ready_to_wrap":
    case "feature_complete":
      return {
        headline:
          c.ending === "feature_complete"
            ? `feature ${c.featureId}: every gate passed`
            : `feature ${c.featureId} is done: ready to wrap`,
        details: [],
        nextSteps: [
          `git push -u origin ${c.branch}`,
          `open a pull request for ${c.branch}`,
        ],
      };
    case "terminal_incomplete":
      return {
        headline: `terminal gate ${n} complete, but the feature is not marked done`,
        details: [
          `the close verdict is ${formatVerdict(c.verdict)}; the terminal flips (gate passed, roadmap done, PLAN done, archive) run only for met`,
        ],
        nextSteps: [
          `settle the verdict in ${c.closeUnitFile ?? "the close unit"} or the status in ${c.featureDir}/PLAN.md by hand`,
          "specfuse status",
        ],
      };
    case "nothing_to_do":
      return {
        headline: `gate ${n} already awaits review; nothing to do`,
        details: [],
        nextSteps: [
          `specfuse arm   (accepts gate ${n} and arms the next gate)`,
        ],
      };
    case "halted_escalation":
    case "halted_blocked":
      return haltReport(c);
    default:
      return stopReport(c);
  }
}

// The endings that stop before or after the walk for another reason: invariant, budget, drafts.
function stopReport(c: EndingContext): EndingReport {
  const n = c.gate;
  switch (c.ending) {
    case "halted_invariant":
      return {
        headline:
          "halted: the post-pass invariant failed after the terminal flips",
        details: [...(c.repairSteps ?? [])],
        nextSteps: [
          "repair the files by hand as listed, then commit",
          "specfuse status",
        ],
      };
    case "halted_budget":
      return {
        headline: `halted: gate ${n} reached its cost budget`,
        details: [],
        nextSteps: [
          `raise cost_budget_usd in ${c.gateFile ?? `gate ${n}'s GATE file`} to keep a ceiling for the remaining units`,
          "specfuse run   (the gate now awaits review, so the brake stays off for it)",
        ],
      };
    default:
      return {
        headline: `gate ${n} has ${c.draftCount ?? 0} draft unit(s) and is not armed`,
        details:
          c.hasReviewFile === true
            ? [`review notes: ${c.featureDir}/${reviewFileName(n)}`]
            : [],
        nextSteps: [
          `specfuse arm --gate ${n}   (--wu <ID>... arms a subset)`,
          "specfuse run",
        ],
      };
  }
}

function haltReport(c: EndingContext): EndingReport {
  const units = c.units ?? [];
  const details = units.flatMap((u) => [
    `${u.id}: ${u.reason}`,
    ...u.notes.map((p) => `  notes: ${p}`),
  ]);
  const blocked = units.filter((u) => u.status === "blocked_human");
  const unblock =
    blocked.length === 0
      ? [`specfuse unblock <ID> --reason ${UNBLOCK_REASON}`]
      : blocked.map(
          (u) => `specfuse unblock ${u.id} --reason ${UNBLOCK_REASON}`,
        );
  return {
    headline:
      c.ending === "halted_escalation"
        ? `halted: gate ${c.gate} has escalated units`
        : `halted: gate ${c.gate} has unfinished units`,
    details,
    nextSteps: [
      "fix the cause (the notes above hold the evidence)",
      ...unblock,
      "specfuse run",
      "specfuse status   (shows the state)",
    ],
  };
}

function formatVerdict(v: unknown): string {
  return v === undefined || v === null || v === "" ? "unset" : String(v);
}
