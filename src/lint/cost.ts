import type { EntryFacts, FileDoc, LintFacts } from "./facts.js";
import { numericValue, type Numeric } from "./numeric.js";

/** One entry visited by the planned-cost checks (lint.md L-COST-1). */
export interface CostEntry {
  entry: EntryFacts;
  doc: FileDoc;
  file: string;
  value: Numeric;
  /** WU status `done` under a PLAN status `done`. */
  isSealed: boolean;
}

const cache = new WeakMap<LintFacts, CostEntry[]>();

// Every graph entry whose file is a non-empty string that exists with readable frontmatter, skipped or not.
export function costEntries(facts: LintFacts): CostEntry[] {
  const cached = cache.get(facts);
  if (cached !== undefined) return cached;
  const isPlanDone = facts.planData.status === "done";
  const list: CostEntry[] = [];
  for (const entry of facts.entries) {
    const doc = entry.file?.doc ?? null;
    if (entry.file === null || doc === null || !doc.isReadable) continue;
    list.push({
      entry,
      doc,
      file: entry.file.display,
      value: numericValue(doc.data.planned_cost_usd),
      isSealed: isPlanDone && doc.data.status === "done",
    });
  }
  cache.set(facts, list);
  return list;
}

// The PLAN's planned cost; absent unless the frontmatter was readable.
export function planCost(facts: LintFacts): Numeric {
  return facts.planState === "ok"
    ? numericValue(facts.planData.planned_cost_usd)
    : { kind: "absent" };
}

// Dollars for messages: $6.00.
export function dollars(value: number): string {
  return `$${value.toFixed(2)}`;
}
