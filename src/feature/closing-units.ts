// The bodies of the closing units a new feature starts with, in specfuse's own words (github.md GH-ADOPT-5).

/** What a closing unit body needs to name. */
export interface ClosingFacts {
  featureId: string;
  gate: number;
  /** The feature folder, repo-relative. */
  dir: string;
}

const ESCALATE = [
  "**Escalation triggers.**",
  "Report `blocked` if the units this one reviews are missing or unfinished, or if a deliverable would need a protected path.",
];

// The terminal `close` unit: retrospective, a lesson, the roadmap detail and a verdict.
export function closeBody(f: ClosingFacts): string {
  return [
    `# Close ${f.featureId}`,
    "",
    "This body is the agent's entire prompt for the unit.",
    "",
    "**Objective.**",
    "Review what the feature delivered, record what it teaches, and judge whether it met its goal.",
    "",
    "**Context.**",
    `Gate ${f.gate} is the last gate. The finished units, their attempts and costs are in their frontmatter and in \`${f.dir}/events.jsonl\`. When every unit passed within its planned cost, specfuse may close this unit without running it.`,
    "",
    "**Acceptance criteria.**",
    `- \`${f.dir}/RETROSPECTIVE.md\` says what was built and has a \`## Cost analysis\` section comparing planned and actual cost per unit, plus a \`### Failure-class breakdown\` section if any attempt failed.`,
    `- \`.specfuse/LEARNINGS.md\` gains one line \`- [${f.featureId}/G${f.gate}] <rule>\`, or the retrospective says that nothing generalizes.`,
    "- The feature's detail section in `.specfuse/roadmap.md` notes the outcome.",
    "- This unit's frontmatter carries a `verdict`: `met` only when the feature's goal is demonstrably reached.",
    "",
    "**Do not touch.**",
    "Code, `PLAN.md`, the GATE files and the other units' files.",
    "",
    "**Verification.**",
    `\`specfuse lint ${f.dir}\` exits 0.`,
    "",
    ...ESCALATE,
    "",
  ].join("\n");
}

// A non-terminal gate's `close-intermediate` unit: the gate's retrospective and lesson.
export function closeIntermediateBody(f: ClosingFacts): string {
  return [
    `# Close gate ${f.gate} of ${f.featureId}`,
    "",
    "This body is the agent's entire prompt for the unit.",
    "",
    "**Objective.**",
    `Review gate ${f.gate} and record what it teaches before the next gate is planned.`,
    "",
    "**Context.**",
    `The gate's units, attempts and costs are in their frontmatter and in \`${f.dir}/events.jsonl\`.`,
    "",
    "**Acceptance criteria.**",
    `- \`${f.dir}/RETROSPECTIVE.md\` gains a section for gate ${f.gate}: what was built, planned against actual cost, and the failures seen.`,
    `- \`.specfuse/LEARNINGS.md\` gains one line \`- [${f.featureId}/G${f.gate}] <rule>\`, or the retrospective says that nothing generalizes.`,
    "- This unit's frontmatter carries a `verdict`.",
    "",
    "**Do not touch.**",
    "Code, `PLAN.md`, the GATE files and the other units' files.",
    "",
    "**Verification.**",
    `\`specfuse lint ${f.dir}\` exits 0.`,
    "",
    ...ESCALATE,
    "",
  ].join("\n");
}

// A non-terminal gate's `plan-next` unit: drafts the next gate for review.
export function planNextBody(f: ClosingFacts): string {
  const next = f.gate + 1;
  const nn = String(next).padStart(2, "0");
  return [
    `# Draft gate ${next} of ${f.featureId}`,
    "",
    "This body is the agent's entire prompt for the unit.",
    "",
    "**Objective.**",
    `Plan gate ${next} from what gate ${f.gate} delivered and taught.`,
    "",
    "**Context.**",
    `\`${f.dir}/PLAN.md\` holds the task graph; \`${f.dir}/RETROSPECTIVE.md\` holds gate ${f.gate}'s review.`,
    "",
    "**Acceptance criteria.**",
    `- Gate ${next}'s implementation units are in the graph of \`PLAN.md\` and exist as \`draft\` files with all six sections and a planned cost.`,
    `- \`${f.dir}/GATE-${nn}-REVIEW.md\` summarizes what changed and what the reviewer should look at.`,
    "",
    "**Do not touch.**",
    "Code, the GATE files, and units of finished gates.",
    "",
    "**Verification.**",
    `\`specfuse lint ${f.dir}\` exits 0.`,
    "",
    "**Escalation triggers.**",
    "Report `blocked` if the goal of the next gate cannot be derived from the plan and the retrospective.",
    "",
  ].join("\n");
}
