import path from "node:path";
import { readOptionalText } from "../../workspace/fs-queries.js";
import { writeFileAtomic } from "../../workspace/write-file-atomic.js";
import { parseFrontmatter } from "../../yaml/split-frontmatter.js";
import type { RememberedClose } from "../close/after-pass.js";
import { readVerdict } from "../close/closing-facts.js";
import {
  checkPostPassInvariant,
  invariantRepairSteps,
  planTerminalFlips,
} from "../close/terminal-flips.js";
import { bookkeepingCommit } from "../commit/bookkeeping.js";
import { subjects } from "../commit/subjects.js";
import { say, type RunScope } from "../scope/run-scope.js";
import { notePaths } from "../unit/escalate.js";
import type { Walked } from "../walk/walk-gate.js";
import {
  completedEnding,
  decideEnding,
  endingReport,
  type Ending,
  type EndingReport,
} from "./ending.js";

const ROADMAP = ".specfuse/roadmap.md";
const ARCHIVE = ".specfuse/roadmap-archive.md";

/** How the gate run ended (driver §30), as a value. */
export interface GateEnd {
  ending: Ending;
  exitCode: 0 | 1;
  report: EndingReport;
  /** The gate's status once the ending was written. */
  gateStatus: string;
}

// The end of the walk (D-END-1): halt on escalations or unfinished units, nothing_to_do, or complete the gate.
export async function finishGate(
  scope: RunScope,
  walked: Walked,
): Promise<GateEnd> {
  const unfinished = walked.walk.view().unreachable;
  const decision = decideEnding({
    hasEscalated: walked.escalated.length > 0,
    unfinished,
    wasAwaitingReview: scope.gate.status === "awaiting_review",
    hasProgress: walked.hasProgress,
  });
  const base = {
    featureId: scope.feature.id,
    featureDir: scope.feature.dir,
    gate: scope.gate.number,
    branch: scope.feature.branch,
  };
  if (decision.ending === "complete")
    return completeGate(scope, walked.remembered);
  if (decision.ending === "nothing_to_do")
    return {
      ending: "nothing_to_do",
      exitCode: 0,
      report: endingReport({ ...base, ending: "nothing_to_do" }),
      gateStatus: walked.gateStatus,
    };
  const units = unfinished.map((r) => ({
    id: r.id,
    status: r.status,
    reason: r.reason,
    notes: notePaths(scope, r.id),
  }));
  return {
    ending: decision.ending,
    exitCode: 1,
    report: endingReport({ ...base, ending: decision.ending, units }),
    gateStatus: walked.gateStatus,
  };
}

// Completes the gate (D-END-3): awaiting_review with gate_reached, the commit, then the flips and the invariant.
async function completeGate(
  scope: RunScope,
  remembered: RememberedClose | null,
): Promise<GateEnd> {
  const { gate } = scope;
  await scope.transitions.apply({
    writes: [
      {
        entity: "gate",
        id: String(gate.number),
        file: gate.path,
        to: "awaiting_review",
        stubGate: gate.number,
      },
    ],
    // D-END-3 step 2: the backend hook onGatePassed is a no-op in this version.
    event: {
      correlation_id: scope.feature.id,
      event_type: "gate_reached",
      payload: { gate: gate.number },
    },
  });
  await bookkeepingCommit(
    scope.repo,
    subjects.gateAwaitingReview(gate.number, scope.feature.id),
    [gate.path, scope.transitions.log.rel],
  );
  const closed =
    remembered !== null && gate.isTerminal
      ? await closeFeature(scope, remembered)
      : { verdict: undefined, repairSteps: null, isGatePassed: false };
  const plan = parseFrontmatter(
    (await readOptionalText(scope.root, `${scope.feature.dir}/PLAN.md`)) ?? "",
  );
  const end = completedEnding({
    planStatus: plan.state === "ok" ? plan.data.status : undefined,
    isTerminalGate: gate.isTerminal,
    isInvariantFailed: closed.repairSteps !== null,
  });
  const report = endingReport({
    ending: end.ending,
    featureId: scope.feature.id,
    featureDir: scope.feature.dir,
    gate: gate.number,
    branch: scope.feature.branch,
    verdict: closed.verdict,
    closeUnitFile: remembered?.file,
    repairSteps: closed.repairSteps ?? [],
  });
  const gateStatus = closed.isGatePassed ? "passed" : "awaiting_review";
  return { ending: end.ending, exitCode: end.exitCode, report, gateStatus };
}

