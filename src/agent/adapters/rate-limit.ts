// The shared rate-limit pattern `P` of agents.md AG-RL-1 and a reset-time reader; applied to error text only.

// `P` (case-insensitive): the words every backend's rate-limit and quota errors share (AG-BE rows).
export const RATE_LIMIT_PATTERN =
  /\b(429|529)\b|rate.?limit|too many requests|overloaded|usage limit|quota (exceeded|exhausted)|RESOURCE_EXHAUSTED/i;

// Whether error text reads as a rate limit (never pass a successful final text, AG-RL-1).
export function isRateLimitText(
  text: string,
  pattern: RegExp = RATE_LIMIT_PATTERN,
): boolean {
  return text !== "" && pattern.test(text);
}

// Seconds per unit, by the unit's first letters: ms, h(ours), m(inutes), else seconds.
function unitSeconds(unit: string): number {
  const u = unit.toLowerCase();
  if (u === "ms") return 0.001;
  if (u.startsWith("h")) return 3600;
  if (u.startsWith("m")) return 60;
  return 1;
}

// Seconds named by "retry in 36.5s", "try again in 5 minutes", "retry after 120 seconds"; else undefined.
export function retryAfterFrom(text: string): number | undefined {
  const match =
    /\b(?:retry|try again)\s+(?:in|after)\s+(\d+(?:\.\d+)?)\s*(ms|sec|seconds?|s|minutes?|min|m|hours?|h)\b/i.exec(
      text,
    );
  if (match === null) return undefined;
  return Number(match[1]) * unitSeconds(match[2] ?? "s");
}
