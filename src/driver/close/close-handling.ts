/** What the pass pipeline knows when a closing unit passes (driver D-PASS-7). */
export interface CloseHandlingInput {
  unitId: string;
  type: string;
  isTerminalGate: boolean;
  /** The unit's `verdict`, re-read from disk after the squash. */
  verdict: unknown;
  planStatus: unknown;
  /** Type and in-memory status of every unit of the gate, this one (now done) included. */
  gateUnits: ReadonlyArray<{ type: string; status: string }>;
}

/** The D-PASS-7 decision. */
export type CloseHandling =
  | { action: "none" }
  | { action: "remember"; path: "close" | "legacy" }
  | {
      action: "revert_plan";
      /** Write PLAN `status: active`, then commit with this subject (`Feature:` the WU id). */
      commitSubject: string;
    }
  | { action: "warn"; message: string };

const LEGACY_TYPES = ["retrospective", "lessons", "docs", "plan-next"];

// Close handling after a pass (D-PASS-7): remember for flips, revert a hedged PLAN done, or warn.
export function decideCloseHandling(input: CloseHandlingInput): CloseHandling {
  if (input.type === "close") {
    if (!input.isTerminalGate)
      return {
        action: "warn",
        message: `${input.unitId} is a close unit outside the terminal gate; no terminal flips are made (use close-intermediate for gates that continue)`,
      };
    if (input.verdict === "met") return { action: "remember", path: "close" };
    if (input.planStatus === "done")
      return {
        action: "revert_plan",
        commitSubject: `chore(loop): ${input.unitId} revert PLAN.md done (hedged verdict)`,
      };
    return { action: "none" };
  }
  if (
    input.type === "plan-next" &&
    input.isTerminalGate &&
    isLegacyShape(input.gateUnits)
  )
    return { action: "remember", path: "legacy" };
  return { action: "none" };
}

// The legacy four-unit close (formats.md F-GRAPH-9): each legacy type present, and every such unit done.
export function isLegacyShape(
  units: ReadonlyArray<{ type: string; status: string }>,
): boolean {
  return LEGACY_TYPES.every((t) => {
    const ofType = units.filter((u) => u.type === t);
    return ofType.length > 0 && ofType.every((u) => u.status === "done");
  });
}
