import { createHash } from "node:crypto";
import { buildPrompt } from "../agent/build-prompt.js";
import { dispatchAgent } from "../agent/dispatch-agent.js";
import { inspectAfterAgent } from "../git/fold.js";
import { takeSnapshot } from "../git/snapshot.js";
import { startAttemptProgress } from "../output/progress.js";
import type { AttemptRecord } from "../types/outcome.js";
import { runChecks, type CheckReport } from "../verify/run-checks.js";
import { planGates } from "../verify/plan-gates.js";
import { findSmokeCommands } from "../verify/smoke-imports.js";
import { attemptDir, writeAgentRecords } from "../workspace/attempt-files.js";
import { listFileNames } from "../workspace/fs-queries.js";
import { attemptRecord } from "./cost.js";
import type { Cycle } from "./cycle.js";
import {
  classifyAttempt,
  type AttemptFacts,
  type OutcomeDecision,
} from "./decide-outcome.js";
import { unchangedDeclaredPaths } from "./guards.js";
import { attemptLabel, oneLine } from "./narrate.js";
import { runPassPipeline, type PassOutcome } from "./pass-pipeline.js";
import { finishAttempt } from "./finish-attempt.js";
import { protectedSet } from "./protected-paths.js";
import { detectAttemptViolations } from "./protection.js";
import { writeCheckpoint } from "./checkpoint.js";
import { say, stopCause, type RunSession } from "./session.js";
import { agentVanished } from "./interrupt.js";

/** How one attempt ended. */
export interface AttemptEnd {
  decision: OutcomeDecision;
  record: AttemptRecord;
  sha: string | null;
  blockedReason: string | null;
  /** Repo-relative `attempt-<n>.md`, when a note was written. */
  notePath: string | null;
  note: string | null;
}

