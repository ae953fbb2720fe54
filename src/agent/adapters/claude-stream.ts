import type { Usage } from "../../types/outcome.js";
import type { AgentOutput, OutputReader } from "../adapter.js";

type Json = Record<string, unknown>;

const TOKEN_KEYS = [
  "input_tokens",
  "output_tokens",
  "cache_read_input_tokens",
  "cache_creation_input_tokens",
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

// The cost and token counts of a result object: finite cost (total first), non-negative integer tokens (D-DISP-5).
export function usageOf(result: Json): Usage {
  const usage: Usage = {};
  const cost = [result.total_cost_usd, result.cost_usd].find(
    (v): v is number => typeof v === "number" && Number.isFinite(v),
  );
  if (cost !== undefined) usage.cost_usd = cost;
  const counts = isObject(result.usage) ? result.usage : {};
  for (const key of TOKEN_KEYS) {
    const v = counts[key];
    if (typeof v === "number" && Number.isInteger(v) && v >= 0) usage[key] = v;
  }
  return usage;
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

// A stream-json reader: init gives session and model, assistant messages give text and activity, the last result wins.
export function createClaudeReader(): OutputReader {
  const raw: string[] = [];
  const texts: string[] = [];
  let sessionId: string | undefined;
  let model: string | undefined;
  let cwd: string | null = null;
  let result: Json | null = null;
  let parsedCount = 0;

  const onMessage = (msg: Json): string | null => {
    parsedCount += 1;
    if (msg.type === "system" && msg.subtype === "init") {
      if (typeof msg.session_id === "string") sessionId = msg.session_id;
      if (typeof msg.model === "string") model = msg.model;
      if (typeof msg.cwd === "string") cwd = msg.cwd;
      return null;
    }
    if (msg.type === "result") {
      result = msg;
      return null;
    }
    if (msg.type !== "assistant" || !isObject(msg.message)) return null;
    const content = msg.message.content;
    let summary: string | null = null;
    for (const block of Array.isArray(content) ? content : []) {
      if (!isObject(block)) continue;
      if (block.type === "text" && typeof block.text === "string") {
        texts.push(block.text);
        const first = block.text.split("\n").find((l) => l.trim() !== "");
        if (first !== undefined) summary = squeeze(first);
      } else if (block.type === "tool_use" && typeof block.name === "string") {
        summary = summarizeToolUse(block.name, block.input, cwd);
      }
    }
    if (typeof content === "string" && content.trim() !== "") {
      texts.push(content);
      summary = squeeze(content);
    }
    return summary;
  };

  const onValue = (value: unknown): string | null => {
    if (Array.isArray(value)) {
      let last: string | null = null;
      for (const v of value) if (isObject(v)) last = onMessage(v) ?? last;
      return last;
    }
    return isObject(value) ? onMessage(value) : null;
  };

  return {
    push(line) {
      raw.push(line);
      const trimmed = line.trim();
      if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return null;
      try {
        return onValue(JSON.parse(trimmed));
      } catch {
        return null;
      }
    },
    finish() {
      const stdout = raw.join("\n");
      if (parsedCount === 0 && stdout.trim() !== "") {
        try {
          onValue(JSON.parse(stdout));
        } catch {
          // not one JSON document either: the raw text stands
        }
      }
      const final = result as Json | null;
      const assistantText = texts.join("\n");
      const fallback = assistantText !== "" ? assistantText : stdout;
      if (final === null) return { text: fallback, hasResult: false, ...ids() };
      const denials = denialsOf(final.permission_denials);
      if (typeof final.session_id === "string") sessionId = final.session_id;
      return {
        text: typeof final.result === "string" ? final.result : fallback,
        hasResult: true,
        usage: usageOf(final),
        ...(typeof final.is_error === "boolean"
          ? { isError: final.is_error }
          : {}),
        ...(typeof final.subtype === "string"
          ? { subtype: final.subtype }
          : {}),
        ...ids(),
        ...(denials.length > 0 ? { permissionDenials: denials } : {}),
      };
    },
  };

  function ids(): Pick<AgentOutput, "sessionId" | "model"> {
    return {
      ...(sessionId !== undefined ? { sessionId } : {}),
      ...(model !== undefined ? { model } : {}),
    };
  }
}
