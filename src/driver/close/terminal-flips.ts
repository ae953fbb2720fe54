import { archiveAnchor, archiveFeature } from "./archive-feature.js";
import { findRoadmapRow, keepPadding, replaceCell } from "./roadmap-table.js";

/** What the flips read, for the remembered close unit (driver D-FLIP-1). */
export interface FlipInput {
  closeUnitId: string;
  /** The close unit's id minus its last `/segment` (D-FEAT-4). */
  featureId: string;
  terminalGate: number;
  /** The terminal GATE `status`, or null when its file is missing. */
  gateStatus: string | null;
  planStatus: unknown;
  planTitle: unknown;
  /** The close unit's `verdict` on disk. */
  verdict: unknown;
  /** `.specfuse/roadmap.md`, or null when absent. */
  roadmap: string | null;
  /** `.specfuse/roadmap-archive.md`, or null when absent. */
  archive: string | null;
}

/** The flips to apply, computed as values (D-FLIP-1..3). */
export interface FlipPlan {
  /** Step 1: write `status: passed` to the terminal GATE file. */
  isGatePassed: boolean;
  /** Step 3: write PLAN `status: done`. */
  isPlanDone: boolean;
  /** New roadmap.md text, or null when unchanged. */
  roadmap: string | null;
  /** New roadmap-archive.md text, or null when unchanged. */
  archive: string | null;
  /** `archived`, `already archived`, `refused: <why>`, or `skipped` without a roadmap. */
  archiveResult: string;
  /** One line per step: what it did or why it skipped. */
  logs: string[];
  warnings: string[];
  hasChanges: boolean;
  /** Step 5, made only when `hasChanges`. */
  commitSubject: string;
}

// Plans the terminal flips; no step is fatal, each logs what it did or why it skipped (D-FLIP-1).
export function planTerminalFlips(input: FlipInput): FlipPlan {
  const logs: string[] = [];
  const warnings: string[] = [];
  const n = input.terminalGate;
  const isGatePassed = input.gateStatus === "awaiting_review";
  if (isGatePassed) logs.push(`gate ${n}: awaiting_review → passed`);
  else if (input.gateStatus === null)
    logs.push(`gate ${n}: GATE file missing; status not changed`);
  else
    logs.push(
      `gate ${n}: status is ${input.gateStatus}, not awaiting_review; left as is`,
    );

  let roadmap = input.roadmap;
  if (roadmap === null)
    warnings.push(
      "no .specfuse/roadmap.md: the roadmap Status and archive steps were skipped",
    );
  else roadmap = flipRoadmapStatus(roadmap, input.featureId, logs);

  let isPlanDone = false;
  if (input.verdict !== "met")
    logs.push(
      `PLAN.md: status left as ${String(input.planStatus)} (verdict is ${String(input.verdict ?? "unset")}; the flip needs met)`,
    );
  else if (input.planStatus === "done")
    logs.push("PLAN.md: status already done");
  else {
    isPlanDone = true;
    logs.push(`PLAN.md: status ${String(input.planStatus)} → done`);
  }

  let archive: string | null = null;
  let archiveResult = "skipped";
  if (roadmap !== null) {
    const a = archiveFeature(
      roadmap,
      input.archive,
      input.featureId,
      input.planTitle,
    );
    archiveResult = a.result;
    logs.push(`archive: ${a.result}`);
    if (a.roadmap !== null) roadmap = a.roadmap;
    archive = a.archive;
  }
  const newRoadmap =
    roadmap !== null && roadmap !== input.roadmap ? roadmap : null;
  const newArchive =
    archive !== null && archive !== input.archive ? archive : null;
  return {
    isGatePassed,
    isPlanDone,
    roadmap: newRoadmap,
    archive: newArchive,
    archiveResult,
    logs,
    warnings,
    hasChanges:
      isGatePassed || isPlanDone || newRoadmap !== null || newArchive !== null,
    commitSubject: `chore(loop): ${input.closeUnitId} terminal flips`,
  };
}

// Step 2 (D-FLIP-2): the row's Status goes from active to done, keeping the cell padding.
export function flipRoadmapStatus(
  roadmap: string,
  featureId: string,
  logs: string[] = [],
): string {
  const row = findRoadmapRow(roadmap, featureId);
  if (row === null) {
    logs.push(
      `roadmap: no row for ${featureId} in a table with a Status column; skipped`,
    );
    return roadmap;
  }
  if (row.status === "done") {
    logs.push(`roadmap: ${featureId} Status already done`);
    return roadmap;
  }
  if (row.status !== "active") {
    logs.push(
      `roadmap: ${featureId} Status is '${row.status ?? ""}', not active; left as is`,
    );
    return roadmap;
  }
  const cell = row.cells[row.statusColumn] ?? "";
  logs.push(`roadmap: ${featureId} Status active → done`);
  return replaceCell(roadmap, row, row.statusColumn, keepPadding(cell, "done"));
}

/** The post-pass invariant's verdict (D-INV-1). */
export type InvariantResult =
  | { ok: true }
  | {
      ok: false;
      failures: string[];
      /** The first failure's text before its first ':'. */
      assertion: string;
      summary: string;
    };

// The post-pass invariant for a `met` close (D-INV-1); without a roadmap both roadmap checks are skipped.
export function checkPostPassInvariant(input: {
  featureId: string;
  terminalGate: number;
  gateStatus: string | null;
  roadmap: string | null;
  archive: string | null;
}): InvariantResult {
  const failures: string[] = [];
  if (input.gateStatus !== "passed")
    failures.push(
      `terminal_gate_not_passed: gate ${input.terminalGate} is ${input.gateStatus ?? "missing its GATE file"}`,
    );
  const anchor = archiveAnchor(input.featureId);
  if (input.roadmap !== null) {
    const status =
      findRoadmapRow(input.roadmap, input.featureId)?.status ?? null;
    if (status !== "done")
      failures.push(
        status === null
          ? `roadmap_row_not_done: no row for ${input.featureId} in .specfuse/roadmap.md`
          : `roadmap_row_not_done: ${input.featureId} Status is '${status}'`,
      );
    if (!hasAnchor(input.archive, anchor))
      failures.push(`archive_anchor_missing: ${anchor}`);
  }
  if (failures.length === 0) return { ok: true };
  const first = failures[0] as string;
  return {
    ok: false,
    failures,
    assertion: first.slice(0, first.indexOf(":")),
    summary: failures.join("\n"),
  };
}

// Manual repair steps for each invariant failure (D-INV-2 step 3).
export function invariantRepairSteps(
  failures: readonly string[],
  gateFile: string,
  featureId: string,
): string[] {
  const anchor = archiveAnchor(featureId);
  return failures.map((f) => {
    if (f.startsWith("terminal_gate_not_passed"))
      return `set \`status: passed\` in ${gateFile}`;
    if (f.startsWith("roadmap_row_not_done"))
      return `in .specfuse/roadmap.md, set the Status cell of the ${featureId} row to done`;
    return `move the "## ${featureId}" section into .specfuse/roadmap-archive.md below the archive marker, preceded by <a id="${anchor}"></a>, and link it from the Detail cell`;
  });
}

function hasAnchor(archive: string | null, anchor: string): boolean {
  if (archive === null) return false;
  return (
    archive.includes(`<a id="${anchor}"></a>`) ||
    archive.includes(`<a id='${anchor}'></a>`)
  );
}
