// Claude Code-like stream-json, as cursor-agent and amp print it: system/init, assistant and user
// messages, then one `result` object (agents.md AG-BE-5, AG-BE-6).
import type { AgentResult, BackendLine, BackendReader } from "../backend.js";
import { firstLine, summarizeTool } from "./activity.js";
import {
  countAt,
  isJsonObject,
  jsonLines,
  objectAt,
  parseJsonLine,
  stringAt,
  type Json,
} from "./json-lines.js";

/** What a Claude-like stream told, before a backend decides what it means. */
export interface ClaudeLikeRead {
  /** Parsed object lines. */
  events: Json[];
  /** The last `result` object, if any. */
  result: Json | undefined;
  /** Assistant text blocks, newline-joined. */
  assistantText: string;
  sessionId?: string;
  model?: string;
  /** Anthropic usage keys summed over assistant messages, each `message.id` once. */
  usage: AgentResult["usage"];
}

// The tool calls of one line: Claude-style `tool_use` blocks, or cursor's `tool_call` event (`{writeToolCall: {args}}`).
function lineActivity(event: Json, cwd: string | null): string | null {
  const type = stringAt(event, "type");
  if (type === "tool_call" && stringAt(event, "subtype") === "started") {
    const call = objectAt(event, "tool_call");
    const [key, body] = Object.entries(call ?? {})[0] ?? [];
    if (key === undefined) return null;
    const name = key.replace(/ToolCall$/, "");
    return summarizeTool(
      name.charAt(0).toUpperCase() + name.slice(1),
      objectAt(body, "args"),
      cwd,
    );
  }
  if (type !== "assistant") return null;
  const content = objectAt(event, "message")?.content;
  let summary: string | null = null;
  for (const block of Array.isArray(content) ? content : []) {
    if (!isJsonObject(block)) continue;
    if (block.type === "tool_use" && typeof block.name === "string")
      summary = summarizeTool(block.name, block.input, cwd);
    else if (block.type === "text" && typeof block.text === "string")
      summary = firstLine(block.text) ?? summary;
  }
  return summary;
}

// Live reader for a Claude-like stream: tool calls and text feed the status line, `result` ends the run.
export function createClaudeLikeReader(): BackendReader {
  let cwd: string | null = null;
  return {
    push(line): BackendLine {
      const event = parseJsonLine(line);
      if (event === null) return { activity: null, isTerminal: false };
      if (stringAt(event, "type") === "system")
        cwd = stringAt(event, "cwd") ?? cwd;
      return {
        activity: lineActivity(event, cwd),
        isTerminal: stringAt(event, "type") === "result",
      };
    },
  };
}

// Anthropic usage keys of one assistant message; input excludes cache reads already.
function messageUsage(usage: Json | undefined): AgentResult["usage"] {
  const pick = {
    input: countAt(usage, "input_tokens"),
    output: countAt(usage, "output_tokens"),
    cacheRead: countAt(usage, "cache_read_input_tokens"),
    cacheWrite: countAt(usage, "cache_creation_input_tokens"),
  };
  return Object.fromEntries(
    Object.entries(pick).filter(([, v]) => v !== undefined),
  ) as AgentResult["usage"];
}

// Reads a whole Claude-like stdout.
export function readClaudeLike(stdout: string): ClaudeLikeRead {
  const events = jsonLines(stdout);
  const texts: string[] = [];
  const usageById = new Map<string, AgentResult["usage"]>();
  const read: ClaudeLikeRead = {
    events,
    result: undefined,
    assistantText: "",
    usage: {},
  };
  for (const event of events) {
    const type = stringAt(event, "type");
    if (type === "system") {
      read.sessionId = stringAt(event, "session_id") ?? read.sessionId;
      read.model = stringAt(event, "model") ?? read.model;
    } else if (type === "result") read.result = event;
    else if (type === "assistant") {
      const message = objectAt(event, "message");
      for (const block of Array.isArray(message?.content)
        ? message.content
        : [])
        if (
          isJsonObject(block) &&
          block.type === "text" &&
          typeof block.text === "string"
        )
          texts.push(block.text);
      const usage = objectAt(message, "usage");
      if (usage !== undefined)
        usageById.set(
          stringAt(message, "id") ?? `#${usageById.size}`,
          messageUsage(usage),
        );
    }
  }
  read.assistantText = texts.join("\n");
  read.sessionId = stringAt(read.result, "session_id") ?? read.sessionId;
  read.usage = sumUsage([...usageById.values()]);
  return read;
}

function sumUsage(list: AgentResult["usage"][]): AgentResult["usage"] {
  const sum: AgentResult["usage"] = {};
  for (const usage of list)
    for (const [key, value] of Object.entries(usage) as Array<
      [keyof AgentResult["usage"], number]
    >)
      sum[key] = (sum[key] ?? 0) + value;
  return sum;
}

// The final text: the result's `result` string, else the assistant text, else raw stdout when nothing parsed.
export function claudeLikeText(read: ClaudeLikeRead, stdout: string): string {
  const result = stringAt(read.result, "result");
  if (result !== undefined) return result;
  if (read.assistantText !== "" || read.events.length > 0)
    return read.assistantText;
  return stdout;
}
