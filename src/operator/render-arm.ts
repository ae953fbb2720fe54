import { formatDiagnosticLine } from "../lint/formatters/text.js";
import type { Paint } from "../output/color.js";
import type { ArmLint } from "./arm-lint.js";
import type { ArmPlan } from "./plan-arm.js";

/** What happens to the feature's roadmap row when `arm` activates the PLAN: its old Status, or why it is not set. */
export interface RoadmapChange {
  /** The row's Status before (`active` means no change); null when the row was not found. */
  from: string | null;
  /** Why the row is not (or would not be) set, or null. */
  warning: string | null;
}

// One line per flip, for the report and the dry run; pure.
export function describeArm(
  plan: ArmPlan,
  roadmap: RoadmapChange | null = null,
): string[] {
  const lines: string[] = [];
  for (const g of plan.gatesPassed)
    lines.push(`gate ${g.number}: ${g.flip.from} → passed   (${g.flip.file})`);
  if (plan.opened !== null)
    lines.push(
      `gate ${plan.gate}: ${plan.opened.from} → open   (${plan.opened.file})`,
    );
  for (const f of [...plan.armed, ...plan.abandoned])
    lines.push(`${f.id}: ${f.from} → ${f.to}`);
  if (!plan.isPlanActivated) return lines;
  lines.push("PLAN.md: planned → active");
  const from = roadmap === null ? null : roadmap.from;
  if (from !== null && from !== "active")
    lines.push(
      `.specfuse/roadmap.md: ${plan.featureId} Status ${from} → active`,
    );
  return lines;
}

// The headline: what `arm` did to which gate.
export function armHeadline(plan: ArmPlan): string {
  const isAccepted = plan.gatesPassed.some((g) => g.number === plan.gate);
  if (isAccepted) return `accepted gate ${plan.gate} of ${plan.featureId}`;
  return `armed gate ${plan.gate} of ${plan.featureId}`;
}

/** How an `arm` report ends: written and committed, a dry run, or refused by lint. */
export type ArmOutcome =
  | { kind: "done"; commit: string | null; roadmap: RoadmapChange | null }
  | { kind: "dry"; roadmap: RoadmapChange | null }
  | { kind: "refused" };

// The human report of `arm`: the flips, the lint findings and counts, the commit and the next command; pure.
export function renderArmReport(
  plan: ArmPlan,
  lint: ArmLint,
  o: ArmOutcome,
  paint: Paint,
): string {
  const lines: string[] = [];
  if (o.kind === "dry")
    lines.push(
      "specfuse arm (dry run): nothing was written",
      `would ${armHeadline(plan)
        .replace(/^armed/, "arm")
        .replace(/^accepted/, "accept")}:`,
    );
  else if (o.kind === "refused")
    lines.push(`gate ${plan.gate} of ${plan.featureId} was not armed:`);
  else lines.push(armHeadline(plan));
  if (o.kind !== "refused")
    lines.push(...describeArm(plan, o.roadmap).map((l) => `  ${l}`));
  for (const d of [...lint.errors, ...lint.warnings])
    lines.push(`  ${formatDiagnosticLine(d, paint)}`);
  lines.push(
    `  lint: ${count(lint.errors.length, "error")}, ${count(lint.warnings.length, "warning")}`,
  );
  if (o.kind === "refused") return lines.join("\n");
  for (const w of plan.warnings) lines.push(`  warning: ${w.message}`);
  const roadmapWarning = o.roadmap === null ? null : o.roadmap.warning;
  if (roadmapWarning !== null) lines.push(`  warning: ${roadmapWarning}`);
  if (o.kind === "dry") {
    lines.push(`  commit: ${plan.commit.subject}`);
    if (lint.errors.length === 0) lines.push("next: run it without --dry-run");
    return lines.join("\n");
  }
  lines.push(
    o.commit === null
      ? "  commit: nothing to commit"
      : `  commit: ${o.commit.slice(0, 7)} ${plan.commit.subject}`,
    "next: specfuse run",
  );
  return lines.join("\n");
}

// The `--quiet` report: the lint findings (warnings and errors stay, cli.md §2) and one outcome line; pure.
export function renderArmQuiet(
  plan: ArmPlan,
  lint: ArmLint,
  o: ArmOutcome,
  paint: Paint,
): string {
  const lines = [...lint.errors, ...lint.warnings].map((d) =>
    formatDiagnosticLine(d, paint),
  );
  const roadmapWarning =
    o.kind === "refused" || o.roadmap === null ? null : o.roadmap.warning;
  if (roadmapWarning !== null) lines.push(`warning: ${roadmapWarning}`);
  const what = `gate ${plan.gate} of ${plan.featureId}`;
  if (o.kind === "refused") lines.push(`${what} was not armed`);
  else if (o.kind === "dry")
    lines.push(
      `${armHeadline(plan)
        .replace(/^armed/, "would arm")
        .replace(/^accepted/, "would accept")} (dry run: nothing was written)`,
    );
  else
    lines.push(
      `${armHeadline(plan)}${o.commit === null ? "" : ` (commit ${o.commit.slice(0, 7)})`}`,
    );
  return lines.join("\n");
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
