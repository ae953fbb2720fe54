import { nodeCheck, agentCheck, gitCheck } from "../doctor/decide-tools.js";
import { WORKSPACE_CHECKS, type Check } from "../doctor/check.js";
import { gatherAgent, gatherGit } from "../doctor/gather-tools.js";
import {
  noWorkspaceChecks,
  workspaceChecks,
} from "../doctor/gather-workspace.js";
import { renderDoctor, summaryLine } from "../doctor/render-doctor.js";
import { SpecfuseError } from "../errors/specfuse-error.js";
import type { CommandResult } from "../types/command.js";
import type { Context } from "../types/context.js";
import { findRoot } from "../workspace/find-root.js";

/** Options of `specfuse doctor` (cli.md §3.8). */
export interface DoctorOptions {
  json?: boolean;
}

const SCHEMA = "specfuse.doctor/1";

// `specfuse doctor`: read-only health checks, each ok, warn, fail or skip (cli.md C-DOCTOR-1); exit 1 when any fails.
export async function doctor(
  _options: DoctorOptions,
  ctx: Context,
): Promise<CommandResult> {
  const root = findRoot(ctx.cwd);
  const checks: Check[] = [
    nodeCheck(process.versions.node),
    gitCheck(await gatherGit(ctx, root ?? ctx.cwd)),
    agentCheck(await gatherAgent(ctx, root)),
    ...(root === null
      ? noWorkspaceChecks(WORKSPACE_CHECKS, ctx.cwd)
      : await workspaceChecks(ctx, root)),
  ];
  if (!ctx.isJson)
    ctx.out.raw(
      renderDoctor(checks, {
        paint: ctx.out.paint,
        isTTY: ctx.out.sink.isTTY,
        version: ctx.version,
        isQuiet: ctx.isQuiet,
      }),
    );
  const body = {
    checks: checks.map(({ id, status, summary, detail, hint, code }) => ({
      id,
      status,
      summary,
      detail,
      hint,
      code,
    })),
  };
  if (checks.some((c) => c.status === "fail"))
    throw new SpecfuseError({
      code: "doctor_failed",
      message: summaryLine(checks),
      hint: "fix the failed checks above, then run `specfuse doctor` again",
      reported: true,
      body,
      schema: SCHEMA,
    });
  return { schema: SCHEMA, body };
}
