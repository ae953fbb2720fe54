import path from "node:path";
import { readEvents } from "../events/read-events.js";
import { createGit } from "../git/git.js";
import { findUnitCommits } from "../git/unit-commits.js";
import { censusOf } from "../history/event-census.js";
import { buildHistories } from "../history/unit-history.js";
import type { FeatureProblem } from "../operator/feature-problems.js";
import { toRepoRelative } from "../workspace/paths.js";
import {
  listUnitWorkFiles,
  readFindingsCount,
} from "../workspace/unit-work-files.js";
import type { FoundFile, ShowCommit, ShowInputs } from "./build-show.js";
import type { FoundUnit } from "./find-unit.js";

/** What `show` read, for the model and the renderer. */
export interface GatheredShow {
  inputs: ShowInputs;
  /** The unit file's text, or null when it cannot be read. */
  unitText: string | null;
  /** Problems with the unit's own file (exit 65 once everything is shown). */
  problems: FeatureProblem[];
  /** Lines events.jsonl could not parse (F-EV-1: skipped). */
  skippedLines: number[];
  /** Why the squash commit could not be looked up, if git failed. */
  gitWarning: string | null;
}

// Reads everything about one unit: events, attempt files, findings counts and its commit (read-only).
export async function gatherShow(
  found: FoundUnit,
  root: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<GatheredShow> {
  const { loaded, id } = found;
  const model = loaded.model;
  const unit = model?.units.get(id);
  const gate = model?.gates.find((g) => g.number === unit?.gate);
  if (model === null || unit === undefined || gate === undefined)
    throw new Error(`show: ${id} was resolved but is not in the model`);
  const scan = readEvents(path.join(model.absDir, "events.jsonl"));
  const history = buildHistories(scan.events).get(id) ?? null;
  const mine = scan.events.filter((e) => e.event.correlation_id === id);
  const files: FoundFile[] = (await listUnitWorkFiles(model.absDir, id)).map(
    (f) => ({
      cycleFolder: f.cycleFolder,
      attempt: f.attempt,
      kind: f.kind,
      path: toRepoRelative(root, f.abs),
    }),
  );
  const findings = new Map<string, number | null>();
  for (const f of files)
    if (f.kind === "findings")
      findings.set(f.path, await readFindingsCount(path.join(root, f.path)));
  const fromEvent = history?.cycles
    .map((c) => c.ending?.commit ?? null)
    .filter((c): c is string => c !== null)
    .at(-1);
  let commit: ShowCommit | null =
    fromEvent === undefined
      ? null
      : { sha: fromEvent, subject: null, source: "event" };
  let gitWarning: string | null = null;
  if (commit === null) {
    try {
      const git = createGit({ env });
      const c = (
        await findUnitCommits(git, root, model.featureId, model.branch)
      ).get(id);
      if (c !== undefined) commit = { ...c, source: "git" };
    } catch (error) {
      gitWarning = error instanceof Error ? error.message : String(error);
    }
  }
  const read = loaded.snapshot.files.get(unit.path);
  return {
    inputs: {
      feature: {
        id: model.featureId,
        dir: model.dir,
        title: model.title,
        status: model.planStatus,
      },
      unit,
      gate,
      units: model.units,
      history,
      files,
      findings,
      commit,
      ignoredEvents: censusOf(mine).unknownTotal,
    },
    unitText: read?.kind === "file" ? read.text : null,
    problems: unit.exists
      ? loaded.problems.filter((p) => p.file === unit.path)
      : [
          {
            code: "wu_file_missing",
            file: unit.path,
            line: null,
            message: "the file does not exist",
            excerpt: null,
          },
        ],
    skippedLines: scan.skippedLines,
    gitWarning,
  };
}
