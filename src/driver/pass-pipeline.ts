import type { DispatchResult } from "../agent/dispatch-agent.js";
import { buildSquashMessage } from "../git/commit-message.js";
import type { AttemptSnapshot } from "../git/snapshot.js";
import { squashCommit } from "../git/squash.js";
import type { AttemptRecord } from "../types/outcome.js";
import type { CheckReport } from "../verify/run-checks.js";
import { findSmokeCommands, runSmokeImports } from "../verify/smoke-imports.js";
import { fileSizes } from "../workspace/fs-queries.js";
import { draftLintHook, handleClose } from "./after-pass.js";
import { checkClosingDeliverables } from "./closing-assertions.js";
import { gatherClosingFacts } from "./closing-facts.js";
import { cycleFieldWrites, cycleTotals } from "./cost.js";
import type { PassResult } from "./decide-outcome.js";
import { checkEmptyFiles, checkProduces } from "./guards.js";
import { stopCause, type RunSession } from "./session.js";
import type { Cycle } from "./cycle.js";

const CLOSING_CHECKED = new Set(["close", "close-intermediate", "plan-next"]);

/** What the pass pipeline produced (driver §10). */
export interface PassOutcome {
  result: PassResult;
  /** The squash commit, when one was made. */
  sha: string | null;
  squashPaths: string[];
  /** A stop arrived during the pipeline: the attempt is interrupted. */
  isStopped: boolean;
}

/** What the pipeline needs from the attempt. */
export interface PassInput {
  attempt: number;
  snapshot: AttemptSnapshot;
  checks: CheckReport;
  dispatch: DispatchResult;
  /** This attempt's record, timed up to the verdict. */
  record: AttemptRecord;
}

// The pass pipeline in its strict order (D-PASS-1..6); the caller restores on any failure.
export async function runPassPipeline(
  s: RunSession,
  c: Cycle,
  input: PassInput,
): Promise<PassOutcome> {
  const { unit, wu } = c;
  const totals = cycleTotals([...c.records, input.record]);
  await wu.write([
    ["status", "done"],
    ["attempts", input.attempt],
    ...cycleFieldWrites(totals).map((w) => [w.key, w.value] as const),
  ]);
  const costUsd =
    s.verification.cost_tracking && totals.cost_usd !== undefined
      ? totals.cost_usd
      : null;
  const message = buildSquashMessage({
    prefix: unit.commitPrefix,
    title: unit.title,
    summary: input.dispatch.resultBlock.summary,
    wuId: unit.id,
    type: unit.type,
    attempts: input.attempt,
    model: unit.model,
    verifiedBy: input.checks.names,
    costUsd,
  });
  const squash = await squashCommit(s.repo, input.snapshot, message);
  const done = (result: PassResult): PassOutcome => ({
    result,
    sha: squash.sha,
    squashPaths: squash.paths,
    isStopped: false,
  });
  if (squash.kind === "rejected")
    return done({ outcome: "squash_commit_failed", summary: squash.summary });
  if (stopCause(s) !== null)
    return { ...done({ outcome: "passed" }), isStopped: true };
  const smoke = findSmokeCommands(unit.body);
  if (smoke.length > 0) {
    const report = await runSmokeImports(
      {
        commands: smoke,
        repoRoot: s.root,
        featureDir: s.featureDir,
        unitId: unit.id,
        wuFile: unit.path,
        signal: s.stop.signal,
      },
      s.ctx,
    );
    if (report.isInterrupted)
      return { ...done({ outcome: "passed" }), isStopped: true };
    if (!report.isPassed)
      return done({
        outcome: "smoke_import_failed",
        summary: report.summary ?? "a smoke import failed",
      });
  }
  if (CLOSING_CHECKED.has(unit.type)) {
    const facts = await gatherClosingFacts(
      s,
      unit,
      input.snapshot.headBefore,
      squash.paths,
    );
    const closing = checkClosingDeliverables(facts);
    if (!closing.ok)
      return done({
        outcome: "closing_deliverable_missing",
        summary: closing.summary,
        assertion: closing.assertion,
      });
  }
  const produced = checkProduces(
    unit.produces,
    await fileSizes(s.root, unit.produces),
  );
  if (produced !== null)
    return done({
      outcome: "deliverable_missing",
      summary: produced.summary,
      missing: produced.missing,
    });
  const empty = checkEmptyFiles(unit.type, squash.paths, unit.path);
  if (empty !== null)
    return done({ outcome: "no_deliverable_files", summary: empty.summary });
  await handleClose(s, unit);
  await draftLintHook(s, unit);
  return done({ outcome: "passed" });
}
