import { createHash } from "node:crypto";
import path from "node:path";
import {
  dispatchAgent,
  type DispatchResult,
} from "../../agent/dispatch-agent.js";
import { writeAgentRecords } from "../../workspace/attempt-files.js";
import { unitWorkDir } from "../../workspace/work-paths.js";
import type { Lane } from "../scope/lane.js";
import type { RunScope } from "../scope/run-scope.js";
import type { Cycle } from "../unit/cycle.js";
import type { AttemptStart } from "./begin-attempt.js";

// D-ATT-5 step 1: runs the agent in the lane with its limits, tracks its process group, keeps its records (D-DISP-6).
export async function dispatchStep(
  scope: RunScope,
  lane: Lane,
  cycle: Cycle,
  start: AttemptStart,
): Promise<DispatchResult> {
  const { unit } = cycle;
  const { prompt, checkpoint, progress } = start;
  const dispatch = await dispatchAgent(
    {
      backend: scope.backend,
      unit: {
        id: unit.id,
        model: unit.model,
        effort: unit.effort,
        isUnsandboxed: unit.unsandboxed,
      },
      prompt,
      limits: {
        wallClockMs: start.limits.wallClockMinutes * 60_000,
        inactivityMs: start.limits.inactivityMinutes * 60_000,
      },
      cwd: lane.cwd,
      featureDir: scope.feature.dir,
      workDir: path.join(scope.root, unitWorkDir(scope.feature.dir, unit.id)),
      attempt: start.attempt,
      signal: scope.stop.signal,
      onInvocation: (inv) =>
        scope.ctx.log.debug(
          `agent: ${scope.agentExe} ${inv.args.join(" ")} (prompt ${prompt.length} chars, sha256 ${sha256Prefix(prompt)})`,
        ),
      onSpawn: (pid) => {
        lane.pids.add(pid);
        checkpoint.update({ agent_pgid: pid, agent_exe: scope.agentExe });
      },
      onActivity: (text) => progress.activity(text),
    },
    scope.ctx,
  );
  if (dispatch.process.pid !== null) lane.pids.delete(dispatch.process.pid);
  await writeAgentRecords(scope.feature.absDir, unit.id, start.attempt, {
    stdout: dispatch.process.stdout,
    stderr: dispatch.stderrTail,
  });
  return dispatch;
}

function sha256Prefix(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 12);
}
