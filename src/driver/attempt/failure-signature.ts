import type { FailureClass, FailureSignature } from "../../types/outcome.js";

// The pair a failure gets when its evidence has no `### <gate>: FAIL` line (driver D-SPIN-1).
export const NO_MARKER_SIGNATURE: Readonly<FailureSignature> = Object.freeze({
  failure_class: "other",
  failure_signature: "no_gate_marker",
});

const MARKER = /^### (.+): FAIL$/;
const WINDOW = 50;
const FALLBACK_LENGTH = 100;

// Per-class patterns of D-SPIN-2, tried in order; group 1 when present, else the whole match.
const PATTERNS: Readonly<Record<FailureClass, readonly RegExp[]>> = {
  tests: [
    /^FAIL: (test_\S+)/,
    /^FAILED (\S+)/,
    /^\s*FAIL\s+(\S+)/,
    /^--- FAIL: (\S+)/,
  ],
  lint: [/\b[A-Z]{1,3}\d{3,4}\b/],
  security: [/Issue: \[(B\d+)/],
  coverage: [/^(\S+\.py)\s+\d+\s+\d+/],
  other: [],
};

// The class named by a gate (D-SPIN-1): tests, lint, security and coverage are their own class.
export function failureClassOf(gateName: string): FailureClass {
  return gateName === "tests" ||
    gateName === "lint" ||
    gateName === "security" ||
    gateName === "coverage"
    ? gateName
    : "other";
}

// The (class, signature) of a failed attempt's evidence (D-SPIN-1, D-SPIN-2).
export function failureSignature(evidence: string): FailureSignature {
  const lines = evidence.split(/\r\n|\r|\n/);
  const at = lines.findIndex((l) => MARKER.test(l));
  if (at < 0) return { ...NO_MARKER_SIGNATURE };
  const gate = MARKER.exec(lines[at] ?? "")?.[1] ?? "";
  const cls = failureClassOf(gate);
  const window = lines
    .slice(at + 1, at + 1 + WINDOW)
    .filter((l) => !l.startsWith("```") && !l.startsWith("$ "));
  return { failure_class: cls, failure_signature: signatureIn(window, cls) };
}

// Whether a pair is the no-marker pair, which never counts as a repeat (D-SPIN-3).
export function isNoMarker(sig: FailureSignature): boolean {
  return (
    sig.failure_class === NO_MARKER_SIGNATURE.failure_class &&
    sig.failure_signature === NO_MARKER_SIGNATURE.failure_signature
  );
}

// Patterns are tried in order, each over every line, so an earlier pattern wins over an earlier line.
function signatureIn(lines: readonly string[], cls: FailureClass): string {
  for (const pattern of PATTERNS[cls]) {
    for (const line of lines) {
      const m = pattern.exec(line);
      if (m !== null) return m[1] ?? m[0];
    }
  }
  const first = lines.find((l) => l.trim() !== "");
  if (first === undefined) return "unknown";
  const collapsed = first.trim().replace(/\s+/g, " ");
  return Array.from(collapsed).slice(0, FALLBACK_LENGTH).join("");
}
