import { RULE_TABLE, type RuleGroup } from "./rule-table.js";

const GROUPS: ReadonlyArray<[RuleGroup, string, string]> = [
  [
    "folder",
    "Folder, PLAN and graph",
    "A stop here ends the folder: `plan-missing`, an unreadable or unclosed PLAN, no graph, or `gates` that is not a list.",
  ],
  [
    "gate",
    "Gates",
    "Every gate entry gets these checks; a gate without units gets only these.",
  ],
  [
    "entry",
    "Work-unit entries",
    "Every entry of a gate with units. `wu-entry-incomplete`, `wu-file-missing` and `graph-shape` skip the rest of the entry.",
  ],
  [
    "unit",
    "Work-unit files",
    "The WU file of every entry that was not skipped. A `yaml-invalid` file skips the rest, its gate's closing check and `plan-cost-mismatch`.",
  ],
  [
    "closing",
    "Closing shape",
    "Per gate with units: the closing types in graph order must be `[close]` on the terminal gate, `[close-intermediate, plan-next]` elsewhere, or the legacy `[retrospective, lessons, docs, plan-next]`.",
  ],
  ["graph", "Graph-wide", "Across every gate."],
  [
    "cost",
    "Planned cost",
    "Planned costs of the PLAN and of every unit file that can be read; a unit is sealed when it and the PLAN are both `done`.",
  ],
  [
    "draft",
    "Plan-next draft pass",
    "Only with `--just-closed-gate N`: the `draft` units of gate N+1. Always warnings, never part of the exit code, even with `--strict`.",
  ],
];

function cell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

// docs/rules.md, generated from the rule table (scripts/gen-rules-doc.mjs writes it; a test compares).
export function renderRulesDoc(): string {
  const lines = [
    "# specfuse lint rules",
    "",
    "<!-- Generated from src/lint/rule-table.ts by scripts/gen-rules-doc.mjs; do not edit by hand. -->",
    "",
    `\`specfuse lint\` checks feature folders with ${RULE_TABLE.length} rules. Errors make the exit code 1;`,
    "warnings do not, unless `--strict` turns every main-pass warning into an error. The **Ref** column",
    "names the check of the reference implementation (specfuse-loop 0.3.1) that a rule reproduces;",
    "`new` rules are additions, and every new rule is an error.",
    "",
    "Each diagnostic names the offending value and what was expected, and ends with a concrete fix.",
    "See [lint.md](lint.md) for the command, the output formats and the exit codes.",
    "",
  ];
  for (const [group, title, intro] of GROUPS) {
    lines.push(
      `## ${title}`,
      "",
      intro,
      "",
      "| Rule | Severity | Ref | Fires when |",
      "|---|---|---|---|",
    );
    for (const r of RULE_TABLE.filter((x) => x.group === group))
      lines.push(
        `| \`${r.code}\` | ${r.severity} | ${r.ref} | ${cell(r.description)} |`,
      );
    lines.push("");
  }
  return lines.join("\n");
}
