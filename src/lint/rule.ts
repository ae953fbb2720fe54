import type { EntryFacts, FileDoc, GateFacts, LintFacts } from "./facts.js";
import type { ClosingVerdict } from "./closing.js";
import type { RuleCode } from "./rule-table.js";

/** What a rule reports; the runner adds severity and pass. */
export interface Finding {
  rule: RuleCode;
  file: string;
  line: number | null;
  column?: number | null;
  gate: number | string | null;
  message: string;
  hint: string;
}

/** Mutable state of one main pass: skips and suppressions of lint.md L-EVAL-3. */
export interface PassState {
  /** Entries left out of the closing sequence C (§4.6). */
  skipped: Set<EntryFacts>;
  /** Gates whose closing check is suppressed by a yaml-invalid WU file. */
  suppressedGates: Set<GateFacts>;
  /** A yaml-invalid WU file suppresses plan-cost-mismatch. */
  hasInvalidUnitFile: boolean;
  /** Closing verdict per checked gate (L-SHAPE-1). */
  closing: Map<GateFacts, ClosingVerdict>;
}

/** The class of a gate's closing sequence (L-SHAPE-1). */
export type ClosingClass = "NEW" | "LEGACY" | "INVALID";

/** What rules see: the shared facts, the pass state and the sink. */
export interface RuleContext {
  facts: LintFacts;
  state: PassState;
  report(finding: Finding): void;
}

/** A WU file that reached the §4.5 checks. */
export interface UnitTarget {
  entry: EntryFacts;
  doc: FileDoc;
  /** Display path of the WU file. */
  file: string;
}

/** A draft unit visited by the plan-next draft pass (L-DRAFT-3). */
export interface DraftTarget {
  entry: EntryFacts;
  doc: FileDoc;
  file: string;
  /** The entry's `id` when present, otherwise its `file`. */
  draftId: unknown;
}

/** `stop` ends the folder (L-EVAL-2); `skip` ends the current gate or entry (L-EVAL-3). */
export type Flow = "stop" | "skip" | undefined;

/** One lint rule: a code and the evaluation steps it takes part in (lint.md L-EVAL-1). */
export interface Rule {
  readonly code: RuleCode;
  /** Steps 1–2: PLAN presence and frontmatter. */
  plan?(ctx: RuleContext): Flow;
  /** Step 3: the graph block and the `gates` list. */
  graph?(ctx: RuleContext): Flow;
  /** Step 4, §4.3: every gate entry. */
  gate?(ctx: RuleContext, gate: GateFacts): Flow;
  /** Step 4, §4.4: every WU entry of a gate with units. */
  entry?(ctx: RuleContext, entry: EntryFacts): Flow;
  /** Step 4, §4.5: the WU file of an entry that was not skipped. */
  unit?(ctx: RuleContext, unit: UnitTarget): Flow;
  /** Step 4, §4.6: the gate's closing shape, after its entries. */
  closing?(ctx: RuleContext, gate: GateFacts): void;
  /** Step 5: graph-wide checks. */
  graphWide?(ctx: RuleContext): void;
  /** Step 6: planned cost. */
  cost?(ctx: RuleContext): void;
  /** Step 7: cross-gate mix. */
  mix?(ctx: RuleContext): void;
  /** The plan-next draft pass (§5). */
  draft?(ctx: RuleContext, draft: DraftTarget): void;
}
