import { roundTo } from "../../yaml/format-number.js";
import { formatUsd4 } from "../unit/cost.js";

/** What the brake reads before a dispatch (driver D-BUDGET-1). */
export interface BudgetInput {
  gate: number;
  /** The GATE file as shown to people, e.g. `.specfuse/features/X/GATE-02.md`. */
  gateFile: string;
  gateStatus: string;
  /** GATE `cost_budget_usd` as parsed: undefined when the key or the file is missing. */
  budget: unknown;
  /** Frontmatter of the gate's units, closing units included. */
  units: ReadonlyArray<{ status: unknown; cost_usd: unknown }>;
  /** The unit about to be dispatched. */
  nextUnitId: string;
}

/** The `human_escalation` payload of D-BUDGET-2 (formats.md F-EV-3). */
export interface BudgetEscalation {
  reason: "gate_budget_exceeded";
  budget_usd: number;
  spent_usd: number;
  next_wu_id: string;
}

/** The brake's verdict. */
export type BudgetDecision =
  | { action: "none"; why: "awaiting_review" | "no_budget" }
  | { action: "invalid"; message: string; hint: string }
  | { action: "continue"; spent: number; budget: number }
  | {
      action: "brake";
      spent: number;
      budget: number;
      event: BudgetEscalation;
      commitSubject: string;
      /** What to print, one line each (D-BUDGET-2 step 4). */
      message: string[];
    };

// Spending (D-BUDGET-1): the sum of numeric `cost_usd` over the gate's `done` units.
export function gateSpent(
  units: ReadonlyArray<{ status: unknown; cost_usd: unknown }>,
): number {
  let spent = 0;
  for (const u of units)
    if (
      u.status === "done" &&
      typeof u.cost_usd === "number" &&
      Number.isFinite(u.cost_usd)
    )
      spent += u.cost_usd;
  return spent;
}

// The budget brake before one dispatch (D-BUDGET-1, D-BUDGET-2); a non-number budget is `invalid` (exit 65).
export function decideBudgetBrake(input: BudgetInput): BudgetDecision {
  if (input.gateStatus === "awaiting_review")
    return { action: "none", why: "awaiting_review" };
  if (input.budget === undefined) return { action: "none", why: "no_budget" };
  if (typeof input.budget !== "number")
    return {
      action: "invalid",
      message: `cost_budget_usd must be a number, found ${describe(input.budget)}`,
      hint: `Write a plain number in ${input.gateFile}, e.g. \`cost_budget_usd: 5.0\`, or remove the key for no budget.`,
    };
  const budget = input.budget;
  // Costs are stored to 6 dp; rounding the sum keeps 0.1 + 0.7 equal to a 0.8 budget.
  const spent = roundTo(gateSpent(input.units), 6);
  if (!(spent >= budget)) return { action: "continue", spent, budget };
  return {
    action: "brake",
    spent,
    budget,
    event: {
      reason: "gate_budget_exceeded",
      budget_usd: budget,
      spent_usd: spent,
      next_wu_id: input.nextUnitId,
    },
    commitSubject: `chore(loop): gate ${input.gate} budget exceeded — awaiting_review`,
    message: [
      `gate ${input.gate} budget reached: spent ${formatUsd4(spent)} of ${formatUsd4(budget)}; halted before ${input.nextUnitId}`,
      `gate ${input.gate} is now awaiting_review. A new \`specfuse run\` does not brake while the gate awaits review, so it dispatches the remaining units.`,
      `To keep a ceiling, raise cost_budget_usd in ${input.gateFile} first.`,
    ],
  };
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "string") return `the string "${value}"`;
  if (typeof value === "boolean") return `the boolean ${value}`;
  return Array.isArray(value) ? "a list" : "a mapping";
}
