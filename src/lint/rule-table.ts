/** Where a rule belongs in lint.md, for grouping in docs. */
export type RuleGroup =
  "folder" | "gate" | "entry" | "unit" | "closing" | "cost" | "graph" | "draft";

/** One catalogue row: the single source for SARIF `rules`, docs/rules.md and tests. */
export interface RuleInfo {
  readonly code: string;
  /** Default severity; `--strict` promotes main-pass warnings (L-CLI-6). */
  readonly severity: "error" | "warning";
  /** The reference check(s) reproduced (L01–L27, D01–D05), or "new". */
  readonly ref: string;
  readonly pass: "main" | "draft";
  readonly group: RuleGroup;
  /** One line: what triggers the rule. */
  readonly description: string;
}

function row<C extends string>(
  code: C,
  severity: "error" | "warning",
  ref: string,
  group: RuleGroup,
  description: string,
): RuleInfo & { readonly code: C } {
  return {
    code,
    severity,
    ref,
    pass: group === "draft" ? "draft" : "main",
    group,
    description,
  };
}

// Every rule of lint.md §4 and §5, in evaluation order.
export const RULE_TABLE = [
  row(
    "feature-dir-name",
    "error",
    "new",
    "folder",
    "The feature folder's name has characters other than letters, digits, `.`, `_` and `-`.",
  ),
  row(
    "plan-missing",
    "error",
    "L01",
    "folder",
    "The folder has no PLAN.md (or the folder itself is missing).",
  ),
  row(
    "yaml-invalid",
    "error",
    "new",
    "folder",
    "A PLAN, GATE or WU frontmatter, or a PLAN yaml block before the graph, cannot be read.",
  ),
  row(
    "plan-keys",
    "error",
    "L02",
    "folder",
    "The PLAN frontmatter lacks feature_id, title, branch, roadmap_goal or status.",
  ),
  row(
    "roadmap-row-missing",
    "warning",
    "new",
    "folder",
    "A planned or active feature in a workspace has no row in `.specfuse/roadmap.md`, so `arm` and the terminal flips cannot set its Status.",
  ),
  row(
    "graph-missing",
    "error",
    "L03",
    "folder",
    "PLAN.md has no fenced yaml block with a `gates` key.",
  ),
  row(
    "graph-shape",
    "error",
    "new",
    "folder",
    "The graph has the wrong shape: `gates` or `work_units` not a list, an entry not a mapping, a non-string `file`.",
  ),
  row(
    "gate-number",
    "error",
    "new",
    "gate",
    "A gate's `gate` number is absent or not an integer.",
  ),
  row(
    "gate-duplicate",
    "error",
    "new",
    "gate",
    "A gate repeats the number or the file of an earlier gate.",
  ),
  row(
    "path-escape",
    "error",
    "new",
    "gate",
    "A gate or WU `file` is absolute or leads outside the feature folder.",
  ),
  row(
    "gate-file-missing",
    "error",
    "new",
    "gate",
    "A gate with work units has no `file`, or its file does not exist.",
  ),
  row(
    "gate-budget-type",
    "error",
    "L04",
    "gate",
    "The GATE `cost_budget_usd` is not a YAML number.",
  ),
  row(
    "gate-status",
    "error",
    "new",
    "gate",
    "The GATE `status` is not open, awaiting_review or passed.",
  ),
  row(
    "wu-entry-incomplete",
    "error",
    "L05",
    "entry",
    "A graph entry has no `id` or no `file`.",
  ),
  row(
    "wu-id-format",
    "error",
    "L06/L10",
    "entry",
    "A graph id, or a differing frontmatter id, is not a valid correlation ID.",
  ),
  row(
    "depends-on-not-list",
    "error",
    "new",
    "entry",
    "`depends_on` is neither absent, null nor a list.",
  ),
  row(
    "dep-unknown",
    "error",
    "L07",
    "entry",
    "A dependency names no entry of the graph.",
  ),
  row(
    "dep-later-gate",
    "error",
    "new",
    "entry",
    "A dependency names a unit of a later gate, so the unit can never run.",
  ),
  row(
    "wu-file-missing",
    "error",
    "L08",
    "entry",
    "The WU file named by a graph entry does not exist.",
  ),
  row(
    "frontmatter-missing",
    "error",
    "new",
    "unit",
    "A WU file has no frontmatter: its first line is not `---`.",
  ),
  row(
    "wu-id-mismatch",
    "error",
    "L09",
    "unit",
    "The WU frontmatter `id` differs from the graph id.",
  ),
  row(
    "wu-type",
    "error",
    "L11",
    "unit",
    "The WU `type` is absent or not one of the seven types.",
  ),
  row(
    "wu-model",
    "error",
    "L12",
    "unit",
    "The WU `model` is empty or not sonnet, opus, haiku or a claude-… id.",
  ),
  row(
    "wu-status",
    "error",
    "L13",
    "unit",
    "The WU `status` is absent or not one of the eight statuses.",
  ),
  row(
    "wu-effort",
    "error",
    "L14",
    "unit",
    "The WU `effort` is not low, medium, high, xhigh or max.",
  ),
  row(
    "wu-section-missing",
    "error",
    "L15",
    "unit",
    "A draft, pending or ready WU lacks a mandatory body section.",
  ),
  row(
    "close-verdict-required",
    "error",
    "L16",
    "unit",
    "A close unit past pending has no valid `verdict`.",
  ),
  row(
    "verdict-on-non-close",
    "error",
    "L17",
    "unit",
    "A unit that is not a close type carries a `verdict`.",
  ),
  row(
    "oracle-env-missing",
    "warning",
    "L18",
    "unit",
    "The acceptance criteria name an oracle (tests, audits, runs) but `oracle_env` is not declared.",
  ),
  row(
    "driver-wiring-undeclared",
    "warning",
    "L19",
    "unit",
    "An implementation unit mentions driver wiring but declares no `produces_driver_helper`.",
  ),
  row(
    "produces-missing",
    "warning",
    "L20",
    "unit",
    "An implementation unit declares no `produces`.",
  ),
  row(
    "produces-bare-path",
    "warning",
    "L21",
    "unit",
    "A `produces` element has no `/`, so it is not a repo-root-relative path.",
  ),
  row(
    "wu-key-invalid",
    "error",
    "new",
    "unit",
    "attempts, max_attempts, timeout_minutes, commit_type, unsandboxed, produces, produces_driver_helper or extra_gates has a bad value.",
  ),
  row(
    "status-impossible",
    "error",
    "new",
    "unit",
    "A unit's status and run keys no sequence of the transition table produces (blocked_human without attempts, a draft that ran, auto_close off a done close unit, a hand-done unit beside drafts).",
  ),
  row(
    "unknown-key",
    "warning",
    "new",
    "unit",
    "A PLAN, GATE or WU frontmatter, or a task-graph entry, has a key specfuse does not know (a typo such as `depend_on` or `modle`).",
  ),
  row(
    "closing-shape",
    "error",
    "L22",
    "closing",
    "A gate's closing units do not form an allowed sequence.",
  ),
  row(
    "closing-shape-legacy",
    "warning",
    "L22",
    "closing",
    "A gate closes with the legacy retrospective, lessons, docs, plan-next sequence.",
  ),
  row(
    "closing-mix-forward",
    "warning",
    "L26",
    "closing",
    "The latest gate uses the new closing shape while earlier gates are legacy.",
  ),
  row(
    "closing-mix-backward",
    "error",
    "L27",
    "closing",
    "The latest gate uses the legacy closing shape after gates with the new one.",
  ),
  row(
    "wu-planned-cost-missing",
    "warning",
    "L23",
    "cost",
    "A unit that is not sealed has no `planned_cost_usd`.",
  ),
  row(
    "planned-cost-invalid",
    "error",
    "new",
    "cost",
    "A WU or PLAN `planned_cost_usd` is not a finite number.",
  ),
  row(
    "plan-planned-cost-missing",
    "warning",
    "L24",
    "cost",
    "The PLAN has no `planned_cost_usd`.",
  ),
  row(
    "plan-cost-mismatch",
    "warning",
    "L25",
    "cost",
    "The PLAN `planned_cost_usd` differs from the units' sum by more than 10%.",
  ),
  row(
    "wu-duplicate-id",
    "error",
    "new",
    "graph",
    "Two graph entries share an id.",
  ),
  row(
    "wu-duplicate-file",
    "error",
    "new",
    "graph",
    "Two graph entries name the same WU file.",
  ),
  row(
    "dep-cycle",
    "error",
    "new",
    "graph",
    "Dependencies form a cycle, so none of its units can run.",
  ),
  row(
    "draft-id-format",
    "warning",
    "D01",
    "draft",
    "A drafted unit's id is not a valid correlation ID.",
  ),
  row(
    "draft-planned-cost",
    "warning",
    "D02",
    "draft",
    "A drafted unit's `planned_cost_usd` is missing, not a number, or not positive.",
  ),
  row(
    "draft-type",
    "warning",
    "D03",
    "draft",
    "A drafted unit's `type` is absent or not one of the seven types.",
  ),
  row(
    "draft-section-missing",
    "warning",
    "D04a",
    "draft",
    "A drafted unit lacks a mandatory body section.",
  ),
  row(
    "draft-section-empty",
    "warning",
    "D04b",
    "draft",
    "A drafted unit has a mandatory section with nothing under it.",
  ),
  row(
    "draft-driver-wiring",
    "warning",
    "D05",
    "draft",
    "A drafted implementation unit mentions driver wiring but declares no `produces_driver_helper`.",
  ),
];

/** Every rule code. */
export type RuleCode = (typeof RULE_TABLE)[number]["code"];

const BY_CODE = new Map<string, RuleInfo>(RULE_TABLE.map((r) => [r.code, r]));

// The catalogue row of a code; throws on an unknown code (a bug, never user input).
export function ruleInfo(code: string): RuleInfo {
  const info = BY_CODE.get(code);
  if (info === undefined) throw new Error(`unknown lint rule ${code}`);
  return info;
}