// Runs attempt `a` of the cycle end to end (driver D-ATT-4): checkpoint, agent, classification, record, restore.
export async function runAttempt(
  s: RunSession,
  c: Cycle,
  a: number,
): Promise<AttemptEnd> {
  const { unit, wu } = c;
  const F = s.featureDir;
  await wu.write([
    ["status", "in_progress"],
    ["attempts", a],
  ]);
  const pset = protectedSet({
    featureDir: F,
    unitType: unit.type,
    unitFile: unit.file,
    currentGate: s.gate.number,
    graph: s.model.graph,
    featureFiles: listFileNames(s.absFeatureDir),
  });
  const snapshot = await takeSnapshot(s.repo, {
    protectedPaths: pset.entries
      .filter((e) => e.compare !== "branch")
      .map((e) => e.path),
    allowedPaths: [`${F}/PLAN.md`, `${F}/events.jsonl`, ".specfuse/roadmap.md"],
  });
  const checkpoint = await writeCheckpoint(s, c, a, snapshot);
  const wallClockMinutes =
    unit.timeoutMinutes ??
    s.cli.timeoutMinutes ??
    s.config.agent.timeout_minutes;
  const inactivityMinutes = s.config.agent.inactivity_minutes;
  if (c.lastNote !== null) say(s, `  retry after: ${oneLine(c.lastNote, 200)}`);
  const progress = startAttemptProgress(
    s.progress,
    attemptLabel(a, c.max),
    wallClockMinutes * 60,
  );
  const started = s.ctx.monotonicMs();
  const plan = planGates(s.verification, unit.type, unit.extraGates, F);
  const prompt = buildPrompt({
    feature: {
      id: s.featureId,
      title: s.model.title,
      roadmapGoal: s.model.roadmapGoal,
    },
    gate: { number: s.gate.number, isTerminal: s.gate.isTerminal },
    unit: {
      id: unit.id,
      type: unit.type,
      effort: unit.effort,
      body: unit.body,
      produces: unit.produces,
    },
    attempt: a,
    maxAttempts: c.max,
    wallClockMinutes,
    inactivityMinutes,
    protectedPaths: pset.entries.map((e) => e.path),
    protectionExceptions: pset.exceptions,
    gates: plan.ok
      ? plan.gates.map((g) => ({ name: g.name, command: g.command }))
      : [],
    smokeCommands: findSmokeCommands(unit.body),
    history: c.history,
  });
  await writeAgentRecords(s.absFeatureDir, unit.id, a, { prompt });
  const dispatch = await dispatchAgent(
    {
      backend: s.adapter,
      unit: {
        id: unit.id,
        model: unit.model,
        effort: unit.effort,
        isUnsandboxed: unit.unsandboxed,
      },
      prompt,
      limits: {
        wallClockMs: wallClockMinutes * 60_000,
        inactivityMs: inactivityMinutes * 60_000,
      },
      cwd: s.root,
      featureDir: F,
      workDir: attemptDir(s.absFeatureDir, unit.id),
      attempt: a,
      signal: s.stop.signal,
      onInvocation: (inv) =>
        s.ctx.log.debug(
          `agent: ${s.agentExe} ${inv.args.join(" ")} (prompt ${prompt.length} chars, sha256 ${sha256Prefix(prompt)})`,
        ),
      onSpawn: (pid) => {
        s.activePgids.add(pid);
        checkpoint.update({ agent_pgid: pid, agent_exe: s.agentExe });
      },
      onActivity: (text) => progress.activity(text),
    },
    s.ctx,
  );
  if (dispatch.process.pid !== null) s.activePgids.delete(dispatch.process.pid);
  await checkpoint.flush();
  await writeAgentRecords(s.absFeatureDir, unit.id, a, {
    stdout: dispatch.process.stdout,
    stderr: dispatch.stderrTail,
  });
  if (dispatch.spawnError !== null) {
    progress.finish(
      `  ${attemptLabel(a, c.max)} could not start the agent (${dispatch.spawnError})`,
    );
    return agentVanished(s, c, a, snapshot, dispatch.spawnError);
  }
  const after = await inspectAfterAgent(s.repo, snapshot);
  const facts: AttemptFacts = {
    stop: stopCause(s),
    timeout: dispatch.timeout,
    isCostTracking: s.verification.cost_tracking,
    usage: dispatch.usage,
    agentStatus: dispatch.resultBlock.agentStatus,
    blockedReason: dispatch.resultBlock.blockedReason,
    protectedPaths: await detectAttemptViolations(
      s,
      pset,
      snapshot,
      after,
      checkpoint.bytes(),
    ),
  };
  let verdictMs = s.ctx.monotonicMs();
  let checks: CheckReport | null = null;
  let pass: PassOutcome | null = null;
  let record: AttemptRecord = attemptRecord(
    a,
    (verdictMs - started) / 1000,
    facts.usage,
    facts.isCostTracking,
  );
  for (let cls = classifyAttempt(facts); ; cls = classifyAttempt(facts)) {
    if (cls.status === "decided") {
      return finishAttempt(s, c, a, {
        decision: cls.decision,
        record,
        snapshot,
        dispatch,
        after,
        checks,
        pass,
        started,
        finishLine: (line) => progress.finish(line),
      });
    }
    if (cls.step === "verification") {
      checks = await runChecks(
        {
          verification: s.verification,
          unitType: unit.type,
          extraGates: unit.extraGates,
          repoRoot: s.root,
          featureDir: F,
          unitId: unit.id,
          wuFile: unit.path,
          signal: s.stop.signal,
          onGate: (g) =>
            progress.phase(`verifying ${g.name} (${g.index}/${g.total})`),
        },
        s.ctx,
      );
      facts.stop = stopCause(s);
      facts.verification = {
        isPassed: checks.isPassed,
        evidence: checks.evidence,
      };
      verdictMs = s.ctx.monotonicMs();
      record = attemptRecord(
        a,
        (verdictMs - started) / 1000,
        facts.usage,
        facts.isCostTracking,
      );
    } else if (cls.step === "files_changed") {
      progress.phase("checking");
      const declared = dispatch.resultBlock.filesChanged ?? [];
      const before = new Set(snapshot.untrackedBefore);
      facts.unchangedPaths = unchangedDeclaredPaths({
        declared,
        repoRoot: s.root,
        changedTracked: after.status.changes.flatMap((ch) =>
          ch.origPath === null ? [ch.path] : [ch.path, ch.origPath],
        ),
        newUntracked: after.status.untracked.filter((p) => !before.has(p)),
      });
    } else {
      progress.phase("committing");
      pass = await runPassPipeline(s, c, {
        attempt: a,
        snapshot,
        checks: checks!,
        dispatch,
        record,
      });
      if (pass.isStopped) facts.stop = stopCause(s);
      facts.pass = pass.result;
    }
  }
}

function sha256Prefix(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 12);
}
