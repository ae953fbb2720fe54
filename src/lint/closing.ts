import { CLOSING_TYPES } from "../plan/vocabulary.js";
import type { GateFacts } from "./facts.js";
import type { ClosingClass, RuleContext } from "./rule.js";

/** The verdict of lint.md L-SHAPE-1 for one gate. */
export interface ClosingVerdict {
  /** The closing types of the surviving entries, in graph order. */
  sequence: string[];
  klass: ClosingClass;
  /** Why the sequence is invalid, when it is. */
  problem: string | null;
}

const NEW_TERMINAL = ["close"];
const NEW_INTERMEDIATE = ["close-intermediate", "plan-next"];
const LEGACY = ["retrospective", "lessons", "docs", "plan-next"];

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

// The first matching row of the L-SHAPE-1 table decides.
export function classifyClosing(
  sequence: string[],
  isTerminal: boolean,
): ClosingVerdict {
  const verdict = (klass: ClosingClass, problem: string | null) => ({
    sequence,
    klass,
    problem,
  });
  if (same(sequence, NEW_TERMINAL))
    return isTerminal
      ? verdict("NEW", null)
      : verdict("INVALID", "close belongs on the terminal gate");
  if (same(sequence, NEW_INTERMEDIATE))
    return isTerminal
      ? verdict(
          "INVALID",
          "close-intermediate, plan-next is for non-terminal gates",
        )
      : verdict("NEW", null);
  if (same(sequence, LEGACY)) return verdict("LEGACY", null);
  if (sequence.includes("close-intermediate"))
    return verdict(
      "INVALID",
      "close-intermediate must be immediately followed by plan-next, and nothing else",
    );
  return verdict("INVALID", "no valid closing sequence");
}

// The allowed shapes for a gate, for messages.
export function allowedShapes(isTerminal: boolean): string {
  return isTerminal
    ? "[close] (or the legacy [retrospective, lessons, docs, plan-next])"
    : "[close-intermediate, plan-next] (or the legacy [retrospective, lessons, docs, plan-next])";
}

// The gate's closing verdict, computed once per pass; null when L-EVAL-3 suppresses the check.
export function closingOf(
  ctx: RuleContext,
  gate: GateFacts,
): ClosingVerdict | null {
  if (!gate.hasUnits || ctx.state.suppressedGates.has(gate)) return null;
  const cached = ctx.state.closing.get(gate);
  if (cached !== undefined) return cached;
  const sequence: string[] = [];
  for (const entry of gate.entries) {
    if (ctx.state.skipped.has(entry)) continue;
    const type = entry.file?.doc?.data.type;
    if (typeof type === "string" && CLOSING_TYPES.has(type))
      sequence.push(type);
  }
  const verdict = classifyClosing(sequence, gate.isTerminal);
  ctx.state.closing.set(gate, verdict);
  return verdict;
}
