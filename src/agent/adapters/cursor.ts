// The cursor backend (agents.md AG-BE-5): `cursor-agent -p --output-format stream-json`, the prompt as the last argument.
// Stream shape: docs.cursor.com/en/cli/reference/output-format (system init, assistant, tool_call started/completed,
// result {subtype, is_error, result, session_id}); it may stay alive after `result` (cursor/cursor#3588).
import type {
  AgentBackend,
  AgentResult,
  BackendInvocation,
} from "../backend.js";
import { buildResult } from "./agent-result.js";
import type { CommonBackendSettings } from "./backend-settings.js";
import {
  claudeLikeText,
  createClaudeLikeReader,
  readClaudeLike,
} from "./claude-like-stream.js";
import { envChanges } from "./env-settings.js";
import { stringAt } from "./json-lines.js";
import { promptAsArg } from "./prompt-delivery.js";
import { validateAnyModelId, validateStandardEffort } from "./vocabulary.js";

// The argv after `cursor-agent`, without the prompt argument.
export function cursorArgs(
  unit: { model: string | null },
  settings: Pick<CommonBackendSettings, "argsExtra">,
): string[] {
  return [
    "-p",
    "--output-format",
    "stream-json",
    "--force",
    "--trust",
    ...(unit.model === null ? [] : ["--model", unit.model]),
    ...settings.argsExtra,
  ];
}

// Normalizes a whole cursor-agent stdout: the result decides; no usage or cost is taken (AG-BE-5).
export function finishCursor(
  stdout: string,
  stderr: string,
  exitCode: number | null,
): AgentResult {
  const read = readClaudeLike(stdout);
  const result = read.result;
  const isError =
    result !== undefined &&
    (result.is_error === true || stringAt(result, "subtype") !== "success");
  const subtype = stringAt(result, "subtype");
  return buildResult({
    finalText: claudeLikeText(read, stdout),
    terminal: result === undefined ? "none" : isError ? "error" : "success",
    exitCode,
    stderr,
    ...(read.sessionId !== undefined ? { sessionId: read.sessionId } : {}),
    ...(read.model !== undefined ? { model: read.model } : {}),
    ...(subtype !== undefined ? { subtype } : {}),
    errorText: isError
      ? (stringAt(result, "result") ?? stringAt(result, "error") ?? "")
      : "",
  });
}

// The cursor adapter, bound to its settings.
export function createCursorBackend(
  settings: CommonBackendSettings,
): AgentBackend {
  return {
    name: "cursor",
    defaultExecutable: "cursor-agent",
    validateModel: validateAnyModelId,
    validateEffort: validateStandardEffort,
    ignoresModel: false,
    ignoresEffort: true,
    reportsTokens: false,
    credentialEnv: ["CURSOR_API_KEY"],
    buildInvocation(unit, prompt, place): BackendInvocation {
      const delivery = promptAsArg(prompt, place);
      return {
        file: settings.executable ?? "cursor-agent",
        args: [...cursorArgs(unit, settings), delivery.arg],
        ...envChanges({}, settings),
        stdin: null,
        files: delivery.files,
      };
    },
    createReader: createClaudeLikeReader,
    finish: finishCursor,
    probe: {
      versionArgs: ["--version"],
      helpArgs: ["--help"],
      flags: ["--print", "--output-format", "--force", "--trust", "--model"],
    },
    scratchPaths: [],
  };
}
