import type { FeatureModel, UnitModel } from "../plan/feature-model.js";
import { readyFrontier, unfinishedReasons } from "../plan/frontier.js";

/** Where a unit stands, as `status` explains it. */
export type UnitState =
  | "done"
  | "abandoned"
  | "draft"
  | "ready"
  | "running"
  | "waiting"
  | "blocked"
  | "in_review"
  | "later"
  | "idle"
  | "missing"
  | "unreadable";

/** A unit's state and, when it is not moving, why. */
export interface UnitStateInfo {
  state: UnitState;
  /** `waiting on T01 (pending)`, `blocked_human`, `gate 2 is not current yet`, … or null. */
  reason: string | null;
}

// Classifies every unit of a feature against its current gate (driver D-GATE-1, D-WALK-2, D-WALK-5); pure.
export function unitStates(
  model: FeatureModel,
  currentGate: number | null,
): Map<string, UnitStateInfo> {
  const out = new Map<string, UnitStateInfo>();
  const gateIndex = new Map(model.gates.map((g, i) => [g.number, i]));
  const currentIndex =
    currentGate === null ? Infinity : (gateIndex.get(currentGate) ?? Infinity);
  const current = model.gates.find((g) => g.number === currentGate);
  const done = new Set<string>();
  for (const g of model.gates) {
    if ((gateIndex.get(g.number) ?? Infinity) > currentIndex) continue;
    for (const u of g.units) if (u.status === "done") done.add(u.id);
  }
  const ready = new Set(
    current === undefined
      ? []
      : readyFrontier(current.units, done).map((u) => u.id),
  );
  const reasons = new Map(
    current === undefined
      ? []
      : unfinishedReasons(
          current.units,
          (id) => model.units.get(id)?.status,
          (id) => model.units.get(id)?.gate === currentGate,
        ).map((r) => [r.id, r]),
  );
  for (const g of model.gates) {
    const index = gateIndex.get(g.number) ?? Infinity;
    for (const u of g.units) {
      out.set(
        u.id,
        classify(u, {
          isCurrent: g.number === currentGate,
          isLater: index > currentIndex,
          isReady: ready.has(u.id),
          reason: reasons.get(u.id) ?? null,
          currentGate,
          firstUnmet: firstUnmet(u, done, model),
        }),
      );
    }
  }
  return out;
}

function classify(
  u: UnitModel,
  facts: {
    isCurrent: boolean;
    isLater: boolean;
    isReady: boolean;
    reason: { reason: string; root: string | null } | null;
    currentGate: number | null;
    firstUnmet: string | null;
  },
): UnitStateInfo {
  if (!u.exists)
    return { state: "missing", reason: `${u.path} does not exist` };
  if (u.fm?.state === "error")
    return { state: "unreadable", reason: "its frontmatter does not parse" };
  switch (u.status) {
    case "done":
    case "abandoned":
    case "draft":
    case "in_review":
      return { state: u.status, reason: null };
    case "blocked_human":
      return { state: "blocked", reason: "blocked_human" };
    case "in_progress":
      return { state: "running", reason: null };
  }
  if (facts.isLater)
    return {
      state: "later",
      reason: `gate ${facts.currentGate ?? "?"} comes first`,
    };
  if (!facts.isCurrent) return { state: "idle", reason: "its gate has passed" };
  if (facts.isReady) return { state: "ready", reason: null };
  // A root is a dependency that can no longer be satisfied (D-WALK-5): the unit is stuck behind it.
  const why = facts.reason;
  if (why !== null && why.root !== null)
    return { state: "blocked", reason: why.reason };
  return { state: "waiting", reason: facts.firstUnmet ?? why?.reason ?? null };
}

function firstUnmet(
  u: UnitModel,
  done: ReadonlySet<string>,
  model: FeatureModel,
): string | null {
  const dep = u.dependsOn.find((d) => !done.has(d));
  if (dep === undefined) return null;
  return `waiting on ${dep} (${model.units.get(dep)?.status ?? "missing"})`;
}
