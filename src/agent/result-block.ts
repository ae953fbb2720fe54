import type { AgentStatus } from "../types/outcome.js";
import { parseYaml } from "../yaml/parse-yaml.js";

/** The RESULT block as the driver uses it (driver D-RESULT, formats.md §9). */
export interface ResultBlock {
  agentStatus: AgentStatus;
  /** `blocked_reason` as a string, or null when absent. */
  blockedReason: string | null;
  /** `files_changed` when it is a list; null otherwise. */
  filesChanged: string[] | null;
  /** The first line of `summary`, at most 200 characters, or null. */
  summary: string | null;
  /** Why the block is missing or malformed, or what was ignored; one line each, for `warning:` lines. */
  warnings: string[];
}

const SUMMARY_MAX = 200;
// An opening fence line that is exactly ```result (trailing spaces allowed), up to the next line starting with ```.
const BLOCK = /^```result[ \t]*\r?\n(?:([\s\S]*?)\r?\n)??```/gm;

const isMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

// A scalar or collection as one string (blocked_reason, summary, list items).
function asText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return String(value);
}

// The body of the last RESULT block in the text, or null when there is none.
export function findResultBlock(text: string): string | null {
  let last: string | null = null;
  for (const m of text.matchAll(BLOCK)) last = m[1] ?? "";
  return last;
}

// Cuts to the first line and at most `max` characters, never inside a surrogate pair.
export function firstLine(text: string, max = SUMMARY_MAX): string {
  const line = (text.trim().split(/\r?\n/)[0] ?? "").trim();
  return Array.from(line).slice(0, max).join("");
}

// Reads the last RESULT block of the agent's final text (F-RES-2, F-RES-3, F-RES-4).
export function parseResultBlock(text: string): ResultBlock {
  const empty = { blockedReason: null, filesChanged: null, summary: null };
  const body = findResultBlock(text);
  if (body === null)
    return {
      agentStatus: "missing",
      ...empty,
      warnings: [
        "no RESULT block in the agent's final message; verification decides",
      ],
    };
  const malformed = (why: string): ResultBlock => ({
    agentStatus: "malformed",
    ...empty,
    warnings: [`malformed RESULT block (${why}); verification decides`],
  });
  const parsed = parseYaml(body);
  if (!parsed.ok)
    return malformed(
      `YAML error on line ${parsed.issue.line}: ${parsed.issue.reason}`,
    );
  const value = parsed.yaml.value;
  if (!isMap(value)) return malformed("it is not a mapping");
  if (value.status !== "complete" && value.status !== "blocked")
    return malformed(
      `status must be complete or blocked, found ${value.status === undefined ? "none" : JSON.stringify(value.status)}`,
    );
  const warnings: string[] = [];
  let filesChanged: string[] | null = null;
  const files = value.files_changed;
  if (Array.isArray(files)) {
    filesChanged = files
      .filter((f: unknown) => f !== null && f !== undefined)
      .map(asText);
  } else if (files !== null && files !== undefined) {
    warnings.push(
      `RESULT files_changed is not a list (found ${asText(files)}); ignored`,
    );
  }
  const reason = value.blocked_reason;
  const summary = value.summary;
  return {
    agentStatus: value.status,
    blockedReason:
      reason === null || reason === undefined ? null : asText(reason),
    filesChanged,
    summary:
      summary === null || summary === undefined
        ? null
        : firstLine(asText(summary)),
    warnings,
  };
}
