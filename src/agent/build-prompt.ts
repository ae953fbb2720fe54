import { plainDecimal } from "../yaml/format-number.js";
import { buildRetryEvidence, type PriorAttempt } from "./retry-evidence.js";

/** Everything the prompt says about one attempt (driver D-PROMPT-1..5). */
export interface PromptInput {
  feature: {
    id: string;
    /** PLAN `title`. */
    title: string | null;
    /** PLAN `roadmap_goal`. */
    roadmapGoal: string | null;
  };
  gate: { number: number; isTerminal: boolean };
  unit: {
    id: string;
    type: string;
    effort: string;
    /** The WU body; it is trimmed (formats.md F-WU-9). */
    body: string;
    /** `produces` paths, repo-relative. */
    produces: readonly string[];
  };
  attempt: number;
  maxAttempts: number;
  /** The wall-clock limit of this attempt, in minutes. */
  wallClockMinutes: number;
  /** The inactivity limit, in minutes; 0 when off. */
  inactivityMinutes: number;
  /** This attempt's protected paths (driver D-PROT-1), repo-relative. */
  protectedPaths: readonly string[];
  /** What this unit's type may change among them, one sentence each. */
  protectionExceptions: readonly string[];
  /** The verification gates that will run, after `{feature_dir}` substitution. */
  gates: ReadonlyArray<{ name: string; command: string }>;
  /** Smoke-import commands found in the body (driver D-GUARD-5). */
  smokeCommands: readonly string[];
  /** Earlier attempts of this cycle, any order; the newest is shown last. */
  history: readonly PriorAttempt[];
}

const TERSE_EFFORTS = new Set(["low", "medium"]);

const RESULT_EXAMPLE = [
  "```result",
  "status: complete",
  "summary: One sentence on what this attempt did.",
  "files_changed:",
  "  - path/from/the/repository/root.ts",
  "acceptance_criteria:",
  "  - text: The criterion, as the work unit states it",
  "    met: true",
  "    evidence: The command you ran and what it showed",
  "blocked_reason:",
  "```",
].join("\n");

const bullets = (items: readonly string[], indent = "  ") =>
  items.map((i) => `${indent}- ${i}`);

// The checks that run after the gates, as the agent should understand them (D-GUARD, D-CLOSE).
function guardLines(input: PromptInput): string[] {
  const lines = [
    "every path in your files_changed must really differ from the starting commit (or be a new, non-ignored file)",
  ];
  if (input.unit.produces.length > 0)
    lines.push(
      `these deliverables must exist and be non-empty: ${input.unit.produces.join(", ")}`,
    );
  if (input.unit.type === "implementation")
    lines.push(
      "the commit must contain at least one file besides this unit's own file",
    );
  for (const cmd of input.smokeCommands)
    lines.push(`after the commit, \`${cmd}\` must exit 0`);
  if (["close", "close-intermediate", "plan-next"].includes(input.unit.type))
    lines.push(
      `the closing-deliverable checks for a ${input.unit.type} unit must all hold: .specfuse/docs/closing-units.md lists them`,
    );
  if (["close", "close-intermediate"].includes(input.unit.type))
    lines.push(
      "this unit's own frontmatter must carry a `verdict:` (met, met_locally, partially_met or not_met) when you stop: plan lint fails the attempt without one",
    );
  return lines;
}

// Point (a)-(g) of D-PROMPT-2, in our own words.
function preamble(input: PromptInput): string {
  const gates =
    input.gates.length === 0
      ? ["  - (none)"]
      : bullets(input.gates.map((g) => `${g.name}: \`${g.command}\``));
  const exceptions =
    input.protectionExceptions.length === 0
      ? []
      : [`  Allowed for this unit: ${input.protectionExceptions.join(" ")}`];
  return [
    "You are carrying out one work unit of a planned feature for specfuse.",
    "",
    "- This attempt runs in a fresh process. You know nothing about earlier attempts except the evidence at the end of this prompt.",
    "- The rules in `.specfuse/rules/` are binding. Read the ones that apply before changing anything.",
    "- The driver owns version control. Git commands that write (add, commit, push, reset, checkout, stash, branch and the like) are denied; read-only ones such as `git status`, `git diff` and `git log` are fine. Leave your changes in the working tree: the driver verifies and commits them.",
    "- Do not create, edit or delete these protected paths; any change to them fails the attempt and is reverted:",
    ...bullets(input.protectedPaths, "    "),
    ...exceptions,
    "- When you stop, the driver runs these verification commands from the repository root, one after another; each must exit 0:",
    ...gates,
    "  Then it checks:",
    ...bullets(guardLines(input)),
    "- End your final message with a fenced `result` block like this one:",
    "",
    RESULT_EXAMPLE,
    "",
    "  `status` is `complete` or `blocked`; `summary` is one sentence. `files_changed` lists exactly the paths you created, modified or deleted: listing a path that did not change fails the attempt. Use `blocked` only for a decision a human must make (a product choice, missing access, a contradiction in the plan) and explain it in `blocked_reason`; a hard problem is not a reason to block.",
    "- Run only commands that finish on their own: no watch modes, dev servers or prompts that wait for input.",
    "- Never weaken, skip or delete tests, checks or verification commands to get a pass. Report honestly: if something is not done or not verified, say so.",
  ].join("\n");
}

// Point D-PROMPT-3: only for low and medium effort.
const TERSENESS =
  "Be terse. No filler, no narration between tool calls and no closing summary beyond the result block. Write code and the result block normally, and quote error messages exactly.";

const minutes = (n: number) => `${plainDecimal(n)} minute${n === 1 ? "" : "s"}`;

// Point D-PROMPT-4: where this unit sits and what it may spend.
function featureContext(input: PromptInput): string {
  const { feature, gate, unit } = input;
  const limit =
    input.inactivityMinutes > 0
      ? `${minutes(input.wallClockMinutes)} of wall-clock time; stopped after ${minutes(input.inactivityMinutes)} without output`
      : `${minutes(input.wallClockMinutes)} of wall-clock time`;
  return [
    "## Feature context",
    `- Feature: ${feature.id}${feature.title !== null && feature.title !== "" ? ` — ${feature.title}` : ""}`,
    ...(feature.roadmapGoal !== null && feature.roadmapGoal !== ""
      ? [`- Roadmap goal: ${feature.roadmapGoal}`]
      : []),
    `- Gate: ${gate.number} (${gate.isTerminal ? "the terminal gate of this feature" : "not the terminal gate"})`,
    `- Work unit: ${unit.id} (type ${unit.type})`,
    `- Attempt: ${input.attempt} of ${input.maxAttempts}`,
    `- Time limit: ${limit}`,
  ].join("\n");
}

// The whole prompt of one attempt, sections in the order of D-PROMPT-1, separated by blank lines. Pure.
export function buildPrompt(input: PromptInput): string {
  const sections = [
    preamble(input),
    ...(TERSE_EFFORTS.has(input.unit.effort) ? [TERSENESS] : []),
    featureContext(input),
    `## Work unit ${input.unit.id}\n\n${input.unit.body.trim()}`,
    buildRetryEvidence(input.history),
  ];
  return `${sections.filter((s) => s !== "").join("\n\n")}\n`;
}
