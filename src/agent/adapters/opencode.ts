// The opencode backend (agents.md AG-BE-4): `opencode run --format json`, permissions through OPENCODE_PERMISSION.
// Event shapes: anomalyco/opencode packages/opencode/src/cli/cmd/run.ts (emit: step_start, tool_use,
// step_finish, text, reasoning, error, done) and src/session/message-v2.ts (StepFinishPart tokens and cost).
import type {
  AgentBackend,
  AgentResult,
  BackendInvocation,
  BackendLine,
  BackendReader,
  VocabularyVerdict,
} from "../backend.js";
import { firstLine, summarizeTool } from "./activity.js";
import { addUsage, buildResult } from "./agent-result.js";
import type { OpencodeBackendSettings } from "./backend-settings.js";
import { envChanges } from "./env-settings.js";
import { gitWriteCommands } from "./git-write-commands.js";
import {
  costValue,
  countAt,
  isJsonObject,
  jsonLines,
  objectAt,
  parseJsonLine,
  stringAt,
  type Json,
} from "./json-lines.js";
import { validateStandardEffort, verdict } from "./vocabulary.js";

const RATE_LIMIT_STATUS = new Set([429, 503, 529]);

// `provider/model`, as opencode's -m takes it.
export function validateOpencodeModel(model: string): VocabularyVerdict {
  return verdict(/^[^/\s]+\/\S+$/.test(model), "a `provider/model` id");
}

// The user's permission block, then a bash deny for every `git <sub>` and `git <sub> *` (last match wins in opencode).
export function opencodePermission(
  user: Record<string, unknown> | null,
): Record<string, unknown> {
  const base = user ?? {};
  const bash = base.bash;
  const userBash = isJsonObject(bash)
    ? bash
    : typeof bash === "string"
      ? { "*": bash }
      : {};
  const denies = Object.fromEntries(
    gitWriteCommands().flatMap((c) => [
      [c, "deny"],
      [`${c} *`, "deny"],
    ]),
  );
  return { ...base, bash: { ...userBash, ...denies } };
}

// The argv after `opencode`.
export function opencodeArgs(
  unit: { model: string | null },
  settings: Pick<OpencodeBackendSettings, "argsExtra">,
): string[] {
  return [
    "run",
    "--format",
    "json",
    ...(unit.model === null ? [] : ["-m", unit.model]),
    ...settings.argsExtra,
  ];
}

// Live reader: tool_use and text feed the status line; `done` ends the run.
export function createOpencodeReader(): BackendReader {
  return {
    push(line): BackendLine {
      const event = parseJsonLine(line);
      const type = stringAt(event, "type");
      const part = objectAt(event, "part");
      let activity: string | null = null;
      if (type === "tool_use" && part !== undefined)
        activity = summarizeTool(
          stringAt(part, "tool") ?? "tool",
          objectAt(objectAt(part, "state"), "input"),
        );
      else if (type === "text")
        activity = firstLine(stringAt(part, "text") ?? "");
      return { activity, isTerminal: type === "done" };
    },
  };
}

// The terminal state: `done` → success, unless an error came; without `done`, the last step's reason decides.
function opencodeTerminal(events: Json[]): AgentResult["terminal"] {
  const hasError = events.some((e) => stringAt(e, "type") === "error");
  if (hasError) return "error";
  if (events.some((e) => stringAt(e, "type") === "done")) return "success";
  const steps = events.filter((e) => stringAt(e, "type") === "step_finish");
  const last = steps.at(-1);
  if (last === undefined) return "none";
  return stringAt(objectAt(last, "part"), "reason") === "tool-calls"
    ? "none"
    : "success";
}

/** What the event lines of one opencode run add up to. */
interface OpencodeFold {
  texts: string[];
  errors: string[];
  usage: AgentResult["usage"];
  cost?: number;
  sessionId?: string;
  isRateLimited: boolean;
  retryAfter?: number;
  denials: string[];
}

// An `error` event: its message, a rate-limit status (APIError 429/503/529) and the server's retry-after.
function foldError(fold: OpencodeFold, event: Json): void {
  const error = objectAt(event, "error");
  const data = objectAt(error, "data");
  fold.errors.push(
    stringAt(data, "message") ?? stringAt(error, "name") ?? "error",
  );
  const status = data?.statusCode;
  if (stringAt(error, "name") === "APIError" && typeof status === "number")
    fold.isRateLimited ||= RATE_LIMIT_STATUS.has(status);
  const after = Number(
    stringAt(objectAt(data, "responseHeaders"), "retry-after") ?? NaN,
  );
  if (Number.isFinite(after) && after >= 0) fold.retryAfter = after;
}

