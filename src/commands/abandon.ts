import path from "node:path";
import { SpecfuseError } from "../errors/specfuse-error.js";
import { ROADMAP_FILE } from "../feature/create-feature.js";
import { setRoadmapStatus } from "../feature/roadmap-entry.js";
import { findFeature, requirePlan } from "../operator/find-feature.js";
import { throwIfInterrupted } from "../operator/interrupt.js";
import { withLock } from "../operator/locked.js";
import type { CommandResult } from "../types/command.js";
import type { Context } from "../types/context.js";
import { requireRoot } from "../workspace/find-root.js";
import {
  listFeatures,
  summarizeFeature,
  type FeatureSummary,
} from "../workspace/list-features.js";
import { readText } from "../workspace/read-text.js";
import { openEventLog } from "../transitions/event-log.js";
import { createTransitions } from "../transitions/transitions.js";
import { writeFileAtomic } from "../workspace/write-file-atomic.js";

/** Options of `specfuse abandon` (issue 16 §2). */
export interface AbandonOptions {
  feature: string;
  reason: string;
  /** Show the writes; take no lock and write nothing. @default false */
  dryRun?: boolean;
  json?: boolean;
}

const SCHEMA = "specfuse.abandon/1";
// The PLAN statuses a feature may be deferred from (audit.md AU-TAB-2).
const DEFERRABLE = new Set(["planned", "active"]);

// `specfuse abandon <feature> --reason`: PLAN `deferred` with the reason, the roadmap row released; history, units and events stay; never commits.
export async function abandon(
  options: AbandonOptions,
  ctx: Context,
): Promise<CommandResult> {
  const root = requireRoot(ctx.cwd);
  const reason = options.reason.replace(/\s+/g, " ").trim();
  if (reason === "")
    throw new SpecfuseError({
      code: "usage",
      message: "--reason is empty",
      hint: 'say why the feature is set aside, e.g. --reason "waiting for the new billing API"',
    });
  const found = await findFeature(
    root,
    ctx.cwd,
    await listFeatures(root),
    options.feature,
  );
  requirePlan(found);
  const isDryRun = options.dryRun === true;
  const act = async () => {
    const summary = await summarizeFeature(root, found.name, found.absDir);
    const from = checkDeferrable(summary);
    const roadmapRead = await readText(path.join(root, ROADMAP_FILE));
    const roadmap = setRoadmapStatus(
      roadmapRead.kind === "file" ? roadmapRead.text : null,
      summary.featureId,
      "deferred",
    );
    const files =
      from === "deferred"
        ? []
        : [
            `${summary.dir}/PLAN.md`,
            ...(roadmap.text === null ? [] : [ROADMAP_FILE]),
          ];
    if (!isDryRun && from !== "deferred") {
      throwIfInterrupted(ctx.signal, "nothing was written");
      // A deferral is a supported hand edit, recorded by no event (audit.md AU-TAB-2), but it is still a
      // status write, so it goes through the one writer of `status`.
      const transitions = createTransitions({
        root,
        log: await openEventLog(root, summary.dir, ctx, { isCopyKept: false }),
        by: "abandon",
      });
      await transitions.apply({
        writes: [
          {
            entity: "feature",
            id: summary.featureId,
            file: `${summary.dir}/PLAN.md`,
            to: "deferred",
            keys: [["deferred_reason", reason]],
          },
        ],
        event: null,
      });
      if (roadmap.text !== null)
        await writeFileAtomic(path.join(root, ROADMAP_FILE), roadmap.text);
    }
    return {
      summary,
      from,
      files,
      warning: from === "deferred" ? null : roadmap.warning,
    };
  };
  const r = isDryRun
    ? await act()
    : await withLock(
        { root, feature: found.featureId, command: "abandon" },
        ctx,
        act,
      );
  if (r.warning !== null) ctx.log.warn(r.warning, "roadmap_row_missing");
  ctx.narration.result(render(r.summary, r.from, r.files, isDryRun));
  return {
    schema: SCHEMA,
    body: {
      feature: r.summary.featureId,
      dir: r.summary.dir,
      from: r.from,
      status: "deferred",
      reason,
      files: r.files,
      dry_run: isDryRun,
      already_deferred: r.from === "deferred",
    },
  };
}

// Only planned or active features are deferred; a deferred one is left as it is.
function checkDeferrable(summary: FeatureSummary): string {
  const status = summary.status ?? "(none)";
  if (status === "deferred" || DEFERRABLE.has(status)) return status;
  throw new SpecfuseError({
    code: "abandon_refused",
    message: `${summary.dir} has PLAN status ${status}: only planned or active features are deferred`,
    file: `${summary.dir}/PLAN.md`,
    hint:
      status === "unreadable" || summary.unreadable !== null
        ? "fix PLAN.md first"
        : "nothing to do for a finished or abandoned feature",
  });
}

function render(
  s: FeatureSummary,
  from: string,
  files: readonly string[],
  isDryRun: boolean,
): string {
  if (from === "deferred")
    return `${s.featureId} is already deferred: nothing to do`;
  return [
    ...(isDryRun ? ["specfuse abandon (dry run): nothing was written"] : []),
    ...files.map(
      (f) =>
        `${(isDryRun ? "would update" : "update").padEnd(isDryRun ? 16 : 10)} ${f}`,
    ),
    `${s.featureId} ${isDryRun ? "would be" : "is"} deferred (was ${from}); its units, events and commits are kept.`,
    "",
    "Next:",
    `  1. git add ${files.join(" ")} && git commit -m "chore: defer ${s.featureId}"`,
    `  2. to resume it later, set \`status: active\` (or planned) in ${s.dir}/PLAN.md and its roadmap row`,
  ].join("\n");
}
