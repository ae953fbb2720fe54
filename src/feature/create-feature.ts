import path from "node:path";
import { openEventLog } from "../transitions/event-log.js";
import { createTransitions } from "../transitions/transitions.js";
import type { NewEvent } from "../events/event-types.js";
import type { FeatureReport } from "../lint/lint-feature.js";
import type { Context } from "../types/context.js";
import { listFeatures } from "../workspace/list-features.js";
import { readText } from "../workspace/read-text.js";
import { writeFileAtomic } from "../workspace/write-file-atomic.js";
import {
  removeNewFolder,
  writeNewFolder,
} from "../workspace/write-new-folder.js";
import { lintDraft } from "./lint-draft.js";
import type { FeatureDraft, RenderedFeature } from "./render-feature.js";
import { renderFeature } from "./render-feature.js";
import {
  addRoadmapEntry,
  type RoadmapEdit,
  type RoadmapEntry,
} from "./roadmap-entry.js";
import type { Workspace } from "./workspace-ids.js";
import { SpecfuseError } from "../errors/specfuse-error.js";
import { throwIfInterrupted } from "../operator/interrupt.js";

// The roadmap, relative to the root.
export const ROADMAP_FILE = ".specfuse/roadmap.md";

/** Everything a new feature folder will be, decided before anything is written. */
export interface CreatePlan {
  draft: FeatureDraft;
  rendered: RenderedFeature;
  roadmap: RoadmapEdit;
  lint: FeatureReport;
}

// Reads what minting and the collision checks need: every PLAN summary and the roadmap.
export async function readWorkspace(root: string): Promise<Workspace> {
  const read = await readText(path.join(root, ROADMAP_FILE));
  return {
    root,
    features: await listFeatures(root),
    roadmap: read.kind === "file" ? read.text : null,
  };
}

// Renders the folder and the roadmap edit, and lints the folder from its texts.
export function planFeature(
  ws: Workspace,
  draft: FeatureDraft,
  entry: RoadmapEntry,
): CreatePlan {
  const rendered = renderFeature(draft);
  const lint = lintDraft(
    draft.dir,
    path.join(ws.root, draft.dir),
    rendered.files,
  );
  return { draft, rendered, roadmap: addRoadmapEntry(ws.roadmap, entry), lint };
}

// A drafted folder must lint with zero errors (GH-ADOPT-7); one that does not is a bug in specfuse, and nothing is written.
export function requireClean(plan: CreatePlan): CreatePlan {
  if (plan.lint.errors === 0) return plan;
  const first = plan.lint.diagnostics.find((d) => d.severity === "error");
  throw new SpecfuseError({
    code: "internal_error",
    message: `the folder specfuse drafted for ${plan.draft.featureId} does not lint: ${first?.rule ?? "?"}: ${first?.message ?? ""}`,
    hint: "this is a bug in specfuse; nothing was written",
  });
}

// Writes the folder whole (staging + rename, the first event inside it), then the roadmap; a failed roadmap write removes the folder again.
export async function writeFeature(
  root: string,
  plan: CreatePlan,
  ctx: Pick<Context, "cleanup" | "signal" | "now" | "version">,
  event: NewEvent | null,
): Promise<void> {
  // A signal stops the command before its first write (cli.md C-SIG-1); once started, folder and row finish together.
  throwIfInterrupted(ctx.signal, "nothing was written");
  const abs = path.join(root, plan.draft.dir);
  await writeNewFolder(abs, plan.rendered.files, {
    cleanup: ctx.cleanup,
    // The first event goes through the transition service too (U1, G1, P1), into the staged folder.
    beforeRename: async (staging) => {
      if (event === null) return;
      const log = await openEventLog(staging, ".", ctx, { isCopyKept: false });
      createTransitions({ root: staging, log, by: "adopt" }).record(event);
    },
  });
  if (plan.roadmap.text === null) return;
  try {
    await writeFileAtomic(path.join(root, ROADMAP_FILE), plan.roadmap.text);
  } catch (error) {
    await removeNewFolder(abs);
    throw error;
  }
}

/** One line of the report: a file and what happened to it. */
export interface CreatedFile {
  path: string;
  action: "create" | "update";
}

// The files a plan writes, repo-relative, in write order.
export function createdFiles(
  plan: CreatePlan,
  hasEvent: boolean,
): CreatedFile[] {
  const files: CreatedFile[] = plan.rendered.files.map((f) => ({
    path: `${plan.draft.dir}/${f.name}`,
    action: "create",
  }));
  if (hasEvent)
    files.push({ path: `${plan.draft.dir}/events.jsonl`, action: "create" });
  if (plan.roadmap.text !== null)
    files.push({ path: ROADMAP_FILE, action: "update" });
  return files;
}
