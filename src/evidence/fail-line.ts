import { plainDecimal } from "../yaml/format-number.js";
import { findingHead } from "./analyze.js";
import { clip } from "./utf8.js";
import type { AttemptEvidence } from "./types.js";

const FAIL_LINE_BYTES = 300;

// The run's FAIL detail (EV-BLK-4) for the first failing check: `<check>: <first finding, one line> (+<k> more)`,
// `<check>: timed out after <n>s`, or `<check>: exit <code>, no recognized finding`. k counts the attempt's other
// findings, in every failing check.
export function failLine(evidence: AttemptEvidence): string {
  const check = evidence.checks.find((c) => c.result !== "pass");
  if (check === undefined) return "";
  if (check.result === "timeout")
    return clip(
      `${check.name}: timed out after ${plainDecimal(check.timeoutSeconds)}s`,
      FAIL_LINE_BYTES,
    );
  const first = check.findings[0];
  if (first === undefined) {
    const how =
      check.exitCode !== null
        ? `exit ${check.exitCode}`
        : `signal ${check.signal ?? "unknown"}`;
    return clip(
      `${check.name}: ${how}, no recognized finding`,
      FAIL_LINE_BYTES,
    );
  }
  const head = findingHead(first);
  const message =
    first.message
      .split("\n")
      .find((l) => l.trim() !== "")
      ?.trim() ?? "";
  const more = evidence.findings.length - 1;
  const suffix = more > 0 ? ` (+${more} more)` : "";
  const text = head === "" ? message : `${head}: ${message}`;
  return `${clip(`${check.name}: ${text}`, FAIL_LINE_BYTES - suffix.length)}${suffix}`;
}
