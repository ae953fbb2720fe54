import type { DispatchResult } from "../../agent/dispatch-agent.js";
import type { StagedChanges } from "../../transitions/transitions.js";
import type { AttemptRecord } from "../../types/outcome.js";
import {
  findSmokeCommands,
  runSmokeImports,
} from "../../verify/smoke-imports.js";
import { fileSizes } from "../../workspace/fs-queries.js";
import {
  draftLintHook,
  handleClose,
  type RememberedClose,
} from "../close/after-pass.js";
import { checkClosingDeliverables } from "../close/closing-assertions.js";
import { gatherClosingFacts } from "../close/closing-facts.js";
import { buildSquashMessage } from "../commit/commit-message.js";
import type { Lane } from "../scope/lane.js";
import { stopCause, type RunScope } from "../scope/run-scope.js";
import {
  commitSquash,
  stageSquash,
  type StagedSquash,
} from "../tree/squash.js";
import {
  cycleFieldWrites,
  cycleTotals,
  type CycleTotals,
} from "../unit/cost.js";
import type { Cycle } from "../unit/cycle.js";
import { withStatus, type DriverKeys } from "../unit/driver-keys.js";
import type { KeyChanges } from "../unit/unit-writes.js";
import type { AttemptStart } from "./begin-attempt.js";
import type { Judging } from "./check-steps.js";
import type { PassResult } from "./decide-outcome.js";
import { checkEmptyFiles, checkProduces } from "./guards.js";

const CLOSING_CHECKED = new Set(["close", "close-intermediate", "plan-next"]);

/** What the pass pipeline produced (driver §10). */
export interface PassOutcome {
  result: PassResult;
  /** The squash commit, when one was made (only after every guard passed). */
  sha: string | null;
  /** The squash's paths: as committed after a commit, as staged otherwise. */
  squashPaths: string[];
  /** A stop arrived during the pipeline: the attempt is interrupted and nothing was committed. */
  isStopped: boolean;
  /** The D-PASS-1 write, announced by `task_completed` (audit.md AU-TR-1); a restore cancels it. */
  staged: StagedChanges;
  /** The driver keys after the D-PASS-1 write. */
  keys: DriverKeys;
  /** The close unit to flip at the gate's end (D-PASS-7). */
  remembered: RememberedClose | null;
}

/** What the guards said about the staged squash. */
type GuardVerdict =
  | { kind: "stopped" }
  | { kind: "failed"; result: PassResult }
  | { kind: "passed" };

// D-ATT-5 step 9, the pass pipeline: the done write, the squash staged, every guard, and only then the commit.
export async function passStep(
  scope: RunScope,
  lane: Lane,
  cycle: Cycle,
  start: AttemptStart,
  dispatch: DispatchResult,
  judging: Judging,
  record: AttemptRecord,
): Promise<Judging> {
  const { unit } = cycle;
  start.progress.phase("committing");
  const totals = cycleTotals([...cycle.records, record]);
  const passKeys: KeyChanges = [
    ["attempts", start.attempt],
    ...cycleFieldWrites(totals).map((w) => [w.key, w.value] as const),
  ];
  // D-PASS-1: one write, staged for task_completed and made in the lane so the squash carries it.
  const staged = await scope.transitions.stage(
    [
      {
        entity: "unit",
        id: unit.id,
        file: unit.path,
        to: "done",
        keys: passKeys,
      },
    ],
    { root: lane.cwd },
  );
  const keys = withStatus(start.keys, "done", passKeys);
  const squash = await stageSquash(lane.repo, start.snapshot);
  const base = {
    staged,
    keys,
    remembered: null,
    sha: null,
    squashPaths: squash.paths,
  };
  const verdict = await runGuards(scope, lane, cycle, start, squash);
  const stopped = (): Judging => ({
    ...judging,
    facts: {
      ...judging.facts,
      stop: stopCause(scope),
      pass: { outcome: "passed" },
    },
    pass: { ...base, result: { outcome: "passed" }, isStopped: true },
  });
  const ended = (pass: PassOutcome): Judging => ({
    ...judging,
    facts: { ...judging.facts, pass: pass.result },
    pass,
  });
  if (verdict.kind === "stopped") return stopped();
  if (verdict.kind === "failed")
    return ended({ ...base, result: verdict.result, isStopped: false });
  // The last moment a stop can still drop the squash: nothing is committed yet.
  if (stopCause(scope) !== null) return stopped();
  const message = squashMessage(scope, cycle, start, dispatch, judging, totals);
  const commit = await commitSquash(lane.repo, squash, message);
  if (commit.kind === "rejected")
    return ended({
      ...base,
      result: { outcome: "squash_commit_failed", summary: commit.summary },
      isStopped: false,
    });
  const remembered = await handleClose(scope, lane, unit);
  await draftLintHook(scope, unit);
  return ended({
    ...base,
    result: { outcome: "passed" },
    sha: commit.sha,
    squashPaths: commit.kind === "committed" ? commit.paths : squash.paths,
    isStopped: false,
    remembered,
  });
}

