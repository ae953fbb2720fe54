import { createHash } from "node:crypto";
import type { Finding } from "./types.js";

const STEM_CHARS = 120;
const SOURCE_EXT =
  "js|mjs|cjs|jsx|ts|mts|cts|tsx|vue|svelte|py|pyi|go|rs|java|kt|scala|rb|php|cs|c|h|cc|cpp|hpp|sh|bash|bats|json|ya?ml|toml|xml|html|css|scss|md|txt|lock";
// Replacements of EV-SIG-1, in order: uuids and times before paths, paths before durations, then numbers
// (which never match inside a word, so hex ids survive them), then hex ids.
// Each rule has a cheap test first: most messages have no digit, slash or dot to replace.
const STEMMING: ReadonlyArray<readonly [RegExp, string]> = [
  [
    /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi,
    "<id>",
  ],
  [
    /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b/g,
    "<time>",
  ],
  [/\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/g, "<time>"],
  [/\b\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\b/g, "<time>"],
  [
    /(?:file:\/\/)?(?:[A-Za-z]:)?[\w.@~+-]*[/\\][^\s'"`,;()[\]{}<>]*/g,
    "<path>",
  ],
  [new RegExp(`\\b[\\w.-]+\\.(?:${SOURCE_EXT})(?::\\d+)*\\b`, "g"), "<path>"],
  [
    /(?<![\w.])\d+(?:\.\d+)?\s?(?:ns|µs|us|ms|s|sec|secs|seconds?|m|min|mins|minutes?|h|hrs?|hours?)\b/g,
    "<dur>",
  ],
  [/(?<![\w.])\d+(?:\.\d+)?(?:e[+-]?\d+)?(?!\w)/gi, "<n>"],
  [/\b0x[0-9a-f]+\b/gi, "<id>"],
  [/\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{7,}\b/gi, "<id>"],
];

// What each STEMMING rule needs to match at all.
const NEEDS = [
  "digit",
  "digit",
  "digit",
  "digit",
  "slash",
  "dot",
  "digit",
  "digit",
  "digit",
  "digit",
] as const;

// The message stem of EV-SIG-1: the first line with paths, times, durations, ids and numbers replaced by
// placeholders, whitespace collapsed, at most 120 characters.
export function messageStem(message: string): string {
  let stem = (message.split("\n").find((l) => l.trim() !== "") ?? "").trim();
  const hasDigit = /\d/.test(stem);
  const hasSlash = /[/\\]/.test(stem);
  STEMMING.forEach(([pattern, placeholder], k) => {
    const needs = NEEDS[k];
    if (needs === "digit" && !hasDigit) return;
    if (needs === "slash" && !hasSlash) return;
    if (needs === "dot" && !stem.includes(".")) return;
    stem = stem.replace(pattern, placeholder);
  });
  stem = stem.replace(/\s+/g, " ").trim();
  return Array.from(stem).slice(0, STEM_CHARS).join("");
}

// A finding's identity (EV-SIG-1): check, runner, file, test (else rule) and message stem, as one JSON line.
// Line, column, expected and actual are left out, so moved lines and changed values keep the identity.
export function findingIdentity(finding: Finding): string {
  return JSON.stringify([
    finding.check,
    finding.runner,
    finding.file ?? null,
    finding.test ?? finding.rule ?? null,
    messageStem(finding.message),
  ]);
}

// The signature of EV-SIG-2: `fs1:` and 16 hex digits of SHA-256 over the distinct identities, sorted and joined
// by newlines; null without findings or when a failing check has none (unnamed failures never spin).
export function findingsSignature(
  findings: readonly Finding[],
  isEveryFailingCheckNamed: boolean,
): string | null {
  if (findings.length === 0 || !isEveryFailingCheckNamed) return null;
  const identities = [...new Set(findings.map(findingIdentity))].sort();
  const hash = createHash("sha256").update(identities.join("\n"), "utf8");
  return `fs1:${hash.digest("hex").slice(0, 16)}`;
}
