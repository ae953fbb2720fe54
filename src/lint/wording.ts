import { isCorrelationId } from "../plan/correlation-id.js";

// A likely valid spelling of a bad correlation ID (`…/T2` → `…/T02`, lower case → upper), or null.
export function suggestId(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const candidates = [value.trim(), value.trim().toUpperCase()];
  for (const c of [...candidates]) {
    candidates.push(c.replace(/\/T(\d)(?=$|H)/, "/T0$1"));
    candidates.push(c.replace(/\/T0*(\d\d)(?=$|H)/, "/T$1"));
  }
  return candidates.find((c) => c !== value && isCorrelationId(c)) ?? null;
}

// The shapes of F-ID-2, for messages.
export const ID_SHAPES =
  "FEAT-YYYY-NNNN/Tnn for a task, FEAT-YYYY-NNNN/Gn-CLOSE (or -CLOSE-INTERMEDIATE, -PLAN) for a closing unit, with INIT-YYYY-NNNN/Fnn in place of FEAT-YYYY-NNNN inside an initiative";

// Levenshtein distance, capped: returns cap + 1 as soon as every path exceeds it.
function distance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(
        (prev[j] ?? 0) + 1,
        (cur[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + cost,
      );
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > cap) return cap + 1;
    prev = cur;
  }
  return prev[b.length] ?? cap + 1;
}

// The known id closest to a value (edit distance, ties to the earliest), or null when none is close.
export function closestId(
  value: unknown,
  known: Iterable<string>,
): string | null {
  const text = typeof value === "string" ? value : String(value);
  let best: string | null = null;
  let bestDistance = Math.max(3, Math.floor(text.length / 3));
  for (const id of known) {
    const d = distance(text, id, bestDistance);
    if (d < bestDistance || (best === null && d <= bestDistance)) {
      best = id;
      bestDistance = d;
      if (d === 0) break;
    }
  }
  return best;
}

// A feature ID guessed from a folder name (`FEAT-2026-0042-rate-limits` → `FEAT-2026-0042`).
export function featureIdHint(dir: string): string {
  const base = dir.split("/").pop() ?? "";
  const m = /^(FEAT-\d{4}-\d{4}|INIT-\d{4}-\d{4}-F\d{2})/.exec(base);
  return m?.[1]?.replace(/-F(\d{2})$/, "/F$1") ?? "FEAT-2026-0042";
}

// "1 error", "2 errors".
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

// Quoted list: "a", "b" and "c".
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

// A phrase hit quoted for a message, its inner whitespace collapsed to single spaces.
export function quoteHit(hit: string): string {
  return JSON.stringify(hit.replace(/\s+/g, " "));
}
