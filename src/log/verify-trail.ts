import { transitionEventTypes } from "../audit/transition-table.js";
import { normalizeVerification } from "../config/normalize-verification.js";
import { isSpecfuseError } from "../errors/specfuse-error.js";
import type { CommitFacts } from "../git/read-history.js";
import { parseFrontmatter } from "../yaml/split-frontmatter.js";
import {
  checkCompletion,
  lastModel,
  matchCompletions,
  type ParentOracle,
} from "./check-commits.js";
import { checkTransitions, type TrailEvent } from "./check-transitions.js";
import { checkEventLine } from "./validate-event.js";
import { walkVersions, type TrailVersion } from "./walk-versions.js";

/** The kinds of AU-VER-1, in report order for one line. */
export const VIOLATION_KINDS = [
  "not_append_only",
  "event_invalid",
  "transition_illegal",
  "transition_gap",
  "commit_missing",
  "trailer_mismatch",
  "oracle_modified",
] as const;

/** One violation kind. */
export type ViolationKind = (typeof VIOLATION_KINDS)[number];

/** One violation, as `--json` gives it (`specfuse.log-verify/1`). */
export interface Violation {
  kind: ViolationKind;
  file: string;
  line: number;
  /** The commit it is found in; null for the working tree. */
  commit: string | null;
  message: string;
}

/** One file's counts. */
export interface FileSummary {
  file: string;
  events: number;
  versions: number;
  legacy_events: number;
  unknown_events: number;
}

/** The whole result of `log --verify`. */
export interface VerifyReport {
  files: FileSummary[];
  violations: Violation[];
}

/** One events.jsonl to verify. */
export interface VerifyTarget {
  /** Display path. */
  file: string;
  /** The file, relative to the specfuse root. */
  rel: string;
  /** The feature folder, relative to the specfuse root. */
  featureRel: string;
}

/** The read-only questions the verifier asks of git and the tree (`createTrailReader`). */
export interface TrailReader {
  /** Every version of a root-relative file: its commits oldest first, then the working tree when it differs. */
  versions(rel: string): Promise<TrailVersion[]>;
  /** HEAD's first-parent commits with a `Feature:` line, newest first. */
  featureCommits(): Promise<CommitFacts[]>;
  /** HEAD's first-parent SHAs, newest first. */
  firstParent(): Promise<string[]>;
  /** A commit's facts when it is on HEAD's history, else null. */
  commit(sha: string): Promise<CommitFacts | null>;
  /** A root-relative file at a commit, or null. */
  fileAt(rev: string, rel: string): Promise<string | null>;
  /** The unit's WU file relative to the root, from the working tree's PLAN graph. */
  unitFile(featureRel: string, unitId: string): Promise<string | null>;
  /** The specfuse root relative to the work-tree top ("" when equal). */
  prefix: string;
}

const CARRIES_TRANSITIONS: ReadonlySet<string> = new Set(
  transitionEventTypes(),
);

function readEvents(file: string, walked: ReturnType<typeof walkVersions>) {
  const events: TrailEvent[] = [];
  const violations: Violation[] = [];
  let legacy = 0;
  let unknown = 0;
  for (const l of walked.lines) {
    const check = checkEventLine(l.raw);
    if (check.kind === "invalid") {
      violations.push({
        kind: "event_invalid",
        file,
        line: l.line,
        commit: l.origin,
        message: check.message,
      });
      continue;
    }
    if (check.isUnknownType) unknown++;
    else if (check.isLegacy && CARRIES_TRANSITIONS.has(check.event.event_type))
      legacy++;
    events.push({
      line: l.line,
      origin: l.origin,
      event: check.event,
      isLegacy: check.isLegacy,
    });
  }
  return { events, violations, legacy, unknown };
}

async function parentOracle(
  reader: TrailReader,
  commit: CommitFacts,
  unitFile: string | null,
  cache: Map<string, Promise<ParentOracle>>,
): Promise<ParentOracle> {
  const parent = commit.parent;
  const key = `${parent ?? ""}\0${unitFile ?? ""}`;
  let hit = cache.get(key);
  if (hit === undefined) {
    hit = readOracle(reader, parent, unitFile);
    cache.set(key, hit);
  }
  return hit;
}

