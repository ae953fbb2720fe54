import path from "node:path";
import type { ErrorCode } from "../errors/codes.js";
import { SpecfuseError } from "../errors/specfuse-error.js";
import { readEvents } from "../events/read-events.js";
import { createGit } from "../git/git.js";
import { findUnitCommits } from "../git/unit-commits.js";
import { isFailedOutcome } from "../history/outcome-category.js";
import { buildHistories, type UnitHistory } from "../history/unit-history.js";
import { formatProblem, problemError } from "../operator/feature-problems.js";
import { loadFeature } from "../operator/load-feature.js";
import type { FeatureModel } from "../plan/feature-model.js";
import { cycleFilesOf, type FoundFile } from "../show/cycle-files.js";
import type { FeatureSummary } from "../workspace/list-features.js";
import { toRepoRelative } from "../workspace/paths.js";
import { reportFile, workDir } from "../workspace/work-paths.js";
import {
  listUnitWorkFiles,
  readFindingsCount,
  readTextHead,
} from "../workspace/unit-work-files.js";
import type { ReportInputs } from "./build-report.js";
import { attemptKey } from "./build-timeline.js";
import type { ReportNote } from "./report-model.js";

// How much of one note the page inlines (a note is at most 16,000 B, evidence.md EV-BLK-2; older ones may be larger).
export const NOTE_INLINE_BYTES = 16 * 1024;
// How much note text one page inlines in all; later notes are linked, not inlined.
export const EVIDENCE_BUDGET_BYTES = 4 * 1024 * 1024;

/** What gatherReport adds to the inputs: warnings for stderr. */
export interface GatheredReport {
  inputs: Omit<ReportInputs, "generatedAt" | "version">;
  /** The report file's absolute path: `<F>/work/report.html`. */
  file: string;
  warnings: string[];
  /** The stable code of the first unreadable file, or null. */
  problemCode: ErrorCode | null;
}

// Reads a feature for its report: the plan (65 without a task graph), events, failed attempts' notes and
// findings within the size budget, and the squash commits from git (a git failure only warns).
export async function gatherReport(
  summary: FeatureSummary,
  root: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<GatheredReport> {
  const loaded = await loadFeature(summary);
  const model = loaded.model;
  if (model === null) {
    const first = loaded.problems[0];
    if (first !== undefined) throw problemError(first);
    throw new SpecfuseError({
      code: "graph_missing",
      message: `${summary.dir}/PLAN.md has no task graph: there are no units to report on`,
      file: `${summary.dir}/PLAN.md`,
      hint: "`specfuse lint` explains what the plan needs",
    });
  }
  const warnings: string[] = [];
  const scan = readEvents(path.join(model.absDir, "events.jsonl"));
  const histories = buildHistories(scan.events);
  const { notes, findings } = await readEvidence(model, histories, root);
  let commits = new Map<string, { sha: string; subject: string }>();
  try {
    commits = await findUnitCommits(
      createGit({ env }),
      root,
      model.featureId,
      model.branch,
    );
  } catch (error) {
    warnings.push(
      `could not look up the units' commits in git: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return {
    inputs: {
      model,
      events: scan.events,
      skippedLines: scan.skipped,
      notes,
      findings,
      commits,
      problems: loaded.problems.map(formatProblem),
    },
    file: path.join(
      model.absDir,
      path.relative(model.dir, reportFile(model.dir)),
    ),
    warnings,
    problemCode: loaded.problems[0]?.code ?? null,
  };
}

// Reads the note and findings count of every non-passing attempt, in graph order, within the page budget.
async function readEvidence(
  model: FeatureModel,
  histories: ReadonlyMap<string, UnitHistory>,
  root: string,
): Promise<{
  notes: Map<string, ReportNote>;
  findings: Map<string, number | null>;
}> {
  const notes = new Map<string, ReportNote>();
  const findings = new Map<string, number | null>();
  let budget = EVIDENCE_BUDGET_BYTES;
  const reportDir = workDir(model.dir);
  const units = [...model.units.values()].sort((a, b) => a.order - b.order);
  for (const unit of units) {
    const h = histories.get(unit.id);
    const failed = (h?.cycles ?? []).flatMap((c) =>
      c.attempts.filter((a) => isFailedOutcome(a.outcome)),
    );
    if (h === undefined || failed.length === 0) continue;
    const files: FoundFile[] = (
      await listUnitWorkFiles(model.absDir, unit.id)
    ).map((f) => ({ ...f, path: toRepoRelative(root, f.abs) }));
    const byCycle = cycleFilesOf(files, h.cycles, unit.reArmCount + 1);
    for (const a of failed) {
      const key = attemptKey(unit.id, a.cycle, a.attempt);
      const own = (byCycle.get(a.cycle) ?? []).filter(
        (f) => f.attempt === a.attempt,
      );
      const note = own.find((f) => f.kind === "note");
      const found = own.find((f) => f.kind === "findings");
      if (found !== undefined)
        findings.set(key, await readFindingsCount(path.join(root, found.path)));
      if (note === undefined) continue;
      const abs = path.join(root, note.path);
      const head = await readTextHead(abs, Math.min(NOTE_INLINE_BYTES, budget));
      const isOverBudget = budget <= 0;
      if (head !== null) budget -= Buffer.byteLength(head.text);
      notes.set(key, {
        path: note.path,
        href: path.posix.relative(reportDir, note.path),
        text: head === null || isOverBudget ? null : head.text,
        bytes: head?.bytes ?? 0,
        isCut: head?.isCut ?? false,
        omitted: head === null ? "unreadable" : isOverBudget ? "budget" : null,
      });
    }
  }
  return { notes, findings };
}
