// The codex backend (agents.md AG-BE-2): `codex exec --json`, its JSONL events read into an AgentResult.
// Event shapes: openai/codex codex-rs/exec/src/exec_events.rs (ThreadEvent, ThreadItem, Usage).
import type {
  AgentBackend,
  AgentResult,
  BackendInvocation,
  BackendLine,
  BackendReader,
} from "../backend.js";
import { firstLine, squeeze } from "./activity.js";
import { buildResult } from "./agent-result.js";
import type { CodexBackendSettings } from "./backend-settings.js";
import { envChanges } from "./env-settings.js";
import {
  countAt,
  jsonLines,
  objectAt,
  parseJsonLine,
  stringAt,
  type Json,
} from "./json-lines.js";
import { validateAnyModelId, validateStandardEffort } from "./vocabulary.js";

const TERMINAL_TYPES = new Set(["turn.completed", "turn.failed"]);

// Codex's reasoning efforts stop at `xhigh`: `max` maps to it (openai/codex PR #7449).
export function codexEffort(effort: string): string {
  return effort === "max" ? "xhigh" : effort;
}

// The argv after `codex`: exec --json -s <sandbox> [-m <m>] -c model_reasoning_effort=<e> [extra] -.
export function codexArgs(
  unit: { model: string | null; effort: string; isUnsandboxed: boolean },
  settings: Pick<CodexBackendSettings, "sandbox" | "argsExtra">,
): string[] {
  return [
    "exec",
    "--json",
    "-s",
    unit.isUnsandboxed ? "danger-full-access" : settings.sandbox,
    ...(unit.model === null ? [] : ["-m", unit.model]),
    "-c",
    `model_reasoning_effort=${codexEffort(unit.effort)}`,
    ...settings.argsExtra,
    "-",
  ];
}

// A thread item in a few words for the status line.
function itemActivity(item: Json): string | null {
  const type = stringAt(item, "type");
  if (type === "command_execution")
    return squeeze(`Bash ${stringAt(item, "command") ?? ""}`);
  if (type === "file_change") {
    const changes = item.changes;
    const first = Array.isArray(changes)
      ? stringAt(changes[0], "path")
      : undefined;
    return squeeze(`Edit ${first ?? ""}`);
  }
  if (type === "agent_message") return firstLine(stringAt(item, "text") ?? "");
  if (type === "mcp_tool_call")
    return squeeze(
      `${stringAt(item, "server") ?? "mcp"} ${stringAt(item, "tool") ?? ""}`,
    );
  if (type === "web_search")
    return squeeze(`Search ${stringAt(item, "query") ?? ""}`);
  return null;
}

// Live reader: item events feed the status line; turn.completed / turn.failed end the run.
export function createCodexReader(): BackendReader {
  return {
    push(line): BackendLine {
      const event = parseJsonLine(line);
      const type = stringAt(event, "type");
      if (type === undefined) return { activity: null, isTerminal: false };
      const item = objectAt(event, "item");
      return {
        activity:
          item !== undefined && type.startsWith("item.")
            ? itemActivity(item)
            : null,
        isTerminal: TERMINAL_TYPES.has(type),
      };
    },
  };
}

// Normalizes a whole `codex exec --json` stdout (AG-BE-2).
export function finishCodex(
  stdout: string,
  stderr: string,
  exitCode: number | null,
): AgentResult {
  const events = jsonLines(stdout);
  let text: string | null = null;
  let terminal: AgentResult["terminal"] = "none";
  let usage: AgentResult["usage"] = {};
  let sessionId: string | undefined;
  const errors: string[] = [];
  const denials: string[] = [];
  for (const event of events) {
    const type = stringAt(event, "type");
    const item = objectAt(event, "item");
    if (type === "thread.started")
      sessionId = stringAt(event, "thread_id") ?? sessionId;
    else if (type === "item.completed" && item !== undefined) {
      const kind = stringAt(item, "type");
      if (kind === "agent_message") text = stringAt(item, "text") ?? text;
      if (kind === "error") errors.push(stringAt(item, "message") ?? "");
      if (
        kind === "command_execution" &&
        stringAt(item, "status") === "declined"
      )
        denials.push(stringAt(item, "command") ?? "command");
    } else if (type === "error") errors.push(stringAt(event, "message") ?? "");
    else if (type === "turn.completed") {
      terminal = "success";
      usage = codexUsage(objectAt(event, "usage"));
    } else if (type === "turn.failed") {
      terminal = "error";
      errors.push(
        stringAt(objectAt(event, "error"), "message") ?? "turn failed",
      );
    }
  }
  const errorText = errors.filter((e) => e !== "").join("\n");
  return buildResult({
    finalText: text ?? (events.length === 0 ? stdout : ""),
    terminal,
    exitCode,
    stderr,
    usage,
    ...(sessionId !== undefined ? { sessionId } : {}),
    errorText,
    permissionDenials: denials,
    isRateLimited: /high demand/i.test(errorText),
  });
}

// turn.completed usage: input excludes cached input (AG-RES-1).
function codexUsage(usage: Json | undefined): AgentResult["usage"] {
  const input = countAt(usage, "input_tokens");
  const cached = countAt(usage, "cached_input_tokens");
  const output = countAt(usage, "output_tokens");
  const reasoning = countAt(usage, "reasoning_output_tokens");
  const cacheWrite = countAt(usage, "cache_write_input_tokens");
  return {
    ...(input !== undefined
      ? { input: Math.max(0, input - (cached ?? 0)) }
      : {}),
    ...(cached !== undefined ? { cacheRead: cached } : {}),
    ...(output !== undefined ? { output } : {}),
    ...(reasoning !== undefined ? { reasoning } : {}),
    ...(cacheWrite !== undefined ? { cacheWrite } : {}),
  };
}

// The codex adapter, bound to its settings.
export function createCodexBackend(
  settings: CodexBackendSettings,
): AgentBackend {
  return {
    name: "codex",
    defaultExecutable: "codex",
    validateModel: validateAnyModelId,
    validateEffort: validateStandardEffort,
    ignoresModel: false,
    ignoresEffort: false,
    reportsTokens: true,
    credentialEnv: ["OPENAI_API_KEY", "CODEX_API_KEY"],
    buildInvocation(unit, prompt): BackendInvocation {
      return {
        file: settings.executable ?? "codex",
        args: codexArgs(unit, settings),
        ...envChanges({}, settings),
        stdin: prompt,
        files: [],
      };
    },
    createReader: createCodexReader,
    finish: finishCodex,
    probe: {
      versionArgs: ["--version"],
      helpArgs: ["exec", "--help"],
      flags: ["--json", "--sandbox", "--model", "--config"],
    },
    scratchPaths: [],
  };
}
