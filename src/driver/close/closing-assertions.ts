import { VERDICTS } from "../../plan/vocabulary.js";
import type { LoggedEvent } from "../../types/outcome.js";

/** Facts gathered after the squash for a closing unit (driver D-CLOSE-1). */
export interface ClosingFacts {
  type: string;
  /** N, the unit's gate. */
  gate: number;
  /** `<F>`, for messages. */
  featureDir: string;
  /** `<F>/RETROSPECTIVE.md` text, or null when it does not exist. */
  retrospective: string | null;
  /** Lines `head_before..HEAD` adds to `.specfuse/LEARNINGS.md`. */
  learningsLinesAdded: number;
  /** Repo-relative paths in the squash. */
  squashPaths: readonly string[];
  /** The unit's `verdict` as now on disk. */
  verdict: unknown;
  /** The unit's body (close-intermediate assertion 3). */
  body: string;
  /** Every `attempt_outcome` outcome of gate N's units, by graph membership (D-CLOSE-2). */
  gateOutcomes: readonly string[];
  /** plan-next: gate N+1 in the graph after the squash, with its unit count; null when absent. */
  nextGate: { unitCount: number } | null;
  /** plan-next: size of `GATE-<N+1>-REVIEW.md`, or null when it does not exist. */
  reviewFileSize: number | null;
  /** plan-next: PLAN `status`. */
  planStatus: unknown;
  /** plan-next: the roadmap row's Status by header (D-FLIP-2), or null. */
  roadmapStatus: string | null;
}

/** One unmet assertion: `message` starts with `name`. */
export interface ClosingFailure {
  name: string;
  message: string;
}

/** The closing-deliverable verdict (D-CLOSE-1). */
export type ClosingResult =
  | { ok: true }
  | {
      ok: false;
      assertion: string;
      summary: string;
      failures: ClosingFailure[];
    };

// The review file plan-next writes for gate n (D-CLOSE-1 a): `GATE-<n, two digits>-REVIEW.md`.
export function reviewFileName(n: number): string {
  return `GATE-${String(n).padStart(2, "0")}-REVIEW.md`;
}

// Whether the failure-class breakdown is required (D-CLOSE-2): a retro exists and some attempt did not pass.
export function needsFailureBreakdown(facts: ClosingFacts): boolean {
  return (
    facts.retrospective !== null &&
    facts.gateOutcomes.some((o) => o !== "passed" && o !== "interrupted")
  );
}

// Runs every closing assertion for the type, in order (D-CLOSE-1); other types always pass.
export function checkClosingDeliverables(facts: ClosingFacts): ClosingResult {
  const failures = collect(facts);
  if (failures.length === 0) return { ok: true };
  const first = failures[0] as ClosingFailure;
  const summary =
    failures.length === 1
      ? first.message
      : [
          `${failures.length} closing deliverables unmet (fix all in one attempt):`,
          ...failures.map((f) => `  - ${f.message}`),
        ].join("\n");
  return { ok: false, assertion: first.name, summary, failures };
}

function collect(f: ClosingFacts): ClosingFailure[] {
  if (f.type === "close") return closeChecks(f);
  if (f.type === "close-intermediate") return intermediateChecks(f);
  if (f.type === "plan-next") return planNextChecks(f);
  return [];
}

const fail = (name: string, detail: string): ClosingFailure => ({
  name,
  message: `${name}: ${detail}`,
});

function closeChecks(f: ClosingFacts): ClosingFailure[] {
  const out: ClosingFailure[] = [];
  const retro = `${f.featureDir}/RETROSPECTIVE.md`;
  if (f.retrospective === null || f.retrospective.trim() === "")
    out.push(
      fail("retrospective_missing", `${retro} must exist and not be empty`),
    );
  learnings(f, out);
  if (!touchesDocs(f.squashPaths))
    out.push(
      fail(
        "docs_not_updated",
        "the commit must touch docs/…, .specfuse/roadmap.md, .specfuse/LEARNINGS.md or a RETROSPECTIVE.md",
      ),
    );
  const isVerdict =
    typeof f.verdict === "string" &&
    (VERDICTS as readonly string[]).includes(f.verdict);
  if (!isVerdict)
    out.push(
      fail(
        "verdict_missing",
        `set \`verdict\` in this unit's frontmatter to one of ${VERDICTS.join(", ")}`,
      ),
    );
  if (
    f.verdict === "met" &&
    !/^##+ Cost analysis/im.test(f.retrospective ?? "")
  )
    out.push(
      fail(
        "cost_analysis_missing",
        `verdict is met, so ${retro} needs a "## Cost analysis" section`,
      ),
    );
  breakdown(f, out);
  return out;
}

