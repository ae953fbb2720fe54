// The aider backend (agents.md AG-BE-7): the prompt as a message file, no commits of its own, text output.
// Output: Aider-AI/aider aider/coders/base_coder.py (the `Tokens: … Cost: $<m> message, $<s> session.` report)
// and aider/exceptions.py (RateLimitError, "The API provider has rate limited you.").
import path from "node:path";
import type {
  AgentBackend,
  AgentResult,
  BackendInvocation,
  BackendLine,
  BackendPlace,
  BackendReader,
} from "../backend.js";
import { firstLine } from "./activity.js";
import { buildResult } from "./agent-result.js";
import type { CommonBackendSettings } from "./backend-settings.js";
import { envChanges } from "./env-settings.js";
import { promptAsFile } from "./prompt-delivery.js";
import { validateAnyModelId, validateStandardEffort } from "./vocabulary.js";

// CSI and OSC escape sequences, which aider may print even with --no-pretty.
const ANSI =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

// Text without terminal escape sequences.
export function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}

// The argv after `aider`; its history files go to the unit's work folder, not the repository.
export function aiderArgs(
  unit: { model: string | null },
  settings: Pick<CommonBackendSettings, "argsExtra">,
  promptFile: string,
  place: Pick<BackendPlace, "workDir">,
): string[] {
  return [
    "--message-file",
    promptFile,
    "--yes-always",
    "--no-auto-commits",
    "--no-dirty-commits",
    "--no-gitignore",
    "--no-pretty",
    "--no-check-update",
    "--analytics-disable",
    "--chat-history-file",
    path.join(place.workDir, "aider.chat.md"),
    "--input-history-file",
    path.join(place.workDir, "aider.input"),
    ...(unit.model === null ? [] : ["--model", unit.model]),
    ...settings.argsExtra,
  ];
}

// The session cost of the last `Cost: $<m> message, $<s> session.` line, or undefined.
export function aiderSessionCost(text: string): number | undefined {
  const matches = [
    ...text.matchAll(/Cost: \$([\d.]+) message, \$([\d.]+) session\./g),
  ];
  const last = matches.at(-1)?.[2];
  const value = last === undefined ? NaN : Number(last);
  return Number.isFinite(value) ? value : undefined;
}

// Whether the output after the last `Tokens:` line reports a rate limit.
function isRateLimitedAfterLastExchange(text: string): boolean {
  const at = text.lastIndexOf("Tokens:");
  const tail = at < 0 ? text : text.slice(at);
  return /RateLimitError|rate limited you/i.test(tail);
}

// Normalizes aider's text output: the exit code decides, unless a rate limit ended the run (AG-BE-7).
export function finishAider(
  stdout: string,
  stderr: string,
  exitCode: number | null,
): AgentResult {
  const text = stripAnsi(stdout);
  const isRateLimited = isRateLimitedAfterLastExchange(
    `${text}\n${stripAnsi(stderr)}`,
  );
  const cost = aiderSessionCost(text);
  return buildResult({
    finalText: text,
    terminal: exitCode === 0 && !isRateLimited ? "success" : "error",
    exitCode,
    stderr,
    ...(cost !== undefined ? { costUsd: cost } : {}),
    isRateLimited,
  });
}

// Live reader: each non-blank line is activity; text output has no terminal event.
export function createAiderReader(): BackendReader {
  return {
    push(line): BackendLine {
      return { activity: firstLine(stripAnsi(line)), isTerminal: false };
    },
  };
}

// The aider adapter, bound to its settings.
export function createAiderBackend(
  settings: CommonBackendSettings,
): AgentBackend {
  return {
    name: "aider",
    defaultExecutable: "aider",
    validateModel: validateAnyModelId,
    validateEffort: validateStandardEffort,
    ignoresModel: false,
    ignoresEffort: true,
    reportsTokens: false,
    credentialEnv: ["OPENAI_API_KEY", "ANTHROPIC_API_KEY", "AIDER_*"],
    buildInvocation(unit, prompt, place): BackendInvocation {
      const prompted = promptAsFile(prompt, place);
      return {
        file: settings.executable ?? "aider",
        args: aiderArgs(unit, settings, prompted.path, place),
        ...envChanges({}, settings),
        stdin: null,
        files: [prompted.file],
      };
    },
    createReader: createAiderReader,
    finish: finishAider,
    probe: {
      versionArgs: ["--version"],
      helpArgs: ["--help"],
      flags: [
        "--message-file",
        "--yes-always",
        "--no-auto-commits",
        "--no-dirty-commits",
        "--no-gitignore",
        "--no-pretty",
        "--no-check-update",
        "--analytics-disable",
        "--chat-history-file",
        "--input-history-file",
        "--model",
      ],
    },
    scratchPaths: [".aider*"],
  };
}
