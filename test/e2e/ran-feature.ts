import { eventsText, outcome } from "../history/events-fixture.js";
import { DIR, FEATURE_ID, type GateSpec } from "../operator/feature-fixture.js";
import { operatorRepo } from "./operator-repo.js";

export const T1 = `${FEATURE_ID}/T01`;
export const T2 = `${FEATURE_ID}/T02`;
// T02's work folder (formats.md F-RUN-4).
export const WORK = `${DIR}/work/${FEATURE_ID}_T02`;
// One gate: T01 done, T02 escalated after two failed attempts.
export const RAN_GATES: GateSpec[] = [
  {
    gate: 1,
    status: "open",
    units: [
      { id: "T01", status: "done", extra: "cost_usd: 0.25" },
      {
        id: "T02",
        status: "blocked_human",
        deps: ["T01"],
        extra: "attempts: 2",
      },
    ],
  },
];
// The events of that run, plus one event of a type no version knows.
export const RAN_EVENTS = eventsText([
  { type: "task_started", corr: T1, at: 0 },
  outcome(T1, 1, "passed", 10),
  { type: "task_completed", corr: T1, at: 11 },
  { type: "task_started", corr: T2, at: 12 },
  outcome(T2, 1, "failed", 30),
  outcome(T2, 2, "failed", 50),
  {
    type: "human_escalation",
    corr: T2,
    at: 51,
    payload: { reason: "spinning_signature_repeat" },
  },
  { type: "an_event_from_the_future", corr: T2, at: 52 },
]);

// A repository whose T01 passed (a squash commit with trailers, then a bookkeeping commit naming it) and
// whose T02 escalated, with its notes and a findings file in work/.
export function ranRepo() {
  const repo = operatorRepo(RAN_GATES, "active", {
    [`${DIR}/events.jsonl`]: RAN_EVENTS,
    [`${WORK}/attempt-1.md`]: "### tests: FAIL\n",
    [`${WORK}/attempt-1.findings.json`]: JSON.stringify({
      version: 1,
      findings_total: 3,
      findings: [],
    }),
    [`${WORK}/attempt-1.prompt.md`]: "prompt\n",
    [`${WORK}/attempt-2.md`]: "### tests: FAIL again\n",
  });
  repo.write({ "src/limits.ts": "export const limit = 1;\n" });
  repo.git("add", "-A");
  repo.git(
    "commit",
    "-q",
    "-m",
    `feat: Unit T01\n\nFeature: ${T1}\nWork-Unit-Type: implementation\nAttempts: 1\nModel: sonnet\nVerified-By: tests`,
  );
  const squash = repo.head();
  repo.write({
    [`${DIR}/GATE-01.md`]: "---\ngate: 1\nstatus: open\n---\n# Gate 1 again\n",
  });
  repo.git("add", "-A");
  // A later bookkeeping commit naming the unit must not be taken for its squash commit (F-GIT-3).
  repo.git(
    "commit",
    "-q",
    "-m",
    `chore(loop): ${T1} something\n\nFeature: ${T1}`,
  );
  return { repo, squash };
}
