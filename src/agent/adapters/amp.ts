// The amp backend (agents.md AG-BE-6): `amp -x --stream-json`, Claude Code-compatible stream JSON.
// Stream shape: ampcode.com/news/streaming-json (system init, assistant/user messages with Anthropic usage,
// result with subtype success | error_during_execution | error_max_turns).
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
import { acceptAnything, validateStandardEffort } from "./vocabulary.js";

// The argv after `amp`.
export function ampArgs(
  settings: Pick<CommonBackendSettings, "argsExtra">,
): string[] {
  return [
    "-x",
    "--stream-json",
    "--dangerously-allow-all",
    ...settings.argsExtra,
  ];
}

// Normalizes a whole amp stdout: `result` subtype success → success, error_* or is_error → error.
export function finishAmp(
  stdout: string,
  stderr: string,
  exitCode: number | null,
): AgentResult {
  const read = readClaudeLike(stdout);
  const result = read.result;
  const subtype = stringAt(result, "subtype");
  const isError =
    result !== undefined && (result.is_error === true || subtype !== "success");
  return buildResult({
    finalText: claudeLikeText(read, stdout),
    terminal: result === undefined ? "none" : isError ? "error" : "success",
    exitCode,
    stderr,
    usage: read.usage,
    ...(read.sessionId !== undefined ? { sessionId: read.sessionId } : {}),
    ...(read.model !== undefined ? { model: read.model } : {}),
    ...(subtype !== undefined ? { subtype } : {}),
    errorText: isError
      ? (stringAt(result, "error") ?? stringAt(result, "result") ?? "")
      : "",
  });
}

// The amp adapter, bound to its settings; amp takes no model or effort flag.
export function createAmpBackend(
  settings: CommonBackendSettings,
): AgentBackend {
  return {
    name: "amp",
    defaultExecutable: "amp",
    validateModel: acceptAnything,
    validateEffort: validateStandardEffort,
    ignoresModel: true,
    ignoresEffort: true,
    reportsTokens: true,
    credentialEnv: ["AMP_API_KEY"],
    buildInvocation(_unit, prompt): BackendInvocation {
      return {
        file: settings.executable ?? "amp",
        args: ampArgs(settings),
        ...envChanges({}, settings),
        stdin: prompt,
        files: [],
      };
    },
    createReader: createClaudeLikeReader,
    finish: finishAmp,
    probe: {
      versionArgs: ["--version"],
      helpArgs: ["--help"],
      // amp 0.0.1790 hides --dangerously-allow-all from --help but accepts it (test/agent/real-cli-argv.slow.test.ts)
      flags: ["--execute", "--stream-json"],
    },
    scratchPaths: [],
  };
}
