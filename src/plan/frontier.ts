/** The minimum a unit needs for scheduling. */
export interface SchedulableUnit {
  id: string;
  status: string;
  dependsOn: readonly string[];
}

// Whether a status may be dispatched (formats.md F-WU-8: pending and ready are equivalent).
export function isDispatchable(status: string): boolean {
  return status === "pending" || status === "ready";
}

// The ready frontier (driver D-WALK-2): dispatchable units whose dependencies are all done, in graph order.
export function readyFrontier(
  units: readonly SchedulableUnit[],
  done: ReadonlySet<string>,
): SchedulableUnit[] {
  return units.filter(
    (u) => isDispatchable(u.status) && u.dependsOn.every((d) => done.has(d)),
  );
}

/** Why an unfinished unit cannot finish (driver D-WALK-5). */
export interface BlockReason {
  id: string;
  status: string;
  /** `blocked_human`, `in_review`, or `waiting on <dep> (<status>)` followed to the root. */
  reason: string;
  /** The root dependency that can no longer be satisfied, when the reason is a wait. */
  root: string | null;
}

const DEAD_END: ReadonlySet<string> = new Set([
  "blocked_human",
  "abandoned",
  "in_review",
  "draft",
]);

// Explains every unit of the gate that is neither done nor abandoned after the walk.
export function unfinishedReasons(
  gateUnits: readonly SchedulableUnit[],
  statusOf: (id: string) => string | undefined,
  isCurrentGate: (id: string) => boolean,
): BlockReason[] {
  const reasons: BlockReason[] = [];
  for (const u of gateUnits) {
    if (u.status === "done" || u.status === "abandoned") continue;
    if (
      u.status === "blocked_human" ||
      u.status === "in_review" ||
      u.status === "draft"
    ) {
      reasons.push({
        id: u.id,
        status: u.status,
        reason: u.status,
        root: null,
      });
      continue;
    }
    const root = findRoot(u, gateUnits, statusOf, isCurrentGate, new Set());
    if (root === null) {
      reasons.push({
        id: u.id,
        status: u.status,
        reason: `not dispatched (status ${u.status})`,
        root: null,
      });
    } else {
      reasons.push({
        id: u.id,
        status: u.status,
        reason: `waiting on ${root.id} (${root.status})`,
        root: root.id,
      });
    }
  }
  return reasons;
}

function findRoot(
  u: SchedulableUnit,
  gateUnits: readonly SchedulableUnit[],
  statusOf: (id: string) => string | undefined,
  isCurrentGate: (id: string) => boolean,
  seen: Set<string>,
): { id: string; status: string } | null {
  seen.add(u.id);
  for (const dep of u.dependsOn) {
    const status = statusOf(dep) ?? "missing";
    if (status === "done") continue;
    if (DEAD_END.has(status) || !isCurrentGate(dep)) return { id: dep, status };
    const depUnit = gateUnits.find((g) => g.id === dep);
    if (depUnit === undefined) return { id: dep, status };
    // Already explored through another path (a diamond): it had no dead-end root then either.
    if (seen.has(dep)) continue;
    const deeper = findRoot(depUnit, gateUnits, statusOf, isCurrentGate, seen);
    if (deeper !== null) return deeper;
  }
  return null;
}
