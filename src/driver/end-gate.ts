import path from "node:path";
import { bookkeepingCommit } from "../git/bookkeeping.js";
import { subjects } from "../git/subjects.js";
import { readOptionalText } from "../workspace/fs-queries.js";
import { updateFrontmatter } from "../workspace/update-frontmatter.js";
import { writeFileAtomic } from "../workspace/write-file-atomic.js";
import { parseFrontmatter } from "../yaml/split-frontmatter.js";
import { readVerdict } from "./closing-facts.js";
import { completedEnding, endingReport } from "./ending.js";
import type { GateEnd } from "./run-gate.js";
import { say, type RunSession } from "./session.js";
import {
  checkPostPassInvariant,
  invariantRepairSteps,
  planTerminalFlips,
} from "./terminal-flips.js";

const ROADMAP = ".specfuse/roadmap.md";
const ARCHIVE = ".specfuse/roadmap-archive.md";

// Completes the gate (D-END-3): awaiting_review, gate_reached, the commit, then the flips and the invariant.
export async function completeGate(s: RunSession): Promise<GateEnd> {
  const n = s.gate.number;
  await updateFrontmatter(
    path.join(s.root, s.gate.path),
    [["status", "awaiting_review"]],
    { display: s.gate.path, stubGate: n },
  );
  s.gate.status = "awaiting_review";
  // D-END-3 step 2: the backend hook onGatePassed is a no-op in this version.
  s.events.append(s.featureId, "gate_reached", { gate: n });
  await bookkeepingCommit(s.repo, subjects.gateAwaitingReview(n, s.featureId), [
    s.gate.path,
    s.events.rel,
  ]);
  let isInvariantFailed = false;
  let repairSteps: string[] = [];
  let verdict: unknown;
  if (s.remembered !== null && s.gate.isTerminal) {
    const r = s.remembered;
    verdict = await readVerdict(s.root, r.file);
    await applyFlips(s, r.id, verdict);
    if (r.type === "close" && verdict === "met") {
      const failures = await invariant(s, r.id);
      if (failures !== null) {
        isInvariantFailed = true;
        repairSteps = failures;
      }
    }
  }
  const plan = parseFrontmatter(
    (await readOptionalText(s.root, `${s.featureDir}/PLAN.md`)) ?? "",
  );
  const planStatus = plan.state === "ok" ? plan.data.status : undefined;
  const end = completedEnding({
    planStatus,
    isTerminalGate: s.gate.isTerminal,
    isInvariantFailed,
  });
  const report = endingReport({
    ending: end.ending,
    featureId: s.featureId,
    featureDir: s.featureDir,
    gate: n,
    branch: s.branch,
    verdict,
    closeUnitFile: s.remembered?.file,
    repairSteps,
  });
  return { ending: end.ending, exitCode: end.exitCode, report };
}

// The terminal flips (D-FLIP-1..3): computed as text, written, committed when anything changed.
async function applyFlips(
  s: RunSession,
  closeId: string,
  verdict: unknown,
): Promise<void> {
  const [gateText, planText, roadmap, archive] = await Promise.all([
    readOptionalText(s.root, s.gate.path),
    readOptionalText(s.root, `${s.featureDir}/PLAN.md`),
    readOptionalText(s.root, ROADMAP),
    readOptionalText(s.root, ARCHIVE),
  ]);
  const gateFm = gateText === null ? null : parseFrontmatter(gateText);
  const planFm = parseFrontmatter(planText ?? "");
  const plan = planTerminalFlips({
    closeUnitId: closeId,
    featureId: closeId.slice(0, closeId.lastIndexOf("/")),
    terminalGate: s.gate.number,
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
    s.gate.status = "passed";
    await updateFrontmatter(
      path.join(s.root, s.gate.path),
      [["status", "passed"]],
      { display: s.gate.path },
    );
    paths.push(s.gate.path);
  }
  if (plan.roadmap !== null) {
    await writeFileAtomic(path.join(s.root, ROADMAP), plan.roadmap);
    paths.push(ROADMAP);
  }
  if (plan.isPlanDone) {
    await updateFrontmatter(
      path.join(s.root, s.featureDir, "PLAN.md"),
      [["status", "done"]],
      { display: `${s.featureDir}/PLAN.md` },
    );
    paths.push(`${s.featureDir}/PLAN.md`);
  }
  if (plan.archive !== null) {
    await writeFileAtomic(path.join(s.root, ARCHIVE), plan.archive);
    paths.push(ARCHIVE);
  }
  for (const line of plan.logs) say(s, `  flip: ${line}`);
  for (const w of plan.warnings) s.ctx.log.warn(w);
  if (plan.hasChanges && paths.length > 0) {
    await bookkeepingCommit(
      s.repo,
      subjects.terminalFlips(closeId, s.featureId),
      [...paths, s.events.rel],
    );
  }
}

// The post-pass invariant (D-INV-1/2); returns the repair steps when it fails (after recording and committing).
async function invariant(
  s: RunSession,
  closeId: string,
): Promise<string[] | null> {
  const featureId = closeId.slice(0, closeId.lastIndexOf("/"));
  const [gateText, roadmap, archive] = await Promise.all([
    readOptionalText(s.root, s.gate.path),
    readOptionalText(s.root, ROADMAP),
    readOptionalText(s.root, ARCHIVE),
  ]);
  const gateFm = gateText === null ? null : parseFrontmatter(gateText);
  const result = checkPostPassInvariant({
    featureId,
    terminalGate: s.gate.number,
    gateStatus:
      gateFm === null || gateFm.state !== "ok"
        ? null
        : String(gateFm.data.status ?? "open"),
    roadmap,
    archive,
  });
  if (result.ok) return null;
  s.events.append(closeId, "human_escalation", {
    reason: "post_pass_invariant_failed",
    assertion: result.assertion,
    summary: result.summary,
  });
  await bookkeepingCommit(
    s.repo,
    subjects.postPassInvariantFailed(closeId, s.featureId),
    [s.events.rel],
  );
  return invariantRepairSteps(result.failures, s.gate.path, featureId);
}
