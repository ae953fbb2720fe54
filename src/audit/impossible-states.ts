// Unit states that no sequence of AU-TAB-1 rows produces (audit.md AU-LINT-1, cases a–d); pure.

/** One case of AU-LINT-1. */
export type ImpossibleCase = "a" | "b" | "c" | "d";

/** A case that holds, in words. */
export interface ImpossibleState {
  case: ImpossibleCase;
  message: string;
  hint: string;
}

const CLOSE_TYPES: ReadonlySet<unknown> = new Set([
  "close",
  "close-intermediate",
]);

// Python-style truthiness, as the reference reads `auto_close` (driver D-AC-4).
export function isPythonTruthy(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0;
  if (v !== null && typeof v === "object") return Object.keys(v).length > 0;
  return Boolean(v);
}

// `attempts` absent, null, or a number below 1 (another type is wu-key-invalid's to report).
function hasNoAttempt(data: Readonly<Record<string, unknown>>): boolean {
  const a = data.attempts;
  return a === undefined || a === null || (typeof a === "number" && a < 1);
}

function isAtLeastOne(v: unknown): boolean {
  return typeof v === "number" && v >= 1;
}

// The run-only keys a draft carries (case b), in frontmatter order.
function runKeysOf(data: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(data).filter((k) => {
    const v = data[k];
    if (k === "attempts" || k === "re_arm_count") return isAtLeastOne(v);
    if (k === "cost_usd" || k === "duration_seconds")
      return v !== undefined && v !== null;
    return k.startsWith("cumulative_") && v !== undefined && v !== null;
  });
}

function caseC(data: Readonly<Record<string, unknown>>): ImpossibleState {
  const where =
    data.status === "done"
      ? `a unit of type ${String(data.type ?? "(none)")}`
      : `a unit with status ${String(data.status ?? "(none)")}`;
  return {
    case: "c",
    message: `auto_close is set on ${where}; only a done close or close-intermediate unit is ever auto-closed.`,
    hint: "delete auto_close (and auto_close_reasons), or restore the status the driver wrote.",
  };
}

// The AU-LINT-1 cases a unit's frontmatter is in; `hasDraftInGate` is whether its gate holds a `draft` unit.
export function impossibleStates(
  data: Readonly<Record<string, unknown>>,
  hasDraftInGate: boolean,
): ImpossibleState[] {
  const found: ImpossibleState[] = [];
  const status = data.status;
  if (status === "blocked_human" && hasNoAttempt(data))
    found.push({
      case: "a",
      message: `status is blocked_human but attempts is ${String(data.attempts ?? "absent")}; only an attempt can escalate a unit.`,
      hint: "set attempts to the attempt that escalated, or set the status the unit really has (pending to run it again).",
    });
  const runKeys = status === "draft" ? runKeysOf(data) : [];
  if (runKeys.length > 0)
    found.push({
      case: "b",
      message: `status is draft but the unit carries ${runKeys.join(", ")}; a draft has never run.`,
      hint: `delete ${runKeys.join(", ")}, or set the status the unit really has.`,
    });
  const isAutoClosed = isPythonTruthy(data.auto_close);
  if (isAutoClosed && (status !== "done" || !CLOSE_TYPES.has(data.type)))
    found.push(caseC(data));
  if (
    status === "done" &&
    hasNoAttempt(data) &&
    !isAutoClosed &&
    hasDraftInGate
  )
    found.push({
      case: "d",
      message:
        "status is done with no attempts and no auto_close, in a gate that still holds a draft; a unit finished by hand (in_review → done) needs a gate without drafts.",
      hint: "arm or abandon the gate's drafts first (specfuse arm), then mark the unit done.",
    });
  return found;
}