async function readOracle(
  reader: TrailReader,
  parent: string | null,
  unitFile: string | null,
): Promise<ParentOracle> {
  const text =
    parent === null
      ? null
      : await reader.fileAt(parent, ".specfuse/verification.yml");
  let sets: Map<string, string[]> | null = null;
  let costTracking = true;
  try {
    const v = normalizeVerification(text, ".specfuse/verification.yml");
    sets = new Map(
      [...v.sets].map(([name, checks]) => [name, checks.map((c) => c.name)]),
    );
    costTracking = v.cost_tracking;
  } catch (error) {
    if (!isSpecfuseError(error)) throw error;
  }
  const wu =
    parent === null || unitFile === null
      ? null
      : await reader.fileAt(parent, unitFile);
  const extra = wu === null ? undefined : parseFrontmatter(wu).data.extra_gates;
  const extraGates =
    typeof extra === "string"
      ? [extra]
      : Array.isArray(extra)
        ? extra.filter((x): x is string => typeof x === "string")
        : [];
  return { sets, costTracking, extraGates };
}

// Verifies one events.jsonl (AU-VER-1): append-only over its history, each line's schema, the transitions, and each pass commit.
async function verifyFile(
  target: VerifyTarget,
  reader: TrailReader,
  shared: {
    commits: () => Promise<CommitFacts[]>;
    oracles: Map<string, Promise<ParentOracle>>;
  },
): Promise<{ summary: FileSummary; violations: Violation[] } | null> {
  const versions = await reader.versions(target.rel);
  if (versions.length === 0) return null;
  const walked = walkVersions(versions, true);
  const read = readEvents(target.file, walked);
  const violations: Violation[] = [...read.violations];
  if (walked.break !== null)
    violations.push({
      kind: "not_append_only",
      file: target.file,
      ...walked.break,
    });
  for (const v of checkTransitions(read.events))
    violations.push({ ...v, file: target.file });
  const done = read.events.filter(
    (e) => e.event.event_type === "task_completed",
  );
  if (done.length > 0) {
    const explicit = new Map<string, CommitFacts | null>();
    for (const e of done)
      if (typeof e.event.payload.commit === "string")
        explicit.set(
          e.event.payload.commit,
          await reader.commit(e.event.payload.commit),
        );
    for (const c of matchCompletions(
      read.events,
      await shared.commits(),
      explicit,
    )) {
      const oracle =
        c.commit === null
          ? null
          : await parentOracle(
              reader,
              c.commit,
              await reader.unitFile(target.featureRel, c.unitId),
              shared.oracles,
            );
      const model = lastModel(read.events, c.unitId, c.trail.line);
      for (const v of checkCompletion(c, oracle, model, reader.prefix))
        violations.push({ ...v, file: target.file });
    }
  }
  return {
    summary: {
      file: target.file,
      events: read.events.length,
      versions: walked.versions,
      legacy_events: read.legacy,
      unknown_events: read.unknown,
    },
    violations,
  };
}

// Orders violations by file, line, then AU-VER-1 kind (the first one names the exit error).
export function sortViolations(list: readonly Violation[]): Violation[] {
  return [...list].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      VIOLATION_KINDS.indexOf(a.kind) - VIOLATION_KINDS.indexOf(b.kind) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

// `log --verify` over the given files; reads only (AU-VER-1).
export async function verifyTrail(
  targets: readonly VerifyTarget[],
  reader: TrailReader,
): Promise<VerifyReport> {
  let commits: Promise<CommitFacts[]> | null = null;
  let order: Promise<string[]> | null = null;
  const shared = {
    commits: () => (commits ??= reader.featureCommits()),
    order: () => (order ??= reader.firstParent()),
    oracles: new Map<string, Promise<ParentOracle>>(),
  };
  const files: FileSummary[] = [];
  const violations: Violation[] = [];
  for (const t of targets) {
    const result = await verifyFile(t, reader, shared);
    if (result === null) continue;
    files.push(result.summary);
    violations.push(...result.violations);
  }
  return { files, violations: sortViolations(violations) };
}