// The squash message of D-GIT-7 for this attempt.
function squashMessage(
  scope: RunScope,
  cycle: Cycle,
  start: AttemptStart,
  dispatch: DispatchResult,
  judging: Judging,
  totals: CycleTotals,
): string {
  const { unit } = cycle;
  return buildSquashMessage({
    prefix: unit.commitPrefix,
    title: unit.title,
    summary: dispatch.resultBlock.summary,
    wuId: unit.id,
    type: unit.type,
    attempts: start.attempt,
    model: unit.model,
    verifiedBy: judging.checks?.names ?? [],
    // Cost-USD only when cost tracking captured usage (D-GIT-7, D-COST-3).
    costUsd:
      scope.verification.cost_tracking && totals.cost_usd !== undefined
        ? totals.cost_usd
        : null,
  });
}

// D-PASS-3..6 on the staged squash, in order; the first failure decides.
async function runGuards(
  scope: RunScope,
  lane: Lane,
  cycle: Cycle,
  start: AttemptStart,
  squash: StagedSquash,
): Promise<GuardVerdict> {
  const { unit } = cycle;
  if (stopCause(scope) !== null) return { kind: "stopped" };
  const smoke = findSmokeCommands(unit.body);
  if (smoke.length > 0) {
    const report = await runSmokeImports(
      {
        commands: smoke,
        repoRoot: lane.cwd,
        featureDir: scope.feature.dir,
        unitId: unit.id,
        wuFile: unit.path,
        signal: scope.stop.signal,
      },
      scope.ctx,
    );
    if (report.isInterrupted) return { kind: "stopped" };
    if (!report.isPassed)
      return failed({
        outcome: "smoke_import_failed",
        summary: report.summary ?? "a smoke import failed",
      });
  }
  if (CLOSING_CHECKED.has(unit.type)) {
    const facts = await gatherClosingFacts(
      scope,
      lane,
      unit,
      start.snapshot.headBefore,
      squash.paths,
    );
    const closing = checkClosingDeliverables(facts);
    if (!closing.ok)
      return failed({
        outcome: "closing_deliverable_missing",
        summary: closing.summary,
        assertion: closing.assertion,
      });
  }
  const produced = checkProduces(
    unit.produces,
    await fileSizes(lane.cwd, unit.produces),
  );
  if (produced !== null)
    return failed({
      outcome: "deliverable_missing",
      summary: produced.summary,
      missing: produced.missing,
    });
  const empty = checkEmptyFiles(unit.type, squash.paths, unit.path);
  if (empty !== null)
    return failed({ outcome: "no_deliverable_files", summary: empty.summary });
  return { kind: "passed" };
}

function failed(result: PassResult): GuardVerdict {
  return { kind: "failed", result };
}
