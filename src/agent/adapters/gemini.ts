// The gemini backend (agents.md AG-BE-3): `gemini -o stream-json`, a per-attempt deny policy, stream events normalized.
// Event shapes: google-gemini/gemini-cli packages/core/src/output/types.ts (JsonStreamEvent, StreamStats),
// error results: packages/cli/src/utils/errors.ts (handleError); quota errors: packages/core/src/utils/googleQuotaErrors.ts.
import path from "node:path";
import type {
  AgentBackend,
  AgentResult,
  BackendInvocation,
  BackendLine,
  BackendReader,
  VocabularyVerdict,
} from "../backend.js";
import { firstLine, summarizeTool } from "./activity.js";
import { buildResult } from "./agent-result.js";
import type { GeminiBackendSettings } from "./backend-settings.js";
import { envChanges } from "./env-settings.js";
import { geminiPolicyToml } from "./gemini-policy.js";
import {
  countAt,
  jsonLines,
  objectAt,
  parseJsonLine,
  stringAt,
  type Json,
} from "./json-lines.js";
import { validateStandardEffort, verdict } from "./vocabulary.js";

// The `-p` text; the prompt itself arrives on stdin, which gemini prepends to it.
export const GEMINI_PROMPT_ARG = "Follow the instructions above.";

const QUOTA_ERRORS = new Set(["TerminalQuotaError", "RetryableQuotaError"]);
// What gemini appends to an HTTP 429's message (packages/core/src/utils/errorParsing.ts); the bundled
// 0.61 CLI reports its quota errors with `error.type: "unknown"`, so the words are the signal.
const QUOTA_WORDS =
  /Please wait and try again later|request a quota increase|Possible quota limitations|exhausted your (?:\w+ )?quota/i;

// `gemini-*` ids only.
export function validateGeminiModel(model: string): VocabularyVerdict {
  return verdict(/^gemini-\S+$/.test(model), "a `gemini-…` model id");
}

// Where the attempt's deny policy is written.
export function geminiPolicyPath(workDir: string): string {
  return path.join(workDir, "gemini-policy.toml");
}

// The argv after `gemini`; the second --policy keeps the user's own policies, which the first would replace.
export function geminiArgs(
  unit: { model: string | null },
  settings: Pick<GeminiBackendSettings, "approvalMode" | "argsExtra">,
  place: { workDir: string; home: string },
): string[] {
  return [
    "-o",
    "stream-json",
    "--approval-mode",
    settings.approvalMode,
    "--policy",
    geminiPolicyPath(place.workDir),
    "--policy",
    path.join(place.home, ".gemini", "policies"),
    ...(unit.model === null ? [] : ["-m", unit.model]),
    ...settings.argsExtra,
    "-p",
    GEMINI_PROMPT_ARG,
  ];
}

// Live reader: tool_use and whole assistant messages feed the status line; `result` ends the run.
export function createGeminiReader(): BackendReader {
  return {
    push(line): BackendLine {
      const event = parseJsonLine(line);
      const type = stringAt(event, "type");
      let activity: string | null = null;
      if (type === "tool_use" && event !== null)
        activity = summarizeTool(
          stringAt(event, "tool_name") ?? "tool",
          event.parameters,
        );
      else if (
        type === "message" &&
        stringAt(event, "role") === "assistant" &&
        event?.delta !== true
      )
        activity = firstLine(stringAt(event, "content") ?? "");
      return { activity, isTerminal: type === "result" };
    },
  };
}

// Normalizes a whole `gemini -o stream-json` stdout (AG-BE-3).
export function finishGemini(
  stdout: string,
  stderr: string,
  exitCode: number | null,
): AgentResult {
  const events = jsonLines(stdout);
  const texts: string[] = [];
  const errors: string[] = [];
  let result: Json | undefined;
  let sessionId: string | undefined;
  let model: string | undefined;
  for (const event of events) {
    const type = stringAt(event, "type");
    if (type === "init") {
      sessionId = stringAt(event, "session_id") ?? sessionId;
      model = stringAt(event, "model") ?? model;
    } else if (type === "message" && stringAt(event, "role") === "assistant")
      texts.push(stringAt(event, "content") ?? "");
    else if (type === "error" && stringAt(event, "severity") === "error")
      errors.push(stringAt(event, "message") ?? "");
    else if (type === "result") result = event;
  }
  const status = stringAt(result, "status");
  const error = objectAt(result, "error");
  const errorType = stringAt(error, "type");
  if (error !== undefined) errors.push(stringAt(error, "message") ?? "");
  return buildResult({
    finalText: texts.length > 0 || events.length > 0 ? texts.join("") : stdout,
    terminal:
      result === undefined
        ? "none"
        : status === "success"
          ? "success"
          : "error",
    exitCode,
    stderr,
    usage: geminiUsage(objectAt(result, "stats")),
    ...(sessionId !== undefined ? { sessionId } : {}),
    ...(model !== undefined ? { model } : {}),
    ...(errorType !== undefined ? { subtype: errorType } : {}),
    errorText: errors.filter((e) => e !== "").join("\n"),
    isRateLimited:
      (errorType !== undefined && QUOTA_ERRORS.has(errorType)) ||
      QUOTA_WORDS.test(errors.join("\n")),
  });
}

// result.stats: `input` already excludes `cached` (StreamStats).
function geminiUsage(stats: Json | undefined): AgentResult["usage"] {
  const input = countAt(stats, "input");
  const cached = countAt(stats, "cached");
  const output = countAt(stats, "output_tokens");
  return {
    ...(input !== undefined ? { input } : {}),
    ...(cached !== undefined ? { cacheRead: cached } : {}),
    ...(output !== undefined ? { output } : {}),
  };
}

// The gemini adapter, bound to its settings.
export function createGeminiBackend(
  settings: GeminiBackendSettings,
): AgentBackend {
  return {
    name: "gemini",
    defaultExecutable: "gemini",
    validateModel: validateGeminiModel,
    validateEffort: validateStandardEffort,
    ignoresModel: false,
    ignoresEffort: true,
    reportsTokens: true,
    credentialEnv: [
      "GEMINI_API_KEY",
      "GOOGLE_API_KEY",
      "GOOGLE_APPLICATION_CREDENTIALS",
    ],
    buildInvocation(unit, prompt, place): BackendInvocation {
      return {
        file: settings.executable ?? "gemini",
        args: geminiArgs(unit, settings, place),
        ...envChanges({ GEMINI_CLI_TRUST_WORKSPACE: "true" }, settings),
        stdin: prompt,
        files: [
          {
            path: geminiPolicyPath(place.workDir),
            content: geminiPolicyToml(),
          },
        ],
      };
    },
    createReader: createGeminiReader,
    finish: finishGemini,
    probe: {
      versionArgs: ["--version"],
      helpArgs: ["--help"],
      flags: [
        "--output-format",
        "--approval-mode",
        "--policy",
        "--model",
        "--prompt",
      ],
    },
    scratchPaths: [],
  };
}
