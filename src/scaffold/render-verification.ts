import {
  describeStacks,
  hasActiveCodeCheck,
  type CodeCheck,
  type StackDetection,
} from "./detect-stack.js";
import { yamlDoubleQuoted } from "./yaml-scalar.js";

/** A named check of an extra set (the example feature's `example` set). */
export interface ExtraSet {
  name: string;
  checks: ReadonlyArray<{ name: string; command: string }>;
}

// Paths whose change proves a documentation deliverable (I-STACK-2); the unit's own file is never among them.
export const DOC_ARTIFACT_PATHS = [
  "docs",
  "README.md",
  ".specfuse/LEARNINGS.md",
  ".specfuse/roadmap.md",
  '"{feature_dir}/RETROSPECTIVE.md"',
] as const;

// The `doc` check: lists changed or new artifact paths and fails, saying why, when there are none.
export const ARTIFACT_CHANGED_COMMAND =
  `git status --porcelain --untracked-files=all -- ${DOC_ARTIFACT_PATHS.join(" ")} | grep . ` +
  `|| { echo "no documentation artifact changed: expected a change under docs/, README.md, ` +
  `.specfuse/LEARNINGS.md, .specfuse/roadmap.md or {feature_dir}/RETROSPECTIVE.md" >&2; exit 1; }`;

// The `plannext` check (I-STACK-2).
export const PLAN_LINT_COMMAND = "specfuse lint {feature_dir}";

// What an unconfigured repository gets: a check that fails loudly until it is replaced.
export const PLACEHOLDER_CODE_COMMAND =
  "echo 'no code check configured: edit .specfuse/verification.yml' >&2; exit 1";

// Renders the seeded verification.yml from the detected stack (init.md §4.1, I-STACK-1..3).
export function renderVerification(
  detection: StackDetection,
  extraSets: ReadonlyArray<ExtraSet> = [],
): string {
  const lines: string[] = [
    "# verification.yml: the commands that decide whether a work unit passed.",
    "# Seeded by `specfuse init` from the files at the repository root; it is",
    "# yours now, and `specfuse upgrade` never changes it.",
    `# Detected stacks: ${describeStacks(detection)}`,
    "#",
    "# Which set runs for which unit type:",
    "#   implementation                          -> code",
    "#   close, close-intermediate, plan-next    -> plannext",
    "#   retrospective, lessons, docs (legacy)   -> doc",
    "# A unit's `extra_gates` adds more sets by name.",
    "#",
    "# Each check has a `name` (unique in its set) and a `command`, run with",
    "# `sh -c` from the repository root; {feature_dir} becomes the feature folder.",
    "# A check may also set a time limit in seconds (the default is 900):",
    "# timeout_seconds: 900",
    "# Unit costs are recorded in frontmatter and commit trailers (so they end up",
    "# in git history); set this to false to stop recording them:",
    "# cost_tracking: true",
    "# See .specfuse/verification.yml.example and .specfuse/docs/verification.md.",
    "",
    ...renderCodeSet(detection),
    "",
    "doc:",
    ...entry("artifact-changed", ARTIFACT_CHANGED_COMMAND, ""),
    "",
    "plannext:",
    ...entry("plan-lint", PLAN_LINT_COMMAND, ""),
  ];
  for (const set of extraSets) {
    lines.push("", `${set.name}:`);
    for (const c of set.checks) lines.push(...entry(c.name, c.command, ""));
  }
  return `${lines.join("\n")}\n`;
}

function renderCodeSet(detection: StackDetection): string[] {
  if (detection.checks.length === 0) {
    return [
      "# No test, lint or build setup was found at the repository root, so there",
      "# is no `code` check yet and implementation units cannot pass. Replace the",
      "# command below with your real test command, then uncomment the three lines:",
      "# code:",
      ...entry("tests", PLACEHOLDER_CODE_COMMAND, "# "),
    ];
  }
  const isActive = hasActiveCodeCheck(detection);
  const lines: string[] = isActive
    ? ["code:"]
    : [
        "# No active `code` check was detected, so implementation units cannot pass",
        "# yet. Uncomment `code:` and at least one check below once it works.",
        "# code:",
      ];
  for (const c of detection.checks) lines.push(...renderCheck(c));
  return lines;
}

function renderCheck(c: CodeCheck): string[] {
  if (c.isActive) return entry(c.name, c.command, "");
  const note = c.note === null ? [] : [`  # ${c.note}:`];
  return [...note, ...entry(c.name, c.command, "# ")];
}

function entry(name: string, command: string, comment: string): string[] {
  return [
    `  ${comment}- name: ${name}`,
    `  ${comment}  command: ${yamlDoubleQuoted(command)}`,
  ];
}
