// The phrase patterns of lint.md L-DEF-4. Each pattern is `⟨core⟩` under the flags `iu`, where `⟨` is
// `(?<![\p{L}\p{N}_])` and `⟩` is `(?![\p{L}\p{N}_])`. Compiling that class under `iu` costs V8 milliseconds
// per pattern (it closes \p{L} over case folding), so each core is compiled alone, with the same flags and
// so the same case rules, and the two boundaries are checked by hand at each match (isWordChar). Every core
// has one possible match length at a given start, so "first match whose boundaries hold" is the pattern's
// first match. Text that is all ASCII (nearly every plan) is searched with ASCII twins of the cores (`i`
// without `u`, \p{Nd} as [0-9]), which match exactly the same there and need no Unicode tables.
const DIGITS = "\\p{Nd}+";
const ASCII_DIGITS = "[0-9]+";
const ASCII = /^[\x00-\x7F]*$/;

/** One phrase pattern: its core (compiled on first use, per text kind), and whether it has an opening boundary. */
interface Phrase {
  source: string;
  isOpen: boolean;
  unicode: RegExp | null;
  ascii: RegExp | null;
}

function phrase(source: string, isOpen = true): Phrase {
  return { source, isOpen, unicode: null, ascii: null };
}

function asciiSource(source: string): string {
  return source.split(DIGITS).join(ASCII_DIGITS);
}

function coreOf(p: Phrase, isAscii: boolean): RegExp {
  if (isAscii) return (p.ascii ??= new RegExp(asciiSource(p.source), "gi"));
  return (p.unicode ??= new RegExp(p.source, "giu"));
}

// The oracle patterns of L-DEF-4, in order; searched in the acceptance-criteria slice.
const ORACLE_PHRASES: readonly Phrase[] = [
  phrase("test\\s+loops?"),
  phrase("loops?\\s+of\\s+tests?"),
  phrase("audit"),
  phrase("recursive\\s+run"),
  phrase(`run\\s+${DIGITS}\\s+times`),
  phrase(`${DIGITS}\\s+consecutive\\s+runs?`),
  phrase("smoke[-\\s]tests?"),
  phrase("oracle"),
  phrase("integration\\s+tests?"),
  phrase("e2e"),
  phrase("for\\s+i\\s+in\\s+\\$\\(seq", false),
  phrase(`repeat\\s+${DIGITS}\\s+times`),
];

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

const WIRING_PHRASES: readonly Phrase[] = WIRING_KEYWORDS.map((kw) =>
  phrase(kw.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
);

/** A pattern list with its "any core at all" scan, which runs before the per-pattern scans. */
interface PhraseSet {
  phrases: readonly Phrase[];
  unicode: RegExp | null;
  ascii: RegExp | null;
}

const ORACLE: PhraseSet = {
  phrases: ORACLE_PHRASES,
  unicode: null,
  ascii: null,
};
const WIRING: PhraseSet = {
  phrases: WIRING_PHRASES,
  unicode: null,
  ascii: null,
};

function anyOf(set: PhraseSet, isAscii: boolean): RegExp {
  const join = (f: (s: string) => string) =>
    set.phrases.map((p) => `(?:${f(p.source)})`).join("|");
  if (isAscii) return (set.ascii ??= new RegExp(join(asciiSource), "i"));
  return (set.unicode ??= new RegExp(
    join((x) => x),
    "iu",
  ));
}

// [\p{L}\p{N}_] as `iu` reads it: the same set plus U+0345, which case-folds to ι (checked over all of Unicode).
let wordClass: RegExp | null = null;

function isWordChar(cp: number | undefined): boolean {
  if (cp === undefined) return false;
  if (cp < 0x80)
    return (
      (cp >= 0x30 && cp <= 0x39) ||
      (cp >= 0x41 && cp <= 0x5a) ||
      (cp >= 0x61 && cp <= 0x7a) ||
      cp === 0x5f
    );
  wordClass ??= /^[\p{L}\p{N}_\u0345]$/u;
  return wordClass.test(String.fromCodePoint(cp));
}

// The code point that ends just before index i (a surrogate pair counts as one, as under the `u` flag).
function codePointBefore(text: string, i: number): number | undefined {
  if (i <= 0) return undefined;
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(i - 2);
  }
  return low;
}

function firstHit(p: Phrase, text: string, isAscii: boolean): string | null {
  const re = coreOf(p, isAscii);
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const isOpenOk = !p.isOpen || !isWordChar(codePointBefore(text, start));
    if (isOpenOk && !isWordChar(text.codePointAt(end))) return m[0];
    re.lastIndex = start + ((text.codePointAt(start) ?? 0) > 0xffff ? 2 : 1);
  }
  return null;
}

function hits(set: PhraseSet, text: string): string[] {
  if (text === "") return [];
  const isAscii = ASCII.test(text);
  if (!anyOf(set, isAscii).test(text)) return [];
  const found: string[] = [];
  for (const p of set.phrases) {
    const hit = firstHit(p, text, isAscii);
    if (hit !== null) found.push(hit);
  }
  return found;
}

// The oracle hits of a text, in pattern order, each in its original case.
export function oracleHits(text: string): string[] {
  return hits(ORACLE, text);
}

// The wiring hits of a text, in keyword order, each in its original case.
export function wiringHits(text: string): string[] {
  return hits(WIRING, text);
}