function intermediateChecks(f: ClosingFacts): ClosingFailure[] {
  const out: ClosingFailure[] = [];
  const heading = new RegExp(`^#{1,3} Gate ${f.gate}\\b`, "m");
  if (f.retrospective === null || !heading.test(f.retrospective))
    out.push(
      fail(
        "gate_section_missing",
        `${f.featureDir}/RETROSPECTIVE.md needs a heading "## Gate ${f.gate} …" (level 1 to 3)`,
      ),
    );
  learnings(f, out);
  const isDocsAsked = f.body.includes("docs/") || f.body.includes("roadmap.md");
  if (isDocsAsked && !touchesDocs(f.squashPaths))
    out.push(
      fail(
        "docs_not_updated",
        "the task mentions docs/ or roadmap.md, so the commit must touch docs/…, .specfuse/roadmap.md, .specfuse/LEARNINGS.md or a RETROSPECTIVE.md",
      ),
    );
  breakdown(f, out);
  return out;
}

function planNextChecks(f: ClosingFacts): ClosingFailure[] {
  const out: ClosingFailure[] = [];
  const review = reviewFileName(f.gate + 1);
  if (
    f.nextGate !== null &&
    (f.reviewFileSize === null || f.reviewFileSize <= 0)
  )
    out.push(
      fail(
        "review_missing",
        `gate ${f.gate + 1} exists, so ${f.featureDir}/${review} must exist and not be empty`,
      ),
    );
  const isFinished = f.planStatus === "done" || f.roadmapStatus === "done";
  if (!isFinished && f.nextGate !== null && f.nextGate.unitCount < 1)
    out.push(
      fail(
        "next_gate_empty",
        `gate ${f.gate + 1} has no work units: draft them in PLAN.md, or mark the feature done (PLAN status or roadmap Status)`,
      ),
    );
  return out;
}

function learnings(f: ClosingFacts, out: ClosingFailure[]): void {
  const says = /nothing generalizes/i.test(f.retrospective ?? "");
  if (f.learningsLinesAdded < 1 && !says)
    out.push(
      fail(
        "learnings_missing",
        'add at least one line to .specfuse/LEARNINGS.md, or say "nothing generalizes" in the retrospective',
      ),
    );
}

function breakdown(f: ClosingFacts, out: ClosingFailure[]): void {
  if (
    needsFailureBreakdown(f) &&
    !(f.retrospective ?? "").includes("### Failure-class breakdown")
  )
    out.push(
      fail(
        "failure_breakdown_missing",
        `some attempts in gate ${f.gate} did not pass, so the retrospective needs a "### Failure-class breakdown" section`,
      ),
    );
}

function touchesDocs(paths: readonly string[]): boolean {
  return paths.some(
    (p) =>
      p.startsWith("docs/") ||
      p === ".specfuse/roadmap.md" ||
      p === ".specfuse/LEARNINGS.md" ||
      p === "RETROSPECTIVE.md" ||
      p.endsWith("/RETROSPECTIVE.md"),
  );
}

// Every `attempt_outcome` outcome of the given units, in file order (D-CLOSE-2 counts by graph membership).
export function gateAttemptOutcomes(
  events: readonly LoggedEvent[],
  unitIds: ReadonlySet<string>,
): string[] {
  return events
    .filter(
      (e) =>
        e.event_type === "attempt_outcome" && unitIds.has(e.correlation_id),
    )
    .map((e) => String(e.payload.outcome));
}
