import type { Paint } from "../output/color.js";
import type { Check, CheckStatus } from "./check.js";

const WORDS: Record<CheckStatus, string> = {
  ok: "ok",
  warn: "warn",
  fail: "FAIL",
  skip: "skip",
};
const SYMBOLS: Record<CheckStatus, string> = {
  ok: "✓",
  warn: "!",
  fail: "✗",
  skip: "-",
};

// The doctor table (cli.md C-DOCTOR-1): one row per check, then detail and hint for the ones that need action; pure.
export function renderDoctor(
  checks: readonly Check[],
  o: { paint: Paint; isTTY: boolean; version: string; isQuiet?: boolean },
): string {
  const idWidth = Math.max(...checks.map((c) => c.id.length));
  const word = (s: CheckStatus) =>
    o.isTTY ? `${SYMBOLS[s]} ${WORDS[s]}` : WORDS[s];
  const width = Math.max(...checks.map((c) => word(c.status).length));
  const lines = o.isQuiet === true ? [] : [`specfuse doctor ${o.version}`];
  for (const c of checks) {
    // `--quiet` keeps only the checks that need action, and the summary.
    if (o.isQuiet === true && (c.status === "ok" || c.status === "skip"))
      continue;
    const token = paintStatus(word(c.status).padEnd(width), c.status, o.paint);
    lines.push(`  ${token}  ${c.id.padEnd(idWidth)}  ${c.summary}`);
    if (c.status === "ok" || c.status === "skip") continue;
    const indent = " ".repeat(width + idWidth + 6);
    for (const d of (c.detail ?? "").split("\n").filter((l) => l !== ""))
      lines.push(`${indent}${o.paint.dim(d)}`);
    if (c.hint === null) continue;
    // A multi-line hint (an example file) stays in the hint column, under its first line.
    const [first, ...rest] = c.hint.split("\n");
    lines.push(`${indent}hint: ${first ?? ""}`);
    for (const r of rest) lines.push(`${indent}      ${r}`);
  }
  lines.push(summaryLine(checks));
  return `${lines.join("\n")}\n`;
}

// `2 checks failed, 1 warning` or `all 10 checks passed`.
export function summaryLine(checks: readonly Check[]): string {
  const failed = checks.filter((c) => c.status === "fail").length;
  const warned = checks.filter((c) => c.status === "warn").length;
  if (failed === 0 && warned === 0)
    return `all ${checks.length} check${checks.length === 1 ? "" : "s"} passed`;
  const parts = [
    failed > 0 ? `${failed} check${failed === 1 ? "" : "s"} failed` : null,
    warned > 0 ? `${warned} warning${warned === 1 ? "" : "s"}` : null,
  ].filter((p) => p !== null);
  return parts.join(", ");
}

function paintStatus(text: string, s: CheckStatus, paint: Paint): string {
  if (s === "ok") return paint.green(text);
  if (s === "fail") return paint.red(text);
  if (s === "warn") return paint.yellow(text);
  return paint.dim(text);
}
