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

// The walk of the dry run (driver D-DRY-1) in one pass: each round is the ready frontier of
// `readyFrontier` after every unit of the rounds before it passed, in graph order. Equal to calling
// `readyFrontier` again after each round, but linear in units and edges (plus sorting each round)
// where that loop is quadratic on a chain.
export function frontierRounds(
  units: readonly SchedulableUnit[],
  done: ReadonlySet<string>,
): SchedulableUnit[][] {
  const passed = new Set(done);
  const unmet = new Map<number, number>();
  const waiting = new Map<string, number[]>();
  let round: number[] = [];
  units.forEach((u, i) => {
    if (!isDispatchable(u.status)) return;
    const open = new Set(u.dependsOn.filter((d) => !passed.has(d)));
    unmet.set(i, open.size);
    for (const d of open) {
      const list = waiting.get(d);
      if (list === undefined) waiting.set(d, [i]);
      else list.push(i);
    }
    if (open.size === 0) round.push(i);
  });
  const rounds: SchedulableUnit[][] = [];
  while (round.length > 0) {
    rounds.push(round.map((i) => units[i] as SchedulableUnit));
    const next: number[] = [];
    for (const i of round) {
      const id = (units[i] as SchedulableUnit).id;
      if (passed.has(id)) continue;
      passed.add(id);
      for (const j of waiting.get(id) ?? []) {
        const left = (unmet.get(j) ?? 0) - 1;
        unmet.set(j, left);
        if (left === 0 && !passed.has((units[j] as SchedulableUnit).id))
          next.push(j);
      }
    }
    round = next.sort((a, b) => a - b);
  }
  return rounds;
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

// Explains every unit of the gate that is neither done nor abandoned after the walk; linear in units and edges.
export function unfinishedReasons(
  gateUnits: readonly SchedulableUnit[],
  statusOf: (id: string) => string | undefined,
  isCurrentGate: (id: string) => boolean,
): BlockReason[] {
  const roots = createRootFinder(gateUnits, statusOf, isCurrentGate);
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
    const root = roots(u);
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

type Root = { id: string; status: string } | null;

/** One unit whose dependencies are being walked, and the next one to look at. */
interface Frame {
  unit: SchedulableUnit;
  next: number;
}

// The first dead-end root behind a unit, depth first in dependency order. Each unit is walked once
// (results are memoized) and without recursion, so a 10,000-unit chain is linear and cannot overflow
// the stack. In a cycle (which lint and the driver refuse) a unit already on the walk counts as
// having no root.
function createRootFinder(
  gateUnits: readonly SchedulableUnit[],
  statusOf: (id: string) => string | undefined,
  isCurrentGate: (id: string) => boolean,
): (u: SchedulableUnit) => Root {
  const byId = new Map<string, SchedulableUnit>();
  for (const u of gateUnits) if (!byId.has(u.id)) byId.set(u.id, u);
  const memo = new Map<string, Root>();
  const onWalk = new Set<string>();
  // What one dependency says: a root, "no root here" (null), or a unit to walk first.
  const look = (dep: string): Root | SchedulableUnit => {
    const status = statusOf(dep) ?? "missing";
    if (status === "done") return null;
    if (DEAD_END.has(status) || !isCurrentGate(dep)) return { id: dep, status };
    const depUnit = byId.get(dep);
    if (depUnit === undefined) return { id: dep, status };
    if (onWalk.has(dep)) return null;
    const known = memo.get(dep);
    return known !== undefined ? known : depUnit;
  };
  return (start) => {
    const cached = memo.get(start.id);
    if (cached !== undefined) return cached;
    const stack: Frame[] = [{ unit: start, next: 0 }];
    onWalk.add(start.id);
    let result: Root = null;
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as Frame;
      let found: Root = null;
      let descend: SchedulableUnit | null = null;
      while (top.next < top.unit.dependsOn.length) {
        const seen = look(top.unit.dependsOn[top.next] as string);
        if (seen !== null && "dependsOn" in seen) {
          descend = seen;
          break;
        }
        if (seen !== null) {
          found = seen;
          break;
        }
        top.next += 1;
      }
      if (descend !== null) {
        stack.push({ unit: descend, next: 0 });
        onWalk.add(descend.id);
        continue;
      }
      memo.set(top.unit.id, found);
      onWalk.delete(top.unit.id);
      stack.pop();
      result = found;
    }
    return result;
  };
}
