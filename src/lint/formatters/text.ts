import type { Diagnostic } from "../../types/diagnostic.js";
import type { FeatureReport } from "../lint-feature.js";
import { summaryLine } from "./summary.js";

/** The colour functions the text format uses; identity functions when colour is off. */
export interface Painter {
  red(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
}

const PLAIN: Painter = { red: (t) => t, yellow: (t) => t, dim: (t) => t };

// One diagnostic as `<file>:<line>: <severity> <rule>: <message> Fix: <hint>` (L-OUT-1).
export function formatDiagnosticLine(
  d: Diagnostic,
  paint: Painter = PLAIN,
): string {
  const where = d.line === null ? d.file : `${d.file}:${d.line}`;
  const severity =
    d.severity === "error" ? paint.red(d.severity) : paint.yellow(d.severity);
  return `${where}: ${severity} ${paint.dim(d.rule)}: ${oneLine(d.message)} Fix: ${oneLine(d.hint)}`;
}

// Keeps one diagnostic on one line whatever the message quotes.
function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, " ");
}

// The text report: every diagnostic, folder by folder, then the summary line.
export function formatText(
  reports: readonly FeatureReport[],
  paint: Painter = PLAIN,
): string {
  const lines = reports.flatMap((r) =>
    r.diagnostics.map((d) => formatDiagnosticLine(d, paint)),
  );
  lines.push(summaryLine(reports));
  return `${lines.join("\n")}\n`;
}
