import type {
  AgentResult,
  BackendLine,
  BackendReader,
  BackendUsage,
} from "../backend.js";

type Json = Record<string, unknown>;

// Claude's usage keys and their AG-RES-1 names; `input_tokens` already excludes cache reads.
const TOKEN_KEYS = [
  ["input_tokens", "input"],
  ["output_tokens", "output"],
  ["cache_read_input_tokens", "cacheRead"],
  ["cache_creation_input_tokens", "cacheWrite"],
] as const;
const SUMMARY_MAX = 80;

const isObject = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);

// Collapses whitespace and cuts to a status-line friendly length.
function squeeze(text: string, max = SUMMARY_MAX): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const chars = Array.from(flat);
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join("")}…`;
}

// A path shown relative to the agent's cwd when it lies inside it.
function relativeTo(cwd: string | null, file: string): string {
  if (cwd === null || cwd === "") return file;
  const base = cwd.endsWith("/") ? cwd : `${cwd}/`;
  return file.startsWith(base) ? file.slice(base.length) : file;
}

// `Edit src/a.ts`, `Bash npm test`, `Grep TODO`: a tool call in a few words.
export function summarizeToolUse(
  name: string,
  input: unknown,
  cwd: string | null = null,
): string {
  const field = (key: string) =>
    isObject(input) && typeof input[key] === "string"
      ? (input[key] as string)
      : null;
  const file = field("file_path") ?? field("notebook_path") ?? field("path");
  const detail =
    (file !== null ? relativeTo(cwd, file) : null) ??
    field("command")?.split("\n")[0] ??
    field("pattern") ??
    field("url") ??
    field("query") ??
    field("description");
  return squeeze(detail === null || detail === "" ? name : `${name} ${detail}`);
}

/** The cost and token counts of a result object, as AG-RES-1 names them. */
export interface ClaudeUsage {
  usage: BackendUsage;
  /** `total_cost_usd` if finite, else `cost_usd` if finite (D-DISP-5). */
  costUsd?: number;
}

// The cost and token counts of a result object: finite cost (total first), non-negative integer tokens (D-DISP-5).
export function usageOf(result: Json): ClaudeUsage {
  const out: ClaudeUsage = { usage: {} };
  const cost = [result.total_cost_usd, result.cost_usd].find(
    (v): v is number => typeof v === "number" && Number.isFinite(v),
  );
  if (cost !== undefined) out.costUsd = cost;
  const counts = isObject(result.usage) ? result.usage : {};
  for (const [key, name] of TOKEN_KEYS) {
    const v = counts[key];
    if (typeof v === "number" && Number.isInteger(v) && v >= 0)
      out.usage[name] = v;
  }
  return out;
}

// Tool names of `permission_denials` (objects with `tool_name`, or bare names).
function denialsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((d: unknown) => {
    if (typeof d === "string") return [d];
    if (isObject(d) && typeof d.tool_name === "string") return [d.tool_name];
    return [];
  });
}

/** The claude stream reader: the live seam (`push`) plus the whole-run result. */
export interface ClaudeReader extends BackendReader {
  /** The parse of everything pushed so far (AG-RES-1); the exit code decides `terminal` without a result (AG-RES-2). */
  result(exitCode: number | null): AgentResult;
}

// A stream-json reader: init gives session and model, assistant messages give text and activity, the last result wins.
export function createClaudeReader(): ClaudeReader {
  const state: StreamState = {
    raw: [],
    texts: [],
    sessionId: undefined,
    model: undefined,
    cwd: null,
    result: null,
    parsedCount: 0,
  };
  return {
    push(line): BackendLine {
      state.raw.push(line);
      const trimmed = line.trim();
      if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return QUIET;
      let value: unknown;
      try {
        value = JSON.parse(trimmed);
      } catch {
        return QUIET;
      }
      return {
        activity: onValue(state, value),
        // A complete result object arms the linger kill (D-DISP-4); one inside a json array does not.
        isTerminal: isObject(value) && value.type === "result",
      };
    },
    result: (exitCode) => finishStream(state, exitCode),
  };
}

const QUIET: BackendLine = { activity: null, isTerminal: false };

interface StreamState {
  raw: string[];
  texts: string[];
  sessionId: string | undefined;
  model: string | undefined;
  cwd: string | null;
  result: Json | null;
  parsedCount: number;
}

// One parsed message: init gives session and model, a result is kept, assistant content gives text and activity.
function onMessage(state: StreamState, msg: Json): string | null {
  state.parsedCount += 1;
  if (msg.type === "system" && msg.subtype === "init") {
    if (typeof msg.session_id === "string") state.sessionId = msg.session_id;
    if (typeof msg.model === "string") state.model = msg.model;
    if (typeof msg.cwd === "string") state.cwd = msg.cwd;
    return null;
  }
  if (msg.type === "result") {
    state.result = msg;
    return null;
  }
  if (msg.type !== "assistant" || !isObject(msg.message)) return null;
  const content = msg.message.content;
  let summary: string | null = null;
  for (const block of Array.isArray(content) ? content : []) {
    if (!isObject(block)) continue;
    if (block.type === "text" && typeof block.text === "string") {
      state.texts.push(block.text);
      const first = block.text.split("\n").find((l) => l.trim() !== "");
      if (first !== undefined) summary = squeeze(first);
    } else if (block.type === "tool_use" && typeof block.name === "string") {
      summary = summarizeToolUse(block.name, block.input, state.cwd);
    }
  }
  if (typeof content === "string" && content.trim() !== "") {
    state.texts.push(content);
    summary = squeeze(content);
  }
  return summary;
}

function onValue(state: StreamState, value: unknown): string | null {
  if (Array.isArray(value)) {
    let last: string | null = null;
    for (const v of value) if (isObject(v)) last = onMessage(state, v) ?? last;
    return last;
  }
  return isObject(value) ? onMessage(state, value) : null;
}

// The run's result (D-DISP-5): the last result object, else the assistant text, else the raw stdout.
function finishStream(
  state: StreamState,
  exitCode: number | null,
): AgentResult {
  const stdout = state.raw.join("\n");
  if (state.parsedCount === 0 && stdout.trim() !== "") {
    try {
      onValue(state, JSON.parse(stdout));
    } catch {
      // not one JSON document either: the raw text stands
    }
  }
  const final = state.result;
  const assistantText = state.texts.join("\n");
  const fallback = assistantText !== "" ? assistantText : stdout;
  if (final === null)
    return {
      ...noResult(fallback, exitCode),
      ...ids(state),
    };
  if (typeof final.session_id === "string") state.sessionId = final.session_id;
  const { usage, costUsd } = usageOf(final);
  const isErrorReported = typeof final.is_error === "boolean";
  const isError = final.is_error === true;
  return {
    finalText: typeof final.result === "string" ? final.result : fallback,
    isError,
    isErrorReported,
    terminal: isError ? "error" : "success",
    hasTerminalEvent: true,
    usage,
    ...(costUsd !== undefined ? { costUsd } : {}),
    costSource: costUsd !== undefined ? "reported" : "none",
    ...(typeof final.subtype === "string" ? { subtype: final.subtype } : {}),
    ...ids(state),
    isRateLimited: false,
    permissionDenials: denialsOf(final.permission_denials),
  };
}

// No result object: the fallback text, no usage, and the exit code decides how the run ended (AG-RES-2).
function noResult(text: string, exitCode: number | null): AgentResult {
  return {
    finalText: text,
    isError: false,
    isErrorReported: false,
    terminal: exitCode === null ? "none" : exitCode === 0 ? "success" : "error",
    hasTerminalEvent: false,
    usage: {},
    costSource: "none",
    isRateLimited: false,
    permissionDenials: [],
  };
}

function ids(state: StreamState): Pick<AgentResult, "sessionId" | "model"> {
  return {
    ...(state.sessionId !== undefined ? { sessionId: state.sessionId } : {}),
    ...(state.model !== undefined ? { model: state.model } : {}),
  };
}
