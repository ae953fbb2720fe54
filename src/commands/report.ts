import path from "node:path";
import { SpecfuseError } from "../errors/specfuse-error.js";
import { openFile } from "../exec/open-file.js";
import { findFeature, requirePlan } from "../operator/find-feature.js";
import { throwIfInterrupted } from "../operator/interrupt.js";
import { buildReport } from "../report/build-report.js";
import { chooseReportFeature } from "../report/choose-report-feature.js";
import { gatherReport } from "../report/gather-report.js";
import type { ReportModel } from "../report/report-model.js";
import { renderReport } from "../report/render-report.js";
import { sizeOf } from "../report/render-evidence.js";
import type { CommandResult } from "../types/command.js";
import type { Context } from "../types/context.js";
import { requireRoot } from "../workspace/find-root.js";
import {
  listFeatures,
  type FeatureSummary,
} from "../workspace/list-features.js";
import { relativeForDisplay, toRepoRelative } from "../workspace/paths.js";
import { isNonEmptyFile, writeWorkFile } from "../workspace/work-file.js";

/** Options of `specfuse report` (issue 16 §3). */
export interface ReportOptions {
  /** Folder name, path or feature id (default: the active feature, else the one with events). */
  feature?: string;
  /** Open the page with the platform opener; a missing opener only warns. @default false */
  open?: boolean;
  json?: boolean;
}

const SCHEMA = "specfuse.report/1";

// `specfuse report [feature] [--open]`: one self-contained HTML page under the feature's work/ (docs/report.md).
export async function report(
  options: ReportOptions,
  ctx: Context,
): Promise<CommandResult> {
  const root = requireRoot(ctx.cwd);
  const summary = await pickFeature(root, options.feature, ctx);
  requirePlan(summary);
  const gathered = await gatherReport(summary, root, ctx.env);
  for (const w of gathered.warnings) ctx.log.warn(w);
  const model = buildReport({
    ...gathered.inputs,
    generatedAt: ctx.now().toISOString(),
    version: ctx.version,
  });
  const html = renderReport(model);
  throwIfInterrupted(ctx.signal, "nothing was written");
  await writeWorkFile(gathered.file, html);
  const shown = relativeForDisplay(ctx.invocationDir, gathered.file);
  const bytes = Buffer.byteLength(html);
  if (!model.hasEvents)
    ctx.log.info(
      `${model.feature.dir}/events.jsonl has no events yet: the page shows the plan and the graph only`,
    );
  if (!ctx.isJson)
    ctx.out.result(
      `wrote ${shown} (${sizeOf(bytes)} · ${model.totals.units} units · ${model.totals.attempts} attempts, ${model.totals.failed} not passed)`,
    );
  const opened = options.open === true ? await open(gathered.file, ctx) : false;
  const body = bodyOf(
    model,
    toRepoRelative(root, gathered.file),
    bytes,
    opened,
  );
  if (gathered.problemCode !== null)
    throw new SpecfuseError({
      code: gathered.problemCode,
      message: `${model.problems.length} file${model.problems.length === 1 ? "" : "s"} of the feature could not be read or parsed; the report was written without ${model.problems.length === 1 ? "it" : "them"}`,
      detail: model.problems.join("\n"),
      hint: "fix the files listed; `specfuse lint` explains the problems",
      body,
      schema: SCHEMA,
    });
  return { schema: SCHEMA, body };
}

async function pickFeature(
  root: string,
  ref: string | undefined,
  ctx: Context,
): Promise<FeatureSummary> {
  const all = await listFeatures(root);
  if (ref !== undefined) return findFeature(root, ctx.cwd, all, ref);
  const withEvents = new Set<string>();
  for (const f of all)
    if (await isNonEmptyFile(path.join(f.absDir, "events.jsonl")))
      withEvents.add(f.name);
  return chooseReportFeature(all, (f) => withEvents.has(f.name));
}

// Opens the page; a missing or failing opener is a warning, never a failure (issue 16 §3).
async function open(file: string, ctx: Context): Promise<boolean> {
  const outcome = await openFile(file, { env: ctx.env, cwd: ctx.cwd });
  if (!outcome.isOpened)
    ctx.log.warn(
      `could not open the report (${outcome.reason}); open ${relativeForDisplay(ctx.invocationDir, file)} in a browser`,
    );
  return outcome.isOpened;
}

function bodyOf(
  m: ReportModel,
  file: string,
  bytes: number,
  opened: boolean,
): Record<string, unknown> {
  return {
    feature: m.feature.id,
    dir: m.feature.dir,
    file,
    bytes,
    has_events: m.hasEvents,
    units: m.totals.units,
    attempts: m.totals.attempts,
    failed_attempts: m.totals.failed,
    cost_usd: m.totals.costUsd,
    duration_seconds: m.totals.durationSeconds,
    events: m.census.total,
    ignored_events: m.census.unknownTotal,
    unknown_event_types: m.census.unknown.map((u) => u.type),
    skipped_lines: m.skippedLines,
    opened,
    problems: m.problems,
  };
}
