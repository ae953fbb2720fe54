import path from "node:path";
import { bookkeepingCommit } from "../driver/commit/bookkeeping.js";
import { readStatus } from "../git/read-status.js";
import type { Repo } from "../git/repo.js";
import type { Context } from "../types/context.js";
import { readText } from "../workspace/read-text.js";
import { writeFileAtomic } from "../workspace/write-file-atomic.js";
import { throwIfInterrupted } from "./interrupt.js";
import type { StatusWrite } from "../transitions/change.js";
import type { Transitions } from "../transitions/transitions.js";
import type { ArmPlan, StatusFlip } from "./plan-arm.js";
import type { RoadmapChange } from "./render-arm.js";
import { activateRoadmapRow } from "./roadmap-activate.js";

const ROADMAP = ".specfuse/roadmap.md";

/** What the writes produced. */
export interface ArmResult {
  commit: string | null;
  /** What happened to the roadmap row (null: the PLAN was already active, so it was not touched). */
  roadmap: RoadmapChange | null;
}

// Performs the planned flips through the transition service (each write atomic, each preceded by a signal check),
// the event and one bookkeeping commit (D-ARM-1 effects 1-5).
export async function applyArm(
  repo: Repo,
  transitions: Transitions,
  dir: string,
  plan: ArmPlan,
  ctx: Context,
): Promise<ArmResult> {
  const root = repo.root;
  const written: string[] = [];
  const beforeWrite = (file: string) => {
    throwIfInterrupted(ctx.signal, describe(written));
    written.push(file);
  };
  const staged = await transitions.stage(armWrites(dir, plan), {
    beforeWrite,
  });
  let change: RoadmapChange | null = null;
  if (plan.isPlanActivated) {
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
  transitions.record(plan.event, staged);
  written.push(transitions.log.rel);
  throwIfInterrupted(ctx.signal, describe(written));
  const paths = [
    ...new Set([...(await featureChanges(repo, dir)), ...written]),
  ];
  const commit = (await bookkeepingCommit(repo, plan.commit, paths)).sha;
  return { commit, roadmap: change };
}

// The status writes of D-ARM-1, in order: passed gates, armed and abandoned units, the opened gate, PLAN active.
function armWrites(dir: string, plan: ArmPlan): StatusWrite[] {
  const flip =
    (entity: StatusWrite["entity"]) =>
    (f: StatusFlip): StatusWrite => ({
      entity,
      id: f.id,
      file: f.file,
      to: f.to,
    });
  return [
    ...plan.gatesPassed.map((g) => flip("gate")(g.flip)),
    ...plan.armed.map(flip("unit")),
    ...plan.abandoned.map(flip("unit")),
    ...(plan.opened === null ? [] : [flip("gate")(plan.opened)]),
    ...(plan.isPlanActivated
      ? [
          {
            entity: "feature" as const,
            id: plan.featureId,
            file: `${dir}/PLAN.md`,
            to: "active",
          },
        ]
      : []),
  ];
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
