import path from "node:path";
import { problemError } from "../operator/feature-problems.js";
import { buildShow } from "../show/build-show.js";
import { findUnit } from "../show/find-unit.js";
import { gatherShow } from "../show/gather-show.js";
import { renderShow } from "../show/render-show.js";
import type { CommandResult } from "../types/command.js";
import type { Context } from "../types/context.js";
import { requireRoot } from "../workspace/find-root.js";
import { listFeatures } from "../workspace/list-features.js";
import { relativeForDisplay } from "../workspace/paths.js";

/** Options of `specfuse show` (issue 16 §2). */
export interface ShowOptions {
  /** A full unit id, or a suffix (`T02`) unique in the feature searched. */
  unit: string;
  /** The feature to look in (default: the one a full id names, else the single active one, else all). */
  feature?: string;
  json?: boolean;
}

const SCHEMA = "specfuse.show/1";

// `specfuse show <unit>`: everything about one unit, read-only (docs/report.md).
export async function show(
  options: ShowOptions,
  ctx: Context,
): Promise<CommandResult> {
  const root = requireRoot(ctx.cwd);
  const all = await listFeatures(root);
  const found = await findUnit(
    root,
    ctx.cwd,
    all,
    options.unit,
    options.feature,
  );
  const gathered = await gatherShow(found, root, ctx.env);
  const eventsFile = `${gathered.inputs.feature.dir}/events.jsonl`;
  if (gathered.skippedLines.length > 0)
    ctx.log.warn(
      `${eventsFile}: skipped ${gathered.skippedLines.length} line(s) that are not events (line ${gathered.skippedLines.slice(0, 5).join(", ")}${gathered.skippedLines.length > 5 ? ", …" : ""})`,
    );
  if (gathered.gitWarning !== null)
    ctx.log.warn(`could not look up the squash commit: ${gathered.gitWarning}`);
  const body = buildShow(gathered.inputs);
  if (!ctx.isJson)
    ctx.out.raw(
      renderShow(body, {
        paint: ctx.out.paint,
        isTTY: ctx.out.sink.isTTY,
        unitText: gathered.unitText,
        display: (p) =>
          relativeForDisplay(ctx.invocationDir, path.join(root, p)),
      }),
    );
  const problem = gathered.problems[0];
  if (problem !== undefined) {
    const error = problemError(
      problem,
      "everything else about the unit is shown; fix the file, and `specfuse lint` explains the problem",
    );
    error.body = body as unknown as Record<string, unknown>;
    error.schema = SCHEMA;
    throw error;
  }
  return { schema: SCHEMA, body: body as unknown as Record<string, unknown> };
}
