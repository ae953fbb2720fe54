import type { GateFacts } from "./facts.js";
import type { RuleContext } from "./rule.js";

/** The L-SHAPE-2 picture: the latest classified gate and the gates of each class. */
export interface ClosingMix {
  latest: GateFacts;
  latestClass: "NEW" | "LEGACY";
  newGates: number[];
  legacyGates: number[];
}

// Maps integer gate numbers to NEW or LEGACY (later entries win); null unless both classes occur.
export function closingMixOf(ctx: RuleContext): ClosingMix | null {
  const byNumber = new Map<
    number,
    { gate: GateFacts; klass: "NEW" | "LEGACY" }
  >();
  for (const gate of ctx.facts.gates) {
    const verdict = ctx.state.closing.get(gate);
    if (
      gate.number === null ||
      verdict === undefined ||
      verdict.klass === "INVALID"
    )
      continue;
    byNumber.set(gate.number, { gate, klass: verdict.klass });
  }
  const classes = [...byNumber.values()].map((v) => v.klass);
  if (!classes.includes("NEW") || !classes.includes("LEGACY")) return null;
  const t = Math.max(...byNumber.keys());
  const latest = byNumber.get(t);
  if (latest === undefined) return null;
  const numbers = (k: "NEW" | "LEGACY") =>
    [...byNumber]
      .filter(([, v]) => v.klass === k)
      .map(([n]) => n)
      .sort((a, b) => a - b);
  return {
    latest: latest.gate,
    latestClass: latest.klass,
    newGates: numbers("NEW"),
    legacyGates: numbers("LEGACY"),
  };
}
