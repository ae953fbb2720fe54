import type { Diagnostic } from "../../types/diagnostic.js";
import type { FeatureReport } from "../lint-feature.js";
import { summaryLine } from "./summary.js";

// Workflow-command data escaping: % CR LF (L-OUT-3).
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

// Workflow-command property escaping: the data escapes plus `:` and `,`.
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// One `::error file=…,line=…,title=…::message Fix: hint` annotation.
export function formatAnnotation(d: Diagnostic): string {
  const props = [`file=${escapeProperty(d.file)}`];
  if (d.line !== null) props.push(`line=${d.line}`);
  props.push(`title=${escapeProperty(d.rule)}`);
  return `::${d.severity} ${props.join(",")}::${escapeData(`${d.message} Fix: ${d.hint}`)}`;
}

// The github report: one annotation per diagnostic, then the summary line.
export function formatGithub(reports: readonly FeatureReport[]): string {
  const lines = reports.flatMap((r) => r.diagnostics.map(formatAnnotation));
  lines.push(summaryLine(reports));
  return `${lines.join("\n")}\n`;
}
