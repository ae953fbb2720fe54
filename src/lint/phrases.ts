// Word boundaries of lint.md L-DEF-4: ⟨ and ⟩ are letter/digit/underscore lookarounds.
const OPEN = "(?<![\\p{L}\\p{N}_])";
const CLOSE = "(?![\\p{L}\\p{N}_])";
const DIGITS = "\\p{Nd}+";

// The oracle patterns of L-DEF-4, in order; searched in the acceptance-criteria slice.
export const ORACLE_PATTERNS: readonly RegExp[] = [
  `${OPEN}test\\s+loops?${CLOSE}`,
  `${OPEN}loops?\\s+of\\s+tests?${CLOSE}`,
  `${OPEN}audit${CLOSE}`,
  `${OPEN}recursive\\s+run${CLOSE}`,
  `${OPEN}run\\s+${DIGITS}\\s+times${CLOSE}`,
  `${OPEN}${DIGITS}\\s+consecutive\\s+runs?${CLOSE}`,
  `${OPEN}smoke[-\\s]tests?${CLOSE}`,
  `${OPEN}oracle${CLOSE}`,
  `${OPEN}integration\\s+tests?${CLOSE}`,
  `${OPEN}e2e${CLOSE}`,
  `for\\s+i\\s+in\\s+\\$\\(seq${CLOSE}`,
  `${OPEN}repeat\\s+${DIGITS}\\s+times${CLOSE}`,
].map((source) => new RegExp(source, "iu"));

// The driver-wiring keywords of L-DEF-4, matched literally between word boundaries.
export const WIRING_KEYWORDS: readonly string[] = [
  "loop.py",
  "driver-side",
  "MODEL_BY_TYPE",
  "EFFORT_BY_TYPE",
  "GATES_FOR_TYPE",
  "CLOSING_ASSERTIONS_BY_TYPE",
  "POST_PASS_INVARIANTS_BY_TYPE",
  "fire_terminal_flips",
  "assert_terminal_flips_fired",
  "squash_commit",
  "reset_preserving_events",
  "commit_bookkeeping",
];

const WIRING_PATTERNS: readonly RegExp[] = WIRING_KEYWORDS.map(
  (kw) =>
    new RegExp(
      `${OPEN}${kw.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}${CLOSE}`,
      "iu",
    ),
);

// One scan for "any pattern at all" before the per-pattern scans that collect the hits.
const ANY_ORACLE = new RegExp(
  ORACLE_PATTERNS.map((p) => `(?:${p.source})`).join("|"),
  "iu",
);
const ANY_WIRING = new RegExp(
  WIRING_PATTERNS.map((p) => `(?:${p.source})`).join("|"),
  "iu",
);

function hits(
  patterns: readonly RegExp[],
  any: RegExp,
  text: string,
): string[] {
  if (!any.test(text)) return [];
  const found: string[] = [];
  for (const p of patterns) {
    const m = p.exec(text);
    if (m !== null) found.push(m[0]);
  }
  return found;
}

// The oracle hits of a text, in pattern order, each in its original case.
export function oracleHits(text: string): string[] {
  return text === "" ? [] : hits(ORACLE_PATTERNS, ANY_ORACLE, text);
}

// The wiring hits of a text, in keyword order, each in its original case.
export function wiringHits(text: string): string[] {
  return text === "" ? [] : hits(WIRING_PATTERNS, ANY_WIRING, text);
}