// The terminal close (D-FLIP, D-INV): the flips, then the invariant for a `met` close unit.
async function closeFeature(
  scope: RunScope,
  remembered: RememberedClose,
): Promise<{
  verdict: unknown;
  repairSteps: string[] | null;
  isGatePassed: boolean;
}> {
  const verdict = await readVerdict(scope.root, remembered.file);
  const isGatePassed = await applyFlips(scope, remembered.id, verdict);
  const repairSteps =
    remembered.type === "close" && verdict === "met"
      ? await invariant(scope, remembered.id)
      : null;
  return { verdict, repairSteps, isGatePassed };
}

// The terminal flips (D-FLIP-1..3): computed as text, written, committed when anything changed; true if the gate passed.
async function applyFlips(
  scope: RunScope,
  closeId: string,
  verdict: unknown,
): Promise<boolean> {
  const { gate, root } = scope;
  const planRel = `${scope.feature.dir}/PLAN.md`;
  const [gateText, planText, roadmap, archive] = await Promise.all([
    readOptionalText(root, gate.path),
    readOptionalText(root, planRel),
    readOptionalText(root, ROADMAP),
    readOptionalText(root, ARCHIVE),
  ]);
  const gateFm = gateText === null ? null : parseFrontmatter(gateText);
  const planFm = parseFrontmatter(planText ?? "");
  const plan = planTerminalFlips({
    closeUnitId: closeId,
    featureId: closeId.slice(0, closeId.lastIndexOf("/")),
    terminalGate: gate.number,
    gateStatus:
      gateFm === null
        ? null
        : String(
            (gateFm.state === "ok" ? gateFm.data.status : undefined) ?? "open",
          ),
    planStatus: planFm.state === "ok" ? planFm.data.status : undefined,
    planTitle: planFm.state === "ok" ? planFm.data.title : undefined,
    verdict,
    roadmap,
    archive,
  });
  const paths: string[] = [];
  if (plan.isGatePassed) {
    await scope.transitions.apply({
      writes: [
        {
          entity: "gate",
          id: String(gate.number),
          file: gate.path,
          to: "passed",
        },
      ],
      event: null,
    });
    paths.push(gate.path);
  }
  if (plan.roadmap !== null) {
    await writeFileAtomic(path.join(root, ROADMAP), plan.roadmap);
    paths.push(ROADMAP);
  }
  if (plan.isPlanDone) {
    await scope.transitions.apply({
      writes: [
        { entity: "feature", id: scope.feature.id, file: planRel, to: "done" },
      ],
      event: null,
    });
    paths.push(planRel);
  }
  if (plan.archive !== null) {
    await writeFileAtomic(path.join(root, ARCHIVE), plan.archive);
    paths.push(ARCHIVE);
  }
  for (const line of plan.logs) say(scope, `  flip: ${line}`);
  for (const w of plan.warnings) scope.ctx.log.warn(w);
  if (plan.hasChanges && paths.length > 0)
    await bookkeepingCommit(
      scope.repo,
      subjects.terminalFlips(closeId, scope.feature.id),
      [...paths, scope.transitions.log.rel],
    );
  return plan.isGatePassed;
}

// The post-pass invariant (D-INV-1/2); the repair steps when it fails (after recording and committing), else null.
async function invariant(
  scope: RunScope,
  closeId: string,
): Promise<string[] | null> {
  const featureId = closeId.slice(0, closeId.lastIndexOf("/"));
  const [gateText, roadmap, archive] = await Promise.all([
    readOptionalText(scope.root, scope.gate.path),
    readOptionalText(scope.root, ROADMAP),
    readOptionalText(scope.root, ARCHIVE),
  ]);
  const gateFm = gateText === null ? null : parseFrontmatter(gateText);
  const result = checkPostPassInvariant({
    featureId,
    terminalGate: scope.gate.number,
    gateStatus:
      gateFm === null || gateFm.state !== "ok"
        ? null
        : String(gateFm.data.status ?? "open"),
    roadmap,
    archive,
  });
  if (result.ok) return null;
  scope.transitions.record({
    correlation_id: closeId,
    event_type: "human_escalation",
    payload: {
      reason: "post_pass_invariant_failed",
      assertion: result.assertion,
      summary: result.summary,
    },
  });
  await bookkeepingCommit(
    scope.repo,
    subjects.postPassInvariantFailed(closeId, scope.feature.id),
    [scope.transitions.log.rel],
  );
  return invariantRepairSteps(result.failures, scope.gate.path, featureId);
}
