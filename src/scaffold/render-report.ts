import { describeStacks, type StackDetection } from "./detect-stack.js";
import { isWriteAction, type FileOp } from "./file-op.js";
import type { ScaffoldPlan } from "./plan-types.js";

/** What both reports need besides the plan. */
export interface ReportContext {
  plan: ScaffoldPlan;
  detection: StackDetection;
  isDryRun: boolean;
  isVerbose: boolean;
  /** `--quiet`: no per-file lines and no next steps, only the summary (issue 17 point 7). @default false */
  isQuiet?: boolean;
  /** The target relative to the invocation directory (`.` when they are the same). */
  target: string;
}

/** The versions an upgrade moves between. */
export interface UpgradeVersions {
  /** The tree's version, or null when unversioned. */
  from: string | null;
  to: string;
}

const VERIFICATION_FILE = ".specfuse/verification.yml";

// One report line: `<verb padded to 10> <path>[ (<reason>)]`, with `would ` in a dry run (I-INIT-6).
export function reportLine(op: FileOp, target: string, isDryRun: boolean): string {
  const verb = `${isDryRun ? "would " : ""}${op.action.padEnd(10)}`;
  const reason = op.reason === null ? "" : ` (${op.reason})`;
  return `${verb} ${displayPath(target, op.path)}${reason}`;
}

function displayPath(target: string, path: string): string {
  return target === "." ? path : `${target}/${path}`;
}

// `stack: node (npm) → 2 code checks` (I-INIT-6).
export function stackLine(detection: StackDetection): string {
  const k = detection.checks.filter((c) => c.isActive).length;
  return `stack: ${describeStacks(detection)} → ${k} code check${k === 1 ? "" : "s"}`;
}

// The text report of `init` (I-INIT-6).
export function renderInitReport(
  ctx: ReportContext,
  isExample: boolean,
): string {
  const lines: string[] = [];
  if (ctx.isDryRun)
    lines.push("specfuse init (dry run): nothing was written");
  if (ctx.isQuiet === true) {
    const n = ctx.plan.ops.filter((op) => isWriteAction(op.action)).length;
    lines.push(
      `${ctx.isDryRun ? "would write" : "wrote"} ${n} file${n === 1 ? "" : "s"}${ctx.target === "." ? "" : ` in ${ctx.target}`}; ${stackLine(ctx.detection)}`,
    );
    return `${lines.join("\n")}\n`;
  }
  for (const op of ctx.plan.ops)
    lines.push(reportLine(op, ctx.target, ctx.isDryRun));
  lines.push(stackLine(ctx.detection), "Next:");
  const steps: string[] = [];
  if (ctx.isDryRun)
    steps.push(
      `run \`specfuse init${ctx.target === "." ? "" : ` ${ctx.target}`}${isExample ? " --example" : ""}\` without --dry-run to write these files`,
    );
  if (ctx.target !== ".") steps.push(`cd ${ctx.target}`);
  steps.push(
    "review .specfuse/verification.yml: its checks decide whether a unit passed",
    `git add ${addPaths(ctx.plan.ops)} && git commit -m "chore: add specfuse"`,
    isExample
      ? "specfuse run --dry-run   (walk the example feature without an agent)"
      : "in Claude Code: /draft-feature <goal>   (or by hand: .specfuse/docs/writing-a-plan.md)",
  );
  steps.forEach((s, i) => lines.push(`  ${i + 1}. ${s}`));
  return `${lines.join("\n")}\n`;
}

// The paths to commit: `.github` joins the usual three when the plan holds the workflows.
function addPaths(ops: readonly FileOp[]): string {
  const hasWorkflows = ops.some((op) => op.group === "workflow");
  return `.specfuse .claude .gitignore${hasWorkflows ? " .github" : ""}`;
}

// The text report of `upgrade` (I-UPG-11): header, changed paths, one count for unchanged ones, summary, next steps.
export function renderUpgradeReport(
  ctx: ReportContext,
  versions: UpgradeVersions,
): string {
  const lines: string[] = [];
  if (ctx.isDryRun)
    lines.push("specfuse upgrade (dry run): nothing was written");
  if (ctx.isQuiet === true) return `${[...lines, summaryLine(ctx, versions)].join("\n")}\n`;
  lines.push(`specfuse upgrade ${versions.from ?? "unversioned"} → ${versions.to}`);
  const unchanged = ctx.plan.ops.filter((op) => op.action === "unchanged");
  for (const op of ctx.plan.ops) {
    if (op.action === "unchanged" && !ctx.isVerbose) continue;
    lines.push(reportLine(op, ctx.target, ctx.isDryRun));
  }
  if (!ctx.isVerbose && unchanged.length > 0) {
    const n = unchanged.length;
    lines.push(
      `${ctx.isDryRun ? "would " : ""}${"unchanged".padEnd(10)} ${n} file${n === 1 ? "" : "s"}`,
    );
  }
  if (ctx.plan.ops.some((op) => op.path === VERIFICATION_FILE && op.action === "create"))
    lines.push(stackLine(ctx.detection));
  if (ctx.plan.leftovers.length > 0)
    lines.push(
      `info: left from specfuse-loop and never touched: ${ctx.plan.leftovers.join(", ")}`,
    );
  if (ctx.plan.kept.length > 0)
    lines.push(
      "To adopt the shipped version of a kept file, delete it and run `specfuse upgrade` again; `git diff` then shows what changed.",
    );
  lines.push(summaryLine(ctx, versions));
  const writes = ctx.plan.ops.filter(
    (op) => isWriteAction(op.action) || op.action === "remove",
  );
  if (writes.length > 0 && !ctx.isDryRun) {
    lines.push(
      "Next:",
      "  1. git diff   (review what changed)",
      `  2. git add ${addPaths(ctx.plan.ops)} && git commit -m "chore: upgrade specfuse to ${versions.to}"`,
    );
  }
  return `${lines.join("\n")}\n`;
}

function summaryLine(ctx: ReportContext, versions: UpgradeVersions): string {
  const count = (action: string) =>
    ctx.plan.ops.filter((op) => op.action === action).length;
  const parts = (
    [
      ["created", count("create")],
      ["updated", count("update")],
      ["replaced", count("replace")],
      ["merged", count("merge") + count("append")],
      ["removed", count("remove")],
      ["kept", count("keep")],
    ] as const
  )
    .filter(([, n]) => n > 0)
    .map(([word, n]) => `${n} ${word}`);
  const detail = parts.length === 0 ? "nothing to change" : parts.join(", ");
  if (versions.from === versions.to)
    return `already at ${versions.to}: ${detail}`;
  return `${ctx.isDryRun ? "would upgrade" : "upgraded"} to ${versions.to}: ${detail}`;
}