// A tool call a deny rule refused: `bash: git commit -am x` (opencode's permission-check error text).
function deniedCall(part: Json): string | null {
  const state = objectAt(part, "state");
  const error = stringAt(state, "error") ?? "";
  if (
    stringAt(state, "status") !== "error" ||
    !/specified a rule which prevents/.test(error)
  )
    return null;
  const command = stringAt(objectAt(state, "input"), "command");
  const tool = stringAt(part, "tool") ?? "tool";
  return command === undefined ? tool : `${tool}: ${command}`;
}

function foldEvent(fold: OpencodeFold, event: Json): void {
  fold.sessionId ??= stringAt(event, "sessionID");
  const type = stringAt(event, "type");
  const part = objectAt(event, "part");
  if (type === "text") fold.texts.push(stringAt(part, "text") ?? "");
  else if (type === "step_finish" && part !== undefined) {
    fold.usage = addUsage(fold.usage, stepUsage(part));
    const stepCost = costValue(part.cost);
    if (stepCost !== undefined) fold.cost = (fold.cost ?? 0) + stepCost;
  } else if (type === "error") foldError(fold, event);
  else if (type === "tool_use" && part !== undefined) {
    const denial = deniedCall(part);
    if (denial !== null) fold.denials.push(denial);
  } else if (type === "done" && Array.isArray(event.rejected))
    fold.denials.push(
      ...event.rejected.filter((r): r is string => typeof r === "string"),
    );
}

// Normalizes a whole `opencode run --format json` stdout (AG-BE-4).
export function finishOpencode(
  stdout: string,
  stderr: string,
  exitCode: number | null,
): AgentResult {
  const events = jsonLines(stdout);
  const fold: OpencodeFold = {
    texts: [],
    errors: [],
    usage: {},
    isRateLimited: false,
    denials: [],
  };
  for (const event of events) foldEvent(fold, event);
  const result = buildResult({
    finalText:
      fold.texts.length > 0 || events.length > 0
        ? fold.texts.join("\n")
        : stdout,
    terminal: opencodeTerminal(events),
    exitCode,
    stderr,
    usage: fold.usage,
    ...(fold.cost !== undefined ? { costUsd: fold.cost } : {}),
    ...(fold.sessionId !== undefined ? { sessionId: fold.sessionId } : {}),
    errorText: fold.errors.join("\n"),
    isRateLimited: fold.isRateLimited,
    permissionDenials: fold.denials,
  });
  return result.isRateLimited && fold.retryAfter !== undefined
    ? { ...result, retryAfterSeconds: fold.retryAfter }
    : result;
}

// One step_finish part's tokens (input excludes cache reads in opencode's accounting).
function stepUsage(part: Json): AgentResult["usage"] {
  const tokens = objectAt(part, "tokens");
  const cache = objectAt(tokens, "cache");
  const pick = {
    input: countAt(tokens, "input"),
    output: countAt(tokens, "output"),
    reasoning: countAt(tokens, "reasoning"),
    cacheRead: countAt(cache, "read"),
    cacheWrite: countAt(cache, "write"),
  };
  return Object.fromEntries(
    Object.entries(pick).filter(([, v]) => v !== undefined),
  ) as AgentResult["usage"];
}

// The opencode adapter, bound to its settings.
export function createOpencodeBackend(
  settings: OpencodeBackendSettings,
): AgentBackend {
  return {
    name: "opencode",
    defaultExecutable: "opencode",
    validateModel: validateOpencodeModel,
    validateEffort: validateStandardEffort,
    ignoresModel: false,
    ignoresEffort: true,
    reportsTokens: true,
    credentialEnv: [
      "ANTHROPIC_API_KEY",
      "OPENAI_API_KEY",
      "OPENROUTER_API_KEY",
      "GEMINI_API_KEY",
    ],
    buildInvocation(unit, prompt): BackendInvocation {
      const permission = JSON.stringify(
        opencodePermission(settings.permission),
      );
      return {
        file: settings.executable ?? "opencode",
        args: opencodeArgs(unit, settings),
        ...envChanges({}, settings, { OPENCODE_PERMISSION: permission }),
        stdin: prompt,
        files: [],
      };
    },
    createReader: createOpencodeReader,
    finish: finishOpencode,
    probe: {
      versionArgs: ["--version"],
      helpArgs: ["run", "--help"],
      flags: ["--format", "--model"],
    },
    scratchPaths: [],
  };
}
