import type { DispatchResult } from "../../agent/dispatch-agent.js";
import { runChecks, type CheckReport } from "../../verify/run-checks.js";
import { detectAttemptViolations } from "../protect/detect-violations.js";
import type { Lane } from "../scope/lane.js";
import { stopCause, type RunScope } from "../scope/run-scope.js";
import { inspectAfterAgent, type AfterAgent } from "../tree/fold.js";
import type { Cycle } from "../unit/cycle.js";
import type { AttemptStart } from "./begin-attempt.js";
import type { AttemptFacts } from "./decide-outcome.js";
import { unchangedDeclaredPaths } from "./guards.js";
import type { PassOutcome } from "./pass-step.js";

/** An attempt being judged (D-ATT-5): the facts so far and what the steps produced. */
export interface Judging {
  facts: AttemptFacts;
  /** The tree after the agent, its commits folded (D-GIT-5). */
  after: AfterAgent;
  /** Monotonic ms where the attempt's clock stops: after the agent, then after verification (D-ATT-4 step 3). */
  verdictMs: number;
  checks: CheckReport | null;
  pass: PassOutcome | null;
}

// D-ATT-5 steps 1–6: fold the agent's commits, then gather the facts up to the protected paths.
export async function inspectStep(
  scope: RunScope,
  lane: Lane,
  start: AttemptStart,
  dispatch: DispatchResult,
): Promise<Judging> {
  const after = await inspectAfterAgent(lane.repo, start.snapshot);
  const protectedPaths = await detectAttemptViolations(
    scope,
    lane,
    start.protectedSet,
    start.snapshot,
    after,
    start.checkpoint.bytes(),
  );
  return {
    facts: {
      stop: stopCause(scope),
      timeout: dispatch.timeout,
      isCostTracking: scope.verification.cost_tracking,
      usage: dispatch.usage,
      agentStatus: dispatch.resultBlock.agentStatus,
      blockedReason: dispatch.resultBlock.blockedReason,
      protectedPaths,
    },
    after,
    verdictMs: scope.ctx.monotonicMs(),
    checks: null,
    pass: null,
  };
}

// D-ATT-5 step 7: the unit's gates, run in the lane from the oracle as committed (D-VER-1).
export async function verifyStep(
  scope: RunScope,
  lane: Lane,
  cycle: Cycle,
  start: AttemptStart,
  judging: Judging,
): Promise<Judging> {
  const { unit } = cycle;
  const checks = await runChecks(
    {
      verification: scope.verification,
      unitType: unit.type,
      extraGates: unit.extraGates,
      repoRoot: lane.cwd,
      featureDir: scope.feature.dir,
      unitId: unit.id,
      wuFile: unit.path,
      signal: scope.stop.signal,
      onGate: (g) =>
        start.progress.phase(`verifying ${g.name} (${g.index}/${g.total})`),
    },
    scope.ctx,
  );
  return {
    ...judging,
    facts: {
      ...judging.facts,
      stop: stopCause(scope),
      verification: { isPassed: checks.isPassed, evidence: checks.evidence },
    },
    verdictMs: scope.ctx.monotonicMs(),
    checks,
  };
}

// D-ATT-5 step 8: the declared `files_changed` paths that did not change (D-GUARD-1).
export function filesChangedStep(
  lane: Lane,
  start: AttemptStart,
  dispatch: DispatchResult,
  judging: Judging,
): Judging {
  start.progress.phase("checking");
  const before = new Set(start.snapshot.untrackedBefore);
  const { status } = judging.after;
  return {
    ...judging,
    facts: {
      ...judging.facts,
      unchangedPaths: unchangedDeclaredPaths({
        declared: dispatch.resultBlock.filesChanged ?? [],
        repoRoot: lane.cwd,
        changedTracked: status.changes.flatMap((ch) =>
          ch.origPath === null ? [ch.path] : [ch.path, ch.origPath],
        ),
        newUntracked: status.untracked.filter((p) => !before.has(p)),
      }),
    },
  };
}
