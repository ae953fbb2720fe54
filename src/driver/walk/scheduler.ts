import {
  isDispatchable,
  unfinishedReasons,
  type BlockReason,
} from "../../plan/frontier.js";

/** A unit of the current gate as the scheduler sees it, in graph order. */
export interface WalkUnit {
  id: string;
  dependsOn: readonly string[];
}

/** What a walk starts from (driver D-WALK-1). */
export interface WalkInput {
  /** The current gate's units, in graph order. */
  units: readonly WalkUnit[];
  /** The status of every unit of the feature, every gate (unknown ids count as missing). */
  status: ReadonlyMap<string, string>;
  /** Ids of the current and earlier gates: their `done` units seed the done-set. */
  inScope: ReadonlySet<string>;
}

/** How a started unit ended, for the walk (D-WALK-3): it joins the done-set or drops out with its dependents. */
export type UnitResult = "done" | "blocked_human";

/** The walk state at one moment (driver §7), every part immutable. */
export interface WalkView {
  /** Dispatchable units whose dependencies are all done and that have not started, graph order (D-WALK-2). */
  ready: readonly string[];
  inFlight: readonly string[];
  /** The done-set: units of the current and earlier gates that are done. */
  done: ReadonlySet<string>;
  /** Current-gate units that ended blocked this walk. */
  blocked: readonly string[];
  /** Unfinished current-gate units with their reasons (D-WALK-5); meaningful once nothing is ready or in flight. */
  unreachable: readonly BlockReason[];
}

/**
 * An immutable walk over one gate: `start` and `complete` return new walks. Several units may be in flight;
 * a sequential run starts one at a time and takes each batch of `ready()` in order (D-WALK-3).
 */
export interface Walk {
  ready(): string[];
  start(id: string): Walk;
  complete(id: string, result: UnitResult): Walk;
  /** The in-memory status of a unit (after this walk's results). */
  statusOf(id: string): string | undefined;
  view(): WalkView;
}

interface State {
  readonly input: WalkInput;
  readonly status: ReadonlyMap<string, string>;
  readonly done: ReadonlySet<string>;
  readonly inFlight: ReadonlySet<string>;
  readonly blocked: readonly string[];
}

// A walk at its start: the done-set holds every in-scope unit whose status on disk is `done` (D-WALK-1).
export function createWalk(input: WalkInput): Walk {
  const done = new Set(
    [...input.inScope].filter((id) => input.status.get(id) === "done"),
  );
  return walkOf({
    input,
    status: input.status,
    done,
    inFlight: new Set(),
    blocked: [],
  });
}

function walkOf(state: State): Walk {
  const ready = () =>
    state.input.units
      .filter(
        (u) =>
          !state.inFlight.has(u.id) &&
          isDispatchable(state.status.get(u.id) ?? "") &&
          u.dependsOn.every((d) => state.done.has(d)),
      )
      .map((u) => u.id);
  return {
    ready,
    start(id) {
      if (!ready().includes(id))
        throw new Error(`walk: ${id} is not ready to start`);
      return walkOf({ ...state, inFlight: new Set([...state.inFlight, id]) });
    },
    complete(id, result) {
      if (!state.inFlight.has(id))
        throw new Error(`walk: ${id} was not started`);
      const inFlight = new Set(state.inFlight);
      inFlight.delete(id);
      const status = new Map(state.status).set(id, result);
      return walkOf({
        ...state,
        status,
        inFlight,
        done: result === "done" ? new Set([...state.done, id]) : state.done,
        blocked: result === "done" ? state.blocked : [...state.blocked, id],
      });
    },
    statusOf: (id) => state.status.get(id),
    view: () => ({
      ready: ready(),
      inFlight: [...state.inFlight],
      done: state.done,
      blocked: state.blocked,
      unreachable: unreachable(state),
    }),
  };
}

// D-WALK-5: every current-gate unit neither done nor abandoned, with the reason it cannot finish.
function unreachable(state: State): BlockReason[] {
  const gateIds = new Set(state.input.units.map((u) => u.id));
  return unfinishedReasons(
    state.input.units.map((u) => ({
      id: u.id,
      status: state.status.get(u.id) ?? "pending",
      dependsOn: u.dependsOn,
    })),
    (id) => state.status.get(id),
    (id) => gateIds.has(id),
  );
}
