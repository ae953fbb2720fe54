import path from "node:path";
import { appendEvent } from "../events/append-event.js";
import { buildEvent } from "../events/format-event.js";
import { bookkeepingCommit } from "../git/bookkeeping.js";
import { readStatus } from "../git/read-status.js";
import type { Repo } from "../git/repo.js";
import type { Context } from "../types/context.js";
import { readText } from "../workspace/read-text.js";
import { updateFrontmatter } from "../workspace/update-frontmatter.js";
import { writeFileAtomic } from "../workspace/write-file-atomic.js";
import { throwIfInterrupted } from "./interrupt.js";
import type { ArmPlan } from "./plan-arm.js";
import type { RoadmapChange } from "./render-arm.js";
import { activateRoadmapRow } from "./roadmap-activate.js";

const ROADMAP = ".specfuse/roadmap.md";

/** What the writes produced. */
export interface ArmResult {
  commit: string | null;
  /** What happened to the roadmap row (null: the PLAN was already active, so it was not touched). */
  roadmap: RoadmapChange | null;
}

// Performs the planned flips (each write atomic, each preceded by a signal check), the event and one bookkeeping commit (D-ARM-1 effects 1-5).
export async function applyArm(
  repo: Repo,
  dir: string,
  plan: ArmPlan,
  ctx: Context,
): Promise<ArmResult> {
  const root = repo.root;
  const written: string[] = [];
  const step = async (file: string, status: string) => {
    throwIfInterrupted(ctx.signal, describe(written));
    await updateFrontmatter(path.join(root, file), [["status", status]], {
      display: file,
    });
    written.push(file);
  };
  for (const g of plan.gatesPassed) await step(g.flip.file, "passed");
  for (const f of plan.armed) await step(f.file, "pending");
  for (const f of plan.abandoned) await step(f.file, "abandoned");
  if (plan.opened !== null) await step(plan.opened.file, "open");
  let change: RoadmapChange | null = null;
  if (plan.isPlanActivated) {
    await step(`${dir}/PLAN.md`, "active");
    const read = await readText(path.join(root, ROADMAP));
    const roadmap = activateRoadmapRow(
      read.kind === "file" ? read.text : null,
      plan.featureId,
    );
    change = { from: roadmap.from, warning: roadmap.warning };
    if (roadmap.text !== null) {
      throwIfInterrupted(ctx.signal, describe(written));
      await writeFileAtomic(path.join(root, ROADMAP), roadmap.text);
      written.push(ROADMAP);
    }
  }
  throwIfInterrupted(ctx.signal, describe(written));
  const events = `${dir}/events.jsonl`;
  appendEvent(
    path.join(root, events),
    buildEvent(plan.event, ctx.now(), ctx.version),
  );
  written.push(events);
  throwIfInterrupted(ctx.signal, describe(written));
  const paths = [
    ...new Set([...(await featureChanges(repo, dir)), ...written]),
  ];
  const commit = (await bookkeepingCommit(repo, plan.commit, paths)).sha;
  return { commit, roadmap: change };
}

// Every change under the feature folder except work/ (review edits included; D-ARM-1 effect 5).
async function featureChanges(repo: Repo, dir: string): Promise<string[]> {
  const status = await readStatus(repo);
  const inside = (p: string) =>
    p.startsWith(`${dir}/`) && !p.startsWith(`${dir}/work/`);
  return [...status.changes.map((c) => c.path), ...status.untracked].filter(
    inside,
  );
}

function describe(written: readonly string[]): string {
  return written.length === 0
    ? "nothing was written"
    : `written, not committed: ${written.join(", ")}`;
}
